"""The chart plan: everything a chart needs to be drawn, decided before matplotlib loads.

In: a `ChartSpec` and the document `Theme`. Out: a frozen `ChartPlan` with the figure
size (a half-width chart whose legend leaves its plot too little room becomes full
width; horizontal bars grow with their rows), the category labels as printed
(`categories`: wrapped, smaller, thinned or shortened; long names on vertical bars turn
the chart horizontal), the legend (`legend`), the value axis (ticks in myriads, the
`scale` option, limits), and per series the values, the data-label texts (each cell's own
formatted text, `Value.text`, or, on a myriad or scaled axis, the same figure in that
unit) and the colours. Compromises are `notes`, warned about by the chart stage. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reportgen.charts.categories import Fonts, Ticks, category_texts, fit_wrapped, shortened, thinned, upright
from reportgen.charts.colors import highlight_index, point_colors, tint
from reportgen.charts.legend import HANDLE_EM, NONE, LegendPlan, columns, plan_legend
from reportgen.charts.slices import percent, slices
from reportgen.diagnostics import CellRef
from reportgen.ja.numbers import axis_unit, myriad_format, myriad_groups, scale_of, unit_scale
from reportgen.model import ChartSpec, Theme, Value
from reportgen.model.data import ChartKind

MM = 72 / 25.4
SIZES = {"full": (180 * MM, 80 * MM), "half": (88 * MM, 70 * MM)}
"""Figure size in points by `ChartSpec.width`: full text width, or one of two columns."""
FONT_SIZES = {"full": 7.5, "half": 7.0}
FLOOR = 6.0
"""The smallest label size (pt) a chart prints: below it a 300-dpi print stops being read."""
LEGEND_SHARE = 0.3
"""Of a chart's height, the most a legend above or below the plot may take."""
LABEL_COLUMN = 0.36
"""Of a horizontal bar chart's width, the most its category labels may take."""
MAX_GROWTH = 2.6
"""How much taller than its default a horizontal bar chart may grow for its rows."""
VALUE_AXIS_PT = 34.0
MANY_POINTS = 24
"""A line chart with more points than this (all series) labels only each series' last point."""
HOLE = 0.6
"""A donut's hole, as a share of its diameter (the ring is 0.4 of the radius)."""
PIE_GAP = 12.0
"""Points between the pie and its legend."""
MANY_BARS = 3
"""Grouped bars of more series than this show a value axis instead of a label on each bar."""


@dataclass(frozen=True)
class Series:
    """One value column in display order; `None` values are empty cells (drawn as gaps)."""

    name: str
    values: tuple[float | None, ...]
    labels: tuple[str, ...]
    colors: tuple[str, ...]


@dataclass(frozen=True)
class ValueAxis:
    """Tick numbers: in myriads when `unit` > 1 (`10億`), else with separators; limits
    in plotted units (None: from the data)."""

    unit: tuple[int, str] = (1, "")
    low: float | None = None
    high: float | None = None
    percent: bool = False


@dataclass(frozen=True)
class ChartPlan:
    chart_id: str
    kind: ChartKind
    width_pt: float
    height_pt: float
    font_size: float
    categories: tuple[str, ...]
    tick_labels: tuple[str, ...]
    series: tuple[Series, ...]
    unit_label: str
    highlight: int | None
    width: str = "full"
    tick_size: float = 7.5
    tick_rotation: int = 0
    legend: LegendPlan = NONE
    axis: ValueAxis = ValueAxis()
    show_labels: bool = True
    value_axis: bool = True
    slice_labels: tuple[str, ...] = ()
    short_names: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()
    ref: CellRef = field(default=CellRef("charts"))

    @property
    def data_labels(self) -> tuple[str, ...]:
        """Every data-label text the chart prints, series after series."""
        return tuple(label for s in self.series for label in s.labels if label)


