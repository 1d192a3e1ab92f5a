"""The per-user cache of font-derived data: same answers as parsing, one entry per font,
damaged entries recomputed, and a filled cache spares a process fontTools entirely."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from wbfactory import make_workbook

from reportgen import fonts, usercache
from reportgen.model import Theme

FONT = Theme().font_regular


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    fonts.codepoints.cache_clear()
    yield tmp_path / "cache"
    fonts.codepoints.cache_clear()


def test_cached_code_points_equal_the_fonts_cmap(cache):
    first = fonts.codepoints(FONT)
    (entry,) = (cache / "cmaps").iterdir()
    fonts.codepoints.cache_clear()
    assert fonts.codepoints(FONT) == first == frozenset(fonts.best_cmap(FONT))
    assert 0x3042 in first and 0x9E1F not in first  # あ is in BIZ UDPGothic, 鸟 is not
    assert list((cache / "cmaps").iterdir()) == [entry]


def test_a_damaged_or_foreign_entry_is_computed_again(cache):
    fonts.codepoints(FONT)
    (entry,) = (cache / "cmaps").iterdir()
    for junk in (b"", b"\xff\x00junk", __import__("marshal").dumps({"not": "a set"})):
        entry.write_bytes(junk)
        fonts.codepoints.cache_clear()
        assert fonts.codepoints(FONT) == frozenset(fonts.best_cmap(FONT))


def test_entries_are_keyed_by_the_files_content(tmp_path, cache):
    copy = tmp_path / "copy.ttf"
    copy.write_bytes(FONT.read_bytes())
    assert usercache.file_digest(copy) == usercache.file_digest(FONT)
    fonts.codepoints(FONT), fonts.codepoints(copy)
    assert len(list((cache / "cmaps").iterdir())) == 1  # same bytes, same entry


def test_a_filled_cache_spares_validation_fonttools(tmp_path):
    book = make_workbook(tmp_path / "book.xlsx")
    env = {**os.environ, "REPORTGEN_CACHE": str(tmp_path / "cache")}
    logs = [subprocess.run([sys.executable, "-X", "importtime", "-m", "reportgen", "validate", str(book)],
                           env=env, capture_output=True, text=True, check=True).stderr for _ in range(2)]
    assert "fontTools.ttLib" in logs[0]  # the first run parses the cmap, and fills the cache
    assert "fontTools" not in logs[1]


def test_no_home_means_no_cache_not_a_failure(monkeypatch, tmp_path):
    monkeypatch.delenv("REPORTGEN_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored: the XDG spec wants absolute paths
    monkeypatch.chdir(tmp_path)

    def no_home(cls):
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(usercache.Path, "home", classmethod(no_home))
    assert usercache.root() is None
    fonts.codepoints.cache_clear()
    try:
        assert fonts.codepoints(FONT) == frozenset(fonts.best_cmap(FONT))
    finally:
        fonts.codepoints.cache_clear()
    assert list(tmp_path.iterdir()) == []  # nothing written in the working folder


def test_an_absolute_xdg_cache_home_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv("REPORTGEN_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert usercache.root() == tmp_path / "reportgen"
