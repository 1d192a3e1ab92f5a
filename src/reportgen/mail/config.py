"""The SMTP server and its credentials: from the environment, else from the user's config
file (`$XDG_CONFIG_HOME/reportgen/mail.toml`, by default `~/.config/reportgen/mail.toml`).
Never from the workbook (a workbook is passed around; a password must not be), and never
printed: the password is kept out of `repr` and out of every message.

    [smtp]
    host = "smtp.example.com"
    port = 587                 # default: 587 for starttls, 465 for tls, 25 for none
    security = "starttls"      # starttls, tls (implicit, port 465) or none
    user = "pr@example.com"
    password = "..."
    timeout = 30               # seconds per connection attempt
    retries = 3                # retries after a temporary (4xx) failure or a dropped connection
    backoff = 2                # seconds before the first retry, doubled each time
    cafile = "/path/to/ca.pem" # optional: a CA bundle to trust besides the system's

Each key can also be given as REPORTGEN_SMTP_<KEY> (REPORTGEN_SMTP_PASSWORD, ...), which
wins over the file.
"""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.i18n import tr

SECURITY = ("starttls", "tls", "none")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
ENV_PREFIX = "REPORTGEN_SMTP_"
_KEYS = ("host", "port", "security", "user", "password", "timeout", "retries", "backoff", "cafile")


@dataclass(frozen=True)
class Server:
    """Where and how to send. `password` never appears in repr (and so in no traceback)."""

    host: str
    port: int
    security: str = "starttls"
    user: str = ""
    password: str = field(default="", repr=False)
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 2.0
    cafile: Path | None = None

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


def config_file(env: Mapping[str, str] = os.environ) -> Path:
    """The user's config file, per the XDG base directory spec (a relative value is ignored)."""
    base = env.get("XDG_CONFIG_HOME", "")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / "reportgen" / "mail.toml"


def load_server(env: Mapping[str, str] = os.environ) -> Server:
    """The server settings; a missing or bad setting is an error naming where to set it."""
    path = config_file(env)
    settings = dict(_from_file(path))
    settings.update({k: env[ENV_PREFIX + k.upper()] for k in _KEYS if env.get(ENV_PREFIX + k.upper())})
    where = f"{path} or {ENV_PREFIX}*"
    if not settings.get("host"):
        raise ReportError(Diagnostic(where, tr("no SMTP server: set host (see README: mailing the appendix)")))
    security = str(settings.get("security", "starttls")).lower()
    if security not in SECURITY:
        raise ReportError(Diagnostic(where, tr("security {security!r}: expected {SECURITY}").format(security=security, SECURITY=', '.join(SECURITY))))
    if settings.get("user") and security == "none":
        raise ReportError(Diagnostic(where, tr("refusing to send a password over an unencrypted connection: set security to starttls or tls")))
    if not str(settings.get("password", "")).isascii():  # smtplib's AUTH encodes it as ASCII
        raise ReportError(Diagnostic(where, tr("the password has non-ASCII characters, which SMTP login cannot send")))
    try:
        return Server(
            host=str(settings["host"]), port=int(settings.get("port", DEFAULT_PORTS[security])),
            security=security, user=str(settings.get("user", "")), password=str(settings.get("password", "")),
            timeout=float(settings.get("timeout", 30)), retries=int(settings.get("retries", 3)),
            backoff=float(settings.get("backoff", 2)),
            cafile=Path(settings["cafile"]) if settings.get("cafile") else None,
        )
    except ValueError as exc:  # the message names the bad value, which is never the password's
        raise ReportError(Diagnostic(where, tr("a setting is not a number ({split})").format(split=str(exc).split(':')[0]))) from None


def _from_file(path: Path) -> dict[str, object]:
    if not path.is_file():
        return {}
    if path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ReportError(Diagnostic(str(path), tr("readable by other users: it may hold a password; make it private (chmod 600 {path})").format(path=path)))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ReportError(Diagnostic(str(path), tr("not a valid TOML file ({exc})").format(exc=exc))) from None
    smtp = data.get("smtp", {})
    unknown = sorted(set(smtp) - set(_KEYS)) if isinstance(smtp, dict) else ["(smtp is not a table)"]
    if unknown:
        raise ReportError(Diagnostic(str(path), tr("unknown setting(s) {unknown} in [smtp] (expected {KEYS})").format(unknown=', '.join(unknown), KEYS=', '.join(_KEYS))))
    return smtp
