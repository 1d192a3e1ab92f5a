"""Native charts in the appendix, read as chart XML: one per chart spec of a used table,
the theme font as latin and East Asian typeface, value-only data labels, the PDF's order
and colours, and data ranges on the appendix's own cells."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest
from lxml import etree

from reportgen.render.xlsx import write_xlsx
from reportgen.render.xlsx.appendix import charts_of, used_tables
from xlsx_richdoc import make_rich_document

NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"}
FLAGS_OFF = ("showLegendKey", "showCatName", "showSerName", "showPercent", "showBubbleSize")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsx") / "appendix.xlsx"
    doc = make_rich_document()
    write_xlsx(doc, path)
    with zipfile.ZipFile(path) as z:
        parts = {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xml")}
    charts = {_title(tree): tree for name, tree in parts.items() if name.startswith("xl/charts/")}
    return doc, path, parts, charts


def _title(tree) -> str:
    return "".join(tree.xpath("/c:chartSpace/c:chart/c:title//a:t/text()", namespaces=NS))


def _val(tree, xpath: str) -> list[str]:
    return tree.xpath(xpath + "/@val", namespaces=NS)


def test_one_native_chart_per_chart_spec_of_a_used_table(built):
    doc, _, parts, charts = built
    specs = [s for t in used_tables(doc) for s in charts_of(doc, t)]
    assert len(specs) == 6 and sorted(charts) == sorted(s.title for s in specs)
    frames = [len(tree.xpath("//xdr:graphicFrame", namespaces=NS))
              for name, tree in sorted(parts.items()) if name.startswith("xl/drawings/drawing")]
    assert frames == [1, 3, 2]


def test_every_chart_text_names_the_theme_font_as_latin_and_east_asian(built):
    _, _, _, charts = built
    for title, tree in charts.items():
        props = tree.xpath("//a:defRPr | //a:rPr | //a:endParaRPr", namespaces=NS)
        assert props, title
        for p in props:
            assert p.xpath("a:ea/@typeface", namespaces=NS) == ["BIZ UDPGothic"], title
            assert p.xpath("a:latin/@typeface", namespaces=NS) == ["BIZ UDPGothic"], title
        for owner in ("c:title", "c:catAx", "c:valAx", "c:dLbls", "c:legend"):
            for element in tree.xpath(f"//{owner}", namespaces=NS):
                assert element.xpath(".//a:ea", namespaces=NS), (title, owner)


def test_data_labels_show_the_value_only_in_the_column_format(built):
    _, _, _, charts = built
    for title, tree in charts.items():
        for dlbls in tree.xpath("//c:ser/c:dLbls", namespaces=NS):
            assert _val(dlbls, "c:showVal") == ["1"], title
            for flag in FLAGS_OFF:
                assert _val(dlbls, f"c:{flag}") == ["0"], (title, flag)
    by_entity = charts["拠出主体別の拠出額"]
    assert by_entity.xpath("//c:dLbls/c:numFmt/@formatCode", namespaces=NS) == ['#,##0.00"億元"']
    # bars carry their values, so (as in the PDF) their value scale is hidden; lines keep it
    assert by_entity.xpath("//c:valAx/c:numFmt/@formatCode", namespaces=NS) == [";;;"]
    assert not by_entity.xpath("//c:valAx/c:majorGridlines", namespaces=NS)
    line = charts["units_lineのグラフ"]
    assert line.xpath("//c:valAx/c:numFmt/@formatCode", namespaces=NS) == ['#,##0"万件"']
    assert line.xpath("//c:valAx/c:majorGridlines", namespaces=NS)


def test_types_match_the_specs(built):
    _, _, _, charts = built
    assert _val(charts["拠出主体別の拠出額"], "//c:barChart/c:barDir") == ["col"]
    assert _val(charts["事業別の件数（降順）"], "//c:barChart/c:barDir") == ["bar"]
    stacked = charts["units_stackedのグラフ"]
    assert _val(stacked, "//c:barChart/c:grouping") == ["stacked"] and _val(stacked, "//c:overlap") == ["100"]
    assert charts["units_lineのグラフ"].xpath("//c:lineChart", namespaces=NS)
    assert _val(charts["units_lineのグラフ"], "//c:ser/c:smooth") == ["0", "0"]
    assert charts["share_pieのグラフ"].xpath("//c:pieChart", namespaces=NS)
    assert charts["share_donutのグラフ"].xpath("//c:doughnutChart", namespaces=NS)


def test_the_highlighted_category_takes_the_accent_colour(built):
    doc, _, _, charts = built
    tree = charts["拠出主体別の拠出額"]
    assert tree.xpath("//c:ser/c:spPr/a:solidFill/a:srgbClr/@val", namespaces=NS) == ["1F3A5F"]
    assert _val(tree, "//c:dPt/c:idx") == ["0"]  # アリババグループ, the highlight
    assert tree.xpath("//c:dPt/c:spPr/a:solidFill/a:srgbClr/@val", namespaces=NS) == ["E8590C"]
    stacked = charts["units_stackedのグラフ"]
    assert stacked.xpath("//c:ser/c:spPr/a:solidFill/a:srgbClr/@val", namespaces=NS) == list(
        c.lstrip("#") for c in doc.theme.palette[:2])


def test_charts_read_the_appendix_own_cells(built):
    _, _, _, charts = built
    tree = charts["拠出主体別の拠出額"]
    assert tree.xpath("//c:ser/c:val/c:numRef/c:f/text()", namespaces=NS) == ["'拠出主体別の拠出額'!$B$5:$B$6"]
    assert tree.xpath("//c:ser/c:cat/c:strRef/c:f/text()", namespaces=NS) == ["'拠出主体別の拠出額'!$A$5:$A$6"]
    assert tree.xpath("//c:ser/c:tx/c:strRef/c:f/text()", namespaces=NS) == ["'拠出主体別の拠出額'!B4"]


def test_horizontal_bars_run_top_down_in_the_pdf_order(built):
    doc, path, _, charts = built
    tree = charts["事業別の件数（降順）"]
    assert _val(tree, "//c:catAx/c:scaling/c:orientation") == ["maxMin"]
    assert _val(tree, "//c:valAx/c:crosses") == ["max"]
    (ref,) = tree.xpath("//c:ser/c:cat/c:strRef/c:f/text()", namespaces=NS)
    sheet, cells = ref.split("!")
    ws = openpyxl.load_workbook(path)[sheet.strip("'")]
    shown = [row[0].value for row in ws[cells.replace("$", "")]]
    assert shown == list(doc.charts["units_barh"].categories())
    assert shown[0] == "\r=2+2"  # the largest 2020 figure comes first, as in the PDF


def test_the_unit_label_is_an_upright_value_axis_title(built):
    _, _, _, charts = built
    tree = charts["拠出主体別の拠出額"]
    assert tree.xpath("//c:valAx/c:title//a:t/text()", namespaces=NS) == ["単位：億元"]
    assert tree.xpath("//c:valAx/c:title//a:bodyPr/@rot", namespaces=NS) == ["0"]


def test_chart_options_reach_the_native_charts(tmp_path):
    """The same decisions as the PDF where chart XML can hold them: shares on pie slices,
    the scale option as display units with the unit title naming it, axis limits, no legend."""
    from dataclasses import replace

    from reportgen.model import ChartOptions

    doc = make_rich_document()
    changed = {cid: replace(spec, options=ChartOptions(scale="万", min=0, max=5e4, legend="none", labels=False))
               if spec.kind == "stacked" else spec for cid, spec in doc.charts.items()}
    changed["by_entity"] = replace(changed["by_entity"], kind="pie")
    path = tmp_path / "appendix.xlsx"
    write_xlsx(replace(doc, charts=changed, blocks=tuple(
        replace(b, chart=changed[b.chart.id]) if hasattr(b, "chart") else b for b in doc.blocks)), path)
    with zipfile.ZipFile(path) as z:
        trees = [etree.fromstring(z.read(n)) for n in z.namelist() if n.startswith("xl/charts/chart")]
    charts = {_title(t): t for t in trees}
    pie = charts["拠出主体別の拠出額"]
    assert _val(pie, "//c:ser/c:dLbls/c:showPercent") == ["1"] and _val(pie, "//c:ser/c:dLbls/c:showVal") == ["1"]
    stacked = next(t for t in trees if t.xpath("//c:grouping[@val='stacked']", namespaces=NS))
    assert _val(stacked, "//c:valAx/c:dispUnits/c:builtInUnit") == ["tenThousands"]
    assert _val(stacked, "//c:valAx/c:scaling/c:max") == ["50000"]
    assert not stacked.xpath("//c:legend", namespaces=NS) and not stacked.xpath("//c:ser/c:dLbls", namespaces=NS)
    assert "単位：万件" in "".join(stacked.xpath("//c:valAx/c:title//a:t/text()", namespaces=NS))
