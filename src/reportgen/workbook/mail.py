"""The `mail` sheet → `Mail`: the message that goes with the outputs (`reportgen mail`).

Keys in column A, values in column B, like `meta`. `to` may be given on several rows: each
row is one message (its own recipient list); `cc` and `bcc` go with every message. Subject
and body cite figures with {name} exactly as content cells do, plus the meta's title and
date, so the email's numbers are the PDF's. Nothing here may carry a line break into a
header: addresses are parsed and checked one by one, other header fields refuse newlines.
Server and credentials never come from the workbook (see reportgen.mail.config).
"""

from __future__ import annotations

import re
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.policy import SMTP

from reportgen.diagnostics import CellRef, Collector
from reportgen.i18n import tr
from reportgen.model import Mail, Meta, Recipients, RichText, Value
from reportgen.model.mail import ATTACHABLE, CHARSETS
from reportgen.workbook.inline import InlineError, Lookup, to_rich_text
from reportgen.workbook.source import Book, CellProblem, is_blank
from reportgen.workbook.suggest import did_you_mean

SHEET = "mail"
_KEYS = ("from", "reply_to", "to", "cc", "bcc", "subject", "body", "attach", "charset", "html")
_REQUIRED = ("from", "subject", "body")
_REPEATABLE = ("to",)
# The dot-atom of RFC 5322 with an ASCII domain of two or more labels: what every server takes.
_ADDR_SPEC = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                        r"@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+")
_LIST_SEPARATORS = re.compile(r"[;\n\r、，]")
_YES = {"yes", "true", "1", "はい"}
_NO = {"no", "false", "0", "いいえ", ""}


class MailProblem(CellProblem):
    """A problem with a value of the mail sheet."""


def read_mail(book: Book, diag: Collector, lookup: Lookup, meta: Meta) -> Mail | None:
    """The sheet as a `Mail`, or None without one; problems go to `diag` with their cells."""
    if SHEET not in book.sheetnames:
        return None
    rows = _rows(book, diag)
    cite = _with_meta(lookup, meta)
    fields: dict[str, object] = {}
    lists: list[tuple[tuple[str, ...], CellRef]] = []
    for key, coord in rows:
        where = CellRef(SHEET, coord)
        try:
            if key == "to":
                lists.append((addresses(book.raw(SHEET, coord)), where))
            else:
                fields[key] = _field(key, book, coord, cite)
        except CellProblem as exc:
            diag.add(where, str(exc))
    found = {key for key, _ in rows}
    for key in _REQUIRED:
        if key not in found:
            diag.add(CellRef(SHEET), tr("missing required key '{key}' (a row with '{key}' in column A)").format(key=key))
    if not all(key in fields for key in _REQUIRED):
        return None  # reported above, at the sheet or at the cell
    mail = Mail(
        sender=fields["from"], subject=fields["subject"], body=fields["body"],
        lists=tuple(Recipients(to, ref) for to, ref in lists), cc=fields.get("cc", ()), bcc=fields.get("bcc", ()),
        reply_to=fields.get("reply_to", ""), attach=fields.get("attach", ("xlsx",)),
        charset=fields.get("charset", "utf-8"), html=fields.get("html", False), ref=CellRef(SHEET),
    )
    _check_charset(mail, dict(rows), diag)
    return mail


def _rows(book: Book, diag: Collector) -> list[tuple[str, str]]:
    """(key, value coordinate) in sheet order; unknown and repeated keys reported."""
    ws = book.sheet(SHEET)
    rows: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for r in ws.visible_rows():
        key = ws.value(r, 1)
        if is_blank(key) or (r == 1 and str(key).strip().lower() == "key"):
            continue
        key = str(key).strip()
        if key not in _KEYS:
            diag.add(CellRef(SHEET, f"A{r}"), tr("unknown key '{key}' (expected one of {KEYS})").format(key=key, KEYS=', '.join(_KEYS))
                     + did_you_mean(key, _KEYS))
        elif key in seen and key not in _REPEATABLE:
            diag.add(CellRef(SHEET, f"A{r}"), tr("duplicate key '{key}' (first at A{seen})").format(key=key, seen=seen[key]))
        else:
            seen.setdefault(key, r)
            rows.append((key, f"B{r}"))
    return rows


