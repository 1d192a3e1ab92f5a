"""The short driver: workbook → model → charts → PDF, DOCX, XLSX.

Each stage is timed and reported through `log`; renderers are imported only when their
output is asked for, so `validate` never loads reportlab or matplotlib.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator, Mapping

from reportgen.model import ChartBlock, Document
from reportgen.output import atomic_path, inside

FORMATS = ("pdf", "docx", "xlsx")


@dataclass
class Build:
    """One build's settings and what it produced."""

    workbook: Path
    out_dir: Path
    formats: tuple[str, ...] = FORMATS
    bleed_mm: float = 0.0
    log: Callable[[str], None] = print
    outputs: list[Path] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str, detail: str = "") -> Iterator[None]:
        start = time.perf_counter()
        yield
        took = time.perf_counter() - start
        self.timings[name] = took
        self.log(f"{name:<8} {took:6.2f} s  {detail}".rstrip())


def read(build: Build) -> Document:
    from reportgen.workbook import read_workbook

    with build.stage("read", str(build.workbook)):
        return read_workbook(build.workbook)


def run(build: Build) -> Document:
    """Read, then write every requested output; returns the model for callers that want it."""
    doc = read(build)
    charts = render_charts(build, doc) if {"pdf", "docx"} & set(build.formats) else {}
    stem = doc.meta.output_name
    if "pdf" in build.formats:
        from reportgen.render.pdf import write_pdf

        write(build, "pdf", f"{stem}.pdf", lambda p: write_pdf(doc, charts, p, bleed_mm=build.bleed_mm))
    if "docx" in build.formats:
        from reportgen.render.docx import write_docx

        write(build, "docx", f"{stem}.docx", lambda p: write_docx(doc, charts, p))
    if "xlsx" in build.formats:
        from reportgen.render.xlsx import write_xlsx

        write(build, "xlsx", f"{stem}-appendix.xlsx", lambda p: write_xlsx(doc, p))
    return doc


def write(build: Build, stage: str, name: str, render: Callable[[Path], None]) -> None:
    final = inside(build.out_dir, name)
    with build.stage(stage, str(final)), atomic_path(final) as tmp:
        render(tmp)
    build.outputs.append(final)


def render_charts(build: Build, doc: Document) -> Mapping[str, object]:
    """Charts used by the document, rendered in a private folder then moved into out/charts."""
    used = {b.chart.id for b in doc.blocks if isinstance(b, ChartBlock)}
    if not used:
        return {}
    from reportgen.charts import render_charts as render

    final_dir = build.out_dir / "charts"
    cache = build.out_dir / ".cache" / "charts"
    with build.stage("charts", f"{len(used)} charts"):
        final_dir.mkdir(parents=True, exist_ok=True)
        cache.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".charts.", dir=build.out_dir))
        try:
            images = render(doc, tmp, cache)
            return {cid: _move(img, final_dir) for cid, img in images.items() if cid in used}
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _move(images, final_dir: Path):  # images: reportgen.charts.ChartImages
    """Move one chart's files into the output folder (atomic per file)."""
    moved = {}
    for attr in ("svg", "png"):
        src: Path = getattr(images, attr)
        dst = final_dir / src.name
        os.replace(src, dst)
        moved[attr] = dst
    return replace(images, **moved)
