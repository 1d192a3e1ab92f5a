"""Drawing the charts a build lacks: in a pool of worker processes when that pays.

In: per chart its `ChartPlan`, SVG path and PNG path (None: no PNG), and the `Theme`.
Out: the files written. matplotlib is imported, the fonts registered and the rc settings
made once, here, before the workers fork: each worker starts ready to draw (nothing
imported twice), draws whole charts and writes their files itself, so only the small
plans cross processes. A chart's bytes depend only on its plan and the theme, not on the
process or on the charts drawn before it, so the pool changes no output.

Serial when there is one chart, or when `processes.worker_context` says no pool (one
usable CPU, a daemon process, or other threads running where workers are forked).
Where workers are spawned (Windows, macOS), each enters the matplotlib session itself.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.charts.plan import ChartPlan
from reportgen.model import Theme
from reportgen.processes import available_cpus, lifeline, watch_parent, worker_context

if TYPE_CHECKING:
    from reportgen.charts.mpl.draw import Drawn

Job = tuple[ChartPlan, Path, Path | None]


def draw_all(jobs: Sequence[Job], theme: Theme) -> list[Drawn]:
    """Draw every job's files, in parallel when `worker_count` allows it; how each came out, in order."""
    from reportgen.charts.mpl.draw import draw_files  # matplotlib loads here, only when needed
    from reportgen.charts.mpl.session import rendering

    calls = [(plan, theme, svg, png) for plan, svg, png in jobs]
    with rendering(theme):
        workers = worker_count(len(calls))
        context = worker_context()
        if workers < 2 or context is None:
            return [draw_files(*call) for call in calls]
        # a forked worker starts inside `rendering`; a spawned one enters it itself
        spawned = theme if context.get_start_method() != "fork" else None
        with context.Pool(workers, _start_worker, (lifeline(), os.getpid(), spawned)) as pool:
            return pool.starmap(draw_files, calls, chunksize=1)


_SESSION: list[object] = []  # a spawned worker's matplotlib session, open for its whole life


def _start_worker(line: Connection, parent: int, theme: Theme | None) -> None:
    watch_parent(line, parent)
    if theme is not None:
        from reportgen.charts.mpl.session import rendering

        session = rendering(theme)
        session.__enter__()
        _SESSION.append(session)


def worker_count(charts: int) -> int:
    """How many processes should draw `charts` charts (1: draw them here)."""
    if worker_context() is None:
        return 1
    return max(1, min(charts, available_cpus()))
