"""The appendix's small parts: safe cells, derived-column notes, names, rates in words,
page breaks that keep charts whole."""

from __future__ import annotations

import datetime as dt
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from reportgen.diagnostics import CellRef
from reportgen.model import Value
from reportgen.render.xlsx import pagebreaks, write_xlsx
from reportgen.render.xlsx.cells import looks_like_formula, write_text, write_value
from reportgen.render.xlsx.cover import rate_in_words
from reportgen.render.xlsx.derived import describe_formula
from reportgen.render.xlsx.layout import sheet_name, table_name
from reportgen.render.xlsx.package import save
from factories import contributions_table, make_document
from xlsx_richdoc import data_sheet, make_rich_document

XDR = {"xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"}


def _value(raw, fmt="General", text=None) -> Value:
    return Value(raw, fmt, text if text is not None else str(raw), CellRef("t", "A1"))


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", "＝1+1"])
def test_formula_like_text_is_a_quoted_string_cell(text):
    cell = Workbook().active["A1"]
    write_text(cell, text)
    assert looks_like_formula(text)
    assert cell.data_type == "s" and cell.value == text and cell.quotePrefix


def test_plain_text_has_no_quote_prefix_and_control_characters_are_dropped():
    cell = Workbook().active["A1"]
    write_text(cell, "アリババ\x01グループ")
    assert cell.value == "アリババグループ" and not cell.quotePrefix


def test_values_keep_type_and_format():
    ws = Workbook().active
    write_value(ws["A1"], _value(27.63, '#,##0.00"億元"'))
    write_value(ws["A2"], _value(dt.date(2020, 5, 15)))
    write_value(ws["A3"], _value(None, text=""))
    write_value(ws["A4"], _value("=SUM(A1:A2)"))
    assert ws["A1"].data_type == "n" and ws["A1"].number_format == '#,##0.00"億元"'
    assert ws["A2"].is_date and ws["A2"].number_format == "yyyy/mm/dd"  # General → a date format
    assert ws["A3"].value is None
    assert ws["A4"].data_type == "s"


def test_a_formula_is_described_with_column_names_and_rate_values():
    doc = make_document()
    table = contributions_table()
    assert describe_formula("=B2*CNY_JPY", table, doc.meta.rates) == "拠出額（億元） × 15（1 CNY = 15 JPY）"
    assert describe_formula("=ROUND($B$2/CNY_JPY,1)", table, doc.meta.rates) == "ROUND(拠出額（億元） ÷ 15（1 CNY = 15 JPY）,1)"
    assert describe_formula("=Z9+other!B2", table, doc.meta.rates) == "Z9 + other!B2"


def test_sheet_names_are_valid_unique_and_short():
    taken: set[str] = set()
    assert sheet_name("a/b:c", taken) == "a／b：c"  # Excel's forbidden characters, full-width
    assert sheet_name("A/B:C", taken) == "A／B：C(2)"  # sheet names clash ignoring case
    assert sheet_name("[x]*?\\", taken) == "［x］＊？＼"
    long = sheet_name("長" * 40, taken)
    assert len(long) == 31 and long.endswith("…") and len(sheet_name("長" * 40, taken)) == 31
    assert sheet_name("主な施策別の拠出額（2020年3月31日時点、支援物資の寄付は5月10日時点）", taken) == "主な施策別の拠出額"
    assert table_name(3, "事業 units-2020") == "T3_units2020" and table_name(1, "事業") == "T1_Data"


def test_rates_in_words():
    assert rate_in_words("CNY_JPY", _value(15, '0"円"', "15円")) == "1 CNY = 15 JPY"
    assert rate_in_words("USD_JPY", _value(107.5, "0.0", "107.5")) == "1 USD = 107.5 JPY"
    assert rate_in_words("rate", _value(2)) == "2"  # the internal name is never shown


def test_breaks_fall_before_a_block_that_would_cross_the_page():
    heights = [20.0] * 30
    assert pagebreaks.breaks(heights, [], page=1000) == []
    assert pagebreaks.breaks(heights, [], page=200) == [10, 20]
    # rows 8..14 belong together: the page ends before row 8 instead of after row 10
    assert pagebreaks.breaks(heights, [(8, 14)], page=200)[0] == 7
    # a repeated header row of 20 pt is printed again on every later page
    assert pagebreaks.breaks(heights, [], page=200, repeat=(4, 20.0)) == [10, 19, 28]


def test_a_narrower_sheet_prints_larger_so_a_page_holds_less():
    assert pagebreaks.page_height([20] * 3, landscape=True) < pagebreaks.page_height([40] * 6, landscape=True)
    assert pagebreaks.page_height([20] * 3, landscape=False) > pagebreaks.page_height([20] * 3, landscape=True)


def test_no_page_break_cuts_a_chart(tmp_path):
    path = tmp_path / "a.xlsx"
    write_xlsx(make_rich_document(), path)
    ws = data_sheet(openpyxl.load_workbook(path), "units")
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks  # three stacked charts do not fit one page
    with zipfile.ZipFile(path) as z:
        drawing = etree.fromstring(z.read("xl/drawings/drawing2.xml"))
    firsts = [int(r) + 1 for r in drawing.xpath("//xdr:from/xdr:row/text()", namespaces=XDR)]
    captions = [c.row for c in ws["A"] if c.value == "2020年3月31日時点"]  # charts below the table
    assert len(firsts) == len(captions) == 3
    for first, caption in zip(firsts, captions):
        assert not any(first <= b < caption for b in breaks), (first, caption, breaks)


