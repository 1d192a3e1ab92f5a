"""The `meta` sheet → `Meta` and `Theme`. Keys in column A, values in column B."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from types import MappingProxyType
from typing import Any, get_type_hints

from reportgen.diagnostics import CellRef, Collector
from reportgen.i18n import tr
from reportgen.model import PAPER_MM, Meta, Theme, Value
from reportgen.workbook.cells import read_value
from reportgen.workbook.inline import InlineError, Lookup, to_rich_text
from reportgen.workbook.source import Book, CellProblem, is_blank, key_rows
from reportgen.workbook.suggest import did_you_mean

SHEET = "meta"
_TEXT_KEYS = ("title", "organisation", "doc_type", "subtitle", "author", "subject",
              "short_title", "source_note", "output_name", "appendix_name", "lang")
_REQUIRED = ("title", "organisation", "date")
_THEMEABLE = {f.name: f for f in dataclasses.fields(Theme) if not f.name.startswith("font_") and f.name != "cells"}
_THEME_TYPES = get_type_hints(Theme)
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_OUTPUT_NAME = re.compile(r"[\w\-\u3040-\u30ff\u3400-\u9fff]+")
# 60 characters of at most 3 bytes each, plus "-appendix.xlsx" and a temporary file's
# prefix and suffix, stay within the 255 bytes a file name may have (ext4, APFS, NTFS)
MAX_OUTPUT_NAME = 60
# device names Windows refuses as a file name, with any extension and in any case
# (learn.microsoft.com "Naming Files, Paths, and Namespaces"); ¹²³ count as digits there
_WINDOWS_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])", re.IGNORECASE)
# Document properties (title, author, …) hold at most 255 characters in a DOCX (python-docx
# refuses more; Word truncates); these keys become properties.
MAX_PROPERTY = 255
_PROPERTIES = ("title", "subtitle", "organisation", "author", "subject", "keywords", "doc_type", "lang",
               "source_note")
_UNDRAWN = ("author", "subject", "keywords", "lang")  # only in properties: check_text never sees them
_MIN_TEXT_MM = (80.0, 100.0)  # the narrowest and shortest text area a fact sheet's tables and charts fit
_RATE = re.compile(r"rate\.([A-Z]{3})_([A-Z]{3})")


def read_meta(book: Book, diag: Collector, lookup: Lookup) -> tuple[Meta, Theme]:
    """Both objects from the meta sheet; problems go to `diag` (defaults stand in).
    Text keys may cite figures with {name}, like content cells (no figure typed twice)."""
    rows = key_rows(book, SHEET, "key", "key", diag)
    fields: dict[str, Any] = {}
    theme: dict[str, Any] = {}
    rates: dict[str, Value] = {}
    for key, coord in rows.items():
        where = CellRef(SHEET, coord)
        try:
            if key in _TEXT_KEYS:
                fields[key] = _text(book, coord, lookup)
                _check_property(key, fields[key])
            elif key == "date":
                fields["date"] = _date(book, coord)
            elif key == "keywords":
                fields["keywords"] = tuple(k.strip() for k in re.split(r"[,、，]", _text(book, coord)) if k.strip())
                _check_property(key, ", ".join(fields["keywords"]))
            elif (m := _RATE.fullmatch(key)):
                rates[f"{m[1]}_{m[2]}"] = _rate(book, coord)
            elif key.startswith("theme.") and key[6:] in _THEMEABLE:
                theme[key[6:]] = _theme_value(key[6:], book, coord)
            else:
                diag.add(CellRef(SHEET, "A" + coord[1:]), tr("unknown key '{key}' (expected one of "
                                                             "{value}, rate.XXX_YYY or theme.<field>)").format(key=key, value=', '.join(_TEXT_KEYS + ('date', 'keywords')))
                         + did_you_mean(key, _TEXT_KEYS + ('date', 'keywords')
                                        + tuple(f"theme.{t}" for t in _THEMEABLE)))
        except CellProblem as exc:
            diag.add(where, str(exc))
    for key in _REQUIRED:
        if key not in fields:
            if key not in rows:  # a row with an empty or bad value is already reported at its cell
                diag.add(CellRef(SHEET), tr("missing required key '{key}' (a row with '{key}' in column "
                                            "A)").format(key=key))
            fields[key] = dt.date(2000, 1, 1) if key == "date" else "?"
    for key in ("output_name", "appendix_name"):
        if key in fields:
            problem = _output_name_problem(key, fields[key])
            if problem:
                diag.add(CellRef(SHEET, rows[key]), problem)
                del fields[key]
    fields.setdefault("author", fields["organisation"])
    built = Theme(**theme, cells=tuple((key[6:], CellRef(SHEET, coord)) for key, coord in rows.items()
                                       if key.startswith("theme.") and key[6:] in theme))
    _check_text_area(built, diag)
    cells = MappingProxyType({key: CellRef(SHEET, coord) for key, coord in rows.items()})
    return Meta(**fields, rates=MappingProxyType(rates), cells=cells), built


def _check_property(key: str, text: str) -> None:
    """A meta text that becomes a document property fits one; one only in the properties
    holds no control character (the drawn ones are checked with all drawn text)."""
    if key in _PROPERTIES and len(text) > MAX_PROPERTY:
        verb = "are" if key == "keywords" else "is"
        raise CellProblem(tr("{key} {verb} {count:,} characters long (limit {MAX_PROPERTY}, the most a "
                             "document property holds in the DOCX and XLSX); shorten {value}").format(key=key, verb=verb, count=len(text), MAX_PROPERTY=MAX_PROPERTY, value='them' if verb == 'are' else 'it'))
    if key in _UNDRAWN and (bad := next((c for c in text if unicodedata.category(c) == "Cc"), None)):
        raise CellProblem(tr("control character U+{ord:04X} in {key} (remove it)").format(ord=ord(bad), key=key))


def _output_name_problem(key: str, name: str) -> str | None:
    """Why `name` cannot be a file name on every system the outputs travel to, or None."""
    if not _OUTPUT_NAME.fullmatch(name):
        return tr("{key} '{name}' must be a plain file stem (letters, digits, - and _; no folders, dots or "
                  "spaces)").format(key=key, name=name)
    if _WINDOWS_RESERVED.fullmatch(name.split(".")[0].rstrip(" ")):
        return tr("{key} '{name}' is a name Windows reserves for a device (CON, PRN, AUX, NUL, COM1-9, "
                  "LPT1-9): the outputs could not be opened there; choose another name").format(key=key, name=name)
    if len(name) > MAX_OUTPUT_NAME:
        return tr("{key} is {count} characters long (limit {limit}, so that every output's file name fits "
                  "the 255 bytes a file system allows); shorten it").format(key=key, count=len(name),
                                                                            limit=MAX_OUTPUT_NAME)
    return None


def _check_text_area(theme: Theme, diag: Collector) -> None:
    """Margins that leave the text too little room are reported at their cells (a
    negative text width would otherwise stop the PDF renderer with no place named)."""
    width, height = PAPER_MM[theme.page_size]
    for sides, size, least, what in ((("left", "right"), width, _MIN_TEXT_MM[0], tr("wide")),
                                     (("top", "bottom"), height, _MIN_TEXT_MM[1], tr("tall"))):
        a, b = (getattr(theme, f"margin_{side}") for side in sides)
        if size - a - b < least:
            given = [f"margin_{side}" for side in sides if f"margin_{side}" in dict(theme.cells)]
            where = theme.cell(given[0]) if given else CellRef(SHEET)
            diag.add(where, tr("theme.margin_{sides} {a:g} mm and theme.margin_{sides2} {b:g} mm leave "
                               "no room for the text on {page_size} paper ({size:g} mm {what}): the text "
                               "needs at least {least:g} mm; make the margins smaller").format(sides=sides[0], a=a, sides2=sides[1], b=b, page_size=theme.page_size, size=size, what=what, least=least))


def _text(book: Book, coord: str, lookup: Lookup | None = None) -> str:
    raw = book.raw(SHEET, coord)
    if is_blank(raw):
        key = str(book.raw(SHEET, "A" + coord[1:]) or "").strip()
        raise CellProblem(tr("empty value for '{key}' (expected text)").format(key=key))
    if lookup is None:
        return str(raw).strip()
    try:
        return to_rich_text(str(raw).strip(), lookup).plain
    except InlineError as exc:
        raise CellProblem(str(exc)) from None


def _date(book: Book, coord: str) -> dt.date:
    raw = book.raw(SHEET, coord)
    if is_blank(raw):
        raise CellProblem(tr("empty value for 'date' (expected a date cell, or text like 2020-05-15)"))
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw.strip().replace("/", "-"))
        except ValueError:
            pass
    raise CellProblem(tr("found {raw!r}, expected a date (a date cell, or text like 2020-05-15)").format(raw=raw))


def _rate(book: Book, coord: str) -> Value:
    value = read_value(book, SHEET, coord)
    if not value.is_number or value.raw <= 0:  # type: ignore[operator]
        raise CellProblem(tr("found {raw!r}, expected a positive number (the rate)").format(raw=value.raw))
    return value


def _theme_value(name: str, book: Book, coord: str) -> Any:
    raw = book.raw(SHEET, coord)
    kind = _THEME_TYPES[name]
    if name == "palette":
        colours = tuple(c.strip() for c in str(raw or "").split(",") if c.strip())
        if not colours or not all(_COLOUR.fullmatch(c) for c in colours):
            raise CellProblem(tr("found {raw!r}, expected colours like #1F3A5F, #E8590C").format(raw=raw))
        return tuple(c.upper() for c in colours)
    if kind is float:
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw <= 0:
            raise CellProblem(tr("found {raw!r}, expected a positive number for theme.{name}").format(raw=raw, name=name))
        return float(raw)
    text = str(raw or "").strip()
    if name == "page_size":
        if text not in PAPER_MM:
            raise CellProblem(tr("found {text!r}, expected A4, B5 (JIS), ISO-B5 or Letter").format(text=text))
        return text
    if not _COLOUR.fullmatch(text):
        raise CellProblem(tr("found {text!r}, expected a colour like #1F3A5F").format(text=text))
    return text.upper()
