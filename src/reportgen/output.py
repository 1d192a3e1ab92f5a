"""Writing outputs safely: a temporary file in the target folder, moved into place only
when complete, so a failed build never leaves a half-written file or destroys the last
good output, and two builds into one folder never see each other's partial files.

`atomic_path` does this for one file; `staged` for every output of a build at once: each
is written to its own temporary file or folder, and all are moved into place only after
the last one is complete (on any failure, every temporary is removed and nothing moves).

The outputs of a build are one unit. The commit holds the output folder's lock (so a
second build into the same folder waits for it, bounded), checks every target before the
first move, and puts back what it moved if a later move fails. Symbolic links in the
output folder are replaced, never written through. A temporary's name carries the id of
the process that made it (`.factsheet.pdf.<pid>.<random>.tmp`), so a build can remove
what a killed build left behind, and only that.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.i18n import tr

LOCK_WAIT = 120.0
"""Seconds a build waits for another build's commit into the same folder (a commit takes
milliseconds: a longer wait means a stuck process, said so in the error)."""

TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[a-z0-9_]{8}\.tmp$")
"""The name `Staging` gives its temporaries."""
PART = re.compile(r"^[0-9a-f]{64}\.[a-z]+\.(?P<pid>\d+)\.part$")
"""The chart cache's (`charts.cache.store`): `<sha256 key>.svg.<pid>.part`."""


@contextlib.contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """Yield a temporary path next to `final`; on success it replaces `final` atomically."""
    with staged(final.parent) as stage:
        yield stage.file(final)


def inside(folder: Path, name: str) -> Path:
    """`folder/name`, refusing names that would land outside `folder`. The name itself is
    not resolved: a symbolic link of that name is replaced by the output, not followed."""
    base = folder.resolve()
    if name in ("", ".", "..") or Path(name).name != name or "/" in name or "\\" in name:
        raise ValueError(f"output name '{name}' would be written outside {folder}")
    return base / name


def own_folder(path: Path, root: Path) -> Path:
    """`path` (below `root`) as a real folder: a symbolic link on the way below `root` is
    replaced by an empty folder, so that nothing written there lands outside `root`."""
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if current.is_symlink():
            current.unlink()
        try:
            current.mkdir(exist_ok=True)
        except FileExistsError:
            raise ReportError(Diagnostic(str(current), tr("a file is where a folder of the outputs goes: "
                                                          "move or rename it"))) from None
    return current


@dataclass
class Staging:
    """The outputs of one build, written aside: `file(final)` gives a temporary path next
    to `final`, `folder(final_dir)` a temporary folder whose files all go into `final_dir`."""

    root: Path
    _files: list[tuple[Path, Path]] = field(default_factory=list)
    _folders: list[tuple[Path, Path]] = field(default_factory=list)

    def file(self, final: Path) -> Path:
        with signals_held():  # created and listed as one step: a stop between would leave it behind
            fd, tmp = tempfile.mkstemp(prefix=_prefix(final.name), suffix=".tmp", dir=final.parent)
            os.close(fd)
            self._files.append((Path(tmp), final))
        return Path(tmp)

    def folder(self, final_dir: Path) -> Path:
        with signals_held():
            tmp = Path(tempfile.mkdtemp(prefix=_prefix(final_dir.name), suffix=".tmp", dir=self.root))
            self._folders.append((tmp, final_dir))
        return tmp

    def commit(self) -> list[Path]:
        """Move everything into place, as one unit; the finals of `file`, in order."""
        with folder_lock(self.root), signals_held():  # the lock first: Ctrl-C works while waiting
            for tmp, final_dir in self._folders:
                _check_folder_target(final_dir, self.root)
            written = {final_dir: sorted(p for p in tmp.iterdir() if p.is_file()) for tmp, final_dir in self._folders}
            moves = [(src, final_dir / src.name) for final_dir, files in written.items() for src in files]
            moves += self._files
            for _, final in moves:
                _check_file_target(final)
            for final_dir in written:
                own_folder(final_dir, self.root)
            _move_all(moves)
            for final_dir, files in written.items():
                _remove_others(final_dir, {p.name for p in files})
        return [final for _, final in self._files]

    def discard(self) -> None:
        for tmp, _ in self._files:
            tmp.unlink(missing_ok=True)
        for tmp, _ in self._folders:
            shutil.rmtree(tmp, ignore_errors=True)


def _remove_others(folder: Path, keep: set[str]) -> None:
    """A staged folder holds everything of its kind that the build made (the charts):
    files of an earlier build that this one did not write (a chart since removed from
    the workbook, a PNG when the DOCX was not built) would be stale, so they go."""
    for old in folder.iterdir():
        if old.name not in keep and old.suffix in (".svg", ".png") and old.is_file() and not old.is_symlink():
            old.unlink()


@contextlib.contextmanager
def staged(root: Path) -> Iterator[Staging]:
    """A `Staging` in `root`, committed when the block ends normally; temporaries are
    always removed, and those a killed build left in `root` are removed first."""
    root.mkdir(parents=True, exist_ok=True)
    remove_stale(root)
    staging = Staging(root)
    try:
        yield staging
        staging.commit()
    finally:
        staging.discard()