def _field(key: str, book: Book, coord: str, cite: Lookup) -> object:
    raw = book.raw(SHEET, coord)
    if key in ("cc", "bcc"):
        return addresses(raw)
    if key in ("from", "reply_to"):
        found = addresses(raw)
        if len(found) != 1:
            raise MailProblem(tr("expected one address for {key}, found {count}").format(key=key, count=len(found)))
        return found[0]
    if key == "subject":
        return header_text(_cited(book, coord, cite).plain)
    if key == "body":
        body = _cited(book, coord, cite)
        if not body:
            raise MailProblem(tr("empty value (expected the message text)"))
        return body
    if key == "attach":
        return _formats(raw)
    if key == "charset":
        charset = str(raw or "").strip().lower()
        if charset not in CHARSETS:
            raise MailProblem(tr("found {raw!r}, expected {CHARSETS}").format(raw=raw, CHARSETS=' or '.join(CHARSETS)))
        return charset
    return _yes_no(raw)


def addresses(raw: object) -> tuple[str, ...]:
    """Addresses in a cell, separated by commas, semicolons or line breaks; each one checked.
    Returned as the policy writes them ("広報部 <pr@example.com>"), never as the raw text."""
    text = "" if raw is None else str(raw)
    if not text.strip():
        raise MailProblem(tr("empty value (expected an email address)"))
    try:
        header = SMTP.header_factory("to", _LIST_SEPARATORS.sub(",", text))
    except (HeaderParseError, IndexError, ValueError):
        raise MailProblem(tr("not an email address: {address!r}").format(address=text.strip())) from None
    found = []
    for address in header.addresses:
        if not isinstance(address, Address) or not _ADDR_SPEC.fullmatch(address.addr_spec):
            raise MailProblem(tr("not an email address: {address!r}").format(address=str(address) or text.strip()))
        found.append(str(address))
    if not found or header.defects:
        raise MailProblem(tr("not an email address: {address!r}").format(address=text.strip()))
    return tuple(found)


def header_text(text: str) -> str:
    """A one-line header value; a line break or control character would start a new header."""
    text = text.strip()
    if not text:
        raise MailProblem(tr("empty value (expected text)"))
    bad = [c for c in text if ord(c) < 32 or ord(c) == 127]
    if bad:
        what = (tr("a line break") if bad[0] in "\r\n"
                else tr("control character U+{code:04X}").format(code=ord(bad[0])))
        raise MailProblem(tr("{what} in a header field (a header is one line: remove it)").format(what=what))
    return text


def _cited(book: Book, coord: str, cite: Lookup) -> RichText:
    try:
        return to_rich_text(book.rich(SHEET, coord), cite)
    except InlineError as exc:
        raise MailProblem(str(exc)) from None


def _formats(raw: object) -> tuple[str, ...]:
    wanted = tuple(dict.fromkeys(f.strip().lower() for f in str(raw or "").split(",") if f.strip()))
    if not wanted or any(f not in ATTACHABLE for f in wanted):
        raise MailProblem(tr("found {raw!r}, expected a comma-separated subset of {ATTACHABLE}").format(raw=raw, ATTACHABLE=','.join(ATTACHABLE)))
    return wanted


def _yes_no(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw or "").strip().lower()
    if text in _YES | _NO:
        return text in _YES
    raise MailProblem(tr("found {raw!r}, expected yes or no").format(raw=raw))


def _with_meta(lookup: Lookup, meta: Meta) -> Lookup:
    """{name} as in content cells, then the meta's title, subtitle, organisation, doc_type,
    short_title and date by name (the date as the header band prints it)."""
    where = CellRef("meta")
    # the date as the header band prints it (render/pdf/pages.japanese_date)
    date = f"{meta.date.year}年{meta.date.month}月{meta.date.day}日"
    extra = {"title": meta.title, "subtitle": meta.subtitle, "organisation": meta.organisation, "doc_type": meta.doc_type,
             "short_title": meta.running_title, "date": date}

    def cite(name: str) -> Value | None:
        found = lookup(name)
        if found is None and name in extra:
            return Value(extra[name], "General", extra[name], where)
        return found

    return cite


def _check_charset(mail: Mail, cells: dict[str, str], diag: Collector) -> None:
    """ISO-2022-JP holds JIS X 0208 only: a ① or an emoji must be reported, not dropped."""
    if mail.charset == "utf-8":
        return
    for key, text in (("subject", mail.subject), ("body", mail.body.plain)):
        bad = [c for c in text if not _encodes(c, mail.charset)]
        if bad:
            diag.add(CellRef(SHEET, cells[key]), tr("character '{bad}' (U+{ord:04X}) cannot be written "
                                                    "in {upper}: replace it or use charset utf-8").format(bad=bad[0], ord=ord(bad[0]), upper=mail.charset.upper()))


def _encodes(char: str, charset: str) -> bool:
    try:
        char.encode(charset)
    except UnicodeEncodeError:
        return False
    return True
