"""Bar charts: vertical (one series, or grouped series), horizontal, and stacked.

In: a `ChartPlan`, the `Theme` and fresh axes. Out: the bars and their data labels drawn.
Bars carry their label at the end of the bar and need no value axis (many series, or
`labels=off`, show a value axis instead); stacked bars label each segment inside it (when
it fits) and keep a light value grid.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.text import Text

from reportgen.charts.mpl import figure as fg
from reportgen.charts.mpl.fit import drop_unfit, lay_out, make_room, shrink_to_fit
from reportgen.charts.plan import ChartPlan, Series
from reportgen.model import Theme

BAND = 0.62  # share of a category slot filled by its bar(s)
MAX_BAR_PT = 56.0  # a few categories across a full-width chart must not give slabs


def band(plan: ChartPlan, horizontal: bool) -> float:
    """Share of a category slot the bars fill: `BAND`, less when slots are very wide."""
    slot = (plan.height_pt if horizontal else plan.width_pt) / max(len(plan.categories), 1)
    return min(BAND, MAX_BAR_PT / slot)


def heights(series: Series) -> np.ndarray:
    return np.array([v if v is not None else 0.0 for v in series.values])


def draw_bars(ax: Axes, plan: ChartPlan, theme: Theme, horizontal: bool = False) -> None:
    """Grouped bars: series i is shifted within each category slot."""
    slots = np.arange(len(plan.categories))
    width = band(plan, horizontal) / len(plan.series)
    labels: list[Text] = []
    for i, series in enumerate(plan.series):
        offset = (i - (len(plan.series) - 1) / 2) * width
        draw = ax.barh if horizontal else ax.bar
        bars = draw(slots + offset, heights(series), width, color=series.colors,
                    label=fg.plain(series.name), gid=f"series-{i}")
        texts = ax.bar_label(bars, labels=[fg.plain(t) for t in series.labels], padding=2.5,
                             fontsize=plan.font_size)
        fg.style_labels(texts, plan, theme, i)
        labels += texts
    _frame(ax, plan, theme, horizontal)
    make_room(ax, labels)
    shrink_to_fit(labels, plan.font_size - 1.5)


def _frame(ax: Axes, plan: ChartPlan, theme: Theme, horizontal: bool) -> None:
    fg.category_ticks(ax, plan, theme, "y" if horizontal else "x")
    if plan.value_axis:
        fg.value_axis(ax, plan, theme, "x" if horizontal else "y")
    else:
        fg.hide_value_axis(ax, "x" if horizontal else "y")
    fg.zero_line(ax, theme, "x" if horizontal else "y")
    if horizontal:
        ax.invert_yaxis()  # first row at the top, as read
        ax.spines["bottom"].set_visible(False)
        ax.set_xlim(left=min(0.0, ax.get_xlim()[0]))
    else:
        ax.set_ylim(bottom=min(0.0, ax.get_ylim()[0]))
    fg.value_limits(ax, plan, "x" if horizontal else "y")
    fg.unit_label(ax, plan, theme)
    fg.legend(ax, plan)


def draw_stacked(ax: Axes, plan: ChartPlan, theme: Theme) -> None:
    """Series stacked per category (positives upwards, negatives downwards)."""
    slots = np.arange(len(plan.categories))
    up, down = np.zeros(len(slots)), np.zeros(len(slots))
    placed: list[tuple[list[Text], list]] = []
    for i, series in enumerate(plan.series):
        h = heights(series)
        base = np.where(h >= 0, up, down)
        bars = ax.bar(slots, h, band(plan, False), bottom=base, color=series.colors,
                      label=fg.plain(series.name), gid=f"series-{i}", edgecolor="white", linewidth=0.6)
        up, down = up + np.clip(h, 0, None), down + np.clip(h, None, 0)
        texts = ax.bar_label(bars, labels=[fg.plain(t) for t in series.labels], label_type="center",
                             fontsize=plan.font_size - 0.5)
        fg.style_labels(texts, plan, theme, i)
        for text, color in zip(texts, series.colors):
            text.set_color(ink_on(color, theme))
        placed.append((texts, bars.patches))
    fg.category_ticks(ax, plan, theme, "x")
    fg.value_axis(ax, plan, theme, "y")
    fg.value_limits(ax, plan, "y")
    fg.unit_label(ax, plan, theme)
    fg.legend(ax, plan)
    lay_out(ax.figure)
    for texts, patches in placed:
        drop_unfit(texts, patches)


def ink_on(fill: str, theme: Theme) -> str:
    """White text on dark fills, the text colour on light ones (WCAG relative luminance)."""
    rgb = [int(fill[k:k + 2], 16) / 255 for k in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#FFFFFF" if luminance < 0.4 else theme.text
