"""The appendix's cover sheet.

In: an empty worksheet, the document meta and theme, the `SheetEntry` of every data sheet,
and the document's KPI figures and contact boxes. Out: the cover: document type, title,
subtitle; organisation, date, source note and the currency rates used; the headline
figures (a recipient with only the appendix still gets the totals); the list of data
sheets, each name a link to its sheet; the contact; a line saying the file holds values
only.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from reportgen.model import ContactBox, Kpi, Meta, Theme, Value
from reportgen.render.xlsx import layout, styles
from reportgen.render.xlsx.cells import write_text, write_value
from reportgen.render.xlsx.datasheet import SheetEntry
from reportgen.render.xlsx.derived import rate_in_words
from reportgen.render.xlsx.printing import PORTRAIT_WIDTH, set_up_print

DATE_FORMAT = 'yyyy"年"m"月"d"日"'
WIDTHS = (10.0, 26.0, 26.0, 6.0)
"""Cover columns: labels and sheet names (widened to the longest name), text, text, counts."""
SHEET_LIST_HEADER = ("シート", "内容", "グラフ", "行数")
VALUES_ONLY = ("この付録の数値はすべて値として記載しています（数式・マクロ・外部リンクはありません）。"
               "各シートのグラフは、そのシートの表を参照する Excel グラフです。")
LEFT = Alignment(horizontal="left", vertical="top")


def write_cover(ws: Worksheet, meta: Meta, theme: Theme, entries: list[SheetEntry],
                kpis: tuple[Kpi, ...] = (), contacts: tuple[ContactBox, ...] = ()) -> None:
    ws.sheet_format.defaultRowHeight, ws.sheet_format.customHeight = layout.ROW_PT, True
    widths = _widths(entries, kpis)
    layout.set_widths(ws, widths)
    row = _write_title(ws, meta) + 2
    row = _write_facts(ws, meta, row) + 1
    if kpis:
        row = _write_kpis(ws, kpis, row) + 1
    row = _write_sheet_list(ws, entries, row) + 1
    for box in contacts:
        row = _write_contact(ws, box, row) + 1
    _merged(ws, row, 1, VALUES_ONLY, styles.NOTE, size=styles.NOTE_PT)
    set_up_print(ws, meta.running_title, min(sum(widths), PORTRAIT_WIDTH), theme)  # one portrait page, fit to its width


def _widths(entries: list[SheetEntry], kpis: tuple[Kpi, ...]) -> list[float]:
    first = layout.fitted_width([e.sheet for e in entries] + ["為替レート"] + [k.value.text for k in kpis])
    return [max(WIDTHS[0], first), *WIDTHS[1:]]


def _width(ws: Worksheet, first: int, last: int = len(WIDTHS)) -> float:
    """Width of cover columns `first`..`last` (1-based) together."""
    return sum(ws.column_dimensions[get_column_letter(c)].width for c in range(first, last + 1))


def _write_title(ws: Worksheet, meta: Meta) -> int:
    """Document type, title and subtitle from row 1; returns the last row used."""
    _merged(ws, 1, 1, f"{meta.doc_type}　データ付録", styles.SUBTITLE)
    _merged(ws, 2, 1, meta.title, styles.TITLE, size=16.0)
    if not meta.subtitle:
        return 2
    _merged(ws, 3, 1, meta.subtitle, styles.SUBTITLE)
    return 3


def _write_facts(ws: Worksheet, meta: Meta, row: int) -> int:
    """Organisation, date, source note and rates from `row`; returns the next free row."""
    row = _fact(ws, row, "発行元", meta.organisation)
    row = _fact_date(ws, row, meta.date)
    if meta.source_note:
        row = _fact(ws, row, "出典", unlabelled(meta.source_note, "出典"))
    for name, rate in meta.rates.items():
        row = _fact_rate(ws, row, name, rate)
    return row


def unlabelled(text: str, label: str) -> str:
    """`text` without a leading "label：" (or "label:"), which the label cell already says:
    "出典：アリババグループ" under 出典 → "アリババグループ"."""
    for colon in ("：", ":"):
        if text.startswith(label + colon):
            return text[len(label) + 1:].lstrip()
    return text


def _fact(ws: Worksheet, row: int, label: str, text: str) -> int:
    _label(ws, row, label)
    _merged(ws, row, 2, text, styles.TEXT)
    return row + 1


def _fact_date(ws: Worksheet, row: int, date: dt.date) -> int:
    _label(ws, row, "発行日")
    cell = ws.cell(row, 2)
    cell.style = styles.TEXT
    cell.value, cell.number_format, cell.alignment = date, DATE_FORMAT, LEFT
    return row + 1


def _fact_rate(ws: Worksheet, row: int, name: str, rate: Value) -> int:
    """"為替レート | 15 | 1 CNY = 15 JPY": the number as a number, then in words."""
    _label(ws, row, "為替レート")
    cell = ws.cell(row, 2)
    cell.style = styles.TEXT
    write_value(cell, rate)
    cell.alignment = LEFT
    words = ws.cell(row, 3)
    words.style = styles.TEXT
    write_text(words, rate_in_words(name, rate))
    return row + 1


def _write_kpis(ws: Worksheet, kpis: tuple[Kpi, ...], row: int) -> int:
    """"主な数値": each figure (a number cell in its format) and its label; returns the next
    free row."""
    _merged(ws, row, 1, "主な数値", styles.HEADING)
    for r, kpi in enumerate(kpis, start=row + 1):
        cell = ws.cell(r, 1)
        cell.style = styles.FIGURE
        write_value(cell, kpi.value)
        cell.alignment = LEFT
        _merged(ws, r, 2, kpi.label.plain, styles.TEXT)
        ws.row_dimensions[r].height = max(ws.row_dimensions[r].height or 0, layout.ROW_PT + 4)
    return row + 1 + len(kpis)


def _write_contact(ws: Worksheet, box: ContactBox, row: int) -> int:
    """The contact box's title and lines, each across the cover's width; returns the next
    free row."""
    _merged(ws, row, 1, box.title.plain or "お問い合わせ", styles.HEADING)
    for r, line in enumerate(box.lines, start=row + 1):
        _merged(ws, r, 1, line.plain, styles.TEXT)
    return row + 1 + len(box.lines)


def _write_sheet_list(ws: Worksheet, entries: list[SheetEntry], row: int) -> int:
    """The heading, header and one linked row per data sheet; returns the next free row."""
    _merged(ws, row, 1, "シート一覧", styles.HEADING)
    for c, text in enumerate(SHEET_LIST_HEADER, start=1):
        ws.cell(row + 1, c).style = styles.HEADER
        write_text(ws.cell(row + 1, c), text)
    for r, entry in enumerate(entries, start=row + 2):
        _sheet_row(ws, r, entry)
    return row + 2 + len(entries)


def _sheet_row(ws: Worksheet, r: int, entry: SheetEntry) -> None:
    texts = [entry.sheet, entry.caption, "、".join(entry.charts)]
    for c, text in enumerate(texts, start=1):
        ws.cell(r, c).style = styles.LINK if c == 1 else styles.CELL_WRAP
        write_text(ws.cell(r, c), text)
    link = ws.cell(r, 1)
    link.hyperlink = Hyperlink(ref=link.coordinate, location=f"{quote_sheetname(entry.sheet)}!A1",
                               display=entry.sheet)
    count = ws.cell(r, 4)
    count.style = styles.CELL
    count.value, count.number_format = entry.rows, "#,##0"  # 1,000 as the data sheets print it
    lines = max(layout.line_count(t, _width(ws, c, c)) for c, t in enumerate(texts, start=1))
    ws.row_dimensions[r].height = layout.row_height(lines)


def _label(ws: Worksheet, row: int, text: str) -> None:
    ws.cell(row, 1).style = styles.LABEL
    write_text(ws.cell(row, 1), text)


def _merged(ws: Worksheet, row: int, col: int, text: str, style: str, size: float = layout.BODY_PT) -> None:
    """`text` in a cell merged from `col` to the last cover column, wrapped, row sized to fit."""
    cell = ws.cell(row, col)
    cell.style = style
    write_text(cell, text)
    cell.alignment = Alignment(vertical="top", wrap_text=True)
    if col < len(WIDTHS):
        layout.merge_across(ws, row, col, len(WIDTHS))
    width = _width(ws, col)
    lines = layout.line_count(text, width, size)
    ws.row_dimensions[row].height = max(layout.ROW_PT, lines * size * 1.45 + 3)
