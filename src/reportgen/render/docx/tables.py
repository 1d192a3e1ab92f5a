"""Word tables: KPI cards and data tables.

In: a `KpiRow` or a `Table` from the model, the python-docx document, the `Fonts`, the
text width and, for data tables, the `DeferredRows` that hold body rows until saving.
Out: a borderless "Figure Grid" row of half-width figures, a borderless "KPI Cards" table (figure large in the theme colour, unit smaller
beside it, label under it) or a "Fact Table" (header row repeated on every page, numbers
right-aligned as Excel shows them, zebra rows from the table style). A data table's body
rows are XML text, not python-docx objects: 10,000 rows in 0.1 s and ~15 MB, not 3 s and
~150 MB.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Iterator

from docx.document import Document as WordDocument
from docx.shared import Length, Pt
from docx.table import Table as WordTable

from reportgen.adapters import docx as wordlib
from reportgen.ja.numbers import split_unit
from reportgen.layout.table import alignment, fit_block, set_in_figures
from reportgen.model import KpiRow, RichText, Span, Table, TableBlock, Theme
from reportgen.render.docx import oxml, styles
from reportgen.render.docx.styles import hex_of
from reportgen.render.docx.inline import Fonts, add_rich_text, add_span, font_pieces


def add_kpi_cards(word: WordDocument, row: KpiRow, fonts: Fonts, width: Length) -> WordTable:
    """One row of cards, equal widths, white gutters drawn by the table style; every
    figure at one size, small enough that the widest fits its card on one line (Word
    would otherwise break `1,234.5 億|円` or `130,000,|000 人`)."""
    table = word.add_table(rows=1, cols=len(row.items))
    share = Length(width // len(row.items))
    table.style = word.styles[styles.KPI_TABLE]
    oxml.set_table_full_width(wordlib.element(table))
    oxml.set_table_look(wordlib.element(table), first_row=False, banded_rows=False)
    oxml.keep_row_together(wordlib.element(table.rows[0]))
    figures = [split_unit(kpi.value.text) for kpi in row.items]
    largest = word.styles[styles.KPI_FIGURE].font.size.pt
    size = _figure_size(figures, share.pt - KPI_CELL_MARGINS, largest)
    for cell, kpi, (figure, unit) in zip(table.rows[0].cells, row.items, figures):
        cell.width = share
        p = cell.paragraphs[0]
        p.style = styles.KPI_FIGURE
        add_span(p, Span(figure), fonts)
        if unit:
            add_span(p, Span(unit), fonts, style=styles.KPI_UNIT)
        for run in p.runs if size < largest else ():  # sizes come from the styles unless shrunk
            run.font.size = Pt(size * (KPI_UNIT_SHARE if run.style.name == styles.KPI_UNIT else 1.0))
        add_rich_text(cell.add_paragraph(style=styles.KPI_LABEL), kpi.label, fonts)
    return table


KPI_CELL_MARGINS = 10.0 + 4.0
"""Points of a KPI card's width taken by the table style's cell margins (100 twips a side)
and a safety margin for Word's own measure."""
KPI_UNIT_SHARE = 0.5
WIDE_EM, NARROW_EM = 1.0, 0.62
"""Advance widths, in em, that bound the bold face's: full width for Japanese, digits and
Latin letters at most 0.62 em (the DOCX renderer measures no glyphs: it loads no fonts)."""


def _figure_size(figures: list[tuple[str, str]], room: float, largest: float) -> float:
    """The one figure size (pt, half-points) for a row: the largest up to `largest` at
    which every figure and its half-size unit fit `room` points."""
    def ems(text: str) -> float:
        return sum(WIDE_EM if unicodedata.east_asian_width(ch) in "WF" else NARROW_EM for ch in text)

    widest = max(ems(figure) + KPI_UNIT_SHARE * ems(unit) for figure, unit in figures)
    return min(largest, int(2 * room / widest) / 2) if widest else largest


FIGURE_GUTTER = Pt(6)


