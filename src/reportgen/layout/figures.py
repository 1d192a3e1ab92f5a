"""Where a figure prints, and how large: its nominal width (full text width, or half of it
less the gutter) and the height it may not pass, from the theme's paper and margins.

The PDF lays figures out with these, and the reader judges an image's resolution with
them before any layout, so that `validate` and `build` give the same print warning.
"""

from __future__ import annotations

import math
import warnings

from reportgen.diagnostics import CellRef, Diagnostic, ReportWarning
from reportgen.i18n import tr
from reportgen.model import PAPER_MM, Theme

POINTS_PER_MM = 72 / 25.4
HALF_GAP = 12.0  # pt between two half-width figures
MAX_HEIGHT_SHARE = 0.55  # of the text frame's height: a figure never takes more
PRINT_DPI = 300


def text_width(theme: Theme) -> float:
    """The text column's width in points."""
    return (PAPER_MM[theme.page_size][0] - theme.margin_left - theme.margin_right) * POINTS_PER_MM


def max_figure_height(theme: Theme) -> float:
    """The tallest a figure prints, in points (a share of a later page's text frame)."""
    frame = (PAPER_MM[theme.page_size][1] - theme.margin_top - theme.margin_bottom) * POINTS_PER_MM
    return frame * MAX_HEIGHT_SHARE


def figure_width(width: str, column: float) -> float:
    """A figure's width in a text column `column` points wide: all of it, or half less the gutter."""
    return column if width == "full" else (column - HALF_GAP) / 2


def print_width(theme: Theme, width: str, pixels: tuple[int, int]) -> float:
    """The width in points an image of `pixels` (width, height, upright) prints at:
    its nominal width, narrower when that would make it taller than `max_figure_height`."""
    w_px, h_px = pixels
    nominal = figure_width(width, text_width(theme))
    tallest = max_figure_height(theme)
    return tallest * w_px / h_px if nominal * h_px / w_px > tallest else nominal


def warn_if_coarse(ref: CellRef, name: str, width_pt: float, w_px: int) -> None:
    """A located warning (not an error) when the image has fewer pixels than print needs."""
    dpi = w_px / (width_pt / 72)
    if dpi < PRINT_DPI:
        need = math.ceil(width_pt / 72 * PRINT_DPI)
        warnings.warn(ReportWarning(Diagnostic(ref, tr(
            "image '{name}' prints at {dpi:.0f} dpi (print needs {PRINT_DPI}: supply at least {need} pixels wide)")
            .format(name=name, dpi=dpi, PRINT_DPI=PRINT_DPI, need=need))))
