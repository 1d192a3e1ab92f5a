"""How many processes this machine can run, and whether forking them is safe.

Shared by the renderer workers (`workers`), the chart pool (`charts.parallel`) and
`batch`, so that the rules live in one place and charts need not import the workers.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading


def can_fork() -> bool:
    """True where forking renderer processes is safe and useful: Linux, two CPUs or more,
    not a daemon process (a `reportgen batch` worker) and no other thread running (a fork
    copies the locks other threads hold, held forever in the child)."""
    return (sys.platform == "linux" and available_cpus() > 1
            and not multiprocessing.current_process().daemon and threading.active_count() == 1)


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
