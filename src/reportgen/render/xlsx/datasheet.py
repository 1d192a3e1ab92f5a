"""One data sheet of the appendix.

In: an empty worksheet, a model `Table`, its caption, the `ChartSpec`s drawn from it, and
the document's meta and theme. Out: the sheet filled, a `SheetEntry` for the cover, and
the table's cells as `SheetRows` (written into the sheet's XML when it is saved).

Layout: the caption and the source note on top; the table from row 4 as an Excel Table
(ListObject, with its autofilter) with the header row frozen and repeated on every printed
page, its rows in its charts' order when they agree (`chartorder`); under it, notes
stating the derived columns and the order; under those, the native charts one below the
other, each with its caption (below, not beside the table: fit to one page wide then
prints the table at its own size), reading the Table's columns; last, for a chart whose
order the Table cannot have, a labelled copy of its columns in that order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.table import Table as ListObject
from openpyxl.worksheet.table import TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from reportgen.model import PAPER_MM, ChartSpec, Meta, Table, Theme, Value
from reportgen.render.xlsx import layout, pagebreaks, styles
from reportgen.render.xlsx.cells import cell_text, write_text
from reportgen.render.xlsx.chartorder import TableOrder, reads_table, table_order
from reportgen.render.xlsx.charts import WIDTH_CM, ChartRange, chart_height_cm, native_chart
from reportgen.render.xlsx.derived import derived_note
from reportgen.render.xlsx.printing import set_up_print
from reportgen.render.xlsx.sheetdata import CellSpec, SheetRows

HEADER_ROW = 4
TABLE_STYLE = "TableStyleMedium2"
CM_PER_PT = 2.54 / 72
UNITS_PER_CM = 72 / 2.54 / (0.76 * 10.5)
"""Excel width units per centimetre: a unit is BIZ UDPGothic's digit, 0.76 em of 10.5 pt."""
SPARE_WIDTH = 10.0
"""Width of the spare columns right of a table narrower than its chart."""
HEADING_PT = 12.0
_SORT_WORD = {"asc": "の昇順", "desc": "の降順", "none": "、合計行を除く"}


@dataclass(frozen=True)
class SheetEntry:
    """What the cover lists for a data sheet."""

    sheet: str
    caption: str
    rows: int
    charts: tuple[str, ...]


def write_data_sheet(ws: Worksheet, table: Table, caption: str, specs: tuple[ChartSpec, ...],
                     meta: Meta, theme: Theme, index: int) -> tuple[SheetEntry, SheetRows]:
    """Fill `ws`; returns its cover entry and its table cells, which go into the sheet's
    XML when the workbook is saved (`package.save`)."""
    ws.sheet_format.defaultRowHeight, ws.sheet_format.customHeight = layout.ROW_PT, True
    body = SheetRows(ws)
    widths = _column_widths(table)
    span = _print_columns(widths, specs)
    layout.set_widths(ws, span)
    _write_heading(ws, caption, meta.source_note, span)
    order = table_order(table, specs)
    last_row = _write_table(ws, body, table, order.rows, widths)
    ws.add_table(_list_object(table, last_row, index))
    notes_end = _write_notes(ws, table, meta, last_row + 2, span, order)
    blocks = [(last_row + 2, notes_end - 2)] if notes_end > last_row + 2 else []
    blocks += _add_charts(ws, body, table, order.rows, specs, theme, notes_end, span)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    set_up_print(ws, f"{meta.running_title} — {caption}", sum(span), theme, HEADER_ROW)
    _break_pages(ws, span, blocks, body.max_row, PAPER_MM[theme.page_size])
    return SheetEntry(ws.title, caption, len(table.rows), tuple(s.title for s in specs)), body


def _print_columns(widths: list[float], specs: tuple[ChartSpec, ...]) -> list[float]:
    """The table's column widths, then as many spare columns as a wider chart needs: the
    width the heading, notes and captions wrap in, and the width the page is fit to (a
    long line left to overflow would widen the print area and shrink the page)."""
    missing = _chart_width(specs) - sum(widths)
    return widths + [SPARE_WIDTH] * max(0, math.ceil(missing / SPARE_WIDTH))


def _write_heading(ws: Worksheet, caption: str, source_note: str, span: list[float]) -> None:
    """The caption and the source note, each wrapped across the printed width."""
    cell = ws.cell(1, 1)
    cell.style = styles.HEADING  # style first: a named style resets the quote prefix
    write_text(cell, caption)
    cell.alignment = Alignment(vertical="top", wrap_text=True)
    if len(span) > 1:
        layout.merge_across(ws, 1, 1, len(span))
    lines = layout.line_count(caption, sum(span), HEADING_PT)
    ws.row_dimensions[1].height = max(24, lines * HEADING_PT * 1.45 + 4)
    if source_note:
        _wide_note(ws, 2, source_note, span)


