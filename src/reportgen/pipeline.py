"""The short driver: workbook → model → charts → PDF, DOCX, XLSX.

Each stage is timed and reported through `log`; renderers are imported only when their
output is asked for, so `validate` never loads reportlab or matplotlib.
"""

from __future__ import annotations

import sys
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterator, Mapping

from reportgen.diagnostics import Diagnostic, ReportError, ReportWarning
from reportgen.model import ChartBlock, Document
from reportgen.output import Staging, inside, staged

FORMATS = ("pdf", "docx", "xlsx")


@dataclass
class Build:
    """One build's settings and what it produced."""

    workbook: Path
    out_dir: Path
    formats: tuple[str, ...] = FORMATS
    bleed_mm: float = 0.0
    log: Callable[[str], None] = print
    warn: Callable[[str], None] = lambda line: print(line, file=sys.stderr)
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
    """Read, then write every requested output; returns the model for callers that want it.
    The outputs are staged and moved into place together, only when all are complete."""
    doc = read(build)
    out_dir = output_folder(build.out_dir)
    with staged(out_dir) as stage:
        charts = render_charts(build, doc, stage) if {"pdf", "docx"} & set(build.formats) else {}
        stem = doc.meta.output_name
        if "pdf" in build.formats:
            from reportgen.render.pdf import write_pdf

            write(build, stage, "pdf", f"{stem}.pdf",
                  lambda p: write_pdf(doc, charts, p, bleed_mm=build.bleed_mm))
        if "docx" in build.formats:
            from reportgen.render.docx import write_docx

            write(build, stage, "docx", f"{stem}.docx", lambda p: write_docx(doc, charts, p))
        if "xlsx" in build.formats:
            from reportgen.render.xlsx import write_xlsx

            write(build, stage, "xlsx", f"{stem}-appendix.xlsx", lambda p: write_xlsx(doc, p))
    return doc


def output_folder(out_dir: Path) -> Path:
    """The output folder, created; a path that cannot be one is the user's to fix."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(Diagnostic(str(out_dir), f"cannot use as the output folder ({exc.strerror})")) from None
    return out_dir


def write(build: Build, stage: Staging, name_stage: str, name: str, render: Callable[[Path], None]) -> None:
    final = inside(build.out_dir, name)
    with build.stage(name_stage, str(final)), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReportWarning)
        render(stage.file(final))
    for w in caught:
        if isinstance(w.message, ReportWarning):
            build.warn(f"warning: {w.message.diagnostic}")
    build.outputs.append(final)


def render_charts(build: Build, doc: Document, stage: Staging) -> Mapping[str, object]:
    """Charts used by the document, rendered into a staged folder that becomes out/charts."""
    used = {b.chart.id for b in doc.blocks if isinstance(b, ChartBlock)}
    if not used:
        return {}
    from reportgen.charts import render_charts as render

    cache = build.out_dir / ".cache" / "charts"
    wanted = replace(doc, charts=MappingProxyType({cid: doc.charts[cid] for cid in sorted(used)}))
    with build.stage("charts", f"{len(used)} charts"):
        cache.mkdir(parents=True, exist_ok=True)
        return render(wanted, stage.folder(build.out_dir / "charts"), cache)