def make_plan(spec: ChartSpec, theme: Theme) -> ChartPlan:
    fonts = Fonts(theme.font_regular, theme.font_fallback)
    if spec.kind in ("pie", "donut"):
        return _pie(spec, theme, fonts)
    width, notes = spec.width, []
    names = tuple(spec.series) if len(spec.series) > 1 else ()
    legend = _legend(names, spec, width, fonts)
    if width == "half" and legend.where in ("bottom", "top") and legend.extent > LEGEND_SHARE * _size(spec, width)[1]:
        width, legend = "full", _legend(names, spec, "full", fonts)
        notes.append("drawn full width: at half width its legend leaves the plot too little room")
    kind, ticks = _categories(spec, width, legend, fonts)
    w, h = _size(spec, width)
    if kind == "barh":
        h = _barh_height(spec, ticks, h, legend)
    if ticks.short:
        notes.append(f"{len(ticks.short)} category names shortened with … to fit (the full names are in the "
                     "alternative text)")
    axis, scale, unit = _value_axis(spec)
    labelled = spec.options.labels and not (kind in ("bar", "barh") and len(spec.series) > MANY_BARS)
    colors = point_colors(spec, theme)
    series = tuple(_series(spec, name, colors[min(i, len(colors) - 1)], scale, axis, labelled)
                   for i, name in enumerate(spec.series))
    if kind == "bar" and labelled and not _labels_fit(series, w / max(len(ticks.labels), 1), FONT_SIZES[width], fonts):
        labelled = False  # a value axis reads better than labels cut down to every other bar
        series = tuple(replace(s, labels=("",) * len(s.labels)) for s in series)
    if kind == "line":
        series = _sparse(series, (w - VALUE_AXIS_PT - 16) / max(len(ticks.labels), 1), FONT_SIZES[width],
                         highlight_index(spec), fonts)
    return ChartPlan(
        chart_id=spec.id, kind=kind, width_pt=w, height_pt=h, font_size=FONT_SIZES[width],
        categories=spec.categories(), tick_labels=ticks.labels,
        series=series,
        unit_label=f"単位：{unit}" if unit else "", highlight=highlight_index(spec), width=width,
        tick_size=ticks.size, tick_rotation=ticks.rotation, legend=legend, axis=axis,
        show_labels=labelled, value_axis=kind in ("stacked", "line") or not labelled, short_names=ticks.short,
        notes=tuple(notes), ref=spec.ref,
    )


def _size(spec: ChartSpec, width: str) -> tuple[float, float]:
    w, h = SIZES[width]
    return w, spec.options.height_mm * MM if spec.options.height_mm else h


def _legend(names: tuple[str, ...], spec: ChartSpec, width: str, fonts: Fonts) -> LegendPlan:
    return plan_legend(names, spec.options.legend, SIZES[width][0], FONT_SIZES[width], FLOOR, fonts)


def _categories(spec: ChartSpec, width: str, legend: LegendPlan, fonts: Fonts) -> tuple[ChartKind, Ticks]:
    """The chart kind (vertical bars whose names do not fit turn horizontal) and its labels."""
    texts = category_texts(spec)
    w, _ = _size(spec, width)
    size = FONT_SIZES[width]
    if spec.kind == "barh":
        return "barh", _beside_bars(texts, w, size, fonts)
    column = spec.table.columns[spec.table.index(spec.category)]
    plot = w - (VALUE_AXIS_PT if spec.kind in ("stacked", "line") else 8) - 8
    plot -= legend.extent if legend.where == "right" else 0
    slot = plot / max(len(texts), 1)
    if column.kind in ("date", "number") or all(t[:1].isdecimal() for t in texts):  # dates, years (2015年度)
        return spec.kind, thinned(texts, slot, size, fonts, spec.options.rotate)
    lines = 2 if spec.kind == "bar" else 3
    fitted = fit_wrapped(texts, slot * 0.94, size, FLOOR, fonts, max_lines=lines)
    if fitted is None and spec.kind == "bar":
        return "barh", _beside_bars(texts, w, size, fonts)
    return spec.kind, fitted or upright(texts, slot, size, FLOOR, fonts) or shortened(texts, slot * 0.94, FLOOR, fonts)


def _beside_bars(texts: tuple[str, ...], width: float, size: float, fonts: Fonts) -> Ticks:
    room = width * LABEL_COLUMN
    return fit_wrapped(texts, room, size, FLOOR, fonts) or shortened(texts, room, FLOOR, fonts)


def _barh_height(spec: ChartSpec, ticks: Ticks, height: float, legend: LegendPlan) -> float:
    """Tall enough for every row's label and bars, up to `MAX_GROWTH` times the default."""
    row = max(ticks.lines * ticks.size * 1.15 + 4, 5.0 * len(spec.series) + 4)
    frame = 22 + (legend.extent if legend.where in ("bottom", "top") else 0)
    needed = len(ticks.labels) * row + frame
    return height if needed <= height else round(min(needed, height * MAX_GROWTH), 2)