def _column_widths(table: Table) -> list[float]:
    return [layout.fitted_width([row[i].text for row in table.rows], col.name)
            for i, col in enumerate(table.columns)]


def _write_table(ws: Worksheet, body: SheetRows, table: Table, rows: tuple[tuple[Value, ...], ...],
                 widths: list[float]) -> int:
    """Header and `rows` from `HEADER_ROW`; returns the table's last row."""
    _write_row(ws, HEADER_ROW, [c.name for c in table.columns], widths, styles.HEADER)
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        _write_values(ws, body, r, row, widths)
    return HEADER_ROW + max(len(rows), 1)


def _write_row(ws: Worksheet, r: int, texts: list[str], widths: list[float], style: str) -> None:
    for c, (text, width) in enumerate(zip(texts, widths), start=1):
        cell = ws.cell(r, c)
        cell.style = style
        write_text(cell, text)
    _fit_height(ws, r, texts, widths)


def _write_values(ws: Worksheet, body: SheetRows, r: int, row: tuple[Value, ...], widths: list[float]) -> None:
    """A data row: text left-aligned with a small indent (it keeps text off a right-aligned
    figure in the column before), wrapped when wider than its column; the row as tall as
    its tallest text."""
    cells: list[CellSpec] = []
    lines = 1
    for c, (value, width) in enumerate(zip(row, widths), start=1):
        if not isinstance(value.raw, str):
            cells.append((c, value, styles.CELL, None))
            continue
        wraps, text_lines = _text_fit(value.text, width)
        cells.append((c, value, styles.CELL_WRAP, "text-wrap") if wraps else (c, value, styles.CELL, "text"))
        lines = max(lines, text_lines)
    body.add_row(r, cells)
    if lines > 1:
        ws.row_dimensions[r].height = layout.row_height(lines)


@lru_cache(maxsize=4096)
def _text_fit(text: str, width: float) -> tuple[bool, int]:
    """Whether `text` wraps in a column `width` wide, and its lines there (a text column
    repeats its texts)."""
    return layout.text_width(text) + layout.PADDING > width, layout.line_count(text, width)


def _fit_height(ws: Worksheet, r: int, texts: list[str], widths: list[float]) -> None:
    lines = max((layout.line_count(t, w) for t, w in zip(texts, widths)), default=1)
    if lines > 1:
        ws.row_dimensions[r].height = layout.row_height(lines)


def _list_object(table: Table, last_row: int, index: int) -> ListObject:
    """The Excel table over the header and data rows. Its columns are named here, as the
    header cells read: left to openpyxl, it would read them back through `ws[ref]`, which
    creates a cell object for every cell of the range."""
    last_col = get_column_letter(len(table.columns))
    ref = f"A{HEADER_ROW}:{last_col}{last_row}"
    style = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True, showColumnStripes=False,
                           showFirstColumn=False, showLastColumn=False)
    columns = [TableColumn(id=i, name=cell_text(col.name)) for i, col in enumerate(table.columns, start=1)]
    name = layout.table_name(index, table.name)
    if not _ends_with_total(table):
        return ListObject(displayName=name, ref=ref, tableStyleInfo=style, tableColumns=columns,
                          autoFilter=AutoFilter(ref=ref))
    # The total row as the table's totals row: bold under a rule in the table style, out of
    # the filter and sort; its cells keep their values (no SUBTOTAL formula: the appendix
    # holds no formulas), the first column's text as the totals label.
    label = table.rows[-1][0]
    if isinstance(label.raw, str):
        columns[0].totalsRowLabel = cell_text(label.text)
    return ListObject(displayName=name, ref=ref, tableStyleInfo=style, tableColumns=columns, totalsRowCount=1,
                      autoFilter=AutoFilter(ref=f"A{HEADER_ROW}:{last_col}{last_row - 1}"))


def _ends_with_total(table: Table) -> bool:
    """Whether the table's last row is a total row (an Excel table's totals row is its last)."""
    return len(table.rows) > 1 and table.is_total(len(table.rows) - 1)


def _write_notes(ws: Worksheet, table: Table, meta: Meta, row: int, widths: list[float],
                 order: TableOrder) -> int:
    """Notes on derived columns and on the rows' order under the table; returns the next
    free row."""
    derived = [c for c in table.columns if c.formula]
    notes = [f"※ {derived_note(col, table, meta.rates)}" for col in derived]
    if derived:
        notes.append("※ 算出値は元のワークブックで計算された値です（この付録に数式は含まれません）。")
    if order.sorted_by is not None and order.rows != table.rows:
        spec = order.sorted_by
        notes.append(f"※ 行はグラフと同じく「{spec.series[0]}」{_SORT_WORD[spec.sort]}に並べています"
                     "（元のワークブックとは異なる順序です）。")
    for r, text in enumerate(notes, start=row):
        _wide_note(ws, r, text, widths)
    return row + len(notes) + (1 if notes else 0)


