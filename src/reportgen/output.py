"""Writing outputs safely: a temporary file in the target folder, moved into place only
when complete, so a failed build never leaves a half-written file or destroys the last
good output, and two builds into one folder never see each other's partial files."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator


@contextlib.contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """Yield a temporary path next to `final`; on success it replaces `final` atomically."""
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{final.stem}.", suffix=final.suffix + ".tmp", dir=final.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o644)
        os.replace(tmp_path, final)
    finally:
        tmp_path.unlink(missing_ok=True)


def inside(folder: Path, name: str) -> Path:
    """`folder/name`, refusing names that would land outside `folder`."""
    path = (folder / name).resolve()
    if not path.is_relative_to(folder.resolve()) or path.parent != folder.resolve():
        raise ValueError(f"output name '{name}' would be written outside {folder}")
    return path
