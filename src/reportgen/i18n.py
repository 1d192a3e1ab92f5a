"""Messages in the user's language: Japanese or English, through gettext catalogs.

Every message a person reads (errors, warnings, progress, help) is written in English in
the code as `tr("… {name} …").format(name=…)`; `tr` looks it up in the catalog of the
language in use (src/reportgen/locale/<lang>/LC_MESSAGES/reportgen.mo, compiled from the
.po beside it by `python scripts/messages.py`). The language is chosen once per process,
by `--lang` or else the locale (LC_ALL, LC_MESSAGES, LANG: `ja…` means Japanese), and
handed to child processes through REPORTGEN_LANG. argparse's own words (usage, error,
"show this help message") are in the same catalog: they follow the same choice.
"""

from __future__ import annotations

import gettext
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "reportgen"
LOCALES = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("en", "ja")
ENV = "REPORTGEN_LANG"


def detect(environ: os._Environ | dict[str, str] = os.environ) -> str:
    """The language the environment asks for: REPORTGEN_LANG, else the POSIX locale
    variables in their order of precedence; Japanese for `ja`/`ja_JP.UTF-8`, else English."""
    for var in (ENV, "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def use(lang: str) -> None:
    """Speak `lang` from now on, in this process and the processes it starts."""
    os.environ[ENV] = lang
    # argparse (and any library using gettext's global domain) reads the same catalog
    gettext.bindtextdomain(DOMAIN, str(LOCALES))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang


@lru_cache(maxsize=4)
def _catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALES, languages=[lang], fallback=True)


def tr(message: str) -> str:
    """`message` in the language in use (itself when there is no translation)."""
    return _catalog(detect()).gettext(message)


def ntr(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for `n`, in the language in use."""
    return _catalog(detect()).ngettext(singular, plural, n)
