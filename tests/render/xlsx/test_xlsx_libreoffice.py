"""The appendix opened by LibreOffice Calc (headless, bundled fonts only) and printed to PDF:
the conversion succeeds, every sheet prints, text and chart labels come out in BIZ
UDPGothic, and strings that look like formulas print as typed, never evaluated."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from libreoffice import convert
from reportgen.render.xlsx import write_xlsx
from xlsx_richdoc import make_rich_document


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    work = tmp_path_factory.mktemp("xlsx-lo")
    src = work / "appendix.xlsx"
    write_xlsx(make_rich_document(), src)
    return PdfReader(convert(src, "pdf", work / "out"))


def _text(pdf) -> str:
    return "\n".join(page.extract_text() for page in pdf.pages)


def _fonts(pdf) -> set[str]:
    names = set()
    for page in pdf.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        names |= {str(f.get_object()["/BaseFont"]).split("+")[-1] for f in fonts.values()}
    return names


def test_calc_prints_the_cover_and_every_data_sheet(pdf):
    text = _text(pdf)
    assert len(pdf.pages) >= 4
    for expected in ("データ付録", "シート一覧", "1 CNY = 15 JPY", "拠出主体別の拠出額", "事業別の件数"):
        assert expected in text


def test_numbers_print_in_their_source_format_in_cells_and_chart_labels(pdf):
    text = _text(pdf)
    assert text.count("27.63億元") >= 2  # the table cell and the chart's data label
    assert "414.45億円" in text and "2020/3/2" in text and "62.0%" in text


def test_formula_like_strings_print_as_typed(pdf):
    text = _text(pdf)
    assert '=HYPERLINK("http://evil.example/","click")' in text
    assert "=1+1" in text and "@SUM(A1:A2)" in text and "+81 3-1234-5678" in text


def test_only_the_bundled_fonts_are_used(pdf):
    fonts = _fonts(pdf)
    assert {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold"} <= fonts
    assert fonts <= {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold", "DroidSansFallback"}  # 鸟


def test_the_page_header_and_footer_print(pdf):
    first = pdf.pages[0].extract_text()
    assert "新型コロナ対策支援" in first and f"1 / {len(pdf.pages)}" in first
