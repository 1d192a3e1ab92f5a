"""One chart plan → one figure → its files, with every text proven clear of the others.

In: a `ChartPlan`, the `Theme`, the SVG path and the PNG path (None: no PNG). Out: the
files written, and a `Drawn` saying at which width and size the chart was drawn and what
was left out (`collide.settle`), for the chart stage to warn about. Must run inside
`session.rendering(theme)`.

matplotlib's warnings (e.g. "constrained_layout not applied") are errors here, never
lines on stderr: a chart that cannot be laid out is drawn again full width, then without
its legend, and failing that is a located error naming its row of the charts sheet.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from pathlib import Path

from matplotlib.figure import Figure

from reportgen.charts.legend import NONE
from reportgen.charts.mpl.bars import draw_bars, draw_stacked
from reportgen.charts.mpl.collide import LayoutProblem, settle
from reportgen.charts.mpl.figure import new_figure, save
from reportgen.charts.mpl.lines import draw_lines
from reportgen.charts.mpl.pies import draw_pie
from reportgen.charts.plan import FONT_SIZES, SIZES, ChartPlan
from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.i18n import tr
from reportgen.model import Theme


@dataclass(frozen=True)
class Drawn:
    """How a chart came out: its width ("full"/"half"), size in points, and the compromises."""

    width: str
    width_pt: float
    height_pt: float
    notes: tuple[str, ...] = ()


def figure(plan: ChartPlan, theme: Theme) -> tuple[Figure, list[str]]:
    """The chart drawn and laid out, its texts settled: every kind lays the figure out
    last (its labels are measured after layout), so that `save` writes this layout
    without running it again. matplotlib warnings raise."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
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
        return fig, settle(fig, ax)


def fallbacks(plan: ChartPlan) -> list[tuple[ChartPlan, str]]:
    """The plan, then wider, then without a legend: each with what it gives up."""
    plans = [(plan, "")]
    if plan.width == "half":
        w, h = SIZES["full"][0], plan.height_pt
        plan = replace(plan, width="full", width_pt=w, height_pt=h, font_size=FONT_SIZES["full"])
        plans.append((plan, "drawn full width: at half width it could not be laid out"))
    if plan.legend.where != "none" and plan.kind not in ("pie", "donut"):
        plans.append((replace(plan, legend=NONE), "drawn without its legend: the legend left no room for the plot"))
    return plans


def draw_files(plan: ChartPlan, theme: Theme, svg: Path, png: Path | None) -> Drawn:
    problem = ""
    for attempt, given_up in fallbacks(plan):
        try:
            fig, hidden = figure(attempt, theme)
        except (Warning, LayoutProblem) as exc:
            problem = str(exc)
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            save(fig, svg, png)
        notes = (*attempt.notes, *([given_up] if given_up else []), *hidden)
        return Drawn(attempt.width, attempt.width_pt, attempt.height_pt, notes)
    raise ReportError(Diagnostic(plan.ref, tr("chart '{chart_id}' cannot be drawn legibly ({problem}); shorten its names or give it fewer categories or series").format(chart_id=plan.chart_id, problem=problem)))
