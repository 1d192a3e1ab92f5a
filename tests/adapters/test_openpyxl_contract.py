"""Contract of reportgen.adapters.openpyxl: the openpyxl internals it relies on still
behave as the installed, tested openpyxl (3.1) does. A failure here after an openpyxl
upgrade names the private part that changed: adapt reportgen/adapters/openpyxl.py (and
only it), then widen the bound in pyproject.toml."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from reportgen.adapters import openpyxl as xl
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText
from openpyxl.chart import BarChart
from openpyxl.styles import Font
from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from xml.etree.ElementTree import fromstring


def _saved(tmp_path):
    """A workbook as Excel writes one (xlsxwriter: shared strings, a chart sheet)."""
    import xlsxwriter

    path = tmp_path / "book.xlsx"
    book = xlsxwriter.Workbook(path)
    ws = book.add_worksheet("data")
    ws.write_string("A1", "shared text")
    ws.write_datetime("A2", dt.datetime(2024, 4, 1), book.add_format({"num_format": "yyyy/m/d"}))
    ws.write_number("A3", 0.25, book.add_format({"num_format": "[h]:mm"}))
    ws.write_number("A4", 1234.5, book.add_format({"num_format": "#,##0.0_);[Red](#,##0.0)"}))
    chart = book.add_chart({"type": "column"})
    chart.add_series({"values": "=data!$A$4:$A$4"})
    book.add_chartsheet("chart").set_chart(chart)
    book.close()
    return path


def _loaded(path):
    with xl.no_size_scan():
        return load_workbook(path, read_only=True, rich_text=True)


def test_the_size_scan_hook_is_where_the_adapter_patches_it(tmp_path):
    assert callable(getattr(ReadOnlyWorksheet, "_get_size", None)), \
        "openpyxl changed: ReadOnlyWorksheet._get_size is gone (adapters.openpyxl.no_size_scan)"
    before = ReadOnlyWorksheet._get_size
    with xl.no_size_scan():
        assert ReadOnlyWorksheet._get_size is not before
    assert ReadOnlyWorksheet._get_size is before


def test_a_read_only_workbook_exposes_its_tables_as_the_reader_expects(tmp_path):
    wb = _loaded(_saved(tmp_path))
    try:
        assert list(xl.shared_strings(wb)) == ["shared text"], "openpyxl changed: ws._shared_strings"
        parts = [(ws.title, part) for ws, part in xl.sheet_parts(wb)]
        assert parts == [("data", "xl/worksheets/sheet1.xml"), ("chart", None)], \
            "openpyxl changed: wb._sheets / ws._worksheet_path"
        assert isinstance(xl.archive(wb), zipfile.ZipFile), "openpyxl changed: wb._archive"
        with xl.archive(wb).open(parts[0][1]) as sheet:
            assert b"<sheetData>" in sheet.read()
        ids = xl.style_format_ids(wb)
        assert all(isinstance(i, int) for i in ids), "openpyxl changed: wb._cell_styles[].numFmtId"
        custom = [xl.custom_formats(wb)[i - BUILTIN_FORMATS_MAX_SIZE] for i in ids if i >= BUILTIN_FORMATS_MAX_SIZE]
        assert "#,##0.0_);[Red](#,##0.0)" in custom, "openpyxl changed: wb._number_formats"
        dates, spans = xl.date_style_ids(wb), xl.timedelta_style_ids(wb)
        assert 1 in dates and spans == {2} <= dates, "openpyxl changed: wb._date_formats / _timedelta_formats"
    finally:
        wb.close()


def test_rich_text_is_parsed_from_an_inline_string_element():
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    tree = fromstring(f'<is xmlns="{ns}"><r><rPr><b/></rPr><t>太字</t></r><r><t>と普通</t></r></is>')
    text = xl.parse_richtext_string(tree)
    assert isinstance(text, CellRichText) and str(text) == "太字と普通", \
        "openpyxl changed: openpyxl.worksheet._reader.parse_richtext_string"


def test_the_default_font_is_font_zero_and_the_normal_styles_font():
    wb = Workbook()
    base = Font(name="Noto Sans JP", sz=9)
    xl.set_default_font(wb, base)
    wb.active["A1"] = "x"
    assert wb.active["A1"].font == base, "openpyxl changed: wb._fonts (font 0 is an unstyled cell's)"
    assert wb._named_styles["Normal"].font == base, "openpyxl changed: wb._named_styles"


def test_the_in_memory_writer_writes_what_openpyxl_saves(tmp_path):
    wb = Workbook()
    wb.active["A1"] = "x"
    chart = BarChart()
    wb.active.add_chart(chart, "C3")
    assert isinstance(chart, xl.ChartBase)
    wb.save(tmp_path / "openpyxl.xlsx")
    seen = []
    buffer = io.BytesIO()
    xl.write_workbook(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED), lambda ws, xml: seen.append(ws) or xml)
    assert seen == [wb.active]
    with zipfile.ZipFile(tmp_path / "openpyxl.xlsx") as theirs, zipfile.ZipFile(buffer) as ours:
        assert ours.namelist() == theirs.namelist(), "openpyxl changed: ExcelWriter's parts or their order"
        for name in ours.namelist():
            if name != "docProps/core.xml":  # carries the save time
                assert ours.read(name) == theirs.read(name), \
                    f"openpyxl changed: {name} differs from ExcelWriter.write_worksheet's (adapters.openpyxl._Writer)"


@pytest.mark.parametrize("name", ["_date_formats", "_timedelta_formats", "_number_formats", "_cell_styles",
                                  "_sheets", "_fonts", "_named_styles"])
def test_workbook_private_attributes_exist(name):
    assert hasattr(Workbook(), name), f"openpyxl changed: Workbook.{name} is gone (reportgen.adapters.openpyxl)"
