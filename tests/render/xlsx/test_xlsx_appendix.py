"""The XLSX appendix, read back with openpyxl and as XML: sheets, types, formats, tables,
charts, print set-up, widths, safety and reproducible bytes."""

from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from reportgen.render.xlsx import write_xlsx
from reportgen.render.xlsx.appendix import charts_of, used_tables
from reportgen.render.xlsx.cells import text_width
from reportgen.render.xlsx.cover import unlabelled
from factories import FMT_YEN, FMT_YUAN, make_document
from xlsx_richdoc import FMT_DATE, INJECTIONS, LONG_TEXT, data_sheet, make_rich_document

SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@pytest.fixture(scope="module")
def rich_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "appendix.xlsx"
    write_xlsx(make_rich_document(), path)
    return path


@pytest.fixture(scope="module")
def wb(rich_path):
    return openpyxl.load_workbook(rich_path)


def _zip_text(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


def _names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return z.namelist()


def test_it_has_a_cover_then_one_sheet_per_used_table_in_document_order(wb):
    assert wb.sheetnames == ["表紙", "拠出主体別の拠出額", "事業別の件数", "share_pieのグラフ"]  # captions, else chart titles
    assert all(ws.sheet_state == "visible" for ws in wb.worksheets)
    assert wb.active.title == "表紙"


def test_a_label_the_text_repeats_is_said_once():
    assert unlabelled("出典：アリババグループ", "出典") == "アリババグループ"
    assert unlabelled("出典: 社内調査", "出典") == "社内調査"
    assert unlabelled("出典はアリババグループ", "出典") == "出典はアリババグループ"
    assert unlabelled("アリババグループ（出典：IR）", "出典") == "アリババグループ（出典：IR）"


def test_the_cover_states_title_organisation_date_source_and_rates(wb):
    cover = wb["表紙"]
    texts = [c.value for row in cover.iter_rows() for c in row if c.value is not None]
    doc = make_rich_document()
    assert doc.meta.title in texts and doc.meta.organisation in texts
    source_row = next(row for row in cover.iter_rows() if row[0].value == "出典")
    assert doc.meta.source_note == "出典：アリババグループ"
    assert source_row[1].value == "アリババグループ"  # the label is not said twice
    assert dt.datetime(2020, 5, 15) in texts
    rate_row = next(row for row in cover.iter_rows() if row[0].value == "為替レート")
    assert rate_row[1].value == 15 and rate_row[1].data_type == "n"
    assert rate_row[2].value == "1 CNY = 15 JPY"


def test_the_cover_links_every_data_sheet_inside_the_workbook(wb, rich_path):
    links = {c.value: c.hyperlink for row in wb["表紙"].iter_rows() for c in row if c.hyperlink}
    assert set(links) == {"拠出主体別の拠出額", "事業別の件数", "share_pieのグラフ"}
    assert links["事業別の件数"].location == "'事業別の件数'!A1"
    assert not any(link.target for link in links.values())
    assert "xl/worksheets/_rels/sheet1.xml.rels" not in _names(rich_path)  # no external targets
    counts = {row[0].value: row[3] for row in wb["表紙"].iter_rows() if row[0].value in links}
    assert all(c.data_type == "n" and c.number_format == "#,##0" for c in counts.values())
    assert counts["拠出主体別の拠出額"].value == len(make_rich_document().tables["contributions"].rows)


def test_numbers_and_dates_keep_their_types_and_source_formats(wb):
    ws = data_sheet(wb, "contributions")
    assert ws["A4"].value == "拠出主体" and ws["B4"].value == "拠出額（億元）"
    assert ws["B5"].value == 27.63 and ws["B5"].data_type == "n" and ws["B5"].number_format == FMT_YUAN
    assert ws["C5"].data_type == "n" and ws["C5"].number_format == FMT_YEN
    assert ws["C5"].value == pytest.approx(27.63 * 15)
    units = data_sheet(wb, "units")
    assert units["C5"].is_date and units["C5"].value == dt.datetime(2020, 3, 2)
    assert units["C5"].number_format == FMT_DATE
    assert units["D5"].value == 230 and units["D5"].number_format == '#,##0"万件"'


def test_a_derived_column_is_a_value_with_a_note_stating_its_formula(wb):
    ws = data_sheet(wb, "contributions")
    notes = [c.value for c in ws["A"] if isinstance(c.value, str) and c.value.startswith("※")]
    assert "※ 拠出額（億円）: 算出値 = 拠出額（億元） × 15（1 CNY = 15 JPY）" in notes
    assert not any(isinstance(c.value, str) and c.value.startswith("※") for c in data_sheet(wb, "share")["A"])


def test_each_data_sheet_is_an_excel_table_with_style_and_autofilter(wb):
    names = set()
    for title, ref in (("拠出主体別の拠出額", "A4:C6"), ("事業別の件数", "A4:E15"), ("share_pieのグラフ", "A4:B8")):
        (table,) = wb[title].tables.values()
        assert table.ref == ref and table.autoFilter.ref == ref
        assert table.tableStyleInfo.name == "TableStyleMedium2" and table.tableStyleInfo.showRowStripes
        assert re.fullmatch(r"T\d+_[A-Za-z0-9_]+", table.displayName)
        names.add(table.displayName)
    assert len(names) == 3
    headers = [c.name for c in data_sheet(wb, "units").tables[next(iter(data_sheet(wb, "units").tables))].tableColumns]
    assert headers == ["事業", "説明", "開始日", "2019年", "2020年"]


def test_the_header_row_is_styled_and_frozen(wb):
    ws = data_sheet(wb, "units")
    assert ws.freeze_panes == "A5"
    header = ws["A4"]
    assert header.font.b and header.font.name == "BIZ UDPGothic"
    assert header.fill.fgColor.rgb == "FF1F3A5F"


def test_text_width_is_in_digit_widths_of_the_font_and_east_asian_aware():
    assert text_width("0000") == 4.0  # the unit is the font's digit width
    assert text_width("漢字") == pytest.approx(2 / 0.76, abs=0.01)  # BIZ UDPGothic: 1 em vs 0.76 em
    assert text_width("漢字") > text_width("ab") * 1.4
    # characters neither bundled font has: the East Asian rule, wide = 1 em, narrow = 0.5 em
    assert text_width("\U00020000") == pytest.approx(2 * text_width("\u0900"))
    assert text_width("長い行\n短") == text_width("長い行")


def test_widths_fit_the_content_and_long_text_wraps(wb):
    ws = data_sheet(wb, "contributions")
    widest = max(text_width("アリババグループ"), text_width("拠出主体") * 1.05 + 2)
    assert ws.column_dimensions["A"].width == math.ceil(widest + 2)
    units = data_sheet(wb, "units")
    assert units.column_dimensions["B"].width == 44  # capped: the long text wraps instead
    assert units["B5"].value == LONG_TEXT and units["B5"].alignment.wrap_text
    assert units.row_dimensions[5].height > 18
    assert not units["B6"].alignment.wrap_text


def test_every_sheet_is_set_up_for_a4_printing(wb):
    for ws in wb.worksheets:
        assert ws.page_setup.paperSize == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert "新型コロナ対策支援" in ws.oddHeader.center.text
        assert ws.oddFooter.center.text == "&P / &N"
    assert wb["表紙"].page_setup.orientation == "portrait"
    assert data_sheet(wb, "units").page_setup.orientation == "landscape"
    assert data_sheet(wb, "units").print_title_rows == "$4:$4"


def test_the_workbook_default_font_is_biz_udpgothic(rich_path):
    styles = _zip_text(rich_path, "xl/styles.xml")
    first_font = re.search(r"<fonts[^>]*>\s*<font>(.*?)</font>", styles, re.S).group(1)
    assert 'val="BIZ UDPGothic"' in first_font
    assert re.search(r'<cellStyle name="Normal" xfId="0"', styles)
    normal_xf = re.search(r"<cellStyleXfs[^>]*>\s*<xf ([^>]*)", styles).group(1)
    assert 'fontId="0"' in normal_xf
    assert "Calibri" not in styles


def test_document_properties_come_from_the_document(wb):
    doc = make_rich_document()
    props = wb.properties
    assert props.title == doc.meta.title and props.creator == doc.meta.organisation
    assert props.created == props.modified == doc.created
    assert props.language == "ja-JP"


def test_strings_that_look_like_formulas_stay_text(wb, rich_path):
    ws = data_sheet(wb, "units")
    column = [c.value for c in ws["A"][4:15]]
    for text in INJECTIONS:
        assert text in column
    for cell in ws["A"][4:15]:
        assert cell.data_type == "s"
        if cell.value.startswith(("=", "+", "-", "@", "\t", "\r")):
            assert cell.quotePrefix
    for name in _names(rich_path):
        if name.startswith("xl/worksheets/sheet"):
            assert "<f>" not in _zip_text(rich_path, name) and "<f " not in _zip_text(rich_path, name)


def test_it_has_no_macros_external_links_or_hidden_parts(rich_path):
    names = _names(rich_path)
    assert not any("vba" in n.lower() or "externalLink" in n for n in names)
    content_types = _zip_text(rich_path, "[Content_Types].xml")
    assert "macroEnabled" not in content_types
    assert 'state="hidden"' not in _zip_text(rich_path, "xl/workbook.xml")


def test_the_same_document_gives_the_same_bytes(tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_xlsx(make_rich_document(), a)
    write_xlsx(make_rich_document(), b)
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        assert {info.date_time for info in z.infolist()} == {(2020, 5, 15, 9, 0, 0)}


def test_the_sample_sized_appendix_is_small(tmp_path):
    path = tmp_path / "small.xlsx"
    write_xlsx(make_document(), path)
    assert path.stat().st_size < 100_000


def test_used_tables_and_their_charts():
    doc = make_rich_document()
    assert [t.name for t in used_tables(doc)] == ["contributions", "units", "share"]
    assert [s.id for s in charts_of(doc, doc.tables["units"])] == ["units_barh", "units_stacked", "units_line"]


def test_the_office_theme_carries_our_font_and_palette(rich_path):
    theme = _zip_text(rich_path, "xl/theme/theme1.xml")
    minor = re.search(r"<a:minorFont>(.*?)</a:minorFont>", theme, re.S).group(1)
    assert '<a:latin typeface="BIZ UDPGothic"/>' in minor and '<a:ea typeface="BIZ UDPGothic"/>' in minor
    assert '<a:font script="Jpan" typeface="BIZ UDPGothic"/>' in minor
    accent1 = re.search(r"<a:accent1>\s*<a:srgbClr val=\"(\w+)\"", theme).group(1)
    assert "#" + accent1 == make_rich_document().theme.palette[0]
