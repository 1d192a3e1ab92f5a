"""Alternative text for a chart: the title and a one-line summary of its data.

In: a `ChartSpec`. Out: one Japanese sentence pair, e.g.
"拠出主体別の拠出額。最大はアリババグループの27.63億元、最小はアントグループの5.93億元（2項目）".
Figures are the cells' own formatted texts. Pure.
"""

from __future__ import annotations

from reportgen.model import ChartSpec, Value


def alt_text(spec: ChartSpec, short_names: tuple[tuple[str, str], ...] = ()) -> str:
    """Title and summary; names the chart prints shortened are given in full after them."""
    text = f"{spec.title}。{summary(spec)}" if spec.ordered_rows() else spec.title
    if short_names:
        text += "。省略した項目名：" + "、".join(f"{short}＝{full}" for short, full in short_names)
    return text


def summary(spec: ChartSpec) -> str:
    if spec.kind == "line":
        return _trend(spec, spec.series[0])
    text = _extremes(spec, spec.series[0])
    if len(spec.series) > 1:
        return f"系列は{'・'.join(spec.series)}。{spec.series[0]}の{text}"
    return text


def _pairs(spec: ChartSpec, column: str) -> list[tuple[str, Value]]:
    cells = spec.ordered_rows_column(column)
    return [(c, v) for c, v in zip(spec.categories(), cells) if v.is_number]


def _extremes(spec: ChartSpec, column: str) -> str:
    pairs = _pairs(spec, column)
    if len(pairs) < 2:
        return "、".join(f"{c}：{v.text}" for c, v in pairs)
    top = max(pairs, key=lambda p: float(p[1].raw))
    low = min(pairs, key=lambda p: float(p[1].raw))
    return f"最大は{top[0]}の{top[1].text}、最小は{low[0]}の{low[1].text}（{len(pairs)}項目）"


def _trend(spec: ChartSpec, column: str) -> str:
    pairs = _pairs(spec, column)
    if len(pairs) < 2:
        return "、".join(f"{c}：{v.text}" for c, v in pairs)
    (c0, v0), (c1, v1) = pairs[0], pairs[-1]
    top = max(pairs, key=lambda p: float(p[1].raw))
    lead = f"{column}は" if len(spec.series) == 1 else f"{'・'.join(spec.series)}の推移。{column}は"
    return f"{lead}{c0}の{v0.text}から{c1}の{v1.text}へ推移（最大は{top[0]}の{top[1].text}）"
