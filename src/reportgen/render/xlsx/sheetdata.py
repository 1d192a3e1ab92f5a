"""Table cells written as sheet XML by hand and merged into the sheet openpyxl saves.

In: rows of model `Value`s for one worksheet, each cell with its named style and text
alignment; later, the worksheet XML openpyxl wrote. Out: that XML with the cells in its
`<sheetData>` (and its `<dimension>` grown to hold them).

Hand-written because openpyxl cannot be made fast enough for long tables: a styled cell
costs it ~40 µs of CPU (a Cell object, a named-style lookup by name, an Alignment hashed
into the workbook's list, lxml element writes), 2 s for a 10,000-row table, and its
writer alone still costs ~10 µs per cell. Here a cell is one formatted string, and each
distinct style is resolved once to openpyxl's own style id (`_StyleIds`), so fonts,
borders, fills and number formats stay openpyxl's. The cell rules are those of
`cells.write_value`: numbers (`stored_number`) and dates typed with their number format,
every text an inline string (never a formula; `parts` shares them when the package is
saved) with Excel's quote prefix when it looks like one.
Everything else in the sheet (heading, header row, notes, row heights, merged cells,
the Excel table, charts, print set-up) stays openpyxl's.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Iterable
from xml.sax.saxutils import escape

from lxml import etree
from openpyxl.cell.cell import Cell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, range_boundaries
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.constants import SHEET_MAIN_NS

from reportgen.model import Value
from reportgen.render.xlsx.cells import cell_text, looks_like_formula, number_format, number_text

_NS = f"{{{SHEET_MAIN_NS}}}"
ALIGNMENTS = {
    "text": Alignment(horizontal="left", vertical="top", wrap_text=False, indent=1),
    "text-wrap": Alignment(horizontal="left", vertical="top", wrap_text=True, indent=1),
}
"""Alignments a cell may take over its named style, by name (a cheap key per cell)."""
_CR = {"\r": "&#13;"}
"""Beyond &, < and >: a CR stays a reference (a parser reads a literal CR as LF; lxml does the same)."""

CellSpec = tuple[int, Value, str, str | None]
"""One cell of a row: 1-based column, value, named style, alignment name (or None)."""


class SheetRows:
    """Cells of one worksheet kept as XML text until the sheet is saved."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self._styles = _StyleIds(ws)
        self._rows: dict[int, str] = {}
        self._letters = _Letters()

    def add_row(self, row: int, cells: Iterable[CellSpec]) -> None:
        """Add row `row`'s cells, given in column order (a row is added once), in columns
        where openpyxl holds no cell of that row."""
        letters, cell = self._letters, self._cell
        self._rows[row] = "".join([cell(f"{letters[col]}{row}", value, style, align)
                                   for col, value, style, align in cells])

    @property
    def max_row(self) -> int:
        """The last row with cells here (0 when none)."""
        return max(self._rows, default=0)

    def merge_into(self, sheet_xml: bytes) -> bytes:
        """openpyxl's worksheet XML with these rows in its sheetData. A row openpyxl also
        wrote (a row height, a chart caption) keeps its attributes and gets both rows'
        cells; only those rows are parsed, the rest of ours is spliced in as text."""
        if not self._rows:
            return sheet_xml
        root = etree.fromstring(sheet_xml)
        data = root.find(f"{_NS}sheetData")
        theirs = {int(row.get("r")): row for row in data}
        body = "".join([self._row_xml(r, theirs.get(r)) for r in sorted(theirs.keys() | self._rows.keys())])
        data[:] = []
        self._grow_dimension(root)
        head, tail = etree.tostring(root).split(b"<sheetData/>")  # no declaration: UTF-8, like openpyxl's
        return b"".join((head, b"<sheetData>", body.encode("utf-8"), b"</sheetData>", tail))

    def _row_xml(self, r: int, theirs: etree._Element | None) -> str:
        """Row `r` as XML text; openpyxl's row is serialised while still in its sheet, so
        it keeps the default namespace (its own declaration of it is dropped)."""
        ours = self._rows.get(r)
        if theirs is None:
            return f'<row r="{r}">{ours}</row>'
        if ours:
            parsed = etree.fromstring(f'<row xmlns="{SHEET_MAIN_NS}">{ours}</row>')
            theirs[:] = sorted([*theirs, *parsed], key=_column)
        return etree.tostring(theirs, encoding="unicode").replace(f' xmlns="{SHEET_MAIN_NS}"', "", 1)

    def _cell(self, ref: str, value: Value, style: str, align: str | None) -> str:
        """One `<c>`: as `cells.write_value` fills a cell, as openpyxl writes it."""
        raw = value.raw
        if raw is None:
            return f'<c r="{ref}" s="{self._styles.id(style, "General", False, align)}"/>'
        if isinstance(raw, (str, bool)):
            text = cell_text(raw if isinstance(raw, str) else value.text)
            sid = self._styles.id(style, "General", looks_like_formula(text), align)
            if not text:  # openpyxl writes an empty text cell without content; it reads back empty
                return f'<c r="{ref}" s="{sid}" t="inlineStr"/>'
            space = ' xml:space="preserve"' if text != text.strip() else ""
            return f'<c r="{ref}" s="{sid}" t="inlineStr"><is><t{space}>{escape(text, _CR)}</t></is></c>'
        if isinstance(raw, (dt.date, dt.time, dt.timedelta)):
            number = _serial(raw)
        elif isinstance(raw, (int, float)):
            number = number_text(raw)
        else:  # the model holds no other type; never write a repr as a cell's <v>
            raise TypeError(f"{value.ref}: cannot write {type(raw).__name__} {raw!r} as a cell")
        # no t="n": a number cell's type is the default (openpyxl writes it anyway)
        return f'<c r="{ref}" s="{self._styles.id(style, number_format(value), False, align)}"><v>{number}</v></c>'

    def _grow_dimension(self, root: etree._Element) -> None:
        """The sheet's used range, openpyxl's (from its own cells) joined with ours."""
        dim = root.find(f"{_NS}dimension")
        if dim is None:
            return
        bounds = [(min(self._letters), min(self._rows), max(self._letters), max(self._rows))]
        if dim.get("ref"):  # "A1:E20", or "A1" for a single cell
            bounds.append(range_boundaries(dim.get("ref")))
        lo_col, lo_row = min(b[0] for b in bounds), min(b[1] for b in bounds)
        hi_col, hi_row = max(b[2] for b in bounds), max(b[3] for b in bounds)
        dim.set("ref", f"{get_column_letter(lo_col)}{lo_row}:{get_column_letter(hi_col)}{hi_row}")