def test_names_captions_and_headers_from_the_input_stay_text(tmp_path):
    import dataclasses
    from types import MappingProxyType

    from reportgen.model import RichText, TableBlock

    base = make_document()
    table = contributions_table()
    evil_cols = (dataclasses.replace(table.columns[0], name="-cmd"),) + table.columns[1:]
    evil = dataclasses.replace(table, name="+tbl", columns=evil_cols)
    doc = dataclasses.replace(
        base, blocks=(TableBlock(evil, RichText.of("=1+1"), CellRef("content", "C9")),),
        tables=MappingProxyType({evil.name: evil}), charts=MappingProxyType({}),
    )
    path = tmp_path / "evil.xlsx"
    write_xlsx(doc, path)
    wb = openpyxl.load_workbook(path)
    ws = data_sheet(wb, "+tbl")
    cover_link = next(c for row in wb["表紙"].iter_rows() for c in row if c.hyperlink)
    for cell in (ws["A1"], ws["A4"], cover_link):
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    assert (ws["A1"].value, ws["A4"].value, cover_link.value) == ("=1+1", "-cmd", "=1+1")  # named after the caption
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets and not any("<f>" in x or "<f " in x for x in sheets)


@settings(max_examples=60, deadline=None)
@given(prefix=st.sampled_from(["", "=", "+", "-", "@", "\t", "\r", "=HYPERLINK(", "=1+"]),
       text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_text_reads_back_as_the_same_text_never_a_formula(tmp_path_factory, prefix, text):
    wb = Workbook()
    write_text(wb.active["A1"], prefix + text)
    path = tmp_path_factory.mktemp("prop") / "t.xlsx"
    save(wb, path, dt.datetime(2020, 5, 15, 9))
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    cell = openpyxl.load_workbook(path).active["A1"]
    expected = ILLEGAL_CHARACTERS_RE.sub("", prefix + text)
    assert (cell.value or "") == expected
    assert cell.data_type == "s" or not expected


def test_control_characters_anywhere_in_the_input_are_dropped(tmp_path):
    import dataclasses
    from types import MappingProxyType

    from reportgen.model import ChartBlock, RichText, TableBlock

    bad = "\x07x\x1f\x0b&<>"
    base, table = make_document(), contributions_table()
    cols = tuple(dataclasses.replace(c, name=c.name + bad) for c in table.columns)
    rows = tuple(tuple(dataclasses.replace(v, raw=v.raw + bad) if isinstance(v.raw, str) else v for v in r)
                 for r in table.rows)
    table = dataclasses.replace(table, name="con\x07trib", columns=cols, rows=rows)
    chart = dataclasses.replace(base.charts["by_entity"], table=table, category=cols[0].name, series=(cols[1].name,),
                                title="題" + bad, unit="億元" + bad, caption="注" + bad, highlight=None)
    meta = dataclasses.replace(base.meta, title="T" + bad, organisation="O" + bad, source_note="N" + bad,
                               short_title="", keywords=("k" + bad,),
                               rates=MappingProxyType({"CNY_JPY" + bad: base.meta.rates["CNY_JPY"]}))
    ref = CellRef("content", "C1")
    doc = dataclasses.replace(base, meta=meta, blocks=(TableBlock(table, RichText.of("表" + bad), ref), ChartBlock(chart, ref)),
                              tables=MappingProxyType({table.name: table}), charts=MappingProxyType({"c": chart}))
    path = tmp_path / "ctl.xlsx"
    write_xlsx(doc, path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["表紙", "表x&<>"] and wb.properties.title == "Tx&<>"
    ws = data_sheet(wb, "con\x07trib")
    assert (ws["A1"].value, ws["A4"].value, ws["A5"].value) == ("表x&<>", "拠出主体x&<>", "アリババグループx&<>")
    with zipfile.ZipFile(path) as z:
        assert "題x&amp;&lt;&gt;" in z.read("xl/charts/chart1.xml").decode()


def test_a_table_without_rows_still_gives_a_valid_table_and_its_chart(tmp_path):
    import dataclasses
    from types import MappingProxyType

    from reportgen.model import ChartBlock, RichText, TableBlock

    base = make_document()
    table = dataclasses.replace(contributions_table(), rows=())
    chart = dataclasses.replace(base.charts["by_entity"], table=table, sort="desc")
    ref = CellRef("content", "C1")
    doc = dataclasses.replace(base, blocks=(TableBlock(table, RichText.of("空"), ref), ChartBlock(chart, ref)),
                              tables=MappingProxyType({table.name: table}), charts=MappingProxyType({"c": chart}))
    path = tmp_path / "empty.xlsx"
    write_xlsx(doc, path)
    (listed,) = data_sheet(openpyxl.load_workbook(path), "contributions").tables.values()
    assert listed.ref == "A4:C5"
    with zipfile.ZipFile(path) as z:
        assert [n for n in z.namelist() if n.startswith("xl/charts/")] == ["xl/charts/chart1.xml"]
