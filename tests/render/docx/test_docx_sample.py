"""The real sample (data/factsheet.xlsx → reader → charts → DOCX) opened by LibreOffice:
bundled fonts only, every text of the model and every figure of the reference text in the
converted PDF, a sane page count, one alt-texted picture per chart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from factories import SEED
from docx_helpers import Docx, model_texts, pdf_text, write_docx
from libreoffice import convert
from reportgen.charts import render_charts
from reportgen.model import ChartBlock
from reportgen.workbook import read_workbook

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    doc = read_workbook(REPO / "data" / "factsheet.xlsx")
    charts = render_charts(doc, folder)
    path = folder / "factsheet.docx"
    write_docx(doc, charts, path)
    pdf = convert(path, "pdf", folder / "lo")
    return doc, Docx(path), pdf, pdf_text(pdf, doc.theme)


def test_sample_pdf_uses_only_bundled_fonts(sample):
    _, _, pdf, _ = sample
    names = set()
    for page in PdfReader(pdf).pages:
        for ref in page["/Resources"]["/Font"].values():
            names.add(re.sub(r"^[A-Z]{6}\+", "", str(ref.get_object()["/BaseFont"]).lstrip("/")))
    assert {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold"} <= names
    assert names <= {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold", "BIZUDGothic-Regular", "BIZUDGothic-Bold",
                     "DroidSansFallback"}


def test_sample_pdf_has_every_text_of_the_model(sample):
    doc, _, _, text = sample
    missing = [t for t in model_texts(doc) if re.sub(r"\s+", "", t) not in text]
    assert missing == []


def test_sample_pdf_has_every_figure_of_the_reference_text(sample):
    """Figures compared without thousands separators: the seed writes 1500 and 1,500."""
    _, _, _, text = sample
    figures = set(re.findall(r"\d[\d,.]*\d|\d", SEED.read_text(encoding="utf-8")))
    plain = text.replace(",", "")
    assert sorted(f for f in figures if f.replace(",", "") not in plain) == []


def test_sample_page_count_is_sane(sample):
    _, _, pdf, _ = sample
    assert 6 <= len(PdfReader(pdf).pages) <= 14


def test_sample_has_one_described_picture_per_chart_block(sample):
    doc, built, _, _ = sample
    charts = [b.chart for b in doc.blocks if isinstance(b, ChartBlock)]
    described = built.xpath("word/document.xml", "//wp:inline/wp:docPr")
    assert [d.get("title") for d in described] == [c.title for c in charts]
    assert all(len(d.get("descr")) > len(d.get("title")) for d in described)
