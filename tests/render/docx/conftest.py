"""Fixtures for the DOCX tests: the factory document built once, its XML parts parsed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # docx_helpers, by its own name

from docx_helpers import Docx, chart_images, make_document, write_docx


@pytest.fixture(scope="session")
def factory_doc():
    return make_document()


@pytest.fixture(scope="session")
def built(tmp_path_factory, factory_doc) -> Docx:
    folder = tmp_path_factory.mktemp("docx")
    path = folder / "factsheet.docx"
    write_docx(factory_doc, chart_images(folder), path)
    return Docx(path)
