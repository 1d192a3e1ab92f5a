"""Test helper: convert an office file with headless LibreOffice, seeing only the bundled fonts.

In: a DOCX/XLSX path, a target format ("pdf", "png", ...) and an output folder.
Out: the converted file's path.

LibreOffice finds fonts through fontconfig. A private fonts.conf that lists ONLY
assets/fonts makes the result independent of the machine's fonts: a missing font shows
up as a wrong font name in the PDF, not as a silent substitution by a system font.
The user profile is private too, so parallel runs never share a lock.

`require_soffice()` skips a test when LibreOffice is absent, except on CI (`CI` set),
where a missing LibreOffice is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FONTS = REPO / "assets" / "fonts"
TIMEOUT_S = 180

_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
  <config><rescan><int>0</int></rescan></config>
</fontconfig>
"""


class ConversionError(RuntimeError):
    """LibreOffice failed or produced no file; the message carries its output."""


def soffice() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """The executable; skips the calling test without it (fails instead on CI)."""
    exe = soffice()
    if exe:
        return exe
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is required on CI but is not installed")
    pytest.skip("LibreOffice (soffice) not installed")


def _write_fonts_conf(workdir: Path, fonts: Path = FONTS) -> Path:
    conf = workdir / "fonts.conf"
    cache = workdir / "fontcache"
    cache.mkdir()
    conf.write_text(_FONTS_CONF.format(fonts=fonts, cache=cache), encoding="utf-8")
    return conf


def _command(exe: str, src: Path, fmt: str, outdir: Path, profile: Path) -> list[str]:
    return [
        exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--nologo", "--nodefault", "--convert-to", fmt, "--outdir", str(outdir), str(src),
    ]


def convert(src: Path, fmt: str, outdir: Path, fonts: Path = FONTS) -> Path:
    """Convert `src` to `fmt` in `outdir` and return the new file (raises ConversionError);
    LibreOffice sees only the fonts in the folder `fonts` (default: the bundled ones)."""
    exe = require_soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    target = outdir / f"{src.stem}.{fmt.split(':')[0]}"
    with tempfile.TemporaryDirectory(prefix="reportgen-lo-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "FONTCONFIG_FILE": str(_write_fonts_conf(work, fonts)), "HOME": tmp}
        cmd = _command(exe, src.resolve(), fmt, outdir.resolve(), work / "profile")
        try:
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired as exc:
            raise ConversionError(f"soffice timed out after {TIMEOUT_S}s: {exc.stdout}{exc.stderr}") from exc
    if done.returncode != 0 or not target.exists():
        raise ConversionError(
            f"soffice exit {done.returncode}, expected {target}\n"
            f"stdout: {done.stdout}\nstderr: {done.stderr}"
        )
    return target
