"""Manual page breaks that keep each chart (and other blocks) on one printed page.

In: the row heights of a sheet, its content width, orientation and paper size, the row repeated on every
page, and the blocks that must not be split (a chart with its caption, a note group, a
sorted chart-data copy) as (first row, last row). Out: the rows after which a new page
starts. Spreadsheets break pages by rows only and would cut a chart in two; the
arithmetic below is ours (no library plans spreadsheet pages).

The page scale is what "fit to one page wide" gives, estimated from Excel's width unit
(BIZ UDPGothic's digit, 0.76 em of 10.5 pt = 10.6 px, which Excel rounds to 11 px at
96 dpi, plus 5 px of cell padding per column) less a small margin. LibreOffice's unit is
wider (its scale smaller), so a page there holds more than estimated: breaks come early
rather than late in either program.
"""

from __future__ import annotations

from typing import Sequence

A4_MM = (210.0, 297.0)
PT_PER_MM = 72 / 25.4
MARGIN_X_PT = 0.55 * 72
MARGIN_Y_PT = 0.8 * 72
UNIT_PT = 11 * 0.75
COLUMN_PADDING_PT = 5 * 0.75
SAFETY = 0.97


def page_height(widths: Sequence[float], landscape: bool, paper_mm: tuple[float, float] = A4_MM) -> float:
    """Sheet height (pt at 100 %) that one printed page of `paper_mm` (portrait width,
    height) holds once fit to one page wide."""
    short, long = (side * PT_PER_MM for side in paper_mm)
    paper_w, paper_h = (long, short) if landscape else (short, long)
    content = sum(w * UNIT_PT + COLUMN_PADDING_PT for w in widths)
    scale = min(1.0, (paper_w - 2 * MARGIN_X_PT) / content) if content else 1.0
    return (paper_h - 2 * MARGIN_Y_PT) / scale * SAFETY


def breaks(heights: Sequence[float], blocks: Sequence[tuple[int, int]], page: float,
           repeat: tuple[int, float] | None = None) -> list[int]:
    """Rows (1-based) after which to break; `heights[i]` is row i+1's height.

    `repeat` is the repeated header row and its height: it is printed again at the top of
    every later page, and no break is placed above it.
    """
    result: list[int] = []
    start, used = 1, 0.0
    for row in range(1, len(heights) + 1):
        used += heights[row - 1]
        if used <= page or (repeat and row <= repeat[0]):
            continue
        cut = _cut_before(row, blocks, start)
        result.append(cut - 1)
        start = cut
        used = sum(heights[cut - 1:row]) + (repeat[1] if repeat else 0.0)
    return result


def _cut_before(row: int, blocks: Sequence[tuple[int, int]], page_start: int) -> int:
    """The row a new page should start at when `row` no longer fits: the start of the
    earliest block that `row` belongs to, unless that block began the current page."""
    starts = [first for first, last in blocks if first <= row <= last and first > page_start]
    return min(starts, default=row)
