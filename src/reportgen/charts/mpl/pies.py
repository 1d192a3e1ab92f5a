"""Pie and donut charts: slices clockwise from twelve o'clock in display order, and a
legend beside the pie that gives each slice's category and the cell's formatted value.

In: a `ChartPlan`, the `Theme` and fresh axes. Out: wedges and legend drawn. A legend
(not labels around the rim) keeps long Japanese category names and thin slices readable.
A donut shows the series name in its hole.
"""

from __future__ import annotations

from matplotlib.axes import Axes

from reportgen.charts.mpl import figure as fg
from reportgen.charts.mpl.fit import lay_out
from reportgen.charts.plan import ChartPlan
from reportgen.model import Theme

DONUT_RING = 0.4


def draw_pie(ax: Axes, plan: ChartPlan, theme: Theme, donut: bool = False) -> None:
    series = plan.series[0]
    wedges, _texts = ax.pie(
        [v or 0.0 for v in series.values], colors=series.colors, startangle=90, counterclock=False,
        wedgeprops={"edgecolor": "white", "linewidth": 1.0, "width": DONUT_RING if donut else None},
    )
    for point, wedge in enumerate(wedges):
        wedge.set_gid(f"slice-{point}")
    entries = [fg.plain(f"{c}\n{t}") for c, t in zip(plan.tick_labels, series.labels)]
    key = ax.legend(wedges, entries, loc="center left", bbox_to_anchor=(1.04, 0.5),
                    fontsize=plan.font_size, labelspacing=0.9, handlelength=0.9, handleheight=0.9)
    for point, text in enumerate(key.get_texts()):
        text.update(fg.label_style(plan, theme, 0, point))
        text.set_linespacing(1.3)
    if donut:
        ax.text(0, 0, fg.plain(series.name), ha="center", va="center", color=theme.muted,
                fontsize=plan.font_size)
    fg.unit_label(ax, plan, theme)
    lay_out(ax.figure)
