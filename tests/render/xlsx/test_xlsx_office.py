"""The appendix as Japanese office users expect it (issue 17): sheet tabs named after the
tables, charts that read the Excel Table (sorted with it, or from a labelled copy) and
carry cached values, charts below the tables, headline figures and contact on the cover,
shared strings, styles in schema order, no internal names, no float artefacts, no empty
protection or forced recalculation, and the appendix's own file name."""

from __future__ import annotations

import dataclasses
import re
import zipfile
from pathlib import Path
from types import MappingProxyType

import openpyxl
import pytest
from lxml import etree
from openpyxl.utils import range_boundaries

from factories import make_document
from reportgen.diagnostics import CellRef
from reportgen.model import ChartBlock, RichText, TableBlock
from reportgen.render.xlsx import write_xlsx
from reportgen.render.xlsx.cells import stored_number
from reportgen.render.xlsx.parts import FONT_ORDER
from xlsx_richdoc import data_sheet, make_rich_document

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS = {"m": MAIN, "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"}


@pytest.fixture(scope="module")
def rich(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("office") / "rich.xlsx"
    write_xlsx(make_rich_document(), path)
    return path


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_text_cells_are_shared_strings(rich):
    files = parts(rich)
    sheets = [n for n in files if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]
    assert sheets and not any(b'inlineStr' in files[n] for n in sheets)
    sst = etree.fromstring(files["xl/sharedStrings.xml"])
    unique = int(sst.get("uniqueCount"))
    assert unique == len(sst) > 10
    for name in sheets:
        for v in etree.fromstring(files[name]).xpath("//m:c[@t='s']/m:v/text()", namespaces=NS):
            assert int(v) < unique
    assert b"/xl/sharedStrings.xml" in files["[Content_Types].xml"]
    assert b'Target="sharedStrings.xml"' in files["xl/_rels/workbook.xml.rels"]
    assert data_sheet(openpyxl.load_workbook(rich), "contributions")["A1"].value == "拠出主体別の拠出額"


def test_styles_fonts_are_in_schema_order(rich):
    styles = etree.fromstring(parts(rich)["xl/styles.xml"])
    rank = {tag.decode(): i for i, tag in enumerate(FONT_ORDER)}
    fonts = styles.xpath("//m:fonts/m:font", namespaces=NS)
    assert fonts
    for font in fonts:
        order = [rank[etree.QName(child).localname] for child in font]
        assert order == sorted(order)


def test_no_empty_protection_and_no_recalculation_on_load(rich):
    workbook = etree.fromstring(parts(rich)["xl/workbook.xml"])
    assert workbook.xpath("//m:workbookProtection", namespaces=NS) == []
    assert workbook.xpath("//m:calcPr/@fullCalcOnLoad", namespaces=NS) in ([], ["0"])
    assert not any(b"<f>" in blob or b"<f " in blob for name, blob in parts(rich).items() if "worksheets" in name)


def test_floats_are_stored_as_the_source_shows_them():
    assert stored_number(27.63 * 15) == 414.45 and repr(stored_number(65.84999999999999)) == "65.85"
    assert stored_number(1 / 3) == 0.333333333333333 and stored_number(7) == 7


def test_no_stored_float_has_binary_artefacts(rich):
    for name, blob in parts(rich).items():
        if name.startswith(("xl/worksheets/", "xl/charts/")):
            for v in re.findall(rb"<(?:c:)?v>(-?\d+\.\d+)</(?:c:)?v>", blob):
                assert len(v.split(b".")[1]) <= 15 and float(v) == stored_number(float(v)), (name, v)


def test_sheet_tabs_are_captions_or_sheet_titles_and_the_cover_follows(tmp_path):
    base = make_rich_document()
    blocks = tuple(dataclasses.replace(b, sheet_title="件数/事業:別") if isinstance(b, TableBlock)
                   and b.table.name == "units" else b for b in base.blocks)
    path = tmp_path / "titled.xlsx"
    write_xlsx(dataclasses.replace(base, blocks=blocks), path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["表紙", "拠出主体別の拠出額", "件数／事業：別", "share_pieのグラフ"]
    links = {c.value: c.hyperlink.location for row in wb["表紙"].iter_rows() for c in row if c.hyperlink}
    assert links == {name: f"'{name}'!A1" for name in wb.sheetnames[1:]}
    assert all(len(name) <= 31 for name in wb.sheetnames)


def _charts(path: Path) -> list[tuple[str, etree._Element]]:
    return [(n, etree.fromstring(b)) for n, b in parts(path).items() if n.startswith("xl/charts/chart")]


def _inside(ref: str, table_ref: str) -> bool:
    sheet_range = ref.split("!")[1].replace("$", "")
    lo_c, lo_r, hi_c, hi_r = range_boundaries(sheet_range)
    t_lo_c, t_lo_r, t_hi_c, t_hi_r = range_boundaries(table_ref)
    return t_lo_c <= lo_c and hi_c <= t_hi_c and t_lo_r <= lo_r and hi_r <= t_hi_r


def test_every_chart_carries_its_values_and_categories_as_caches(rich):
    for name, chart in _charts(rich):
        for ser in chart.xpath("//c:ser", namespaces=NS):
            values = ser.xpath("c:val/c:numRef/c:numCache", namespaces=NS)
            cats = ser.xpath("c:cat//c:strCache | c:cat//c:numCache", namespaces=NS)
            title = ser.xpath("c:tx/c:strRef/c:strCache/c:pt/c:v/text()", namespaces=NS)
            assert values and cats and title, name
            count = int(values[0].xpath("c:ptCount/@val", namespaces=NS)[0])
            assert count == int(cats[0].xpath("c:ptCount/@val", namespaces=NS)[0]) > 0
            assert len(values[0].xpath("c:pt", namespaces=NS)) == count


def test_charts_read_the_excel_table_and_a_copy_only_when_orders_disagree(rich):
    wb = openpyxl.load_workbook(rich)
    contributions, units = data_sheet(wb, "contributions"), data_sheet(wb, "units")
    (c_table,) = contributions.tables.values()
    (u_table,) = units.tables.values()
    refs = {n: c.xpath("//c:ser/c:val/c:numRef/c:f/text()", namespaces=NS) for n, c in _charts(rich)}
    in_table = [r for rs in refs.values() for r in rs if r.startswith(f"'{contributions.title}'")]
    assert in_table and all(_inside(r, c_table.ref) for r in in_table)
    # units: the stacked and line charts keep the workbook's order, the bar chart is sorted:
    # the Table keeps the workbook's order and the bar chart reads a labelled copy
    unit_refs = [r for rs in refs.values() for r in rs if r.startswith(f"'{units.title}'")]
    outside = [r for r in unit_refs if not _inside(r, u_table.ref)]
    assert len(outside) == 1 and len(unit_refs) == 1 + 2 + 2
    notes = [c.value for c in units["A"] if isinstance(c.value, str) and c.value.startswith("グラフ用データ")]
    assert len(notes) == 1 and "写し" in notes[0]


def test_a_table_whose_charts_agree_is_sorted_itself(tmp_path):
    base = make_document()
    table = base.tables["contributions"]
    chart = dataclasses.replace(base.charts["by_entity"], sort="asc")
    ref = CellRef("content", "C1")
    doc = dataclasses.replace(base, blocks=(TableBlock(table, RichText.of("拠出"), ref), ChartBlock(chart, ref)),
                              charts=MappingProxyType({"by_entity": chart}))
    path = tmp_path / "sorted.xlsx"
    write_xlsx(doc, path)
    ws = openpyxl.load_workbook(path)["拠出"]
    values = [ws.cell(r, 2).value for r in range(5, 5 + len(table.rows))]
    assert values == sorted(values) and values != [row[1].raw for row in table.rows]
    (listed,) = ws.tables.values()
    ((_, chart_xml),) = _charts(path)
    assert all(_inside(r, listed.ref) for r in chart_xml.xpath("//c:f/text()", namespaces=NS) if ":" in r)
    texts = " ".join(str(c.value) for c in ws["A"] if c.value)
    assert "昇順に並べています" in texts and "グラフ用データ" not in texts


def test_charts_sit_below_their_table(rich):
    wb = openpyxl.load_workbook(rich)
    files = parts(rich)
    for index, ws in enumerate(wb.worksheets[1:], start=1):
        (listed,) = ws.tables.values()
        _, _, _, last = range_boundaries(listed.ref)
        drawing = etree.fromstring(files[f"xl/drawings/drawing{index}.xml"])
        cols = drawing.xpath("//xdr:from/xdr:col/text()", namespaces=NS)
        rows = drawing.xpath("//xdr:from/xdr:row/text()", namespaces=NS)
        assert cols and set(cols) == {"0"} and min(int(r) for r in rows) + 1 > last


def test_no_internal_names_reach_the_reader(rich):
    text = parts(rich)["xl/sharedStrings.xml"].decode()
    assert "CNY_JPY" not in text and "1 CNY = 15 JPY" in text


def test_the_cover_gives_the_headline_figures_and_the_contact(tmp_path):
    doc = make_document()
    path = tmp_path / "cover.xlsx"
    write_xlsx(doc, path)
    cover = openpyxl.load_workbook(path)["表紙"]
    cells = [c for row in cover.iter_rows() for c in row if c.value is not None]
    texts = [str(c.value) for c in cells]
    assert "主な数値" in texts
    kpis = [k for b in doc.blocks if hasattr(b, "items") and b.__class__.__name__ == "KpiRow" for k in b.items]
    for kpi in kpis:
        figure = next(c for c in cells if c.value == pytest.approx(stored_number(kpi.value.raw)))
        assert figure.number_format == kpi.value.number_format
        assert kpi.label.plain in texts
    contact = next(b for b in doc.blocks if b.__class__.__name__ == "ContactBox")
    assert all(line.plain in texts for line in contact.lines)


def test_the_appendix_file_name_comes_from_meta():
    meta = make_document().meta
    assert meta.file_name("xlsx") == "factsheet-appendix.xlsx" and meta.file_name("docx") == "factsheet.docx"
    assert dataclasses.replace(meta, appendix_name="付録").file_name("xlsx") == "付録.xlsx"


def test_a_bad_appendix_name_is_located(tmp_path):
    from wbfactory import META, make_workbook

    from reportgen.diagnostics import ReportError
    from reportgen.workbook import read_workbook

    book = make_workbook(tmp_path / "b.xlsx", meta=[*META, ("appendix_name", "../x")])
    with pytest.raises(ReportError) as info:
        read_workbook(book)
    assert "meta!B5: appendix_name '../x' must be a plain file stem" in str(info.value)
