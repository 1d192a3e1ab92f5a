"""The DOCX's XML: styles rather than direct formatting, Japanese set up in defaults and
styles, real lists, fields, pictures with alt text, repeating table headers, links."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PIL import Image

from docx_helpers import ALT_TEXT, NS, Docx, chart_images, chart_png, write_docx
from reportgen.diagnostics import CellRef, ReportError
from reportgen.model import ImageBlock, RichText

DOC = "word/document.xml"
STYLES = "word/styles.xml"
W = "{%s}" % NS["w"]


def body_styles(built) -> list[str]:
    return built.xpath(DOC, "//w:body//w:p/w:pPr/w:pStyle/@w:val")


def test_every_body_paragraph_has_a_named_style(built):
    paragraphs = built.xpath(DOC, "//w:body//w:p")
    assert paragraphs and all(p.find(f"{W}pPr/{W}pStyle") is not None for p in paragraphs)


def test_every_block_type_uses_its_style(built):
    used = set(body_styles(built))
    expected = {"Title", "Subtitle", "PartLabel", "Heading1", "ChapterSubtitle", "Heading2",
                "Heading3", "Lead", "Headline", "BodyText", "Quote", "ListNumber", "ListBullet",
                "Note", "FigureTitle", "Figure", "Caption", "TableCaption", "ContactTitle", "Contact", "KPIFigure", "KPILabel",
                "TableHeader", "TableHeaderNumber", "TableText", "TableNumber"}
    assert expected <= used, expected - used
    tables = built.xpath(DOC, "//w:tbl/w:tblPr/w:tblStyle/@w:val")
    assert tables == ["KPICards", "FactTable"]


def test_body_runs_carry_no_font_size_or_font_of_their_own(built):
    """Sizes come from styles (a KPI row's figures too, when they fit); the only run fonts
    are the fallback runs and the figures of table number and date columns (fixed-width digits)."""
    assert built.xpath(DOC, "//w:body//w:r/w:rPr/w:sz") == []
    fonts = set(built.xpath(DOC, "//w:body//w:r/w:rPr/w:rFonts/@w:eastAsia"))
    assert fonts == {"Droid Sans Fallback", "BIZ UDGothic"}
    figures = built.xpath(DOC, "//w:tbl//w:r[w:rPr/w:rFonts/@w:eastAsia='BIZ UDGothic']/w:t/text()")
    assert figures and all(any(ch.isdigit() for ch in t) for t in figures)


def test_doc_defaults_are_japanese(built):
    rpr = built.xpath(STYLES, "/w:styles/w:docDefaults/w:rPrDefault/w:rPr")[0]
    fonts = rpr.find(f"{W}rFonts")
    assert {fonts.get(f"{W}{k}") for k in ("ascii", "hAnsi", "eastAsia", "cs")} == {"BIZ UDPGothic"}
    assert rpr.find(f"{W}lang").get(f"{W}eastAsia") == "ja-JP"
    ppr = built.xpath(STYLES, "/w:styles/w:docDefaults/w:pPrDefault/w:pPr")[0]
    for rule in ("kinsoku", "autoSpaceDE", "autoSpaceDN"):
        assert ppr.find(f"{W}{rule}").get(f"{W}val") == "1"


def test_every_style_names_the_east_asian_font_and_no_theme_font(built):
    styles = built.xpath(STYLES, "//w:style")
    assert len(styles) > 30
    for style in styles:
        fonts = style.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None and fonts.get(f"{W}eastAsia") == "BIZ UDPGothic", style.get(f"{W}styleId")
    theme_attrs = built.xpath(STYLES, "//w:rFonts/@w:asciiTheme | //w:rFonts/@w:eastAsiaTheme"
                                      " | //w:rFonts/@w:hAnsiTheme | //w:rFonts/@w:cstheme")
    assert theme_attrs == []


def test_body_is_justified_and_headings_stay_with_the_next_paragraph(built):
    def style(sid):
        return built.xpath(STYLES, f"//w:style[@w:styleId='{sid}']")[0]

    assert style("BodyText").find(f"{W}pPr/{W}jc").get(f"{W}val") == "both"
    for sid in ("Heading1", "Heading2", "Heading3", "Headline"):
        assert style(sid).find(f"{W}pPr/{W}keepNext") is not None
    section = style("Heading2").find(f"{W}pPr/{W}pBdr/{W}left")
    assert section.get(f"{W}color") == "1F3A5F"
    assert style("Heading2").find(f"{W}rPr/{W}sz").get(f"{W}val") == "27"  # 13.5 pt


def test_lists_are_real_numbering_restarted_per_block(built):
    numbering = "word/numbering.xml"
    formats = built.xpath(numbering, "//w:abstractNum/w:lvl/w:numFmt/@w:val")
    assert sorted(formats) == ["bullet", "decimal"]
    numbered = built.xpath(DOC, "//w:p[w:pPr/w:pStyle/@w:val='ListNumber']/w:pPr/w:numPr/w:numId/@w:val")
    bullets = built.xpath(DOC, "//w:p[w:pPr/w:pStyle/@w:val='ListBullet']/w:pPr/w:numPr/w:numId/@w:val")
    assert len(numbered) == 2 and len(set(numbered)) == 1 and len(bullets) == 1
    assert numbered[0] != bullets[0]
    start = built.xpath(numbering, f"//w:num[@w:numId='{numbered[0]}']/w:lvlOverride/w:startOverride/@w:val")
    assert start == ["1"]
    texts = built.xpath(DOC, "//w:p[w:pPr/w:pStyle/@w:val='ListNumber']//w:t/text()")
    assert not any(t.lstrip()[:1].isdigit() for t in texts)  # numbers are not typed


def test_footer_has_page_and_numpages_fields(built):
    footers = [n for n in built.names() if n.startswith("word/footer")]
    assert len(footers) == 2
    for name in footers:
        instructions = [t.strip() for t in built.xpath(name, "//w:instrText/text()")]
        assert instructions == ["PAGE", "NUMPAGES"]
        kinds = built.xpath(name, "//w:fldChar/@w:fldCharType")
        assert kinds == ["begin", "separate", "end"] * 2
        assert "出典：アリババグループ" in "".join(built.xpath(name, "//w:t/text()"))


def test_first_page_band_and_running_header(built):
    assert built.xpath(DOC, "//w:sectPr/w:titlePg")
    texts = {n: "".join(built.xpath(n, "//w:t/text()")) for n in built.names() if n.startswith("word/header")}
    assert sorted(texts.values()) == sorted(["アリババグループニュースリリース　2020年5月15日",
                                             "アリババグループ・新型コロナ対策支援"])
    band = [n for n, t in texts.items() if t.startswith("アリババグループニュース")][0]
    assert built.xpath(band, "//w:pStyle/@w:val") == ["HeaderBand"] and built.xpath(band, "//w:tab")


def test_page_is_a4_with_theme_margins(built):
    size = built.xpath(DOC, "//w:sectPr/w:pgSz")[0]
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")
    margins = built.xpath(DOC, "//w:sectPr/w:pgMar")[0]
    assert [margins.get(f"{W}{k}") for k in ("top", "bottom", "left", "right")] == ["1020", "1020", "850", "850"]


def test_chart_is_a_picture_with_alt_text_at_text_width(built):
    docpr = built.xpath(DOC, "//wp:inline/wp:docPr")
    assert [(d.get("title"), d.get("descr")) for d in docpr] == [("拠出主体別の拠出額", ALT_TEXT)]
    assert built.xpath(DOC, "//w:p[.//wp:inline]/w:pPr/w:pStyle/@w:val") == ["Figure"]
    title = built.xpath(DOC, "//w:p[following-sibling::w:p[1][.//wp:inline]]")[0]
    assert title.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) == "FigureTitle"
    assert "".join(title.itertext()) == "拠出主体別の拠出額"
    extent = built.xpath(DOC, "//wp:inline/wp:extent")[0]
    assert int(extent.get("cx")) == 180 * 36000
    assert [n for n in built.names() if n.startswith("word/media/")] == ["word/media/image1.png"]


def test_data_table_repeats_its_header_and_right_aligns_numbers(built):
    table = built.xpath(DOC, "//w:tbl[w:tblPr/w:tblStyle/@w:val='FactTable']")[0]
    rows = table.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
    cells = [["".join(c.itertext()) for c in r.findall(f"{W}tc")] for r in rows]
    assert cells == [["拠出主体", "拠出額（億元）", "拠出額（億円）"],
                     ["アリババグループ", "27.63億元", "414.45億円"],
                     ["アントグループ", "5.93億元", "88.95億円"]]
    number_style = built.xpath(STYLES, "//w:style[@w:styleId='TableNumber']/w:pPr/w:jc/@w:val")
    assert number_style == ["right"]
    styles_row1 = [p for p in rows[1].xpath(".//w:pStyle/@w:val", namespaces=NS)]
    assert styles_row1 == ["TableText", "TableNumber", "TableNumber"]
    band = built.xpath(STYLES, "//w:style[@w:styleId='FactTable']/w:tblStylePr/@w:type")
    assert band == ["firstRow", "band2Horz"]


def test_kpi_figure_and_unit_are_separate_runs(built):
    figure = built.xpath(DOC, "//w:p[w:pPr/w:pStyle/@w:val='KPIFigure']")[0]
    runs = [("".join(r.itertext()), r.xpath("string(w:rPr/w:rStyle/@w:val)", namespaces=NS))
            for r in figure.findall(f"{W}r")]
    assert runs == [("33.56", ""), ("億元", "KPIUnit")]


def test_links_are_hyperlinks_with_external_relationships(built):
    links = built.xpath(DOC, "//w:hyperlink")
    assert ["".join(h.itertext()) for h in links] == ["alibaba@prap.co.jp"]
    rel_id = links[0].get("{%s}id" % NS["r"])
    rel = built.xpath("word/_rels/document.xml.rels", f"//rel:Relationship[@Id='{rel_id}']")[0]
    assert (rel.get("Target"), rel.get("TargetMode")) == ("mailto:alibaba@prap.co.jp", "External")


def test_fallback_font_only_for_characters_biz_ud_lacks(built):
    runs = built.xpath(DOC, "//w:r[w:rPr/w:rFonts/@w:eastAsia='Droid Sans Fallback']")
    assert ["".join(r.itertext()) for r in runs] == ["鸟"]


def test_superscript_marker_uses_a_character_style(built):
    markers = built.xpath(DOC, "//w:r[w:rPr/w:rStyle/@w:val='NoteMarker']//w:t/text()")
    assert markers == ["*"]
    assert built.xpath(STYLES, "//w:style[@w:styleId='NoteMarker']/w:rPr/w:vertAlign/@w:val") == ["superscript"]


def test_page_break_starts_the_next_paragraph_on_a_new_page(built):
    breaks = built.xpath(DOC, "//w:p[w:pPr/w:pageBreakBefore]/w:pPr/w:pStyle/@w:val")
    assert breaks == ["Quote"]
    assert built.xpath(DOC, "//w:br[@w:type='page']") == []


def test_core_properties_come_from_the_workbook(built):
    core = "docProps/core.xml"
    assert built.xpath(core, "string(//dc:title)") == "アリババグループ、新型コロナウイルス対策支援に約500億円を拠出"
    assert built.xpath(core, "string(//dc:creator)") == "アリババグループ"
    assert built.xpath(core, "string(//dc:subject)") == "中小企業の事業回復や医療現場を支援"
    assert built.xpath(core, "string(//dcterms:created)") == "2020-05-15T09:00:00Z"
    assert built.xpath(core, "string(//dcterms:modified)") == "2020-05-15T09:00:00Z"
    assert built.xpath(core, "string(//cp:revision)") == "1"
    assert not any(k in n for n in built.names() for k in ("thumbnail", "stylesWithEffects", "customXml"))
    assert built.xpath(core, "count(//cp:lastPrinted)") == 0
    table_styles = built.xpath(STYLES, "//w:style[@w:type='table']/@w:styleId")
    assert sorted(table_styles) == ["FactTable", "FigureGrid", "KPICards", "TableGrid", "TableNormal"]


def test_a_part_title_after_content_starts_a_new_page(tmp_path, factory_doc):
    part = factory_doc.blocks[0]
    doc = replace(factory_doc, blocks=factory_doc.blocks[1:4] + (part,))
    path = tmp_path / "parts.docx"
    write_docx(doc, chart_images(tmp_path), path)
    starts = Docx(path).xpath(DOC, "//w:p[w:pPr/w:pageBreakBefore]//w:t/text()")
    assert starts == [part.subtitle.plain]  # the over-title line opens the part's page


def test_the_first_part_title_does_not_leave_an_empty_page(built):
    assert built.xpath(DOC, "//w:p[w:pPr/w:pStyle/@w:val='PartLabel']/w:pPr/w:pageBreakBefore") == []


def test_an_image_block_is_a_half_width_picture_with_its_caption_as_alt_text(tmp_path, factory_doc):
    image = ImageBlock(chart_png(tmp_path / "photo.png"), RichText.of("武漢への医療物資の輸送"),
                       CellRef("content", "C30"), width="half")
    doc = replace(factory_doc, blocks=(image,))
    write_docx(doc, {}, tmp_path / "image.docx")
    built = Docx(tmp_path / "image.docx")
    docpr = built.xpath(DOC, "//wp:inline/wp:docPr")[0]
    assert (docpr.get("title"), docpr.get("descr")) == ("武漢への医療物資の輸送",) * 2
    assert int(built.xpath(DOC, "//wp:inline/wp:extent/@cx")[0]) == 90 * 36000
    assert built.xpath(DOC, "//w:p[w:pPr/w:pStyle/@w:val='Caption']//w:t/text()") == ["武漢への医療物資の輸送"]


def test_a_chart_without_an_image_names_its_cell(tmp_path, factory_doc):
    with pytest.raises(ReportError, match=r"content!C16: no chart image for chart 'by_entity'"):
        write_docx(factory_doc, {}, tmp_path / "missing.docx")


def test_two_half_width_charts_in_a_row_share_a_line_and_a_lone_one_stands_alone(tmp_path, factory_doc):
    chart_block = factory_doc.blocks[11]
    half = replace(chart_block, chart=replace(chart_block.chart, width="half"))
    doc = replace(factory_doc, blocks=(half, half, factory_doc.blocks[6], half))
    write_docx(doc, chart_images(tmp_path), tmp_path / "half.docx")
    built = Docx(tmp_path / "half.docx")
    grid = built.xpath(DOC, "//w:tbl[w:tblPr/w:tblStyle/@w:val='FigureGrid']")
    assert len(grid) == 1
    in_grid = grid[0].xpath(".//wp:extent/@cx", namespaces=NS)
    assert [int(cx) for cx in in_grid] == [90 * 36000 - 6 * 12700] * 2
    assert [c.xpath("string(.)", namespaces=NS) for c in grid[0].xpath(".//w:tc", namespaces=NS)] == \
        ["拠出主体別の拠出額2020年3月31日時点"] * 2
    alone = built.xpath(DOC, "/w:document/w:body/w:p//wp:extent/@cx")
    assert [int(cx) for cx in alone] == [90 * 36000]


def test_a_full_width_chart_after_a_lone_half_width_one_keeps_the_order(tmp_path, factory_doc):
    chart_block = factory_doc.blocks[11]
    half = replace(chart_block, chart=replace(chart_block.chart, width="half"))
    write_docx(replace(factory_doc, blocks=(half, chart_block)), chart_images(tmp_path), tmp_path / "o.docx")
    widths = Docx(tmp_path / "o.docx").xpath(DOC, "//wp:extent/@cx")
    assert [int(cx) for cx in widths] == [90 * 36000, 180 * 36000]


def test_a_tall_image_is_shrunk_to_two_thirds_of_the_text_height(tmp_path, factory_doc):
    Image.new("RGB", (600, 3000), "white").save(tmp_path / "tall.png", dpi=(300, 300))
    block = ImageBlock(tmp_path / "tall.png", RichText.of("縦長の図"), CellRef("content", "C31"))
    write_docx(replace(factory_doc, blocks=(block,)), {}, tmp_path / "tall.docx")
    extent = Docx(tmp_path / "tall.docx").xpath(DOC, "//wp:extent")[0]
    limit = (297 - 18 - 18) * 2 / 3 * 36000
    assert abs(int(extent.get("cy")) - limit) < 2
    assert abs(int(extent.get("cx")) * 3000 / 600 - limit) < 10
