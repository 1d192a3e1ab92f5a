"""Safe cell writing and display width for the appendix.

In: a worksheet cell and a model `Value` (or a plain string). Out: the cell filled with a
typed value (number, date or text) and its number format.

Safety: openpyxl turns any string that starts with "=" into a live formula. Here every
string is forced to a text cell (`data_type "s"`, written as an inline string, never an
`<f>` element), and a string that a spreadsheet would read as a formula when retyped
(= + - @, tab, CR, LF) also gets Excel's quote prefix, like a cell typed as '=1+1.

Width: the only place that measures text for column widths, counting East Asian wide,
full-width and ambiguous characters as two columns (the file format has no autofit).
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

from reportgen.model import Value

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
DATE_FORMAT = "yyyy/mm/dd"
MAX_CELL_CHARS = 32767
_WIDE = {"W", "F", "A"}


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would take `text`, typed in, for a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def write_text(cell: Cell, text: str) -> None:
    """Write `text` as a text cell, whatever it starts with."""
    clean = ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_CHARS]
    cell.value = clean
    cell.data_type = "s"
    if looks_like_formula(clean):
        cell.quotePrefix = True


def write_value(cell: Cell, value: Value) -> None:
    """Write a model value: numbers and dates typed with their source format, text as text."""
    raw = value.raw
    if raw is None:
        return
    if isinstance(raw, str):
        write_text(cell, raw)
        return
    if isinstance(raw, bool):
        write_text(cell, value.text)
        return
    cell.value = raw
    cell.number_format = _number_format(value)


def _number_format(value: Value) -> str:
    fmt = value.number_format or "General"
    if isinstance(value.raw, (dt.date, dt.datetime)) and fmt == "General":
        return DATE_FORMAT
    return fmt


def text_width(text: str) -> int:
    """Display width of the widest line of `text`, wide characters counting two."""
    return max((_line_width(line) for line in text.splitlines()), default=0)


def _line_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in _WIDE else 1 for ch in line)
