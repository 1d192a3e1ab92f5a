"""Run a command as a child process and measure it.

In: an argv list (and optionally env, cwd, timeout). Out: a `Run`: wall time, CPU time
(user + sys) and peak resident memory of that child and its waited-for descendants
(from `os.wait4`, so one child's figures are never mixed with another's), exit code and
output. `median_runs` repeats a command and keeps every run.

CPU time is reported next to wall time because the machine may be shared: wall time
grows with other people's load, CPU time much less.
"""

from __future__ import annotations

import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

PYTHON = sys.executable
STAGE_LINE = re.compile(r"^(\w+)\s+([\d.]+) s\b", re.M)


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float
    code: int
    out: str
    err: str

    @property
    def ok(self) -> bool:
        return self.code == 0

    def stages(self) -> dict[str, float]:
        """Stage timings printed by `reportgen build` ("pdf  0.42 s  ..."), without "done"."""
        return {k: float(v) for k, v in STAGE_LINE.findall(self.out) if k != "done"}


def run(argv: Sequence[str], env: dict[str, str] | None = None, cwd: Path | None = None,
        timeout: float = 900.0) -> Run:
    """Run `argv` to completion and measure it (killed after `timeout` seconds, code -9)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(list(argv), stdout=out, stderr=err, env=env, cwd=cwd, start_new_session=True)
        timer = threading.Timer(timeout, _kill_group, (child.pid,))
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode,
                   out.read(), err.read())


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def repeat(make_argv: Callable[[int], Sequence[str]], times: int, **kwargs) -> list[Run]:
    """`times` runs of the command `make_argv(i)` builds for run i."""
    return [run(make_argv(i), **kwargs) for i in range(times)]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def python(*args: str) -> list[str]:
    """argv for this interpreter (the venv's), without user site or bytecode surprises."""
    return [PYTHON, *args]


def check(r: Run, what: str) -> Run:
    """`r`, or an error that shows the child's output when it failed."""
    if not r.ok:
        raise RuntimeError(f"{what} failed with code {r.code}:\n{r.out[-2000:]}\n{r.err[-4000:]}")
    return r
