"""The DOCX as a Japanese office user's Word expects it inside (issue 17): theme, styles,
font table, settings, properties, and fonts embedded on request (opened by LibreOffice
with no BIZ UD font installed)."""

from __future__ import annotations

import io
import shutil

import pytest
from fontTools.ttLib import TTFont

from docx_helpers import NS, Docx, chart_images, write_docx
from libreoffice import FONTS, convert
from reportgen.render.docx.fonttable import obfuscate
from test_docx_libreoffice import pdf_fonts

A = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
STYLES = "word/styles.xml"
THEME = "word/theme/theme1.xml"
FONT_TABLE = "word/fontTable.xml"
OUR_STYLE_IDS = {
    "Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid", "Title", "Subtitle",
    "PartLabel", "Heading1", "ChapterSubtitle", "Heading2", "Heading3", "BodyText", "Lead", "Headline",
    "Quote", "ListNumber", "ListBullet", "Spacer", "FigureTitle", "Figure", "Caption", "TableCaption",
    "Note", "TableText", "TableNumber", "TableHeader", "TableHeaderNumber", "KPIFigure", "KPILabel",
    "ContactTitle", "Contact", "Header", "HeaderBand", "Footer", "Hyperlink", "NoteMarker", "KPIUnit",
    "FactTable", "KPICards", "FigureGrid",
}


def theme_xpath(built: Docx, expr: str) -> list:
    return built.part(THEME).xpath(expr, namespaces=A)


def test_the_theme_fonts_are_biz_udpgothic_for_latin_and_east_asian(built):
    for face in ("majorFont", "minorFont"):
        for slot in ("a:latin", "a:ea", "a:font[@script='Jpan']"):
            assert theme_xpath(built, f"//a:{face}/{slot}/@typeface") == ["BIZ UDPGothic"], (face, slot)


def test_the_theme_colours_are_the_palette_and_the_link_colour(built, factory_doc):
    theme = factory_doc.theme
    palette = [c.lstrip("#").upper() for c in theme.palette]
    for i in range(1, 7):
        assert theme_xpath(built, f"//a:clrScheme/a:accent{i}/a:srgbClr/@val") == [palette[(i - 1) % len(palette)]]
    assert theme_xpath(built, "//a:clrScheme/a:hlink/a:srgbClr/@val") == [theme.primary.lstrip("#").upper()]
    link_style = built.xpath(STYLES, "//w:style[@w:styleId='Hyperlink']/w:rPr/w:color/@w:val")
    assert link_style == [theme.primary.lstrip("#").upper()]


def test_styles_are_only_the_fact_sheets_own_and_the_defaults(built):
    ids = set(built.xpath(STYLES, "//w:style/@w:styleId"))
    assert ids == OUR_STYLE_IDS
    assert built.xpath(STYLES, "//w:link") == []
    for ref in built.xpath(STYLES, "//w:basedOn/@w:val | //w:next/@w:val"):
        assert ref in ids


def test_the_title_is_not_in_the_outline_and_headings_are(built):
    def level(style_id):
        return built.xpath(STYLES, f"//w:style[@w:styleId='{style_id}']/w:pPr/w:outlineLvl/@w:val")

    assert level("Title") == [] and level("Subtitle") == []
    assert (level("Heading1"), level("Heading2"), level("Heading3")) == (["0"], ["1"], ["2"])


def test_the_font_table_describes_biz_udpgothic_and_the_fallback(built):
    font = built.xpath(FONT_TABLE, "//w:font[@w:name='BIZ UDPGothic']")[0]
    assert font.xpath("w:altName/@w:val", namespaces=NS) == ["BIZ UDPゴシック"]
    assert font.xpath("w:panose1/@w:val", namespaces=NS) == ["020B0400000000000000"]
    assert font.xpath("w:charset/@w:val", namespaces=NS) == ["80"]
    assert font.xpath("w:pitch/@w:val", namespaces=NS) == ["variable"]
    assert font.xpath("w:sig/@w:csb0", namespaces=NS) == ["20020009"]
    names = built.xpath(FONT_TABLE, "//w:font/@w:name")
    assert names == ["BIZ UDPGothic", "Droid Sans Fallback"]  # the factory's 鸟 runs name the fallback
    assert built.xpath(FONT_TABLE, "//w:embedRegular") == []


