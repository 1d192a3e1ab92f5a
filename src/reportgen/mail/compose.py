"""`Mail` + recipients + built files → one `EmailMessage`, correct for Japanese clients.

Built with Python's `email` package (EmailMessage, policy SMTP): UTF-8 text, the subject
and names MIME-encoded (RFC 2047), attachment names as RFC 2231 `filename*` for current
clients with an RFC 2047 `name=` on the Content-Type as the fallback that older Outlook and
webmail read, CRLF line ends, 78-character folding. With charset iso-2022-jp the body and
subject are written in ISO-2022-JP (7bit) for legacy Japanese systems.

Same inputs, same bytes: the MIME boundaries and the Message-ID are digests of the content
and the Date, which the caller fixes (the time the message is composed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
from email.header import Header
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from typing import Sequence

from reportgen.model import Mail, Recipients, RichText

# 7bit: never raw 8-bit text (servers without 8BITMIME exist). refold_source none: the
# attachments' Content-Type lines we write are kept as written (see _media_type).
POLICY = SMTP.clone(cte_type="7bit", refold_source="none")
MEDIA_TYPES = {  # by output format: mimetypes' tables depend on the OS
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
MAX_LINE = 998  # RFC 5322's hard limit for a line, without CRLF


def compose(mail: Mail, recipients: Recipients, attachments: Sequence[tuple[str, Path]],
            when: dt.datetime) -> EmailMessage:
    """The message to `recipients` (and the mail's Cc), with each (format, path) attached.
    Bcc is in no header: the caller passes `mail.envelope(recipients)` to the server."""
    files = [(fmt, path, path.read_bytes()) for fmt, path in attachments]
    digest = _digest(mail, recipients, files, when)
    msg = EmailMessage(policy=POLICY)
    msg["From"] = mail.sender
    if mail.reply_to:
        msg["Reply-To"] = mail.reply_to
    msg["To"] = ", ".join(recipients.to)
    if mail.cc:
        msg["Cc"] = ", ".join(mail.cc)
    _subject(msg, mail)
    msg["Date"] = format_datetime(when)
    _body(msg, mail)
    for fmt, path, data in files:
        _attach(msg, fmt, path.name, data)
    _boundaries(msg, digest)
    msg["Message-ID"] = f"<{digest[:32]}@{msg['From'].addresses[0].domain}>"
    return msg


def _digest(mail: Mail, recipients: Recipients, files: list[tuple[str, Path, bytes]], when: dt.datetime) -> str:
    """What makes the message this message: the same content to the same people at the
    same time gets the same Message-ID (a retried send is recognisably the same mail)."""
    h = hashlib.sha256(repr((mail, recipients, when.isoformat())).encode())
    for fmt, path, data in files:
        h.update(f"{fmt}\0{path.name}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def plain_text(text: RichText) -> str:
    """The body as plain text: a link shows its address after its label."""
    parts = []
    for span in text.spans:
        target = (span.link or "").removeprefix("mailto:")
        parts.append(f"{span.text} <{target}>" if target and target != span.text else span.text)
    return "".join(parts)


def html_text(text: RichText) -> str:
    """The body as a small HTML document: bold, links and line breaks; everything escaped."""
    parts = []
    for span in text.spans:
        piece = html.escape(span.text).replace("\n", "<br>\n")
        if span.bold:
            piece = f"<b>{piece}</b>"
        if span.link:
            piece = f'<a href="{html.escape(span.link, quote=True)}">{piece}</a>'
        parts.append(piece)
    return f'<!DOCTYPE html>\n<html><body style="font-family: sans-serif">\n{"".join(parts)}\n</body></html>\n'


def _subject(msg: EmailMessage, mail: Mail) -> None:
    if mail.charset == "utf-8":
        msg["Subject"] = mail.subject
        return
    # The policy would write any subject as UTF-8 encoded words; legacy systems need the
    # ISO-2022-JP ones, which email.header makes and set_raw stores as they are.
    msg.set_raw("Subject", Header(mail.subject, mail.charset, header_name="Subject").encode(linesep="\n"))


def _body(msg: EmailMessage, mail: Mail) -> None:
    text = plain_text(mail.body)
    if mail.charset == "utf-8":
        msg.set_content(text)  # the policy picks 7bit, quoted-printable or base64
    else:
        longest = max(len(line) for line in text.encode(mail.charset).splitlines() or [b""])
        msg.set_content(text, charset=mail.charset, cte="7bit" if longest <= MAX_LINE else "base64")
    if mail.html:
        msg.add_alternative(html_text(mail.body), subtype="html", charset=mail.charset,
                            cte=None if mail.charset == "utf-8" else "base64")


def _attach(msg: EmailMessage, fmt: str, name: str, data: bytes) -> None:
    maintype, subtype = MEDIA_TYPES[fmt]
    msg.add_attachment(data, maintype, subtype, filename=name)
    part = list(msg.iter_attachments())[-1]
    del part["Content-Type"]
    part.set_raw("Content-Type", _media_type(maintype, subtype, name))


def _media_type(maintype: str, subtype: str, name: str) -> str:
    """The Content-Type line, written here: CPython 3.11 folds the 73-character xlsx/docx
    media type into encoded words, which no client reads. The `name` parameter is the
    fallback for clients that ignore RFC 2231 (`filename*`): RFC 2047 words in quotes."""
    fallback = name if name.isascii() else Header(name, "utf-8").encode(linesep="\n", maxlinelen=76)
    return f"{maintype}/{subtype};\n name=\"{fallback}\""


def _boundaries(msg: EmailMessage, digest: str) -> None:
    """Fixed MIME boundaries from the content (the email package draws random ones)."""
    for n, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary(f"=_reportgen_{n}_{digest[:24]}")
