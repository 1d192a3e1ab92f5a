"""Drawing the charts a build lacks: in a pool of forked workers when that pays.

In: per chart its `ChartPlan`, SVG path and PNG path (None: no PNG), and the `Theme`.
Out: the files written. matplotlib is imported, the fonts registered and the rc settings
made once, here, before the workers fork: each worker starts ready to draw (nothing
imported twice), draws whole charts and writes their files itself, so only the small
plans cross processes. A chart's bytes depend only on its plan and the theme, not on the
process or on the charts drawn before it, so the pool changes no output.

Serial when there is one chart, one usable CPU, no "fork" start method (not POSIX), when
this process is a daemon (a `reportgen batch` worker may not have children), or when it
runs other threads (a fork copies the locks they hold, held forever in the child).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.charts.plan import ChartPlan
from reportgen.model import Theme
from reportgen.processes import available_cpus, lifeline, watch_parent

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
        if workers < 2:
            return [draw_files(*call) for call in calls]
        context = multiprocessing.get_context("fork")
        with context.Pool(workers, watch_parent, (lifeline(), os.getpid())) as pool:  # forked inside `rendering`
            return pool.starmap(draw_files, calls, chunksize=1)


def worker_count(charts: int) -> int:
    """How many processes should draw `charts` charts (1: draw them here)."""
    if (multiprocessing.current_process().daemon or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()):
        return 1
    return max(1, min(charts, available_cpus()))
