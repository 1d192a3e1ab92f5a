"""A data table of two thousand rows in Word: every row present in order, the header
row repeated on each page, each body row styled like the first (rows are copied)."""

from __future__ import annotations

import dataclasses

import pytest

from docx_helpers import NS, Docx, make_document, write_docx
from factories import ref
from reportgen.model import Column, RichText, Table, TableBlock, Value

N = 2000


def long_table() -> Table:
    cols = (Column("地域", "text", "General", ref("t", "A1")), Column("件数", "number", "#,##0", ref("t", "B1")))
    names = [f"地域{i}" if i != 7 else "菜鸟7" for i in range(N)]   # 鸟: a fallback-font run
    rows = tuple((Value(name, "General", name, ref("t", f"A{i + 2}")),
                  Value(i * 1000, "#,##0", f"{i * 1000:,}", ref("t", f"B{i + 2}"))) for i, name in enumerate(names))
    return Table("t", cols, rows, ref("t", "A1"))


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> list:
    doc = make_document()
    doc = dataclasses.replace(doc, blocks=(TableBlock(long_table(), RichText.of("大きな表"), ref("content", "A1")),))
    path = tmp_path_factory.mktemp("long") / "long.docx"
    write_docx(doc, {}, path)
    tables = Docx(path).xpath("word/document.xml", "//w:body/w:tbl")
    assert len(tables) == 1
    return tables[0].xpath("w:tr", namespaces=NS)


def texts(tr) -> list[str]:
    return ["".join(tc.xpath(".//w:t/text()", namespaces=NS)) for tc in tr.xpath("w:tc", namespaces=NS)]


def test_every_row_is_there_in_order(rows):
    assert len(rows) == N + 1
    assert texts(rows[0]) == ["地域", "件数"]
    assert texts(rows[8]) == ["菜鸟7", "7,000"]
    assert [texts(tr) for tr in rows[1:8]] == [[f"地域{i}", f"{i * 1000:,}"] for i in range(7)]
    assert [texts(tr)[1] for tr in rows[1:]] == [f"{i * 1000:,}" for i in range(N)]


def test_only_the_header_row_repeats_and_no_row_splits(rows):
    assert rows[0].xpath("w:trPr/w:tblHeader", namespaces=NS)
    assert not any(tr.xpath("w:trPr/w:tblHeader", namespaces=NS) for tr in rows[1:])
    assert all(tr.xpath("w:trPr/w:cantSplit", namespaces=NS) for tr in rows)


def test_every_body_row_has_the_cell_styles_widths_and_alignment_of_the_first(rows):
    def shape(tr) -> list[tuple]:
        return [(tc.xpath("string(w:tcPr/w:tcW/@w:w)", namespaces=NS),
                 tc.xpath("string(w:tcPr/w:vAlign/@w:val)", namespaces=NS),
                 tc.xpath("string(w:p/w:pPr/w:pStyle/@w:val)", namespaces=NS),
                 len(tc.xpath("w:p", namespaces=NS))) for tc in tr.xpath("w:tc", namespaces=NS)]
    first = shape(rows[1])
    assert [s[1] for s in first] == ["center", "center"]
    assert first[0][2] != first[1][2]                 # text left, numbers right: two styles
    assert first[0][3] == first[1][3] == 1
    assert all(shape(tr) == first for tr in rows[2:])


def test_a_character_the_main_font_lacks_is_a_fallback_run_in_a_copied_row(rows):
    runs = rows[8].xpath("w:tc[1]/w:p/w:r", namespaces=NS)
    fonts = [r.xpath("string(w:rPr/w:rFonts/@w:eastAsia)", namespaces=NS) for r in runs]
    pieces = ["".join(r.xpath("w:t/text()", namespaces=NS)) for r in runs]
    assert [fonts[pieces.index(p)] != "" for p in pieces] == [p == "鸟" for p in pieces]
    assert "".join(pieces) == "菜鸟7" and "鸟" in pieces