def _value_axis(spec: ChartSpec) -> tuple[ValueAxis, int, str]:
    """The axis ticks, the factor values are divided by (the `scale` option) and the unit
    label's unit: `scale=億` with unit 円 plots 億円; `auto` writes 10億 on the ticks of a
    unit that has no scale of its own."""
    values = [float(v.raw) for name in spec.series for v in spec.ordered_rows_column(name) if v.is_number]  # type: ignore[arg-type]
    largest = max((abs(v) for v in values), default=0.0)
    if spec.kind == "stacked":
        largest = max(largest, _stack_height(spec))
    option, unit = spec.options.scale, spec.unit
    scale = scale_of(option) if option not in ("auto", "none") else 1
    if scale > 1:
        unit = unit if unit.startswith(option) else option + unit
    tick_unit = axis_unit(largest) if option == "auto" and unit_scale(unit) == 1 and not _is_percent(spec) else (1, "")
    low, high = spec.options.min, spec.options.max
    return ValueAxis(tick_unit, None if low is None else low / scale, None if high is None else high / scale,
                     _is_percent(spec) and scale == 1), scale, unit


def _stack_height(spec: ChartSpec) -> float:
    columns = [spec.ordered_rows_column(name) for name in spec.series]
    return max((sum(abs(float(v.raw)) for v in row if v.is_number) for row in zip(*columns)), default=0.0)  # type: ignore[arg-type]


def _is_percent(spec: ChartSpec) -> bool:
    return any("%" in spec.table.columns[spec.table.index(name)].number_format for name in spec.series)


def _series(spec: ChartSpec, name: str, colors: tuple[str, ...], scale: int, axis: ValueAxis,
            labelled: bool) -> Series:
    cells = spec.ordered_rows_column(name)
    values = tuple(None if not v.is_number else float(v.raw) / scale for v in cells)  # type: ignore[arg-type]
    myriads = axis.unit[0] > 1 and all(_short_myriad(v) for v in cells if v.is_number)
    labels = tuple(_label(v, scale, myriads, values) for v in cells) if labelled else ("",) * len(cells)
    return Series(name, values, labels, colors)


def _labels_fit(series: tuple[Series, ...], slot: float, size: float, fonts: Fonts) -> bool:
    """Whether each bar's label, at the smallest size the drawing shrinks to, fits its share of a slot."""
    widest = max((fonts.width(t, size - 1.5) for s in series for t in s.labels), default=0.0)
    return widest <= slot * 0.95 / len(series)


def _sparse(series: tuple[Series, ...], slot: float, size: float, highlight: int | None,
            fonts: Fonts) -> tuple[Series, ...]:
    """Line labels where they can be read: every point while the labels are narrower than
    the space between points and there are few; otherwise each series' first, last,
    highest and lowest point (with several series, only the last) and the highlight."""
    widest = max((fonts.width(t, size) for s in series for t in s.labels), default=0.0)
    if widest <= slot and sum(len(s.values) for s in series) <= MANY_POINTS:
        return series
    return tuple(replace(s, labels=tuple(t if i in _kept(s, len(series), highlight) else ""
                                         for i, t in enumerate(s.labels))) for s in series)


def _kept(series: Series, count: int, highlight: int | None) -> set[int]:
    points = [i for i, v in enumerate(series.values) if v is not None]
    if not points:
        return set()
    keep = {points[-1], highlight} if highlight is not None else {points[-1]}
    if count == 1:
        keep |= {points[0], max(points, key=lambda i: series.values[i]), min(points, key=lambda i: series.values[i])}  # type: ignore[arg-type, return-value]
    return keep


def _label(value: Value, scale: int, myriads: bool, plotted: tuple[float | None, ...]) -> str:
    """The cell's own text; on a scaled axis the figure in that unit; with `myriads` (a
    myriad axis whose every label is short in myriads) the figure in myriads
    (1,200,000,000円 → 12億円, as `{name:億万}` writes it). One style for a whole series:
    `31万42` beside `275,290` would read as two kinds of figure."""
    if not value.is_number:
        return value.text
    if scale > 1:
        largest = max((abs(v) for v in plotted if v is not None), default=0.0)
        return f"{float(value.raw) / scale:,.{1 if largest < 100 else 0}f}".replace("-", "\u2212")  # type: ignore[arg-type]
    if myriads:
        return myriad_format(value.raw, value.number_format)  # type: ignore[arg-type]
    return value.text


