"""`reportgen watch`: rebuild whenever the workbook is saved, with renderers kept warm.

In: a `Build` (workbook, output folder, formats). Out: a build after every save, its
problems printed located as in `reportgen build`; the last good outputs stay in place
when a save is broken. The renderer processes (`Workers`) live as long as the watch, so
a rebuild pays only for reading the workbook and laying out its content.

Polling the file's size and modification time (no inotify dependency): Excel and
LibreOffice save to a temporary file and rename it, so a changed stamp means a whole file.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

from reportgen.diagnostics import ReportError
from reportgen.i18n import tr
from reportgen.pipeline import Build, run
from reportgen.processes import can_fork
from reportgen.workers import RendererCrash, Workers


def stamp(path: Path) -> tuple[int, int] | None:
    """(mtime in ns, size) of `path`, or None while it does not exist."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def watch(build: Build, interval: float = 0.3, stop: Callable[[], bool] = lambda: False) -> None:
    """Build now and after every change of `build.workbook`, until `stop()` or Ctrl-C."""
    parallel = build.jobs != 1 and can_fork()
    workers: Workers | None = None
    seen = None
    try:
        while not stop():
            now = stamp(build.workbook)
            if now is not None and now != seen:
                seen = now
                if parallel and workers is None:
                    workers = Workers(build.formats)
                if not _build_once(build, workers) and workers is not None:
                    workers.close()  # a renderer died: the next save gets fresh ones
                    workers = None
            time.sleep(interval)
    finally:
        if workers is not None:
            workers.close()


def _build_once(build: Build, workers: Workers | None) -> bool:
    """One build, its problems printed; False when a renderer process failed."""
    attempt = replace(build, outputs=[], timings={})
    try:
        run(attempt, workers)
    except ReportError as exc:
        for d in exc.diagnostics:
            build.warn(tr("error") + f": {d}")
        build.log(f"{len(exc.diagnostics)} problem(s) found; outputs left as they were. Waiting for the next save.")
        return True
    except RendererCrash as exc:
        build.warn(tr("internal error") + f": {exc}")
        return False
    build.log(f"built    {attempt.elapsed:6.2f} s  " + ", ".join(str(p) for p in attempt.outputs)
              + "  (waiting for the next save; Ctrl-C stops)")
    return True
