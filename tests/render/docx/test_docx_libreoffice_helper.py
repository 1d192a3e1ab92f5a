"""tests/libreoffice.py: a missing LibreOffice skips locally but fails on CI; the private
fontconfig lists only the bundled fonts."""

from __future__ import annotations

import pytest

import libreoffice


def test_missing_soffice_skips_locally(monkeypatch):
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        libreoffice.require_soffice()


def test_missing_soffice_fails_on_ci(monkeypatch):
    monkeypatch.setattr(libreoffice.shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        libreoffice.require_soffice()


def test_fonts_conf_lists_only_the_bundled_fonts(tmp_path):
    conf = libreoffice._write_fonts_conf(tmp_path).read_text(encoding="utf-8")
    dirs = [line.strip() for line in conf.splitlines() if line.strip().startswith("<dir>")]
    assert dirs == [f"<dir>{libreoffice.FONTS}</dir>"]
    assert (libreoffice.FONTS / "BIZUDPGothic-Regular.ttf").exists()
    assert f"<cachedir>{tmp_path / 'fontcache'}</cachedir>" in conf