def _wide_note(ws: Worksheet, row: int, text: str, widths: list[float]) -> None:
    """A note wrapped across the table's width (it must not run under the charts)."""
    _note(ws, row, text)
    ws.cell(row, 1).alignment = Alignment(vertical="top", wrap_text=True)
    if len(widths) > 1:
        layout.merge_across(ws, row, 1, len(widths))
    ws.row_dimensions[row].height = layout.row_height(layout.line_count(text, sum(widths), styles.NOTE_PT))


def _note(ws: Worksheet, row: int, text: str, col: int = 1) -> None:
    cell = ws.cell(row, col)
    cell.style = styles.NOTE
    write_text(cell, text)


def _chart_ranges(ws: Worksheet, body: SheetRows, specs: tuple[ChartSpec, ...], table: Table,
                  rows: tuple[tuple[Value, ...], ...], row: int, widths: list[float]) -> list[ChartRange]:
    """The cells each chart reads: the Table's own columns, or a labelled copy in the
    chart's order written from `row` down (below the charts)."""
    ranges = []
    for spec in specs:
        cat = table.index(spec.category) + 1
        cols = tuple(table.index(name) + 1 for name in spec.series)
        text_cat = table.columns[cat - 1].kind == "text"
        if reads_table(rows, spec):
            last = HEADER_ROW + max(len(spec.ordered_rows()), 1)
            ranges.append(ChartRange(ws, HEADER_ROW, HEADER_ROW + 1, last, cat, cols, text_cat, spec.ordered_rows()))
            continue
        ranges.append(_write_chart_copy(ws, body, spec, table, row, (cat, *cols), text_cat, widths))
        row = ranges[-1].last_row + 2
    return ranges


def _write_chart_copy(ws: Worksheet, body: SheetRows, spec: ChartSpec, table: Table, row: int,
                      cols: tuple[int, ...], text_cat: bool, widths: list[float]) -> ChartRange:
    order = f"{spec.series[0]}{_SORT_WORD[spec.sort]}"
    _wide_note(ws, row, f"グラフ用データ：{spec.title}（{order}。表は別のグラフの順序で並べているため、"
                        "このグラフはこの写しを参照します）", widths)
    header = row + 1
    for c in cols:
        cell = ws.cell(header, c)
        cell.style = styles.LABEL
        write_text(cell, table.columns[c - 1].name)
    rows = spec.ordered_rows()
    for r, values in enumerate(rows, start=header + 1):
        body.add_row(r, [(c, values[c - 1], styles.CELL, None) for c in sorted(cols)])
    return ChartRange(ws, header, header + 1, header + max(len(rows), 1), cols[0], cols[1:], text_cat, rows)


def _chart_width(specs: tuple[ChartSpec, ...]) -> float:
    return max((WIDTH_CM[s.width] for s in specs), default=0.0) * UNITS_PER_CM


def _add_charts(ws: Worksheet, body: SheetRows, table: Table, rows: tuple[tuple[Value, ...], ...],
                specs: tuple[ChartSpec, ...], theme: Theme, free_row: int,
                widths: list[float]) -> list[tuple[int, int]]:
    """The native charts below the table and its notes, one under the other from column A,
    each with its caption under it; then the copies some charts read.

    Returns the rows each chart (with caption) and each copy spans, to keep on one page."""
    spans, row = [], free_row
    for spec in specs:
        first = row
        row += layout.rows_covering(ws, row, chart_height_cm(spec) / CM_PER_PT)
        if spec.caption:
            _wide_note(ws, row, spec.caption, widths)
        spans.append((first, row))
        row += 2
    ranges = _chart_ranges(ws, body, specs, table, rows, row, widths)
    for spec, where, (first, _) in zip(specs, ranges, spans):
        ws.add_chart(native_chart(spec, where, theme), f"A{first}")
    return spans + [(r.header_row - 1, r.last_row) for r in ranges if r.header_row != HEADER_ROW]


def _break_pages(ws: Worksheet, widths: list[float], blocks: list[tuple[int, int]], body_rows: int,
                 paper_mm: tuple[float, float]) -> None:
    last = max([ws.max_row, body_rows] + [end for _, end in blocks])
    heights = [layout.height_of(ws, r) for r in range(1, last + 1)]
    page = pagebreaks.page_height(widths, ws.page_setup.orientation == "landscape", paper_mm)
    for row in pagebreaks.breaks(heights, blocks, page, (HEADER_ROW, layout.height_of(ws, HEADER_ROW))):
        ws.row_breaks.append(Break(id=row))