def _short_myriad(value: Value) -> bool:
    """Whether the figure is shorter in myriads: 12億円, 4億1,000万円; not 93億1,780万800円."""
    myriad = myriad_format(value.raw, value.number_format)  # type: ignore[arg-type]
    return myriad_groups(value.raw) <= 2 and len(myriad) < len(value.text)  # type: ignore[arg-type]


def _pie(spec: ChartSpec, theme: Theme, fonts: Fonts) -> ChartPlan:
    """Slices (small ones grouped), their labels, and the legend beside the pie; a half-width
    pie whose legend cannot stand beside it becomes full width."""
    parts = slices(spec)
    colors = _slice_colors(spec, theme, parts.rows)
    shown = "value" if _is_percent(spec) else spec.options.percent  # the cells are shares already
    figures = {"value": parts.texts, "percent": tuple(percent(s) for s in parts.shares),
               "both": tuple(f"{t}（{percent(s)}）" for t, s in zip(parts.texts, parts.shares))}[shown]
    on_slices = tuple(parts.texts if shown == "value" else (percent(s) for s in parts.shares))
    notes, width = [], spec.width
    legend = _pie_legend(parts.categories, figures, spec, width, fonts)
    if legend is None and width == "half":
        width, notes = "full", ["drawn full width: at half width its legend does not fit beside the pie"]
    legend = legend or _pie_legend(parts.categories, figures, spec, "full", fonts, force=True)
    w, h = _size(spec, width)
    series = Series(_hole_text(spec, width, fonts) if spec.kind == "donut" else spec.series[0], parts.values,
                    figures, colors)
    return ChartPlan(
        chart_id=spec.id, kind=spec.kind, width_pt=w, height_pt=h, font_size=FONT_SIZES[width],
        categories=parts.categories, tick_labels=parts.categories, series=(series,),
        unit_label=f"単位：{spec.unit}" if spec.unit and spec.options.percent != "percent" else "",
        highlight=parts.highlight, width=width, tick_size=legend.size, legend=legend,
        show_labels=spec.options.labels, slice_labels=on_slices if spec.options.labels else (),
        short_names=(), notes=tuple(notes), ref=spec.ref,
    )


def _slice_colors(spec: ChartSpec, theme: Theme, rows: tuple[int, ...]) -> tuple[str, ...]:
    by_row = point_colors(spec, theme)[0]
    return tuple(by_row[r] if r >= 0 else tint(theme.text, 0.72) for r in rows)


def _pie_legend(categories: tuple[str, ...], figures: tuple[str, ...], spec: ChartSpec, width: str,
                fonts: Fonts, force: bool = False) -> LegendPlan | None:
    """Entries "category / figure" beside the pie, in one or two columns, at the largest
    size that fits the chart's height; None when none does (unless `force`)."""
    w, h = _size(spec, width)
    room = w - pie_diameter(w, h) - PIE_GAP - 6
    for cols in (1, 2):
        column = (room - (cols - 1) * 8) / cols - HANDLE_EM * FONT_SIZES[width]
        for size in (FONT_SIZES[width], FONT_SIZES[width] - 0.5, FLOOR):
            names = fit_wrapped(categories, column, size, size, fonts)
            if names is None:
                continue
            labels = tuple(f"{n}\n{f}" for n, f in zip(names.labels, figures))
            if all(fonts.width(label, size) <= column for label in labels) and _fits(labels, cols, size, h):
                return LegendPlan("right", labels, cols, size, room)
    if not force:
        return None
    names = shortened(categories, room - HANDLE_EM * FLOOR, FLOOR, fonts, max_lines=1)
    return LegendPlan("right", tuple(f"{n}\n{f}" for n, f in zip(names.labels, figures)), 1, FLOOR, room)


def _hole_text(spec: ChartSpec, width: str, fonts: Fonts) -> str:
    """The series name for the donut's hole, wrapped between phrases to fit inside it."""
    size = FONT_SIZES[width]
    room = pie_diameter(*_size(spec, width)) * HOLE * 0.8
    fitted = fit_wrapped((spec.series[0],), room, size, size, fonts)
    return fitted.labels[0] if fitted else shortened((spec.series[0],), room, size, fonts, max_lines=2).labels[0]


def pie_diameter(width: float, height: float) -> float:
    """The pie's size: the height less room for the unit label, at most 45 % of the width."""
    return min(height - 22, width * 0.45)


def _fits(labels: tuple[str, ...], cols: int, size: float, height: float) -> bool:
    tallest = max(sum((label.count("\n") + 1) * size * 1.3 + 0.9 * size for label in column)
                  for column in columns(labels, cols))
    return tallest <= height - 14
