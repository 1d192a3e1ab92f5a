"""The real sample: data/factsheet.xlsx through the pipeline to PDF, read back: every
text of the workbook in order, every figure of the reference text, fonts, layout, size."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factories import SEED
from pdfcheck import model_texts, overlapping_runs, read_pages, squash, stray_chars, stray_objects
from reportgen.model import Heading
from reportgen.pipeline import Build, run
from reportgen.render.pdf.geometry import page_geometry

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "data" / "factsheet.xlsx"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    doc = run(Build(SAMPLE, out, formats=("pdf",), log=lambda _: None))
    return doc, out / f"{doc.meta.output_name}.pdf"


@pytest.fixture(scope="module")
def pages(sample):
    return read_pages(sample[1])


def test_every_text_of_the_workbook_is_there_in_order(sample, pages):
    doc, _ = sample
    g = page_geometry(doc.theme)
    body = squash("".join(p.text_in(g.bottom, g.band_bottom) for p in pages))
    at = 0
    for text in model_texts(doc):
        found = body.find(squash(text), at)
        assert found >= 0, f"{text!r} missing after …{body[max(0, at - 40):at + 40]}"
        at = found + len(squash(text))


def test_every_figure_of_the_reference_text_is_there(pages):
    """Figures compared without thousands separators (the workbook adds them: 1500 → 1,500)."""
    text = squash("".join(p.text for p in pages)).replace(",", "")
    figures = {f.replace(",", "") for f in re.findall(r"\d[\d,]*(?:\.\d+)?", SEED.read_text(encoding="utf-8"))}
    assert sorted(f for f in figures if f not in text) == []


def test_layout_is_clean_on_every_page(sample, pages):
    g = page_geometry(sample[0].theme)
    for page in pages:
        assert not stray_chars(page, g), page.index
        assert not stray_objects(page, g), page.index
        assert not overlapping_runs(page), page.index


def test_outline_and_size(sample):
    from pypdf import PdfReader

    doc, path = sample
    titles = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(item.title)

    walk(PdfReader(path).outline)
    assert titles == [b.text.plain for b in doc.blocks if isinstance(b, Heading)]
    assert path.stat().st_size < 1_000_000
