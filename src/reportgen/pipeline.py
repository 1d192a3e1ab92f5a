"""The short driver: workbook → model → charts → PDF, DOCX, XLSX.

Each stage is timed and reported through `log`; renderers are imported only when their
output is asked for, so `validate` never loads reportlab or matplotlib.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable, Iterator, Mapping

from reportgen.diagnostics import Diagnostic, ReportError, collected_warnings
from reportgen.i18n import tr
from reportgen.model import ChartBlock, Document
from reportgen.output import Staging, inside, own_folder, remove_stale, staged, unwritable
from reportgen.processes import can_fork
from reportgen.workers import Job, Outcome, RendererCrash, Workers, render

FORMATS = ("pdf", "docx", "xlsx")


@dataclass
class Build:
    """One build's settings and what it produced."""

    workbook: Path
    out_dir: Path
    formats: tuple[str, ...] = FORMATS
    bleed_mm: float = 0.0
    jobs: int | None = None  # 1: render in this process; otherwise in forked workers when possible
    cache_dir: Path | None = None  # drawn charts, by content; default <out_dir>/.cache
    log: Callable[[str], None] = print
    warn: Callable[[str], None] = lambda line: print(line, file=sys.stderr)
    embed_fonts: bool = False  # DOCX: fonts embedded, subset to the document's characters
    outputs: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)  # every located warning, in the order given
    timings: dict[str, float] = field(default_factory=dict)
    elapsed: float = 0.0

    @contextmanager
    def stage(self, name: str, detail: str = "") -> Iterator[None]:
        start = time.perf_counter()
        yield
        took = time.perf_counter() - start
        self.timings[name] = took
        self.log(f"{name:<8} {took:6.2f} s  {detail}".rstrip())

    def note(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Keep the located warnings of a stage and print them (`warn`)."""
        for diagnostic in diagnostics:
            self.warnings.append(diagnostic)
            self.warn(tr("warning") + f": {diagnostic}")


def read(build: Build) -> Document:
    from reportgen.workbook import read_workbook

    with build.stage("read", str(build.workbook)), collected_warnings() as found:
        doc = read_workbook(build.workbook)
    build.note(found)
    return doc


def run(build: Build, workers: Workers | None = None) -> Document:
    """Read, then write every requested output; returns the model for callers that want it.
    The outputs are staged and moved into place together, only when all are complete.

    Renderers run in `workers` when given (warm processes kept across builds), else in
    processes started here when the machine allows (`Build.jobs`), else in this process.
    """
    start = time.perf_counter()
    # Forked now, they warm up while the workbook is read. The XLSX appendix is written
    # here meanwhile: this process loads openpyxl to read the workbook anyway.
    forked = tuple(f for f in build.formats if f != "xlsx")
    own = workers is None and build.jobs != 1 and bool(forked) and can_fork()
    if own:
        workers = Workers(forked)
    try:
        doc = _run(build, workers)
    except BaseException:
        if own:
            workers.kill()  # nothing left to render: not waited for (they may still be warming up)
        raise
    else:
        if own:
            workers.close()
    finally:
        build.elapsed = time.perf_counter() - start
    return doc


def _run(build: Build, workers: Workers | None) -> Document:
    doc = read(build)
    out_dir = output_folder(build.out_dir)
    with _writing(out_dir), staged(out_dir) as stage:
        charts = render_charts(build, doc, stage) if {"pdf", "docx"} & set(build.formats) else {}
        doc = drawn_widths(build, doc, charts)
        finals = {fmt: inside(out_dir, doc.meta.file_name(fmt)) for fmt in build.formats}
        jobs = {fmt: Job(stage.file(final), build.bleed_mm, build.embed_fonts) for fmt, final in finals.items()}
        remote = {fmt: job for fmt, job in jobs.items() if workers is not None and fmt in workers.formats}
        outcomes: dict[str, Outcome] = {}
        try:
            if remote:
                workers.submit(doc, charts, remote)
        except BaseException as exc:  # stopped while sending: the staged files go next, the workers first
            if remote and not isinstance(exc, Exception):
                workers.kill()
            raise
        try:
            for fmt, job in jobs.items():
                if fmt not in remote:
                    outcomes[fmt] = render(fmt, doc, charts, job)
        except Exception:  # collected even so: the workers may serve another build
            _collect(workers, remote, outcomes)
            raise
        except BaseException:  # stopped (Ctrl-C, SIGTERM): no worker may write a staged file after this
            if remote:
                workers.kill()
            raise
        _collect(workers, remote, outcomes)
        for fmt in jobs:
            report(build, fmt, finals[fmt], outcomes[fmt])
        failed = [outcomes[fmt] for fmt in jobs if outcomes[fmt].error or outcomes[fmt].crash]
        if failed:
            raise failed[0].error or RendererCrash(failed[0].crash)
    build.outputs += finals.values()
    return doc


def _collect(workers: Workers | None, remote: Mapping[str, Job], outcomes: dict[str, Outcome]) -> None:
    for fmt in remote:
        outcomes[fmt] = workers.collect(fmt)


def report(build: Build, fmt: str, final: Path, outcome: Outcome) -> None:
    """Log a renderer's time and print its located warnings."""
    build.timings[fmt] = outcome.seconds
    if not (outcome.error or outcome.crash):
        build.log(f"{fmt:<8} {outcome.seconds:6.2f} s  {final}")
    build.note(outcome.warnings)


@contextmanager
def _writing(out_dir: Path) -> Iterator[None]:
    """A write the file system refuses (a full disk, a folder without write permission)
    becomes a located error naming the folder; other OSErrors stay internal errors."""
    try:
        yield
    except OSError as exc:
        refused = unwritable(exc, out_dir)
        if refused is None:
            raise
        raise refused from None


def output_folder(out_dir: Path) -> Path:
    """The output folder, created; a path that cannot be one is the user's to fix."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(Diagnostic(str(out_dir), tr("cannot use as the output folder ({strerror})").format(strerror=exc.strerror))) from None
    return out_dir


def drawn_widths(build: Build, doc: Document, charts: Mapping[str, object]) -> Document:
    """Print the charts' located compromises; the document with each chart at the width it
    was drawn for."""
    if not charts:
        return doc
    from reportgen.charts.build import chart_warnings, drawn_widths as widths

    for diagnostic in chart_warnings(doc, charts):  # type: ignore[arg-type]
        build.warn(tr("warning") + f": {diagnostic}")
    return widths(doc, charts)  # type: ignore[arg-type]


def render_charts(build: Build, doc: Document, stage: Staging) -> Mapping[str, object]:
    """Charts used by the document, rendered into a staged folder that becomes out/charts:
    SVG for the PDF, and the 300-dpi PNG only when the DOCX is asked for."""
    used = {b.chart.id for b in doc.blocks if isinstance(b, ChartBlock)}
    if not used:
        if (build.out_dir / "charts").is_dir():
            stage.folder(build.out_dir / "charts")  # empty: an earlier build's charts go
        return {}
    from reportgen.charts import render_charts as render

    # the cache folder is ours: a link there is replaced, so that no chart lands outside -o
    cache_root = build.cache_dir or build.out_dir / ".cache"
    cache = own_folder(cache_root / "charts", cache_root.parent)
    remove_stale(cache)
    wanted = replace(doc, charts=MappingProxyType({cid: doc.charts[cid] for cid in sorted(used)}))
    with build.stage("charts", f"{len(used)} charts"):
        with collected_warnings() as found:
            drawn = render(wanted, stage.folder(build.out_dir / "charts"), cache, png="docx" in build.formats)
    build.note(found)
    return drawn
