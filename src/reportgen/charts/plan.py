"""The chart plan: everything a chart needs to be drawn, decided before matplotlib loads.

In: a `ChartSpec` and the document `Theme`. Out: a frozen `ChartPlan` with the figure
size, font sizes, category labels wrapped at phrase boundaries, and per series the
values, the data-label texts (each cell's own formatted text, `Value.text`, never
re-formatted here) and the colours. Pure; the drawing code reads only the plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.charts.colors import highlight_index, point_colors
from reportgen.charts.measure import wrap
from reportgen.model import ChartSpec, Theme, Value
from reportgen.model.data import ChartKind

MM = 72 / 25.4
SIZES = {"full": (180 * MM, 80 * MM), "half": (88 * MM, 70 * MM)}
"""Figure size in points by `ChartSpec.width`: full text width, or one of two columns."""
FONT_SIZES = {"full": 7.5, "half": 7.0}


@dataclass(frozen=True)
class Series:
    """One value column in display order; `None` values are empty cells (drawn as gaps)."""

    name: str
    values: tuple[float | None, ...]
    labels: tuple[str, ...]
    colors: tuple[str, ...]


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

    @property
    def data_labels(self) -> tuple[str, ...]:
        """Every data-label text the chart prints, series after series."""
        return tuple(label for s in self.series for label in s.labels if label)


def make_plan(spec: ChartSpec, theme: Theme) -> ChartPlan:
    width, height = SIZES[spec.width]
    size = FONT_SIZES[spec.width]
    categories = spec.categories()
    limit = label_width(spec.kind, width, height, len(categories))
    colors = point_colors(spec, theme)
    return ChartPlan(
        chart_id=spec.id, kind=spec.kind, width_pt=width, height_pt=height, font_size=size,
        categories=categories,
        tick_labels=tuple(wrap(c, limit, size, theme.font_regular, theme.font_fallback) for c in categories),
        series=tuple(_series(spec, name, colors[min(i, len(colors) - 1)]) for i, name in enumerate(spec.series)),
        unit_label=f"単位：{spec.unit}" if spec.unit else "",
        highlight=highlight_index(spec),
    )


def label_width(kind: ChartKind, width: float, height: float, count: int) -> float:
    """How wide (pt) one category label may be before it wraps."""
    if kind == "barh":
        return width * 0.28
    if kind in ("pie", "donut"):
        return min(width * 0.38, 170.0)  # in the legend beside the pie
    axis = 0 if kind == "bar" else 36  # stacked and line charts keep a value axis
    return max((width - axis - 12) / max(count, 1) * 0.88, 30.0)


def _series(spec: ChartSpec, name: str, colors: tuple[str, ...]) -> Series:
    cells = spec.ordered_rows_column(name)
    return Series(name, tuple(_number(v) for v in cells), tuple(v.text for v in cells), colors)


def _number(value: Value) -> float | None:
    return float(value.raw) if value.is_number else None
