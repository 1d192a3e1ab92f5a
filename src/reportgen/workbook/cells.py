"""One cell → one model `Value`: raw value, number format and the text Excel shows."""

from __future__ import annotations

import datetime as dt
import re

from openpyxl.utils.cell import coordinate_to_tuple

from reportgen.diagnostics import CellRef
from reportgen.i18n import tr
from reportgen.model import Value
from reportgen.numfmt import NumberFormatError, format_value, shows_numbers
from reportgen.workbook.sheets import Sheet
from reportgen.workbook.source import Book, CellProblem

_MIDNIGHT = dt.time(0)
# text that Excel would read as a number if typed into a number cell: 1,234 -5.6 12% ¥1,000 ＋１２
_NUMBER_TEXT = re.compile(r"\s*[-+−＋－]?[¥$￥]?\s*[\d０-９][\d０-９,，]*([.．][\d０-９]+)?\s*[%％]?\s*")
_NUMBERS_AND_DATES = (int, float, dt.datetime)  # a plain cell of these types is its own raw value


def read_value(book: Book, sheet: str, coord: str) -> Value:
    """The cell as a `Value`; raises `CellProblem` for error values and bad formulas."""
    if sheet not in book.sheets:
        raise CellProblem(tr("reference to a missing sheet '{sheet}'").format(sheet=sheet))
    return value_at(book, book.sheet(sheet), *coordinate_to_tuple(coord), CellRef(sheet, coord))


def value_at(book: Book, sheet: Sheet, row: int, col: int, ref: CellRef) -> Value:
    """`read_value` by position, for callers that walk a sheet (`ref` names the cell)."""
    cell = sheet.cells.get((row, col))
    if cell is None:
        return Value(None, "General", "", ref)
    raw = cell.value
    if cell.formula or cell.error or type(raw) not in _NUMBERS_AND_DATES:
        raw = book.cell_raw(sheet, row, col, cell)  # text, rich text, errors, formulas
    fmt = book.style_format(sheet, row, col, cell)
    if type(raw) is str and fmt != "General" and _NUMBER_TEXT.fullmatch(raw) and shows_numbers(fmt):
        raise CellProblem(tr("the number {strip} is typed as text, so its number format {fmt!r} cannot show it (it would print without its unit or digits): enter it as a number (no apostrophe or quotes), or give the cell the Text format (@) if it is not a figure").format(strip=raw.strip(), fmt=fmt))
    if isinstance(raw, float) and raw.is_integer() and "." not in fmt and fmt != "General":
        raw = int(raw)
    if isinstance(raw, dt.datetime) and raw.time() == _MIDNIGHT:
        raw = raw.date()
    if isinstance(raw, dt.timedelta):  # an elapsed-time cell ([h]:mm): no output can show it as Excel does
        raise CellProblem(tr("a duration in number format {fmt!r} is not supported: enter it as a number (e.g. hours) or as text").format(fmt=fmt))
    try:
        text = format_value(raw, fmt)
    except NumberFormatError as exc:
        raise CellProblem(tr("cannot show {raw!r} in number format {fmt!r}: {exc}").format(raw=raw, fmt=fmt, exc=exc)) from None
    return Value(raw, fmt, text, ref)
