"""Figure scaffolding shared by every chart kind: the canvas, axes style, the unit label,
the legend, label fitting, and the deterministic SVG/PNG files.

In: a `ChartPlan` (and drawn artists). Out: a matplotlib `Figure` on an Agg canvas, then
`<id>.svg` (labels as <text> in the bundled fonts' family names, fixed hash salt, no
date) and, when asked, `<id>.png` (300 dpi, RGB, no metadata).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends import backend_svg  # noqa: F401  savefig's SVG writer, imported now, not by a forked worker
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator
from PIL import Image

from reportgen.charts.plan import ChartPlan
from reportgen.ja.numbers import myriad_tick
from reportgen.model import Theme

SVG_METADATA = {"Date": None, "Creator": "reportgen"}
PNG_DPI = 300


def new_figure(plan: ChartPlan) -> tuple[Figure, Axes]:
    """A figure at the PNG's resolution, so that text is measured once, as the PNG shows
    it (at 72 dpi hinted glyph widths are whole pixels and margins come out wide)."""
    fig = Figure(figsize=(plan.width_pt / 72, plan.height_pt / 72), dpi=PNG_DPI)
    FigureCanvasAgg(fig)
    mpl.rcParams["font.size"] = plan.font_size
    ax = fig.add_subplot()
    no_axis_titles(ax)
    return fig, ax


def no_axis_titles(ax: Axes) -> None:
    """Charts have no axis titles. Hidden, and pinned where they would not be drawn anyway,
    so that matplotlib stops measuring every tick label again to place an empty title at
    each layout pass and each draw (about a tenth of a chart's time)."""
    for axis in (ax.xaxis, ax.yaxis):
        axis.label.set_visible(False)
        axis.set_label_coords(0.5, 0.5)


def plain(text: str) -> str:
    """`text` with "$" escaped, so that a label is never parsed as mathtext."""
    return text.replace("$", r"\$")


def unit_label(ax: Axes, plan: ChartPlan, theme: Theme) -> None:
    if plan.unit_label:
        title = ax.set_title(plain(plan.unit_label), loc="left", fontsize=plan.font_size - 0.5,
                             color=theme.muted, y=1.0)  # a fixed y: no tick labels above the plot to avoid,
                                                        # so matplotlib need not measure them to place it
        title.set_gid("unit")


LEGEND_PLACES = {"bottom": "outside lower center", "top": "outside upper center"}


def legend(ax: Axes, plan: ChartPlan, handles: Sequence | None = None) -> None:
    """The series names where the plan puts them: below or above the plot across the
    figure, in the planned columns, or beside it; names wrapped as planned."""
    where = plan.legend
    if where.where == "none":
        return
    handles = handles if handles is not None else ax.get_legend_handles_labels()[0]
    labels = [plain(t) for t in where.labels]
    if where.where == "right":
        ax.legend(handles, labels, loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=where.size,
                  ncols=where.cols)
    else:
        ax.figure.legend(handles, labels, loc=LEGEND_PLACES[where.where], ncols=where.cols, fontsize=where.size)


def category_ticks(ax: Axes, plan: ChartPlan, theme: Theme, axis: str = "x") -> None:
    """Category labels as planned (wrapped, thinned, turned); the highlighted category bold
    in the accent colour."""
    positions = range(len(plan.tick_labels))
    labels = [plain(t) for t in plan.tick_labels]
    if axis == "x":
        ax.set_xticks(positions, labels)
    else:
        ax.set_yticks(positions, labels)
    for i, text in enumerate(ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()):
        text.set_linespacing(1.15)
        text.set_fontsize(plan.tick_size)
        text.set_color(theme.accent if i == plan.highlight else theme.text)
        if plan.tick_rotation:
            text.set_rotation(plan.tick_rotation)
            text.set_horizontalalignment("right")
            text.set_rotation_mode("anchor")
        if i == plan.highlight:
            text.set_fontweight("bold")


def value_axis(ax: Axes, plan: ChartPlan, theme: Theme, axis: str = "y") -> None:
    """A light value grid with tick numbers (in myriads when planned) and no axis line."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
    unit = (100, "%") if plan.axis.percent else plan.axis.unit
    target.set_major_formatter(FuncFormatter(lambda x, _pos: tick_number(x, target.get_majorticklocs(), unit)))
    ax.grid(True, axis=axis)
    ax.spines["left" if axis == "y" else "bottom"].set_visible(False)


def value_limits(ax: Axes, plan: ChartPlan, axis: str = "y") -> None:
    """The `min`/`max` options, when given."""
    if plan.axis.low is not None or plan.axis.high is not None:
        (ax.set_ylim if axis == "y" else ax.set_xlim)(plan.axis.low, plan.axis.high)


def tick_number(x: float, locs: Sequence[float], unit: tuple[int, str] = (1, "")) -> str:
    """An axis tick as text: as many decimals as the tick step needs (in `unit`, a myriad:
    `7.5億`, or percent: (100, "%") turns 0.25 into `25%`), thousands separators."""
    size, word = unit
    if word == "%":
        x, locs, size, word = x * 100, [v * 100 for v in locs], 1, "%"
    step = min((abs(b - a) for a, b in zip(locs, locs[1:]) if b != a), default=1.0) / size
    decimals = 0
    while decimals < 4 and abs(step * 10 ** decimals - round(step * 10 ** decimals)) > 1e-9:
        decimals += 1
    if size > 1:
        return myriad_tick(x, size, word, decimals)
    return f"{x:,.{decimals}f}".replace("-", "\u2212") + (word if word == "%" else "")


def hide_value_axis(ax: Axes, axis: str = "y") -> None:
    """Bars carry data labels, so their value axis is left out."""
    (ax.yaxis if axis == "y" else ax.xaxis).set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)


def zero_line(ax: Axes, theme: Theme, axis: str = "y") -> None:
    """The bars' base line at zero (between positive and negative bars when there are both)."""
    draw = ax.axhline if axis == "y" else ax.axvline
    draw(0.0, color=theme.rule, linewidth=0.9, zorder=3)


def label_style(plan: ChartPlan, theme: Theme, series: int, point: int) -> dict[str, object]:
    """Data label style: the highlighted point bold in the accent colour."""
    marked = len(plan.series) == 1 and point == plan.highlight
    return {"fontweight": "bold" if marked else "normal",
            "color": theme.accent if marked else theme.text, "gid": f"label-{series}-{point}"}


def style_labels(texts: Iterable[Text], plan: ChartPlan, theme: Theme, series: int) -> None:
    for point, text in enumerate(texts):
        text.update(label_style(plan, theme, series, point))


def save(fig: Figure, svg: Path, png: Path | None) -> None:
    """Write the SVG, and the PNG when asked, from the layout the drawing ended with
    (`draw.figure`). The figure has no layout engine (`fit.lay_out` runs one when asked),
    so savefig draws once: with an engine, even a switched-off one, it first draws the
    whole figure without output."""
    fig.savefig(svg, format="svg", metadata=SVG_METADATA)
    if png is not None:
        write_png(fig, png)


def write_png(fig: Figure, path: Path) -> None:
    """The figure drawn by Agg at its (300) dpi, saved as RGB (the ground is opaque white)
    with zlib's run-length strategy: as small as the default within 8 %, at half the
    time. Pillow writes no text chunks, only the resolution."""
    canvas = fig.canvas
    canvas.draw()
    image = Image.fromarray(np.asarray(canvas.buffer_rgba())).convert("RGB")
    image.save(path, format="png", dpi=(fig.dpi, fig.dpi), compress_type=zlib.Z_RLE)
