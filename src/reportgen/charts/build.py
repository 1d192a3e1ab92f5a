"""The chart stage: every `ChartSpec` of a document → `<id>.svg`, and `<id>.png` when asked.

In: a `Document`, an output folder, an optional cache folder, whether the PNG is wanted
(only the DOCX uses it). Out: `ChartImages` per chart id, with the width each chart was
drawn for and the compromises it made (`notes`). matplotlib is imported only when a chart
has to be drawn (not for `reportgen --help`/`validate`, nor when every chart comes from
the cache). Several missing charts are drawn in parallel (`parallel.draw_all`).
`drawn_widths` gives the renderers the document with each chart at the width it was
drawn for.

What the images hold: the plot, category and data labels, the legend and the unit label.
They hold neither the chart title nor the caption (source and as-of date): the PDF and
DOCX renderers print both as real text around the image, where they can be searched,
selected and read aloud, and where they follow the document's typography.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from reportgen.charts.alttext import alt_text
from reportgen.charts.artifacts import ChartImages
from reportgen.charts.cache import cache_key, fetch, fetch_facts, store, store_facts
from reportgen.diagnostics import Diagnostic
from reportgen.i18n import tr
from reportgen.model import ChartBlock, ChartSpec, Document, Theme


def render_charts(doc: Document, out_dir: Path, cache_dir: Path | None = None, *,
                  png: bool = True) -> dict[str, ChartImages]:
    """Write every chart of `doc` into `out_dir`; reuse `cache_dir` entries when present.
    With `png=False` no PNG is drawn or copied (`ChartImages.png` is None)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {cid: (out_dir / f"{cid}.svg", out_dir / f"{cid}.png" if png else None) for cid in doc.charts}
    keys = {spec.id: cache_key(spec, doc.theme) for spec in doc.charts.values()} if cache_dir is not None else {}
    facts = {cid: _cached(cache_dir, keys[cid], files[cid]) for cid in keys}
    missing = [spec for spec in doc.charts.values() if facts.get(spec.id) is None]
    if missing:
        facts.update(_draw(missing, doc.theme, files))
    if missing and cache_dir is not None:
        for spec in missing:
            store(cache_dir, keys[spec.id], _present(files[spec.id]))
            store_facts(cache_dir, keys[spec.id], facts[spec.id])
    return {cid: _images(cid, files[cid], facts[cid]) for cid in doc.charts}


def _cached(cache_dir: Path | None, key: str, files: tuple[Path, Path | None]) -> dict[str, Any] | None:
    found = fetch_facts(cache_dir, key) if cache_dir is not None else None
    if found is None or not fetch(cache_dir, key, _present(files)):  # type: ignore[arg-type]
        return None
    return found


def _present(files: tuple[Path, Path | None]) -> tuple[Path, ...]:
    return tuple(f for f in files if f is not None)


def _images(cid: str, files: tuple[Path, Path | None], facts: Mapping[str, Any]) -> ChartImages:
    return ChartImages(cid, files[0], files[1], facts["alt_text"], round(facts["width_pt"], 2),
                       round(facts["height_pt"], 2), facts["width"], tuple(facts["notes"]))


def _draw(specs: list[ChartSpec], theme: Theme, files: Mapping[str, tuple[Path, Path | None]]) -> dict[str, dict]:
    from reportgen.charts.parallel import draw_all
    from reportgen.charts.plan import make_plan

    plans = [make_plan(spec, theme) for spec in specs]
    drawn = draw_all([(plan, *files[plan.chart_id]) for plan in plans], theme)
    return {plan.chart_id: {"alt_text": alt_text(spec, plan.short_names), "width": d.width, "width_pt": d.width_pt,
                            "height_pt": d.height_pt, "notes": list(d.notes)}
            for spec, plan, d in zip(specs, plans, drawn)}


def chart_warnings(doc: Document, images: Mapping[str, ChartImages]) -> list[Diagnostic]:
    """Each chart's compromises, located at its row of the charts sheet."""
    return [Diagnostic(doc.charts[cid].ref, tr("chart '{cid}': {note}").format(cid=cid, note=note))
            for cid, image in images.items() for note in image.notes]


def drawn_widths(doc: Document, images: Mapping[str, ChartImages]) -> Document:
    """`doc` with each chart at the width it was drawn for (a half-width chart may have
    needed the full width), in the charts and in the blocks that show them."""
    wider = {cid: replace(doc.charts[cid], width=image.width)  # type: ignore[arg-type]
             for cid, image in images.items() if doc.charts[cid].width != image.width}
    if not wider:
        return doc
    blocks = tuple(replace(b, chart=wider[b.chart.id]) if isinstance(b, ChartBlock) and b.chart.id in wider else b
                   for b in doc.blocks)
    return replace(doc, blocks=blocks, charts=MappingProxyType({**doc.charts, **wider}))
