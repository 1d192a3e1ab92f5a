"""The chart stage: every `ChartSpec` of a document → `<id>.svg`, and `<id>.png` when asked.

In: a `Document`, an output folder, an optional cache folder, whether the PNG is wanted
(only the DOCX uses it). Out: `ChartImages` per chart id. matplotlib is imported only when
a chart has to be drawn (not for `reportgen --help`/`validate`, nor when every chart comes
from the cache). Several missing charts are drawn in parallel (`parallel.draw_all`).

What the images hold: the plot, category and data labels, the legend and the unit label.
They hold neither the chart title nor the caption (source and as-of date): the PDF and
DOCX renderers print both as real text around the image, where they can be searched,
selected and read aloud, and where they follow the document's typography.
"""

from __future__ import annotations

from pathlib import Path

from reportgen.charts.alttext import alt_text
from reportgen.charts.artifacts import ChartImages
from reportgen.charts.cache import cache_key, fetch, store
from reportgen.charts.plan import SIZES
from reportgen.model import ChartSpec, Document, Theme


def render_charts(doc: Document, out_dir: Path, cache_dir: Path | None = None, *,
                  png: bool = True) -> dict[str, ChartImages]:
    """Write every chart of `doc` into `out_dir`; reuse `cache_dir` entries when present.
    With `png=False` no PNG is drawn or copied (`ChartImages.png` is None)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    images = {spec.id: images_for(spec, out_dir, png) for spec in doc.charts.values()}
    keys = {spec.id: cache_key(spec, doc.theme) for spec in doc.charts.values()} if cache_dir is not None else {}
    missing = [spec for spec in doc.charts.values()
               if cache_dir is None or not fetch(cache_dir, keys[spec.id], _files(images[spec.id]))]
    if missing:
        _draw(missing, doc.theme, images)
    if missing and cache_dir is not None:
        for spec in missing:
            store(cache_dir, keys[spec.id], _files(images[spec.id]))
    return images


def images_for(spec: ChartSpec, out_dir: Path, png: bool = True) -> ChartImages:
    width, height = SIZES[spec.width]
    return ChartImages(spec.id, out_dir / f"{spec.id}.svg", out_dir / f"{spec.id}.png" if png else None,
                       alt_text(spec), round(width, 2), round(height, 2))


def _files(images: ChartImages) -> tuple[Path, ...]:
    return (images.svg,) if images.png is None else (images.svg, images.png)


def _draw(specs: list[ChartSpec], theme: Theme, images: dict[str, ChartImages]) -> None:
    from reportgen.charts.parallel import draw_all
    from reportgen.charts.plan import make_plan

    plans = [make_plan(spec, theme) for spec in specs]  # a chart that cannot be drawn fails here, before any drawing
    draw_all([(plan, images[plan.chart_id].svg, images[plan.chart_id].png) for plan in plans], theme)
