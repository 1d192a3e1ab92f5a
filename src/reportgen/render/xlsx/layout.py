"""Sheet geometry shared by the appendix sheets: names, widths, row heights.

In: texts and column contents. Out: numbers and names openpyxl takes (Excel column width
units, points, valid unique sheet and table names). Widths come from `cells.text_width`.
"""

from __future__ import annotations

import math
import re

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

from reportgen.render.xlsx.cells import text_width, widest, xml_text

MIN_WIDTH = 8
MAX_WIDTH = 44
"""Widest column (Excel width units, about 33 kanji); longer text wraps instead."""
FILTER_BUTTON = 2
BOLD_GAIN = 1.05
"""Bold BIZ UDPGothic is at most this much wider than regular (kanji and digits: equal)."""
PADDING = 2
"""Cell padding plus a text cell's one-level indent, in width units."""
BODY_PT = 10.5
"""Font size the width units are measured in (the workbook's default font)."""
LINE_PT = 15.0
"""Height of one line of 10.5 pt text."""
ROW_PT = 18.0
"""Default row height of every appendix sheet."""
_SHEET_CHARS = str.maketrans({"[": "［", "]": "］", ":": "：", "*": "＊", "?": "？", "/": "／", "\\": "＼"})
"""Characters Excel forbids in a sheet name → their full-width forms (a Japanese reader's own)."""
SHEET_NAME_MAX = 31
_ASCII_NAME = re.compile(r"[^A-Za-z0-9_]")


def fitted_width(texts: list[str], header: str = "") -> float:
    """Column width for `texts` under a (bold) `header` that leaves room for the filter button."""
    head = text_width(header) * BOLD_GAIN + FILTER_BUTTON if header else 0.0
    return float(min(max(math.ceil(max(widest(texts), head) + PADDING), MIN_WIDTH), MAX_WIDTH))


def line_count(text: str, width: float, size: float = BODY_PT) -> int:
    """Lines `text` in a `size`-point font takes when wrapped in a column `width` units wide."""
    usable = max((width - 1) * BODY_PT / size, 1)
    return sum(max(1, math.ceil(text_width(line) / usable)) for line in (text.splitlines() or [""]))


def row_height(lines: int) -> float:
    """Row height in points for a row whose tallest cell has `lines` lines."""
    return max(ROW_PT, lines * LINE_PT + 3)


def rows_covering(ws: Worksheet, first_row: int, height_pt: float) -> int:
    """How many rows from `first_row` down a drawing `height_pt` tall covers."""
    row, covered = first_row, 0.0
    while covered < height_pt:
        covered += height_of(ws, row)
        row += 1
    return row - first_row


def height_of(ws: Worksheet, row: int) -> float:
    """A row's height in points (without creating a row entry in the sheet)."""
    dims = ws.row_dimensions.get(row)
    return (dims.height if dims is not None else None) or ROW_PT


def merge_across(ws: Worksheet, row: int, first_col: int, last_col: int) -> None:
    """Merge `row`'s cells from `first_col` to `last_col` (for a text cell without borders).

    Only the range is registered: openpyxl's `merge_cells` also makes an object for every
    covered cell and copies the first cell's borders and protection onto them, ~1 ms per
    merge, and writes nothing more to the file for a cell without borders."""
    ws.merged_cells.add(MergedCellRange(ws, f"{get_column_letter(first_col)}{row}:{get_column_letter(last_col)}{row}"))


def set_widths(ws: Worksheet, widths: list[float], first_col: int = 1) -> None:
    for i, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(first_col + i)].width = width


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid sheet name (31 chars; []:*?/\\ replaced by their full-width forms), unique
    ignoring case; adds "(2)"… on clashes."""
    base = _shortened(" ".join(xml_text(wanted).translate(_SHEET_CHARS).split()).strip("'")) or "Sheet"
    name, n = base[:31], 2
    while name.casefold() in taken:
        suffix = f"({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.casefold())
    return name


def _shortened(name: str) -> str:
    """A name longer than a sheet tab holds (31) without its trailing remark in brackets
    ("主な施策別の拠出額（2020年3月31日時点、…）" → "主な施策別の拠出額"), else cut with "…"."""
    if len(name) <= SHEET_NAME_MAX:
        return name
    head = name.split("（")[0].split("(")[0].strip()
    if head:
        name = head
    return name if len(name) <= SHEET_NAME_MAX else name[:SHEET_NAME_MAX - 1] + "…"


def table_name(sheet_index: int, wanted: str) -> str:
    """A deterministic Excel table name: ASCII letters, digits and "_" only, never a cell ref."""
    tail = _ASCII_NAME.sub("", wanted)[:40]
    return f"T{sheet_index}_{tail}" if tail else f"T{sheet_index}_Data"
