"""The `mail` sheet as plain data: who gets the appendix, and the words that go with it."""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.diagnostics import CellRef
from reportgen.model.text import RichText

ATTACHABLE = ("xlsx", "pdf", "docx")
CHARSETS = ("utf-8", "iso-2022-jp")


@dataclass(frozen=True)
class Recipients:
    """One message's To: a `to` row of the sheet (or `--to`). Addresses are validated and
    written as the email package writes them ("広報部 <pr@example.com>")."""

    to: tuple[str, ...]
    ref: CellRef | str = ""


@dataclass(frozen=True)
class Mail:
    """The message that goes with the outputs. Subject and body are already expanded:
    their {name} citations hold the same figures as the PDF."""

    sender: str
    subject: str
    body: RichText
    lists: tuple[Recipients, ...]  # one message each; cc and bcc go with every one
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()
    reply_to: str = ""
    attach: tuple[str, ...] = ("xlsx",)
    charset: str = "utf-8"
    html: bool = False
    ref: CellRef = CellRef("mail")

    def envelope(self, recipients: Recipients) -> tuple[str, ...]:
        """Everyone who gets the message to `recipients` (Bcc is in no header)."""
        return recipients.to + self.cc + self.bcc