def _prefix(name: str) -> str:
    return f".{name}.{os.getpid()}."


def _check_folder_target(final_dir: Path, root: Path) -> None:
    if final_dir.exists() and not final_dir.is_symlink() and not final_dir.is_dir():
        raise ReportError(Diagnostic(str(final_dir), tr("a file is where the output folder goes: move or "
                                                        "rename it; no output was changed")))


def _check_file_target(final: Path) -> None:
    if final.is_dir() and not final.is_symlink():
        raise ReportError(Diagnostic(str(final), tr("a folder is where this output goes: move or rename "
                                                    "it; no output was changed")))


def _move_all(moves: list[tuple[Path, Path]]) -> None:
    """Each move atomic (`os.replace` replaces a link, never follows it); the previous
    output kept aside until every move is done, and put back if one fails."""
    done: list[tuple[Path, Path | None]] = []  # (final, the previous output set aside, or None)
    final = moves[0][1] if moves else Path(".")
    try:
        for tmp, final in moves:
            backup = None
            if final.exists() or final.is_symlink():
                backup = final.parent / f"{_prefix(final.name)}{secrets.token_hex(4)}.tmp"
                os.replace(final, backup)
            done.append((final, backup))
            os.chmod(tmp, 0o644)
            os.replace(tmp, final)
    except OSError as exc:
        for moved, backup in reversed(done):
            with contextlib.suppress(OSError):
                if backup is not None:
                    os.replace(backup, moved)
                else:
                    moved.unlink(missing_ok=True)
        raise ReportError(Diagnostic(str(final), tr("cannot put the output in place ({strerror}); the "
                                                    "previous outputs were kept").format(strerror=exc.strerror))) from None
    for _, backup in done:
        if backup is not None:
            with contextlib.suppress(OSError):
                backup.unlink()


@contextlib.contextmanager
def folder_lock(folder: Path, wait: float | None = None) -> Iterator[None]:
    """Hold `folder`'s lock: on POSIX an flock on the folder itself (no lock file is left
    behind; threads and processes alike exclude each other), on Windows a lock file.
    Waits `wait` seconds at most (default `LOCK_WAIT`), then says who holds it."""
    wait = LOCK_WAIT if wait is None else wait
    if sys.platform == "win32":
        with _windows_lock(folder / ".reportgen.lock", wait):
            yield
        return
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            _acquire(lambda: fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB), folder, wait)
        except OSError as exc:  # a file system without locks (some network shares): the commit still rolls back
            if exc.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL):
                raise
        yield
    finally:
        os.close(fd)  # releases the lock


@contextlib.contextmanager
def _windows_lock(path: Path, wait: float) -> Iterator[None]:
    import msvcrt

    with open(path, "a+b") as fh:
        _acquire(lambda: msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1), path.parent, wait)
        try:
            yield
        finally:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)


def _acquire(try_lock, folder: Path, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            try_lock()
            return
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
                raise
        if time.monotonic() > deadline:
            raise ReportError(Diagnostic(str(folder), tr("another build has held this output folder for "
                                                         "more than {wait:.0f} s; try again when it has "
                                                         "finished").format(wait=wait)))
        time.sleep(0.02)


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Termination signals held back while the outputs move (POSIX), so that a build
    stopped then is stopped before the first move or after the last, never between."""
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT} if hasattr(signal, "pthread_sigmask") else set()
    if held:
        signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        if held:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


def remove_stale(folder: Path) -> list[Path]:
    """Remove the temporaries of our own naming in `folder` whose process is gone (a
    build killed by SIGKILL, or a power cut); those of a running build are left alone."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = TEMPORARY.match(entry.name) or PART.match(entry.name)
        if match is None or _alive(int(match["pid"])):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    """Whether process `pid` runs on this machine (ours or another user's)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return True  # no cheap check without pywin32: left for a later build, never removed wrongly
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


# What the file system says when the output folder cannot take the outputs: the user's to
# fix (free space, another -o), not a bug. Other OSErrors stay internal errors.
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
_REFUSED = (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.ENOTDIR, errno.EISDIR)


def unwritable(exc: OSError, folder: Path) -> ReportError | None:
    """The located error for a write into `folder` that the file system refused, or None
    when `exc` is something else (a bug of ours stays an internal error)."""
    if exc.errno in _FULL:
        return ReportError(Diagnostic(str(folder), tr("cannot write the outputs: {strerror} (the disk or "
                                                      "your quota is full); free some space or choose "
                                                      "another folder with -o").format(strerror=exc.strerror)))
    name = exc.filename
    if exc.errno in _REFUSED and name is not None and _within(Path(os.fsdecode(name)).parent, folder):
        return ReportError(Diagnostic(str(folder), tr("cannot write in the output folder ({strerror}); "
                                                      "choose a folder you can write to with -o").format(strerror=exc.strerror)))
    return None


def _within(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())
