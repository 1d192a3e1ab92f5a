"""Keep the message catalogs in step with the code (Babel, the standard gettext toolchain).

    python scripts/messages.py          extract → update locale/ja/…/reportgen.po → compile .mo
    python scripts/messages.py --check  exit 1 when the catalog is out of step (used by the tests)

Messages are the `tr("…")` and `ntr("…", "…", n)` calls in src/reportgen, plus argparse's
own words (usage, error, help), so that `--help` and a wrong command line read in Japanese
too. A new message gets an empty translation, which tests/test_messages.py reports until
someone writes it; a message no longer in the code leaves the catalog.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import datetime as dt

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "reportgen"
LANGS = ("ja",)
KEYWORDS = {"tr": None, "ntr": (1, 2)}
ARGPARSE_KEYWORDS = {"_": None, "ngettext": (1, 2)}
FIXED = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)  # the same catalog bytes on every run


def po_path(lang: str) -> Path:
    return SRC / "locale" / lang / "LC_MESSAGES" / "reportgen.po"


def extracted() -> dict[str | tuple[str, str], None]:
    """Every message id of the code and of argparse, in a stable order."""
    found: dict[str | tuple[str, str], None] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(SRC), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()):
        found.setdefault(message, None)
    for _line, message, _comments, _context in extract_from_file("python", argparse.__file__,
                                                                keywords=ARGPARSE_KEYWORDS):
        found.setdefault(message, None)
    return found


def updated(lang: str) -> Catalog:
    """The language's catalog with the code's messages: translations kept, new ones empty."""
    path = po_path(lang)
    old = read_po(path.open("rb"), locale=lang) if path.exists() else Catalog(locale=lang)
    new = Catalog(locale=lang, domain="reportgen", project="reportgen", version="", fuzzy=False,
                  charset="utf-8", creation_date=FIXED, revision_date=FIXED,
                  last_translator="reportgen developers", language_team="")
    for message in extracted():
        key = message[0] if isinstance(message, tuple) else message
        if not key:
            continue
        before = old.get(key)
        new.add(message, before.string if before is not None else ("", "") if isinstance(message, tuple) else "")
    return new


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=True)
    return out.getvalue()


def mo_bytes(po: bytes, lang: str) -> bytes:
    """The .mo of the .po text (compiled from the text, so both always agree)."""
    out = io.BytesIO()
    write_mo(out, read_po(io.BytesIO(po), locale=lang), use_fuzzy=False)
    return out.getvalue()


def main(argv: list[str]) -> int:
    stale = []
    for lang in LANGS:
        catalog = updated(lang)
        po, mo = po_path(lang), po_path(lang).with_suffix(".mo")
        text = po_bytes(catalog)
        want = {po: text, mo: mo_bytes(text, lang)}
        for path, data in want.items():
            if not path.exists() or path.read_bytes() != data:
                stale.append(path)
                if "--check" not in argv:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(data)
    if "--check" in argv and stale:
        print("out of step (run python scripts/messages.py): " + ", ".join(map(str, stale)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
