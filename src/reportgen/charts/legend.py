"""Where the legend goes and how its names wrap, decided before matplotlib loads.

In: the entry texts, the `legend` option, the chart's size and font size. Out: a
`LegendPlan`: below (or above) the plot in as many columns as fit, each name wrapped to
its column in at most two lines, or in one column to the right; and the room it takes,
so that the plan can tell when a half-width chart has too little left for its plot.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportgen.charts.categories import Fonts, fit_wrapped, shortened

HANDLE_EM = 1.0 + 0.4  # legend.handlelength + handletextpad (session.rc_params)
COLUMN_EM = 1.2  # legend.columnspacing
ROW_EM = 0.5  # legend.labelspacing
LINE = 1.2
RIGHT_SHARE = 0.32  # of the chart's width, for a legend beside the plot


@dataclass(frozen=True)
class LegendPlan:
    where: str  # "bottom", "top", "right" or "none"
    labels: tuple[str, ...] = ()
    cols: int = 1
    size: float = 7.0
    extent: float = 0.0  # points taken: its height above or below the plot, its width beside it


NONE = LegendPlan("none")


def plan_legend(names: tuple[str, ...], where: str, width: float, size: float, floor: float,
                fonts: Fonts) -> LegendPlan:
    if where == "none" or not names:
        return NONE
    if where == "right":
        return _beside(names, width * RIGHT_SHARE, size, floor, fonts)
    for cols in range(len(names), 0, -1):
        room = (width - 4 - (cols - 1) * COLUMN_EM * size) / cols - HANDLE_EM * size
        ticks = fit_wrapped(names, room, size, size, fonts, max_lines=2)
        if ticks is not None:
            return LegendPlan(where, ticks.labels, cols, size, _height(ticks.labels, cols, size))
    ticks = shortened(names, width - 4 - HANDLE_EM * floor, floor, fonts, max_lines=2)
    return LegendPlan(where, ticks.labels, 1, floor, _height(ticks.labels, 1, floor))


def _beside(names: tuple[str, ...], room: float, size: float, floor: float, fonts: Fonts) -> LegendPlan:
    text_room = room - HANDLE_EM * size
    ticks = fit_wrapped(names, text_room, size, floor, fonts) or shortened(names, text_room, floor, fonts)
    widest = max(fonts.width(label, ticks.size) for label in ticks.labels)
    return LegendPlan("right", ticks.labels, 1, ticks.size, widest + HANDLE_EM * ticks.size + 4)


def _height(labels: tuple[str, ...], cols: int, size: float) -> float:
    """The tallest column: matplotlib fills the columns one after another, top to bottom."""
    return max(sum(label.count("\n") + 1 for label in column) * size * LINE + (len(column) - 1) * ROW_EM * size
               for column in columns(labels, cols)) + size * 0.8


def columns(labels: tuple[str, ...], cols: int) -> list[tuple[str, ...]]:
    per = math.ceil(len(labels) / max(cols, 1))
    return [labels[i:i + per] for i in range(0, len(labels), per)]
