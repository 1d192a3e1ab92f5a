"""Parsed chart drawings kept per user: a restored drawing is the parsed one, the PDF bytes
do not depend on the cache, and a tampered entry cannot run code."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest
from wbfactory import make_workbook

from reportgen.render.pdf import drawcache, figures


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "drawings"


@pytest.fixture(scope="module")
def svg(tmp_path_factory):
    """A chart SVG as the build draws it."""
    folder = tmp_path_factory.mktemp("chart")
    book = make_workbook(folder / "book.xlsx", content=[("type", "text", "ref"), ("chart", "", "by_entity")])
    subprocess.run([sys.executable, "-m", "reportgen", "build", str(book), "-o", str(folder / "out"),
                    "--only", "pdf", "-j", "1"], check=True, capture_output=True)
    return (folder / "out" / "charts" / "by_entity.svg").read_bytes()


def _tree(node: object) -> object:
    """A drawing as plain nested data: each object's class and attributes, recursively."""
    if isinstance(node, (list, tuple)):
        return [_tree(child) for child in node]
    if hasattr(node, "__dict__"):
        return type(node).__name__, {k: _tree(v) for k, v in vars(node).items()}
    return node


def test_a_restored_drawing_is_the_parsed_one(cache, svg):
    first = drawcache.parsed(svg, figures._parse, "test")
    (entry,) = cache.iterdir()
    restored = drawcache.parsed(svg, lambda _: pytest.fail("parsed again"), "test")
    fresh = figures._parse(svg)
    assert _tree(restored) == _tree(fresh) == _tree(first)
    assert len(restored.contents) > 0
    assert list(cache.iterdir()) == [entry]


def test_a_tampered_entry_runs_no_code_and_is_parsed_again(cache, svg, tmp_path):
    drawcache.parsed(svg, figures._parse, "test")
    (entry,) = cache.iterdir()
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return os.system, (f"touch {marker}",)

    from reportgen import usercache
    usercache._store(entry, pickle.dumps(Payload()))
    drawing = drawcache.parsed(svg, figures._parse, "test")
    assert not marker.exists()
    assert _tree(drawing) == _tree(figures._parse(svg))


def test_the_pdf_is_the_same_bytes_from_a_cold_and_a_filled_cache(tmp_path):
    book = make_workbook(tmp_path / "book.xlsx", content=[("type", "text", "ref"), ("chart", "", "by_entity")])
    env = {**os.environ, "REPORTGEN_CACHE": str(tmp_path / "cache")}
    pdfs = []
    for run in ("cold", "filled"):
        subprocess.run([sys.executable, "-m", "reportgen", "build", str(book), "-o", str(tmp_path / run),
                        "--only", "pdf", "-j", "1"], env=env, check=True, capture_output=True)
        pdfs.append((tmp_path / run / "factsheet.pdf").read_bytes())
        assert len(list((tmp_path / "cache" / "drawings").iterdir())) == 1
    assert pdfs[0] == pdfs[1]


def test_a_drawing_that_names_a_file_is_refused(tmp_path):
    from reportlab.graphics.shapes import Drawing, Image

    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the PDF")
    drawing = Drawing(50, 50)
    drawing.add(Image(0, 0, 50, 50, str(secret)))
    assert drawcache._unpack(drawcache._pack(drawing)) is None  # parsed again from the SVG instead


def test_damaged_bytes_of_a_real_entry_never_escape_as_errors(svg):
    data = drawcache._pack(figures._parse(svg))
    step = max(1, len(data) // 40)
    damaged = [data[:cut] for cut in range(0, len(data), step)]  # truncated
    damaged += [data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1:] for i in range(0, len(data), step)]  # one byte
    for broken in damaged:
        result = drawcache._unpack(broken)
        assert result is None or result.__class__.__name__ == "Drawing"
