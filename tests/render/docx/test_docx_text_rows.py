"""Data-table rows written as XML text (oxml.text_run, cell_start, DeferredRows) must be
the XML python-docx writes for the same run or cell, and land where the table is; the
style-id table must answer as python-docx does; `font_pieces` must cut as split_by_font."""

from __future__ import annotations

import dataclasses

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Twips
from hypothesis import given, settings, strategies as st
from lxml import etree

from docx_helpers import NS, Docx, chart_images, make_document, write_docx
from factories import ref
from reportgen.fonts import split_by_font
from reportgen.model import Column, RichText, Table, TableBlock, Value
from reportgen.render.docx import oxml, styles
from reportgen.render.docx.inline import Fonts, font_pieces

W = NS["w"]
TEXTS = ["北海道", "1,234", " 前に空白", "後ろに空白 ", "全角空白\u3000", "a & b < c > d \"e\" 'f'",
         "タブ\tの後", "改行\nの後", "復帰\rの後", "\t先頭のタブ", "末尾の改行\n", "a\t\tb"]


def parsed(xml: str) -> etree._Element:
    """A w: fragment as an element (the namespace declared on a wrapper)."""
    return etree.fromstring(f'<wrap xmlns:w="{W}">{xml}</wrap>')[0]


def canonical(el: etree._Element) -> bytes:
    return etree.tostring(el, method="c14n", exclusive=True)


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_run_is_the_run_python_docx_writes(text):
    p = docx.Document().add_paragraph()
    expected = p.add_run(text)._r
    assert canonical(parsed(oxml.text_run(text))) == canonical(expected)


def test_a_fallback_run_names_the_family_as_set_fonts_does():
    p = docx.Document().add_paragraph()
    expected = p.add_run("鸟")._r
    oxml.set_fonts(oxml.rpr(expected), "Droid Sans Fallback")
    assert canonical(parsed(oxml.text_run("鸟", "Droid Sans Fallback"))) == canonical(expected)


@pytest.mark.parametrize("bad", ["\x00", "a\x0bb", "\x1f", "\ufffe"])
def test_characters_xml_cannot_hold_are_refused_as_lxml_refuses_them(bad):
    with pytest.raises(ValueError):
        docx.Document().add_paragraph().add_run(bad)
    with pytest.raises(ValueError):
        oxml.text_run(bad)


def test_a_cell_is_the_cell_python_docx_writes():
    word = docx.Document()
    styles.install(word, make_document().theme, "ja-JP")
    cell = word.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.width = Twips(1481)
    oxml.set_cell_vertical_alignment(cell._tc, "center")
    cell.paragraphs[0].style = styles.TABLE_NUMBER
    cell.paragraphs[0].add_run("12.5")
    style_id = word.styles[styles.TABLE_NUMBER].style_id
    xml = oxml.cell_start(1481, "center", style_id) + oxml.text_run("12.5") + oxml.CELL_END
    assert canonical(parsed(xml)) == canonical(cell._tc)


def test_deferred_rows_replace_their_placeholder_and_nothing_else():
    word = docx.Document()
    tbl = word.add_table(rows=1, cols=1)._tbl
    deferred = oxml.DeferredRows()
    deferred.append(tbl, [oxml.ROW_START + "<w:tc><w:p/></w:tc>" + oxml.ROW_END] * 2)
    word.add_paragraph("<!--deferred rows 0-->")      # text that looks like a placeholder
    xml = deferred.splice(etree.tostring(word.element))
    root = etree.fromstring(xml)
    assert len(root.xpath("//w:tbl/w:tr", namespaces=NS)) == 3
    assert root.xpath("//w:p/w:r/w:t/text()", namespaces=NS) == ["<!--deferred rows 0-->"]
    assert not root.xpath("//comment()")


def special_table() -> Table:
    cols = (Column("名前", "text", "General", ref("t", "A1")), Column("値", "number", "0", ref("t", "B1")))
    texts = [" 空白&記号<>", "タブ\t区切り", "菜鸟", "二行\n目"]
    rows = tuple((Value(t, "General", t, ref("t", f"A{i + 2}")), Value(i, "0", str(i), ref("t", f"B{i + 2}")))
                 for i, t in enumerate(texts))
    return Table("t", cols, rows, ref("t", "A1"))


def test_body_rows_carry_escaped_text_breaks_and_fallback_runs_in_the_table(tmp_path):
    doc = make_document()
    block = TableBlock(special_table(), RichText.of("記号の表"), ref("content", "A1"))
    doc = dataclasses.replace(doc, blocks=(block, *doc.blocks))
    write_docx(doc, chart_images(tmp_path), tmp_path / "t.docx")
    tbl = Docx(tmp_path / "t.docx").xpath("word/document.xml", "//w:body/w:tbl")[0]
    rows = tbl.xpath("w:tr", namespaces=NS)
    first_cells = [tr.xpath("w:tc[1]/w:p", namespaces=NS)[0] for tr in rows[1:]]
    assert [p.xpath("string(.)") for p in first_cells] == [" 空白&記号<>", "タブ区切り", "菜鸟", "二行目"]
    space = "{http://www.w3.org/XML/1998/namespace}space"
    assert [t.get(space) for t in first_cells[0].xpath("w:r/w:t", namespaces=NS)] == ["preserve"]
    assert first_cells[1].xpath("count(w:r/w:tab)", namespaces=NS) == 1
    assert first_cells[3].xpath("count(w:r/w:br)", namespaces=NS) == 1
    fallback = first_cells[2].xpath("w:r[w:rPr/w:rFonts]/w:t/text()", namespaces=NS)
    assert fallback == ["鸟"]
    widths = tbl.xpath("w:tblGrid/w:gridCol/@w:w", namespaces=NS)
    assert all(tr.xpath("w:tc/w:tcPr/w:tcW/@w:w", namespaces=NS) == widths for tr in rows)


def test_the_style_id_table_answers_as_python_docx_does():
    word = docx.Document()
    styles.install(word, make_document().theme, "ja-JP")
    plain = docx.Document()
    styles.install(plain, make_document().theme, "ja-JP")
    del plain.part.get_style_id                      # python-docx's own lookup again
    for style in word.styles:
        ours = word.part.get_style_id(style.name, style.type)
        assert ours == plain.part.get_style_id(style.name, style.type), style.name
        assert word.part.get_style_id(style, style.type) == ours
    assert word.part.get_style_id(styles.NORMAL, WD_STYLE_TYPE.PARAGRAPH) is None
    assert word.part.get_style_id(styles.TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH) == "TableText"
    with pytest.raises(KeyError):
        word.part.get_style_id("No Such Style", WD_STYLE_TYPE.PARAGRAPH)
    with pytest.raises(ValueError):
        word.part.get_style_id(styles.HYPERLINK, WD_STYLE_TYPE.PARAGRAPH)


FONTS = Fonts.of(make_document().theme)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="a1 ,\t\n地域菜鸟龘\u3000（）", max_size=12))
def test_font_pieces_cut_as_split_by_font(text):
    pieces = split_by_font(text, FONTS.main, FONTS.fallback)
    expected = [(piece, font == FONTS.fallback) for piece, font in pieces]
    assert font_pieces(text, FONTS) == expected