def add_figure_grid(word: WordDocument, columns: int, width: Length) -> list[wordlib.TableCell]:
    """A borderless one-row table whose cells each hold a figure and its caption."""
    table = word.add_table(rows=1, cols=columns)
    table.style = word.styles[styles.FIGURE_GRID]
    oxml.set_table_full_width(wordlib.element(table))
    oxml.set_table_look(wordlib.element(table), first_row=False, banded_rows=False)
    oxml.keep_row_together(wordlib.element(table.rows[0]))
    share = Length(width // columns)
    for column in table.columns:
        column.width = share
    for cell in table.rows[0].cells:
        cell.width = share
    return list(table.rows[0].cells)


def add_data_table(word: WordDocument, block: TableBlock, fonts: Fonts, width: Length, theme: Theme,
                   deferred: oxml.DeferredRows) -> WordTable:
    """The header row through python-docx; the body rows as XML text in `deferred` (one
    cell template per column, filled with each value's runs), spliced in at saving.
    Columns, type size and padding are the shared solver's (as in the PDF), in a fixed
    layout: the grid (read by LibreOffice) and every cell (read by Word) get the same
    widths, so both wrap where the PDF wraps. Figures in BIZ UDGothic; total rows bold
    under a rule. (The PDF renderer warns about the solver's compromises.)"""
    table = block.table
    shown, fit = fit_block(block, theme, width.pt, styles.table_size(theme))
    out = word.add_table(rows=1, cols=len(shown))
    out.style = word.styles[styles.TABLE]
    oxml.set_table_fixed_width(wordlib.element(out), Length(Pt(sum(fit.widths))).twips)
    oxml.set_table_look(wordlib.element(out), first_row=True, banded_rows=True)
    oxml.set_table_cell_margins(wordlib.element(out), 40, _twips(fit.pad), 40, _twips(fit.pad))
    oxml.mark_header_row(wordlib.element(out.rows[0]))
    shares = [Length(Pt(w)) for w in fit.widths]
    for column, cell, share in zip(out.columns, out.rows[0].cells, shares):
        column.width = cell.width = share
    aligns = [alignment(block, i) for i in shown]
    size = None if fit.size == styles.table_size(theme) else round(fit.size * 2)
    _fill_header(out.rows[0].cells, [table.columns[i].name for i in shown], aligns, fonts, size)
    if table.rows:
        columns = [_BodyColumn(share.twips, align, set_in_figures(table.columns[i]))
                   for i, share, align in zip(shown, shares, aligns)]
        deferred.append(wordlib.element(out), _body_rows(word, table, shown, columns, fonts, size, theme))
    return out


@dataclass(frozen=True)
class _BodyColumn:
    twips: int
    align: str
    figures: bool


def _twips(points: float) -> int:
    return round(points * 20)


def _body_rows(word: WordDocument, table: Table, shown: list[int], columns: list[_BodyColumn], fonts: Fonts,
               size: int | None, theme: Theme) -> Iterator[str]:
    """Each body row as XML text: cells as wide as their column, centred vertically, in
    the text or number style of their column; rows never split across pages; a total row
    bold under a rule. A text that repeats (a region, a date, a unit) is cut into runs once."""
    def starts(total: bool) -> list[str]:
        rule = hex_of(theme, "text") if total else None
        return [oxml.cell_start(c.twips, "center", word.styles[_cell_style(False, c.align == "right")].style_id,
                                _JC.get(c.align), rule) for c in columns]

    plain, strong = starts(False), starts(True)
    runs: dict[tuple[str, bool, bool], str] = {}

    def cell_runs(text: str, figures: bool, bold: bool) -> str:
        found = runs.get((text, figures, bold))
        if found is None:
            found = runs[(text, figures, bold)] = _cell_runs(text, fonts, figures, bold, size)
        return found

    totals = set(table.totals)
    for n, values in enumerate(table.rows):
        bold = n in totals
        cells = [start + cell_runs(values[i].text, c.figures, bold) + oxml.CELL_END
                 for start, i, c in zip(strong if bold else plain, shown, columns)]
        yield oxml.ROW_START + "".join(cells) + oxml.ROW_END


_JC = {"center": "center"}  # left and right come with the text and number styles


def _cell_runs(text: str, fonts: Fonts, figures: bool, bold: bool, size: int | None) -> str:
    """Plain cell text as `add_rich_text` writes it: one run per font (figures in the
    tabular family)."""
    main = fonts.figures_family if figures else None
    return "".join(oxml.text_run(piece, fonts.fallback_family if fallback else main, bold, size)
                   for piece, fallback in font_pieces(text, fonts))


def _fill_header(cells, texts: list[str], aligns: list[str], fonts: Fonts, size: int | None) -> None:
    for cell, text, align in zip(cells, texts, aligns):
        p = cell.paragraphs[0]
        p.style = _cell_style(True, align == "right")
        if align in _JC:
            oxml.set_alignment(oxml.ppr(wordlib.element(p)), _JC[align])
        add_rich_text(p, RichText.of(text), fonts)
        if size:
            for r in p.runs:
                oxml.set_size(oxml.rpr(wordlib.element(r)), size)
        oxml.set_cell_vertical_alignment(wordlib.element(cell), "center")


def _cell_style(header: bool, is_number: bool) -> str:
    if header:
        return styles.TABLE_HEADER_NUMBER if is_number else styles.TABLE_HEADER
    return styles.TABLE_NUMBER if is_number else styles.TABLE_TEXT