def test_settings_compress_punctuation_and_claim_no_proofing(built):
    assert built.xpath("word/settings.xml", "//w:characterSpacingControl/@w:val") == ["compressPunctuation"]
    assert built.xpath("word/settings.xml", "//w:proofState") == []
    assert built.xpath("word/settings.xml", "//w:embedTrueTypeFonts") == []


def test_the_body_indent_is_one_character(built):
    ind = built.xpath(STYLES, "//w:style[@w:styleId='BodyText']/w:pPr/w:ind")[0]
    assert ind.get(f"{{{NS['w']}}}firstLineChars") == "100"


def test_app_properties_are_ours_and_no_template_leftovers(built):
    app = built.part("docProps/app.xml")
    ep = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
    assert app.findtext(f"{ep}Application") == "reportgen"
    assert app.findtext(f"{ep}Company") == "アリババグループ"
    rels = built.xpath("_rels/.rels", "//rel:Relationship/@Target")
    assert "docProps/app.xml" in rels
    assert not [n for n in built.names() if n.startswith("customXml")]
    assert built.xpath("docProps/core.xml", "//cp:lastPrinted") == []


@pytest.fixture(scope="module")
def embedded(tmp_path_factory, factory_doc) -> Docx:
    folder = tmp_path_factory.mktemp("embed")
    path = folder / "embedded.docx"
    write_docx(factory_doc, chart_images(folder), path, embed_fonts=True)
    return Docx(path)


def _font_part(built: Docx, font_name: str, slot: str) -> tuple[bytes, str]:
    el = built.xpath(FONT_TABLE, f"//w:font[@w:name='{font_name}']/w:{slot}")[0]
    rel_id, key = el.get(f"{{{NS['r']}}}id"), el.get(f"{{{NS['w']}}}fontKey")
    target = built.xpath("word/_rels/fontTable.xml.rels", f"//rel:Relationship[@Id='{rel_id}']/@Target")[0]
    return built._raw[f"word/{target}"], key


def test_embedded_fonts_are_obfuscated_subsets_with_a_font_key(embedded):
    assert embedded.xpath("word/settings.xml", "//w:embedTrueTypeFonts")
    assert embedded.xpath("word/settings.xml", "//w:saveSubsetFonts")
    for slot in ("embedRegular", "embedBold"):
        blob, key = _font_part(embedded, "BIZ UDPGothic", slot)
        assert blob[:4] != b"\x00\x01\x00\x00"  # obfuscated: not a plain TrueType header
        font = TTFont(io.BytesIO(obfuscate(blob, key)))
        assert font["name"].getDebugName(1) == "BIZ UDPGothic"
        assert ord("拠") in font.getBestCmap() and len(font.getBestCmap()) < 3000
    types = embedded.part("[Content_Types].xml")
    assert types.xpath("//*[@ContentType='application/vnd.openxmlformats-officedocument.obfuscatedFont']")


def test_embedding_gives_the_same_bytes_twice(embedded, factory_doc, tmp_path):
    again = tmp_path / "again.docx"
    write_docx(factory_doc, chart_images(tmp_path), again, embed_fonts=True)
    assert again.read_bytes() == embedded.path.read_bytes()


def test_libreoffice_draws_the_embedded_font_where_it_is_not_installed(embedded, tmp_path):
    fonts = tmp_path / "fonts"  # only the fallback font installed: BIZ UDPGothic must come from the file
    fonts.mkdir()
    shutil.copy(FONTS / "DroidSansFallbackFull.ttf", fonts)
    pdf = convert(embedded.path, "pdf", tmp_path / "out", fonts=fonts)
    assert {"BIZUDPGothic-Regular", "BIZUDPGothic-Bold"} <= pdf_fonts(pdf)


def test_no_empty_spacer_paragraphs_the_space_under_a_table_opens_the_next(built):
    body = built.part("word/document.xml").find(f"{{{NS['w']}}}body")
    empty = [p for p in body.iterchildren(f"{{{NS['w']}}}p") if not p.xpath(".//w:t | .//w:drawing", namespaces=NS)]
    assert empty == []
    for tbl in body.iterchildren(f"{{{NS['w']}}}tbl"):
        after = tbl.getnext()
        if after is not None and after.tag == f"{{{NS['w']}}}p":
            before = after.xpath("w:pPr/w:spacing/@w:before", namespaces=NS)
            style = after.xpath("w:pPr/w:pStyle/@w:val", namespaces=NS)[0]
            own = built.xpath(STYLES, f"//w:style[@w:styleId='{style}']/w:pPr/w:spacing/@w:before")
            assert int((before or own)[0]) >= 200, style  # 10 pt
