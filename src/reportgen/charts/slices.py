"""Pie and donut slices: small parts grouped into その他, and each slice's share.

In: a pie or donut `ChartSpec`. Out: `Slices` in display order: the category, value,
formatted value (the cell's own text; the grouped slice's sum in the column's number
format) and share of the whole, with the index of the highlighted slice. The `other`
option is the share under which slices join one その他 slice (only when two or more do,
and together with a category named その他 when the data has one). Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.charts.colors import highlight_index
from reportgen.model import ChartSpec
from reportgen.numfmt import format_value

OTHER = "その他"


@dataclass(frozen=True)
class Slices:
    categories: tuple[str, ...]
    values: tuple[float, ...]
    texts: tuple[str, ...]
    shares: tuple[float, ...]
    rows: tuple[int, ...]  # per slice, the display row it stands for (-1: the grouped その他)
    highlight: int | None


def slices(spec: ChartSpec) -> Slices:
    cells = spec.ordered_rows_column(spec.series[0])
    names = spec.categories()
    values = [float(v.raw) if v.is_number else 0.0 for v in cells]  # type: ignore[arg-type]
    total = sum(values) or 1.0
    small = [i for i, v in enumerate(values) if v / total < spec.options.other or names[i] == OTHER]
    if len([i for i in small if names[i] != OTHER]) < 2:
        small = []
    kept = [i for i in range(len(values)) if i not in small]
    rows = kept + ([-1] if small else [])
    grouped = sum(values[i] for i in small)
    fmt = spec.table.columns[spec.table.index(spec.series[0])].number_format
    value_of = {**{i: values[i] for i in kept}, -1: grouped}
    text_of = {**{i: cells[i].text for i in kept}, -1: format_value(_plain(grouped, cells), fmt) if small else ""}
    name_of = {**{i: names[i] for i in kept}, -1: OTHER}
    marked = highlight_index(spec)
    return Slices(tuple(name_of[r] for r in rows), tuple(value_of[r] for r in rows), tuple(text_of[r] for r in rows),
                  tuple(value_of[r] / total for r in rows), tuple(rows),
                  rows.index(marked) if marked in rows else None)


def _plain(total: float, cells) -> float | int:
    """The grouped sum as an int when every part is one (so that '#,##0' prints no fraction noise)."""
    return int(round(total)) if all(isinstance(v.raw, int) for v in cells if v.is_number) else round(total, 10)


def percent(share: float) -> str:
    """A share as Japanese reports print it: one decimal, "34.0%"."""
    return f"{share * 100:.1f}%"
