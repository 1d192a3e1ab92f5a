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
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.pipeline import FORMATS, Build, run
from reportgen.processes import available_cpus
from reportgen.workers import warm


@dataclass(frozen=True)
class BatchResult:
    """One workbook's build: where it went, how long it took, or what was wrong with it."""

    workbook: Path
    out_dir: Path
    seconds: float
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def expand(paths: Iterable[Path]) -> list[Path]:
    """Workbook paths, a folder replaced by its .xlsx files (sorted; Excel lock files skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.glob("*.xlsx") if not p.name.startswith("~$"))
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
    """Build one workbook quietly; its problems are returned, not raised."""
    start = time.perf_counter()
    try:
        run(Build(workbook, out_dir, formats, bleed_mm, jobs=1, cache_dir=cache_dir, log=lambda line: None))
    except ReportError as exc:
        return BatchResult(workbook, out_dir, time.perf_counter() - start, tuple(str(d) for d in exc.diagnostics))
    return BatchResult(workbook, out_dir, time.perf_counter() - start)


def build_many(workbooks: Sequence[Path], out_root: Path, formats: tuple[str, ...] = FORMATS,
               jobs: int | None = None, bleed_mm: float = 0.0) -> list[BatchResult]:
    """Build every workbook over `jobs` warm worker processes (default: one per CPU)."""
    if not workbooks:
        raise ReportError(Diagnostic(str(out_root), "no workbooks to build"))
    jobs = max(1, min(jobs or available_cpus(), len(workbooks)))
    dirs = out_dirs(workbooks, out_root)
    context = multiprocessing.get_context("spawn")  # a clean interpreter per worker, on every OS
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=warm, initargs=(formats,)) as pool:
        cache = out_root / ".cache"
        futures = [pool.submit(build_one, wb, d, formats, bleed_mm, cache) for wb, d in zip(workbooks, dirs)]
        return [f.result() for f in futures]
