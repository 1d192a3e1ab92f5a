"""One chart plan → one figure → its files.

In: a `ChartPlan`, the `Theme`, the SVG path and the PNG path (None: no PNG). Out: the
files written. Must run inside `session.rendering(theme)`.
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from reportgen.charts.mpl.bars import draw_bars, draw_stacked
from reportgen.charts.mpl.figure import new_figure, save
from reportgen.charts.mpl.lines import draw_lines
from reportgen.charts.mpl.pies import draw_pie
from reportgen.charts.plan import ChartPlan
from reportgen.model import Theme


def figure(plan: ChartPlan, theme: Theme) -> Figure:
    """The chart drawn and laid out: every kind lays the figure out last (its labels are
    measured after layout), so that `save` writes this layout without running it again."""
    fig, ax = new_figure(plan)
    if plan.kind == "bar":
        draw_bars(ax, plan, theme)
    elif plan.kind == "barh":
        draw_bars(ax, plan, theme, horizontal=True)
    elif plan.kind == "stacked":
        draw_stacked(ax, plan, theme)
    elif plan.kind == "line":
        draw_lines(ax, plan, theme)
    else:
        draw_pie(ax, plan, theme, donut=plan.kind == "donut")
    return fig


def draw_files(plan: ChartPlan, theme: Theme, svg: Path, png: Path | None) -> None:
    save(figure(plan, theme), svg, png)
