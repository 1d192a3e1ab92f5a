"""A real client opens the DOCX: LibreOffice converts it to PDF with only the bundled
fonts visible (tests/libreoffice.py). The PDF must use BIZ UDPGothic (and Droid Sans
Fallback for 鸟), carry every text of the document, and have a sane page count."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from docx_helpers import model_texts, pdf_text
from libreoffice import convert


@pytest.fixture(scope="module")
def pdf(built, tmp_path_factory):
    return convert(built.path, "pdf", tmp_path_factory.mktemp("lo"))


def pdf_fonts(path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            names.add(re.sub(r"^[A-Z]{6}\+", "", str(ref.get_object()["/BaseFont"]).lstrip("/")))
    return names


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_pdf_uses_only_the_bundled_fonts(pdf):
    assert pdf_fonts(pdf) <= {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold", "BIZUDGothic-Regular", "BIZUDGothic-Bold",
                              "DroidSansFallback"}
    assert {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold", "DroidSansFallback"} <= pdf_fonts(pdf)


def test_pdf_has_every_text_of_the_document(pdf, factory_doc):
    body = pdf_text(pdf, factory_doc.theme)
    missing = [t for t in model_texts(factory_doc) if squeeze(t) not in body]
    assert missing == []
    text = pdf_text(pdf)
    for header_text in ("ニュースリリース", "2020年5月15日", "新型コロナ対策支援", "1/3", "3/3"):
        assert header_text in text


def test_pdf_page_count_is_sane(pdf):
    """Title page with cards, list and chart; the table; the page break before the quote."""
    assert len(PdfReader(pdf).pages) == 3
