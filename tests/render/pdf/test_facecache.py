"""Parsed reportlab faces cached per user: restored faces equal parsed ones, the PDF bytes
do not depend on the cache, and a damaged or unwritable cache is never an error."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from reportlab.pdfbase.ttfonts import TTFont
from wbfactory import make_workbook

from reportgen.model import Theme
from reportgen.render.pdf import facecache

FONT = Theme().font_regular


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "faces"


def _state(font: TTFont) -> dict:
    return {k: v for k, v in vars(font.face).items() if k != "_pdfScale"}


def test_a_restored_face_equals_a_parsed_one(cache):
    first = facecache.load_font("F", FONT)
    (entry,) = cache.iterdir()
    restored = facecache.load_font("F", FONT)
    parsed = TTFont("F", str(FONT))
    assert _state(first) == _state(restored) == _state(parsed)
    assert [restored.face._pdfScale(v) for v in (1, 2048)] == [parsed.face._pdfScale(v) for v in (1, 2048)]
    assert restored.face.name.ustr == parsed.face.name.ustr
    assert (restored.fontName, restored.shapable, restored._asciiReadable) == \
        (parsed.fontName, parsed.shapable, parsed._asciiReadable)
    assert restored.stringWidth("アリババ 2020年", 10) == parsed.stringWidth("アリババ 2020年", 10)
    assert list(cache.iterdir()) == [entry]  # no second entry, no leftover part file


def test_a_damaged_entry_is_parsed_again_and_replaced(cache):
    facecache.load_font("F", FONT)
    (entry,) = cache.iterdir()
    entry.write_bytes(b"\x00not marshal")
    font = facecache.load_font("F", FONT)
    assert _state(font) == _state(TTFont("F", str(FONT)))
    assert entry.read_bytes() != b"\x00not marshal"


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REPORTGEN_CACHE", str(blocker))
    assert _state(facecache.load_font("F", FONT)) == _state(TTFont("F", str(FONT)))


def test_the_pdf_is_the_same_bytes_from_a_cold_and_a_filled_cache(tmp_path):
    book = make_workbook(tmp_path / "book.xlsx", content=[("type", "text"), ("paragraph", "鸟の巣と **太字** の段落。")])
    env = {**os.environ, "REPORTGEN_CACHE": str(tmp_path / "cache")}
    pdfs = []
    for run in ("cold", "filled"):
        out = tmp_path / run
        subprocess.run([sys.executable, "-m", "reportgen", "build", str(book), "-o", str(out), "--only", "pdf",
                        "-j", "1"], env=env, check=True, capture_output=True)
        pdfs.append((out / "factsheet.pdf").read_bytes())
        assert len(list((tmp_path / "cache" / "faces").iterdir())) == 3  # regular, bold, fallback (鸟)
    assert pdfs[0] == pdfs[1]
