"""Fixtures for the PDF tests: the factory document built once (plain, again, with bleed)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # pdfcheck, by its own name

from pdfcheck import chart_images, make_document  # noqa: E402
from reportgen.render.pdf import write_pdf  # noqa: E402


@pytest.fixture(scope="session")
def factory_doc():
    return make_document()


@pytest.fixture(scope="session")
def pdf_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("pdf")


@pytest.fixture(scope="session")
def charts(factory_doc, pdf_folder):
    return chart_images(factory_doc, pdf_folder)


@pytest.fixture(scope="session")
def built(factory_doc, charts, pdf_folder) -> Path:
    path = pdf_folder / "factsheet.pdf"
    write_pdf(factory_doc, charts, path)
    return path


@pytest.fixture(scope="session")
def built_bleed(factory_doc, charts, pdf_folder) -> Path:
    path = pdf_folder / "factsheet-bleed.pdf"
    write_pdf(factory_doc, charts, path, bleed_mm=3)
    return path
