"""One cell → one model `Value`: raw value, number format and the text Excel shows."""

from __future__ import annotations

import datetime as dt

from reportgen.diagnostics import CellRef
from reportgen.model import Value
from reportgen.workbook.numfmt import NumberFormatError, format_value
from reportgen.workbook.source import Book, CellProblem


def read_value(book: Book, sheet: str, coord: str) -> Value:
    """The cell as a `Value`; raises `CellProblem` for error values and bad formulas."""
    raw = book.raw(sheet, coord)
    fmt = book.number_format(sheet, coord)
    if isinstance(raw, float) and raw.is_integer() and "." not in fmt and fmt != "General":
        raw = int(raw)
    if isinstance(raw, dt.datetime) and raw.time() == dt.time(0):
        raw = raw.date()
    try:
        text = format_value(raw, fmt)
    except NumberFormatError as exc:
        raise CellProblem(f"cannot show {raw!r} in number format {fmt!r}: {exc}") from None
    return Value(raw, fmt, text, CellRef(sheet, coord))
