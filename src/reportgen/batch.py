"""Many workbooks in one invocation, over a pool of warm worker processes.

In: workbook paths (a folder stands for the .xlsx files in it), an output root, the
formats and the number of worker processes. Out: one `BatchResult` per workbook, in the
order given; each workbook's outputs go to `<out_root>/<workbook stem>/`.

Each worker is warmed once when it starts (`workers.warm`): the renderers are imported,
the bundled fonts are parsed and registered with reportlab, so every build after that
pays only for its own content (matplotlib loads in a worker only when a chart must be
drawn: with the charts cached it never does). Drawn charts are cached by content in
`<out_root>/.cache`, shared by every book: a chart that several books hold is drawn once
(the cache writes each file whole and renames it, so workers never see each other's
partial files). A workbook's error is reported with its name and does not stop the others.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
import traceback
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Callable, Iterable, Literal, Sequence

from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.i18n import tr
from reportgen.pipeline import FORMATS, Build, run
from reportgen.processes import STOP_SIGNALS, Stopped, available_cpus, lifeline, watch_parent
from reportgen.workers import warm

Status = Literal["ok", "problems", "internal error"]


@dataclass(frozen=True)
class BatchResult:
    """One workbook's build: where it went, how long it took, and how it ended: `ok`,
    `problems` (located messages: the workbook's to fix) or `internal error` (a bug of
    ours or a crashed worker process: `problems` holds what is known of it)."""

    workbook: Path
    out_dir: Path
    seconds: float
    problems: tuple[str, ...] = ()
    status: Status = "ok"

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def expand(paths: Iterable[Path]) -> list[Path]:
    """Workbook paths, a folder replaced by its .xlsx files (sorted; Excel lock files
    skipped); a folder with none is a located error at that folder."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            books = sorted(p for p in path.glob("*.xlsx") if not p.name.startswith("~$"))
            if not books:
                raise ReportError(Diagnostic(str(path), tr("no .xlsx workbooks in this folder (expected "
                                                           "the workbooks to build, saved as .xlsx)")))
            found += books
        else:
            found.append(path)
    return found


def out_dirs(workbooks: Sequence[Path], out_root: Path) -> list[Path]:
    """`<out_root>/<stem>` per workbook; a repeated stem gets `-2`, `-3`, ... appended."""
    seen: dict[str, int] = {}
    dirs = []
    for wb in workbooks:
        seen[wb.stem] = seen.get(wb.stem, 0) + 1
        dirs.append(out_root / (wb.stem if seen[wb.stem] == 1 else f"{wb.stem}-{seen[wb.stem]}"))
    return dirs


def build_one(workbook: Path, out_dir: Path, formats: tuple[str, ...], bleed_mm: float = 0.0,
              cache_dir: Path | None = None) -> BatchResult:
    """Build one workbook quietly; whatever goes wrong is returned, not raised."""
    global _building
    start = time.perf_counter()
    _building = True
    try:
        run(Build(workbook, out_dir, formats, bleed_mm, jobs=1, cache_dir=cache_dir, log=lambda line: None))
    except Stopped as exc:  # its temporaries are removed by now; the batch is ending
        os._exit(128 + exc.signum)
    except ReportError as exc:
        return BatchResult(workbook, out_dir, time.perf_counter() - start, tuple(str(d) for d in exc.diagnostics),
                           "problems")
    except Exception as exc:  # noqa: BLE001 - a bug of ours: this workbook's result, not the batch's end
        what = str(exc) if hasattr(exc, "details") else f"{type(exc).__name__}: {exc}"
        details = getattr(exc, "details", "") or traceback.format_exc()
        return BatchResult(workbook, out_dir, time.perf_counter() - start, (what, details), "internal error")
    finally:
        _building = False
    return BatchResult(workbook, out_dir, time.perf_counter() - start)


def crashed(workbook: Path, out_dir: Path) -> BatchResult:
    """The result of a workbook whose worker process died while building it."""
    return BatchResult(workbook, out_dir, 0.0, (tr("the worker process building it ended unexpectedly"),),
                       "internal error")


Done = Callable[[BatchResult], None]
"""Told of each workbook's result as soon as it is known (in the calling process)."""


def build_many(workbooks: Sequence[Path], out_root: Path, formats: tuple[str, ...] = FORMATS,
               jobs: int | None = None, bleed_mm: float = 0.0, done: Done | None = None) -> list[BatchResult]:
    """Build every workbook over `jobs` warm worker processes (default: one per CPU);
    `done` hears of each as it finishes, for progress.

    Each workbook gets its result, whatever the others do. A worker process that dies
    (a crash in a native library, the out-of-memory killer) breaks its pool: the books
    it left unfinished are built again one at a time in a fresh pool, where the first
    one to break it again is the culprit."""
    if not workbooks:
        raise ReportError(Diagnostic(str(out_root), tr("no workbooks to build")))
    dirs = out_dirs(workbooks, out_root)
    results: dict[int, BatchResult] = {}
    pending = list(range(len(workbooks)))
    jobs = max(1, min(jobs or available_cpus(), len(workbooks)))
    while pending:
        unfinished = _run_pool(pending, workbooks, dirs, out_root, formats, bleed_mm, jobs, results, done)
        if unfinished and jobs == 1:
            results[unfinished[0]] = crashed(workbooks[unfinished[0]], dirs[unfinished[0]])
            if done:
                done(results[unfinished[0]])
            unfinished = unfinished[1:]
        pending, jobs = unfinished, 1
    return [results[i] for i in range(len(workbooks))]


def _run_pool(indexes: list[int], workbooks: Sequence[Path], dirs: list[Path], out_root: Path,
              formats: tuple[str, ...], bleed_mm: float, jobs: int, results: dict[int, BatchResult],
              done: Done | None) -> list[int]:
    """Build `indexes` in one pool into `results`, each told to `done` as it finishes;
    those left unfinished by a broken pool."""
    context = multiprocessing.get_context("spawn")  # a clean interpreter per worker, on every OS
    pool = ProcessPoolExecutor(min(jobs, len(indexes)), mp_context=context, initializer=_start_worker,
                               initargs=(lifeline(), os.getpid(), formats))
    try:
        cache = out_root / ".cache"
        futures: dict[Future, int] = {pool.submit(build_one, workbooks[i], dirs[i], formats, bleed_mm, cache): i
                                      for i in indexes}
        unfinished = []
        for future in as_completed(futures):
            i = futures[future]
            try:
                results[i] = future.result()
            except BrokenProcessPool:
                unfinished.append(i)
                continue
            if done:
                done(results[i])
        unfinished.sort()  # rebuilt in the order given
    except BaseException:  # stopped: each worker removes its temporaries (SIGTERM), then ends
        _stop(pool)
        raise
    pool.shutdown()
    return unfinished


def _stop(pool: ProcessPoolExecutor) -> None:
    procs = list((pool._processes or {}).values())  # private, but the only handle on the workers
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(timeout=10)
        if proc.is_alive():
            proc.kill()


_building = False


def _start_worker(line: Connection, parent: int, formats: tuple[str, ...]) -> None:
    """A batch worker: ends with the batch (however it ends), stops cleanly on SIGTERM
    (the build under way removes its temporaries), ignores Ctrl-C (the batch's to handle)."""
    watch_parent(line, parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in STOP_SIGNALS:
        signal.signal(signum, _stop_worker)
    warm(formats)


def _stop_worker(signum: int, frame: object) -> None:
    if _building:
        raise Stopped(signum)
    os._exit(128 + signum)
