"""`theme.page_size` in every output: `B5` is JIS B5 (182 x 257 mm), `ISO-B5` the
international one, and the appendix prints on the document's paper."""

from __future__ import annotations

import dataclasses
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from factories import make_document
from reportgen.diagnostics import ReportError
from reportgen.model import PAPER_MM
from reportgen.render.xlsx import pagebreaks, write_xlsx
from reportgen.workbook import read_workbook
from wbfactory import META, make_workbook

sys.path.insert(0, str(Path(__file__).resolve().parent / "docx"))
from docx_helpers import chart_images, write_docx  # noqa: E402

SIZES = {"A4": (210.0, 297.0), "B5": (182.0, 257.0), "ISO-B5": (176.0, 250.0), "Letter": (215.9, 279.4)}
EXCEL_PAPER = {"A4": 9, "B5": 13, "ISO-B5": 34, "Letter": 1}  # ECMA-376 paperSize codes
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def on_paper(size: str):
    doc = make_document()
    return dataclasses.replace(doc, theme=dataclasses.replace(doc.theme, page_size=size))


def test_the_paper_table_is_jis_b5_and_iso_b5():
    assert dict(PAPER_MM) == SIZES


@pytest.mark.parametrize("size", SIZES)
def test_the_workbook_names_each_paper(size, tmp_path):
    doc = read_workbook(make_workbook(tmp_path / "wb.xlsx", meta=META + [("theme.page_size", size)]))
    assert doc.theme.page_size == size


def test_an_unknown_paper_is_a_located_error(tmp_path):
    with pytest.raises(ReportError) as caught:
        read_workbook(make_workbook(tmp_path / "wb.xlsx", meta=META + [("theme.page_size", "B4")]))
    assert "meta!B5: found 'B4', expected A4, B5 (JIS), ISO-B5 or Letter" in str(caught.value)


@pytest.mark.parametrize("size", SIZES)
def test_the_docx_page_is_the_paper(size, tmp_path):
    path = tmp_path / "f.docx"
    write_docx(on_paper(size), chart_images(tmp_path), path)
    with zipfile.ZipFile(path) as z:
        page = etree.fromstring(z.read("word/document.xml")).find(f".//{W}sectPr/{W}pgSz")
    width, height = SIZES[size]
    assert abs(int(page.get(f"{W}w")) - width / 25.4 * 1440) <= 1
    assert abs(int(page.get(f"{W}h")) - height / 25.4 * 1440) <= 1


@pytest.mark.parametrize("size", SIZES)
def test_every_appendix_sheet_prints_on_the_paper(size, tmp_path):
    path = tmp_path / "a.xlsx"
    write_xlsx(on_paper(size), path)
    for ws in openpyxl.load_workbook(path).worksheets:
        assert int(ws.page_setup.paperSize) == EXCEL_PAPER[size], ws.title


def test_a_smaller_paper_holds_fewer_rows_a_page():
    widths = [20, 12, 12]
    assert pagebreaks.page_height(widths, False, SIZES["B5"]) < pagebreaks.page_height(widths, False, SIZES["A4"])
    assert pagebreaks.page_height(widths, False) == pagebreaks.page_height(widths, False, SIZES["A4"])
