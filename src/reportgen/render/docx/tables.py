"""Word tables: KPI cards and data tables.

In: a `KpiRow` or a `Table` from the model, the python-docx document, the `Fonts` and
the text width.
Out: a borderless "Figure Grid" row of half-width figures, a borderless "KPI Cards" table (figure large in the theme colour, unit smaller
beside it, label under it) or a "Fact Table" (header row repeated on every page, numbers
right-aligned as Excel shows them, zebra rows from the table style).
"""

from __future__ import annotations

import unicodedata

from docx.document import Document as WordDocument
from docx.shared import Length, Pt
from docx.table import Table as WordTable, _Cell

from reportgen.fonts import split_by_font
from reportgen.ja.numbers import split_unit
from reportgen.model import KpiRow, RichText, Span, Table
from reportgen.render.docx import oxml, styles
from reportgen.render.docx.inline import Fonts, add_rich_text, add_span


def add_kpi_cards(word: WordDocument, row: KpiRow, fonts: Fonts, width: Length) -> WordTable:
    """One row of cards, equal widths, white gutters drawn by the table style."""
    table = word.add_table(rows=1, cols=len(row.items))
    share = Length(width // len(row.items))
    table.style = word.styles[styles.KPI_TABLE]
    oxml.set_table_full_width(table._tbl)
    oxml.set_table_look(table._tbl, first_row=False, banded_rows=False)
    oxml.keep_row_together(table.rows[0]._tr)
    for cell, kpi in zip(table.rows[0].cells, row.items):
        cell.width = share
        figure, unit = split_unit(kpi.value.text)
        p = cell.paragraphs[0]
        p.style = styles.KPI_FIGURE
        add_span(p, Span(figure), fonts)
        if unit:
            add_span(p, Span(unit), fonts, style=styles.KPI_UNIT)
        add_rich_text(cell.add_paragraph(style=styles.KPI_LABEL), kpi.label, fonts)
    return table


FIGURE_GUTTER = Pt(6)


def add_figure_grid(word: WordDocument, columns: int, width: Length) -> list[_Cell]:
    """A borderless one-row table whose cells each hold a figure and its caption."""
    table = word.add_table(rows=1, cols=columns)
    table.style = word.styles[styles.FIGURE_GRID]
    oxml.set_table_full_width(table._tbl)
    oxml.set_table_look(table._tbl, first_row=False, banded_rows=False)
    oxml.keep_row_together(table.rows[0]._tr)
    share = Length(width // columns)
    for column in table.columns:
        column.width = share
    for cell in table.rows[0].cells:
        cell.width = share
    return list(table.rows[0].cells)


def add_data_table(word: WordDocument, table: Table, fonts: Fonts, width: Length) -> WordTable:
    numeric = [c.kind == "number" for c in table.columns]
    out = word.add_table(rows=1 + min(len(table.rows), 1), cols=len(table.columns))
    out.style = word.styles[styles.TABLE]
    oxml.set_table_full_width(out._tbl)
    oxml.set_table_look(out._tbl, first_row=True, banded_rows=True)
    oxml.mark_header_row(out.rows[0]._tr)
    _set_column_widths(out, table, width)
    headers = [c.name for c in table.columns]
    _fill_row(out.rows[0].cells, headers, numeric, fonts, header=True)
    if table.rows:
        _add_body(out, table, numeric, fonts)
    return out


def _add_body(out: WordTable, table: Table, numeric: list[bool], fonts: Fonts) -> None:
    """The first body row is set up through python-docx (styles, alignment, widths); every
    other row is a copy of it, appended, then given its text. python-docx's own row and
    cell access walks the whole table on each call (O(n²) for a long table)."""
    first = out.rows[1]
    oxml.keep_row_together(first._tr)
    for cell, is_number in zip(first.cells, numeric):
        cell.paragraphs[0].style = _cell_style(False, is_number)
        oxml.set_cell_vertical_alignment(cell._tc, "center")
    blank = oxml.copy_of(first._tr)
    for i, values in enumerate(table.rows):
        tr = first._tr if i == 0 else oxml.append_row(out._tbl, blank)
        for tc, v in zip(tr.tc_lst, values):
            _add_cell_text(_Cell(tc, out), v.text, fonts)


def _add_cell_text(cell: _Cell, text: str, fonts: Fonts) -> None:
    """Plain cell text as `add_rich_text` writes it, one run per font; a text without tabs
    or line breaks skips python-docx's run machinery (most of the time of a long table)."""
    if any(ch in text for ch in "\t\r\n"):
        add_rich_text(cell.paragraphs[0], RichText.of(text), fonts)
        return
    p = cell._tc.p_lst[0]
    for piece, font in split_by_font(text, fonts.main, fonts.fallback):
        r = oxml.append_text_run(p, piece)
        if font == fonts.fallback:
            oxml.set_fonts(oxml.rpr(r), fonts.fallback_family)


def _fill_row(cells, texts: list[str], numeric: list[bool], fonts: Fonts, header: bool) -> None:
    for cell, text, is_number in zip(cells, texts, numeric):
        p = cell.paragraphs[0]
        p.style = _cell_style(header, is_number)
        add_rich_text(p, RichText.of(text), fonts)
        oxml.set_cell_vertical_alignment(cell._tc, "center")


def _cell_style(header: bool, is_number: bool) -> str:
    if header:
        return styles.TABLE_HEADER_NUMBER if is_number else styles.TABLE_HEADER
    return styles.TABLE_NUMBER if is_number else styles.TABLE_TEXT


def _set_column_widths(out: WordTable, table: Table, width: Length) -> None:
    """Columns share the width by their longest text (header or cell), within limits;
    the grid (read by LibreOffice) and every cell (read by Word) get the same width
    (set before the body rows are copied from the first one)."""
    weights = [_column_weight(table, i) for i in range(len(table.columns))]
    total = sum(weights)
    for column, weight in zip(out.columns, weights):
        share = Length(int(width * weight / total))
        column.width = share
        for cell in column.cells:
            cell.width = share


def _column_weight(table: Table, i: int) -> float:
    """Display width in half-width cells (a kanji counts two), capped so that one long
    text column wraps instead of crushing the figures."""
    texts = [table.columns[i].name] + [row[i].text for row in table.rows]
    return min(max(_cells(t) for t in texts), 40) + 4


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
