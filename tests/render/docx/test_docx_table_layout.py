"""A Word data table laid out by the shared solver: a fixed layout whose grid and cells
carry the same widths as the PDF's columns, figures in BIZ UDGothic, hidden columns left
out, a total row bold under a rule, dates centred."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from docx_helpers import NS, Docx, make_document, write_docx
from factories import ref
from reportgen.layout.table import fit_block
from reportgen.model import Column, ColumnStyle, RichText, Table, TableBlock, Value
from reportgen.render.docx import page, styles


def block() -> TableBlock:
    cols = (Column("地域", "text", "General", ref("t", "A1")), Column("日付", "date", "yyyy/m/d", ref("t", "B1")),
            Column("金額", "number", "#,##0", ref("t", "C1")), Column("備考", "text", "General", ref("t", "D1")))
    data = [("東京", 1200), ("大阪", 800), ("合計", 2000)]
    rows = tuple((Value(name, "General", name, ref("t", f"A{i}")),
                  Value(dt.date(2024, 4, i), "yyyy/m/d", f"2024/4/{i}", ref("t", f"B{i}")),
                  Value(n, "#,##0", f"{n:,}", ref("t", f"C{i}")),
                  Value("メモ", "General", "メモ", ref("t", f"D{i}"))) for i, (name, n) in enumerate(data, start=2))
    table = Table("t", cols, rows, ref("t", "A1"), totals=(2,))
    return TableBlock(table, RichText.of("表"), ref("content", "A1"),
                      (ColumnStyle(), ColumnStyle(), ColumnStyle(), ColumnStyle(hidden=True)))


@pytest.fixture(scope="module")
def tbl(tmp_path_factory):
    doc = dataclasses.replace(make_document(), blocks=(block(),))
    path = tmp_path_factory.mktemp("layout") / "t.docx"
    write_docx(doc, {}, path)
    (found,) = Docx(path).xpath("word/document.xml", "//w:body/w:tbl")
    return doc, found


def x(el, path: str) -> list:
    return el.xpath(path, namespaces=NS)


def test_the_grid_and_every_cell_carry_the_solvers_widths_in_a_fixed_layout(tbl):
    doc, t = tbl
    _, fit = fit_block(block(), doc.theme, page.text_width(doc.theme).pt, styles.table_size(doc.theme))
    expected = [round(w * 20) for w in fit.widths]
    grid = [int(w) for w in x(t, "w:tblGrid/w:gridCol/@w:w")]
    assert [abs(a - b) <= 1 for a, b in zip(grid, expected)] == [True] * 3 and len(grid) == 3
    assert x(t, "w:tblPr/w:tblLayout/@w:type") == ["fixed"]
    for tr in x(t, "w:tr"):
        assert [int(w) for w in x(tr, "w:tc/w:tcPr/w:tcW/@w:w")] == grid


def test_a_hidden_column_is_left_out_and_figures_are_tabular(tbl):
    _, t = tbl
    assert ["".join(x(tc, ".//w:t/text()")) for tc in x(t, "w:tr[1]/w:tc")] == ["地域", "日付", "金額"]
    figures = x(t, "w:tr[2]/w:tc[3]//w:r/w:rPr/w:rFonts/@w:eastAsia")
    assert figures == ["BIZ UDGothic"]
    assert x(t, "w:tr[2]/w:tc[2]/w:p/w:pPr/w:jc/@w:val") == ["center"]   # a date column


def test_the_total_row_is_bold_under_a_rule(tbl):
    _, t = tbl
    total, plain = x(t, "w:tr[4]"), x(t, "w:tr[3]")
    assert all(x(tc, ".//w:r/w:rPr/w:b") for tc in x(total[0], "w:tc"))
    assert x(total[0], "w:tc/w:tcPr/w:tcBorders/w:top/@w:val") == ["single"] * 3
    assert not x(plain[0], ".//w:b") and not x(plain[0], ".//w:tcBorders")