class _Letters(dict):
    """Column number → letter, each computed once; its keys are the columns used."""

    def __missing__(self, col: int) -> str:
        self[col] = letter = get_column_letter(col)
        return letter


@lru_cache(maxsize=4096)
def _serial(moment: dt.date | dt.time | dt.timedelta) -> str:
    """A date, time or duration as openpyxl writes it: the Excel serial number (1900 date
    system; a time of day or a duration as a fraction of a day)."""
    return safe_string(to_excel(moment))


def _column(cell: etree._Element) -> int:
    return column_index_from_string(coordinate_from_string(cell.get("r"))[0])


class _StyleIds:
    """openpyxl's style id of each distinct cell style a sheet's rows use, resolved once
    through a cell that is never placed in the sheet (openpyxl registers the style in the
    workbook, so the id is valid in the saved styles part)."""

    def __init__(self, ws: Worksheet) -> None:
        self._ws = ws
        self._ids: dict[tuple[str, str, bool, str | None], int] = {}

    def id(self, style: str, fmt: str, quoted: bool, align: str | None) -> int:
        key = (style, fmt, quoted, align)
        found = self._ids.get(key)
        if found is None:
            found = self._ids[key] = self._resolve(*key)
        return found

    def _resolve(self, style: str, fmt: str, quoted: bool, align: str | None) -> int:
        probe = Cell(self._ws)
        probe.style = style  # first: a named style resets the quote prefix and format
        probe.number_format = fmt
        probe.quotePrefix = quoted
        if align is not None:
            probe.alignment = ALIGNMENTS[align]
        return probe.style_id
