"""Writing outputs safely: a temporary file in the target folder, moved into place only
when complete, so a failed build never leaves a half-written file or destroys the last
good output, and two builds into one folder never see each other's partial files.

`atomic_path` does this for one file; `staged` for every output of a build at once: each
is written to its own temporary file or folder, and all are moved into place only after
the last one is complete (on any failure, every temporary is removed and nothing moves).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator


@contextlib.contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """Yield a temporary path next to `final`; on success it replaces `final` atomically."""
    with staged(final.parent) as stage:
        yield stage.file(final)


def inside(folder: Path, name: str) -> Path:
    """`folder/name`, refusing names that would land outside `folder`."""
    path = (folder / name).resolve()
    if not path.is_relative_to(folder.resolve()) or path.parent != folder.resolve():
        raise ValueError(f"output name '{name}' would be written outside {folder}")
    return path


@dataclass
class Staging:
    """The outputs of one build, written aside: `file(final)` gives a temporary path next
    to `final`, `folder(final_dir)` a temporary folder whose files all go into `final_dir`."""

    root: Path
    _files: list[tuple[Path, Path]] = field(default_factory=list)
    _folders: list[tuple[Path, Path]] = field(default_factory=list)

    def file(self, final: Path) -> Path:
        fd, tmp = tempfile.mkstemp(prefix=f".{final.stem}.", suffix=final.suffix + ".tmp", dir=final.parent)
        os.close(fd)
        self._files.append((Path(tmp), final))
        return Path(tmp)

    def folder(self, final_dir: Path) -> Path:
        tmp = Path(tempfile.mkdtemp(prefix=f".{final_dir.name}.", suffix=".tmp", dir=self.root))
        self._folders.append((tmp, final_dir))
        return tmp

    def commit(self) -> list[Path]:
        """Move everything into place (each move atomic); the finals of `file`, in order."""
        for tmp, final_dir in self._folders:
            final_dir.mkdir(parents=True, exist_ok=True)
            written = sorted(p for p in tmp.iterdir() if p.is_file())
            for src in written:
                os.chmod(src, 0o644)
                os.replace(src, final_dir / src.name)
            _remove_others(final_dir, {p.name for p in written})
        for tmp, final in self._files:
            os.chmod(tmp, 0o644)
            os.replace(tmp, final)
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
    always removed."""
    root.mkdir(parents=True, exist_ok=True)
    staging = Staging(root)
    try:
        yield staging
        staging.commit()
    finally:
        staging.discard()
