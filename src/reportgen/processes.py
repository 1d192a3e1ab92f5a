"""How many processes this machine can run, and how to start them safely (fork or spawn).

Shared by the renderer workers (`workers`), the chart pool (`charts.parallel`) and
`batch`, so that the rules live in one place and charts need not import the workers.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from multiprocessing.connection import Connection
from typing import Iterator


START_METHOD = "REPORTGEN_START_METHOD"  # "fork" or "spawn": forces one (the test suite runs under both)


def start_method() -> str:
    """How this machine starts worker processes: "fork" on Linux (a forked worker starts
    with the parent's imports and fonts: fastest), "spawn" elsewhere (Windows and macOS
    have no safe fork), or what REPORTGEN_START_METHOD says."""
    forced = os.environ.get(START_METHOD, "")
    if forced in ("fork", "spawn") and forced in multiprocessing.get_all_start_methods():
        return forced
    return "fork" if sys.platform == "linux" else "spawn"


def worker_context() -> multiprocessing.context.BaseContext | None:
    """The multiprocessing context for renderer and chart workers, or None when this
    process should do the work itself: one CPU, a daemon (a `reportgen batch` worker may
    not have children), or, for fork, other threads running (a fork copies the locks
    they hold, held forever in the child)."""
    if available_cpus() < 2 or multiprocessing.current_process().daemon:
        return None
    method = start_method()
    if method == "fork" and threading.active_count() > 1:
        return None
    return multiprocessing.get_context(method)


def can_fork() -> bool:
    """True where renderer worker processes are safe and useful (see `worker_context`)."""
    return worker_context() is not None


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# -- children that die with their parent ------------------------------------------------
# A renderer, chart or batch worker must never outlive the build that started it, however
# the build ends: SIGKILL runs no cleanup, so the children watch for it themselves, two
# ways: Linux's parent-death signal (prctl), and, portably, a pipe whose only write ends
# are held by the parent: when the parent is gone, the read end sees EOF.

_LIFELINE: tuple[int, Connection, Connection] | None = None  # (owner pid, read end, write end)


def lifeline() -> Connection:
    """The read end of this process's lifeline, for `watch_parent` in a child (passed to a
    spawned child as an argument; a forked child inherits it). The write end is never
    written: it closes when this process ends."""
    global _LIFELINE
    if _LIFELINE is None or _LIFELINE[0] != os.getpid():
        reader, writer = multiprocessing.Pipe(duplex=False)
        _LIFELINE = (os.getpid(), reader, writer)
    return _LIFELINE[1]


def watch_parent(line: Connection, parent: int) -> None:
    """In a child, first thing: exit at once when `parent` ends (however it ends), and
    never hold the caller's stdin or stdout (a script reading our output would wait for
    a child that holds it)."""
    global _LIFELINE
    _die_with_parent()
    if _LIFELINE is not None and _LIFELINE[0] == parent:  # forked: the parent's write end came along
        _LIFELINE[2].close()
        _LIFELINE = None
    _quiet_stdio()
    for signum in STOP_SIGNALS:  # a forked child may carry the parent's `Stopped` handler: the cleanup is the parent's
        signal.signal(signum, signal.SIG_DFL)
    if os.getppid() != parent:  # the parent died before the watch began
        os._exit(1)
    threading.Thread(target=_wait_for_eof, args=(line,), name="reportgen-lifeline", daemon=True).start()


def _wait_for_eof(line: Connection) -> None:
    try:
        while True:
            line.recv_bytes()
    except (EOFError, OSError):
        os._exit(1)  # the parent is gone: nobody will read what this process makes


def _die_with_parent() -> None:
    """PR_SET_PDEATHSIG: the kernel sends SIGKILL when the parent thread ends (Linux only)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    PR_SET_PDEATHSIG = 1
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no libc symbol: the lifeline pipe still works
        pass


def _quiet_stdio() -> None:
    """stdin and stdout on /dev/null: workers answer through their pipes, never print."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):
        try:
            os.dup2(devnull, fd)
        except OSError:
            pass
    os.close(devnull)


# -- stopping cleanly on a signal ------------------------------------------------------

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM")
                     if hasattr(signal, name))
"""The signals that end a process by default and can be caught (SIGINT is KeyboardInterrupt)."""


class Stopped(BaseException):
    """A stop signal arrived: raised where the main thread is, so that every `finally`
    (staged temporaries, worker processes) runs as for Ctrl-C."""

    def __init__(self, signum: int):
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.signum = signum


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, a stop signal raises `Stopped` in the main thread (in the main
    thread only: elsewhere nothing changes); the previous handlers come back after it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, _raise_stopped) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _raise_stopped(signum: int, frame: object) -> None:
    raise Stopped(signum)


def die_of(signum: int) -> None:
    """End this process by `signum`'s default action, so that the caller sees which
    signal ended it (a shell's `$?` of 128 + n), after the cleanup has run."""
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
