"""One composed message → the SMTP server (smtplib), and a line in the send log.

STARTTLS or implicit TLS, with the system's trust store (plus `cafile`); login only over
an encrypted connection. A temporary failure (4xx, or a dropped connection) is retried
after `backoff` seconds, doubled each time, and only for the recipients not yet accepted,
so nobody gets the message twice. A permanent failure (5xx) ends with an error that names
each recipient the server refused. The password appears in no message.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import smtplib
import ssl
import time
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Callable, Sequence

from reportgen.i18n import tr
from reportgen.mail.config import Server

LOG_NAME = "mail-log.jsonl"


class MailError(Exception):
    """The message did not reach every recipient: who, and what the server said."""


def send(msg: EmailMessage, envelope: Sequence[str], server: Server,
         sleep: Callable[[float], None] = time.sleep) -> None:
    """Deliver `msg` to every address of `envelope` (To, Cc and Bcc) or raise `MailError`."""
    sender = msg["From"].addresses[0].addr_spec
    pending = [_addr_spec(a) for a in envelope]
    refused: dict[str, tuple[int, bytes]] = {}
    for attempt in range(server.retries + 1):
        last = attempt == server.retries
        try:
            failed = _deliver(msg, sender, pending, server)
        except smtplib.SMTPRecipientsRefused as exc:  # every remaining recipient refused
            failed = exc.recipients
        except smtplib.SMTPAuthenticationError as exc:
            raise MailError(tr("{server} refused the login ({smtp_code} {said}); not sent to {pending}").format(server=server, smtp_code=exc.smtp_code, said=_said(exc.smtp_error), pending=', '.join(pending))) from None
        except smtplib.SMTPResponseException as exc:  # sender refused, data refused, ...
            if _temporary(exc.smtp_code) and not last:
                sleep(server.backoff * 2 ** attempt)
                continue
            raise MailError(tr("{server} refused the message ({smtp_code} {said}); not sent to {pending}").format(server=server, smtp_code=exc.smtp_code, said=_said(exc.smtp_error), pending=', '.join(pending))) from None
        except (smtplib.SMTPException, OSError) as exc:  # dropped, timed out, TLS failed, unreachable
            if not last:
                sleep(server.backoff * 2 ** attempt)
                continue
            raise MailError(tr("could not deliver through {server} ({connection_problem}); not sent to "
                               "{pending}").format(server=server, connection_problem=_connection_problem(exc), pending=', '.join(pending))) from None
        refused.update({r: v for r, v in failed.items() if not _temporary(v[0]) or last})
        pending = [r for r in failed if r not in refused]
        if not pending:
            break
        sleep(server.backoff * 2 ** attempt)
    if refused:
        raise MailError("; ".join(f"{server} refused {r}: {code} {_said(text)}" for r, (code, text) in refused.items()))


def _deliver(msg: EmailMessage, sender: str, recipients: list[str], server: Server) -> dict:
    context = ssl.create_default_context(cafile=server.cafile)
    if server.security == "tls":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(server.host, server.port, timeout=server.timeout, context=context)
    else:
        smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
    with smtp:
        if server.security == "starttls":
            smtp.starttls(context=context)
        if server.user:
            smtp.login(server.user, server.password)
        return smtp.send_message(msg, sender, recipients)


def _temporary(code: int) -> bool:
    return 400 <= code < 500


def _said(text: bytes | str) -> str:
    return (text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)).strip()


def _connection_problem(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return "the server closed the connection"
    if isinstance(exc, TimeoutError):
        return "timed out"
    if isinstance(exc, ssl.SSLError):
        return f"TLS failed: {exc.reason or exc}"
    return getattr(exc, "strerror", None) or type(exc).__name__


def _addr_spec(address: str) -> str:
    parsed = SMTP.header_factory("to", address).addresses[0]
    return parsed.addr_spec if isinstance(parsed, Address) else address


def log_line(folder: Path, msg: EmailMessage, envelope: Sequence[str], files: Sequence[Path],
             status: str, error: str = "") -> None:
    """Append who, when, which message and which files (by hash) to `folder`/mail-log.jsonl."""
    entry = {
        "time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "status": status,
        "message_id": msg["Message-ID"],
        "subject": str(msg["Subject"]),
        "to": list(envelope),
        "attachments": [{"name": f.name, "bytes": f.stat().st_size,
                         "sha256": hashlib.sha256(f.read_bytes()).hexdigest()} for f in files],
    }
    if error:
        entry["error"] = error
    with (folder / LOG_NAME).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
