"""Pie and donut charts: slices clockwise from twelve o'clock in display order, each wide
slice's share printed on it, and a legend beside the pie with each slice's category and
figure (value, share or both, as planned).

In: a `ChartPlan`, the `Theme` and fresh axes. Out: wedges, slice labels and legend drawn.
A legend (not labels around the rim) keeps long Japanese category names and thin slices
readable. A donut shows the series name in its hole.
"""

from __future__ import annotations

import math

from matplotlib.axes import Axes

from reportgen.charts.mpl import figure as fg
from reportgen.charts.mpl.bars import ink_on
from reportgen.charts.plan import PIE_GAP, ChartPlan, pie_diameter
from reportgen.model import Theme

DONUT_RING = 0.4
LABELLED_SHARE = 0.05
"""Slices narrower than this carry no label on them (their share is in the legend)."""


def draw_pie(ax: Axes, plan: ChartPlan, theme: Theme, donut: bool = False) -> None:
    series = plan.series[0]
    values = [v or 0.0 for v in series.values]
    wedges, _texts = ax.pie(
        values, colors=series.colors, startangle=90, counterclock=False,
        wedgeprops={"edgecolor": "white", "linewidth": 1.0, "width": DONUT_RING if donut else None},
    )
    _place(ax, plan)
    for point, wedge in enumerate(wedges):
        wedge.set_gid(f"slice-{point}")
    _slice_labels(ax, plan, theme, wedges, values, donut)
    gap = PIE_GAP / pie_diameter(plan.width_pt, plan.height_pt)
    key = ax.legend(wedges, [fg.plain(t) for t in plan.legend.labels], loc="center left", bbox_to_anchor=(1 + gap, 0.5),
                    fontsize=plan.legend.size, ncols=plan.legend.cols, labelspacing=0.9, handlelength=0.9,
                    handleheight=0.9)
    for point, text in enumerate(key.get_texts()):
        text.update(fg.label_style(plan, theme, 0, point))
        text.set_linespacing(1.3)
    if donut:
        ax.text(0, 0, fg.plain(series.name), ha="center", va="center", color=theme.muted,
                fontsize=plan.font_size, gid="inside-0")
    fg.unit_label(ax, plan, theme)


def _place(ax: Axes, plan: ChartPlan) -> None:
    """The pie at the planned size at the left, below the unit label, and the legend's room
    beside it: placed, not laid out (a layout engine shrinks a round pie inside a wider box
    and the legend beside it then runs off the figure)."""
    d = pie_diameter(plan.width_pt, plan.height_pt)
    top = 16.0
    bottom = max(plan.height_pt - top - d, 0.0) / 2 + 2
    ax.set_position((4 / plan.width_pt, bottom / plan.height_pt, d / plan.width_pt, d / plan.height_pt))


def _slice_labels(ax: Axes, plan: ChartPlan, theme: Theme, wedges: list, values: list[float], donut: bool) -> None:
    """Each wide slice's share (or value) in the middle of its ring, in ink that reads on its colour."""
    total = sum(values) or 1.0
    radius = 1 - DONUT_RING / 2 if donut else 0.66
    for point, (wedge, text) in enumerate(zip(wedges, plan.slice_labels)):
        if values[point] / total < LABELLED_SHARE:
            continue
        angle = math.radians((wedge.theta1 + wedge.theta2) / 2)
        ax.text(radius * math.cos(angle), radius * math.sin(angle), fg.plain(text), ha="center", va="center",
                fontsize=plan.font_size - 0.5, color=ink_on(plan.series[0].colors[point], theme),
                gid=f"pct-{point}")
