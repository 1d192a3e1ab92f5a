"""Chart colours from the theme: one rule for every output.

In: a `ChartSpec` and a `Theme`. Out: a "#RRGGBB" colour per series and per data point,
in display order (`ChartSpec.ordered_rows()`). The matplotlib charts use it; the XLSX
appendix's native charts should use it too, so that all three outputs agree:

- several series (grouped or stacked bars, lines): series i → `theme.palette[i]`, and
  past the palette's end lighter tints of it;
- one series of bars or a line: every point `theme.primary`, the highlighted category
  `theme.accent`;
- pie and donut: slice i → `theme.palette[i]`; with a highlight, the highlighted slice is
  `theme.accent` and the others are tints of `theme.primary`.
"""

from __future__ import annotations

from reportgen.model import ChartSpec, Theme


def series_color(theme: Theme, i: int) -> str:
    """The colour of series `i`: the palette, then lighter tints of it when it runs out
    (a repeated colour would make two slices or series read as one)."""
    cycle, k = divmod(i, len(theme.palette))
    return tint(theme.palette[k], min(0.45 * cycle, 0.8)) if cycle else theme.palette[k]


def highlight_index(spec: ChartSpec) -> int | None:
    """Position of the highlighted category in display order, or None."""
    if spec.highlight is None:
        return None
    categories = spec.categories()
    return categories.index(spec.highlight) if spec.highlight in categories else None


def point_colors(spec: ChartSpec, theme: Theme) -> tuple[tuple[str, ...], ...]:
    """One colour per data point, per series, in display order."""
    n = len(spec.table.rows)
    if spec.kind in ("pie", "donut"):
        return (_slice_colors(spec, theme, n),)
    if len(spec.series) > 1:
        return tuple((series_color(theme, i),) * n for i in range(len(spec.series)))
    marked = highlight_index(spec)
    return (tuple(theme.accent if j == marked else theme.primary for j in range(n)),)


def _slice_colors(spec: ChartSpec, theme: Theme, n: int) -> tuple[str, ...]:
    marked = highlight_index(spec)
    if marked is None:
        return tuple(series_color(theme, j) for j in range(n))
    others = [tint(theme.primary, 0.62 * k / max(n - 2, 1)) for k in range(n - 1)]
    return tuple(theme.accent if j == marked else others.pop(0) for j in range(n))


def tint(color: str, amount: float) -> str:
    """`color` mixed with white; `amount` 0 keeps it, 1 gives white."""
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * amount):02X}" for c in rgb)
