"""Line charts: one line per series over the categories, a marker and a data label on
each point, a light value grid.

In: a `ChartPlan`, the `Theme` and fresh axes. Out: lines, markers and labels drawn.
A label sits above its point where the line comes up to it (a peak, a rise) and below
where it comes down to it (a dip), so the line runs away from it; `collide.settle`
leaves out labels that still collide.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.text import Text

from reportgen.charts.mpl import figure as fg
from reportgen.charts.mpl.fit import make_room
from reportgen.charts.plan import ChartPlan, Series
from reportgen.model import Theme

HALO = {"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}
"""A white ground behind each label, so that a line running through it cannot hide it."""


def draw_lines(ax: Axes, plan: ChartPlan, theme: Theme) -> None:
    labels: list[Text] = []
    for i, series in enumerate(plan.series):
        labels += _line(ax, plan, theme, i, series)
    fg.category_ticks(ax, plan, theme, "x")
    fg.value_axis(ax, plan, theme, "y")
    ax.set_xmargin(0.06)
    fg.value_limits(ax, plan, "y")
    fg.unit_label(ax, plan, theme)
    fg.legend(ax, plan)
    make_room(ax, labels)


def _line(ax: Axes, plan: ChartPlan, theme: Theme, i: int, series: Series) -> list[Text]:
    x = np.arange(len(series.values))
    y = np.array([np.nan if v is None else v for v in series.values])
    color = series.colors[0]
    ax.plot(x, y, color=color, marker="o", markerfacecolor="white", markeredgewidth=1.5,
            label=fg.plain(series.name), gid=f"series-{i}", zorder=3)
    if plan.highlight is not None and len(plan.series) == 1 and not np.isnan(y[plan.highlight]):
        ax.plot([plan.highlight], [y[plan.highlight]], marker="o", color=theme.accent,
                markersize=6, zorder=4, linestyle="none")
    labels = []
    for p, text in enumerate(series.labels):
        if np.isnan(y[p]) or not text:
            continue
        above = _above(y, p)
        labels.append(ax.annotate(fg.plain(text), (x[p], y[p]), xytext=(0, 5 if above else -5),
                                  textcoords="offset points", ha="center", va="bottom" if above else "top",
                                  fontsize=plan.font_size, bbox=HALO, **fg.label_style(plan, theme, i, p)))
    return labels


def _above(y: np.ndarray, p: int) -> bool:
    """Whether point `p` is labelled above: unless both neighbours (those present) lie above it."""
    near = [y[q] for q in (p - 1, p + 1) if 0 <= q < len(y) and not np.isnan(y[q])]
    return not near or not all(v > y[p] for v in near)
