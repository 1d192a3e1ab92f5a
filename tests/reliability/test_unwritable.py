"""An output folder that cannot take the outputs (read-only, no permission, full disk) is
the user's to fix: exit 2 with a message naming the folder, never an internal error,
and no temporary file left behind."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reliability.badbooks import run_cli
from wbfactory import make_workbook


def test_a_folder_the_system_will_not_write_in(tmp_path):
    """/proc/self is a folder nobody may create files in, root included (CI runs as
    root, which chmod cannot stop)."""
    if not Path("/proc/self").is_dir():
        pytest.skip("no /proc on this system")
    result = run_cli(["build", make_workbook(tmp_path / "wb.xlsx"), "-o", "/proc/self", "-j", "1"])
    assert result.code == 2, result.err
    assert result.errors == ["error: /proc/self: cannot write in the output folder (No such file or directory); "
                             "choose a folder you can write to with -o"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a folder whatever its permission bits say")
def test_a_folder_without_write_permission(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        result = run_cli(["build", make_workbook(tmp_path / "wb.xlsx"), "-o", out])
    finally:
        out.chmod(0o700)
    assert result.code == 2, result.err
    assert result.errors[0].startswith(f"error: {out}: cannot write in the output folder (Permission denied)")
    assert list(out.iterdir()) == []


def _small_disk() -> None:
    """A full disk without mounting one: writes past 8 KB fail with EFBIG, as ENOSPC would."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024, 8 * 1024))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_full_disk(tmp_path, jobs):
    path = make_workbook(tmp_path / "wb.xlsx")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "reportgen", "build", str(path), "-o", str(out), "-j", jobs],
                          preexec_fn=_small_disk, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert f"error: {out}: cannot write the outputs: File too large (the disk or your quota is full); " \
           "free some space or choose another folder with -o" in proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr
    leftovers = [p.name for p in out.rglob("*") if p.is_file() and ".cache" not in p.parts]
    assert leftovers == []
