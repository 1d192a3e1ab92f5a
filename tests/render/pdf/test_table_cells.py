"""What a reader of a printed table expects: figures in fixed-width digits that line up,
no cell line starting with a small kana or a closing bracket, a total row set bold
under a rule, hidden columns left out, and a table of 25 columns set at all."""

from __future__ import annotations

import dataclasses
import warnings

import pytest

from factories import ref
from layoutcheck import lines, read_pdf, segments
from pdfcheck import make_document
from reportgen.diagnostics import ReportWarning
from reportgen.model import Column, ColumnStyle, RichText, Table, TableBlock, Value
from reportgen.render.pdf import write_pdf
from reportgen.render.pdf.tables import TOTAL_RULE, data_table
from reportgen.render.pdf.styles import make_styles
from reportgen.render.pdf.text import register_fonts

FIGURES = [1111, 9999, 20481, 7, 300000, 45678]
NOT_AT_LINE_START = "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ」）』】〕、。，．・ー"
PROSE = "ファミリーサポート（ショートステイ）事業、ぴょんぴょんキッズ「ジャンプ」教室。チェックリスト。"


def table(rows: list[tuple[str, int]], totals: tuple[int, ...] = ()) -> Table:
    cols = (Column("事業名", "text", "General", ref("t", "A1")), Column("金額", "number", "#,##0", ref("t", "B1")))
    values = tuple((Value(name, "General", name, ref("t", f"A{i + 2}")),
                    Value(n, "#,##0", f"{n:,}", ref("t", f"B{i + 2}"))) for i, (name, n) in enumerate(rows))
    return Table("t", cols, values, ref("t", "A1"), totals)


def build(block: TableBlock, tmp_path):
    doc = dataclasses.replace(make_document(), blocks=(block,), charts={})
    path = tmp_path / "table.pdf"
    write_pdf(doc, {}, path)
    return read_pdf(path)


def test_digits_line_up_in_a_number_column(tmp_path):
    block = TableBlock(table([(f"事業{i}", n) for i, n in enumerate(FIGURES)]), RichText.of("表"), ref("content", "A1"))
    page = build(block, tmp_path).pages[0]
    cells = [seg for line in lines(page.glyphs) for seg in segments(line)]
    figures = [seg for seg in cells if seg.text.replace(",", "").isdigit()]
    assert len(figures) == len(FIGURES)
    last = [line.glyphs[-1].advance.x1 for line in figures]
    assert max(last) - min(last) < 0.05                                   # right-aligned
    same_length = [line for line in figures if len(line.text) == len("1,111")]
    assert len(same_length) == 2                                          # 1,111 and 9,999
    for a, b in zip(*(line.glyphs for line in same_length)):
        assert abs(a.advance.x0 - b.advance.x0) < 0.05                    # tabular: each digit in its place
    ones, nines = (line.glyphs[0].advance for line in same_length)
    assert ones.x1 - ones.x0 == pytest.approx(nines.x1 - nines.x0)


def test_no_cell_line_starts_with_a_small_kana_or_a_closing_bracket(tmp_path):
    rows = [(PROSE * k, k) for k in (1, 2, 3)]
    narrow = TableBlock(table(rows), RichText.of("表"), ref("content", "A1"), (ColumnStyle(width=0.3), ColumnStyle()))
    page = build(narrow, tmp_path).pages[0]
    cell_lines = [line.text for line in lines(page.glyphs) if set(line.text) & set(PROSE) and len(line.text) > 1]
    assert len(cell_lines) > 6                                            # the text wrapped in its column
    assert not [t for t in cell_lines if t[0] in NOT_AT_LINE_START]


def test_a_total_row_is_bold_under_a_rule():
    theme = make_document().theme
    block = TableBlock(table([("東京", 1), ("大阪", 2), ("合計", 3)], totals=(2,)), RichText.of("表"),
                       ref("content", "A1"))
    t = data_table(block, 300, 700, theme, make_styles(theme), register_fonts(theme))
    t.wrap(300, 700)
    rules = t.rules()
    above_total = t.row_bottoms()[2]
    assert [r.weight for r in rules if r.y == pytest.approx(above_total)] == [TOTAL_RULE]
    assert t.rows.totals == frozenset({2})


def test_a_hidden_column_is_left_out():
    theme = make_document().theme
    block = TableBlock(table([("東京", 1)]), RichText.of("表"), ref("content", "A1"),
                       (ColumnStyle(), ColumnStyle(hidden=True)))
    t = data_table(block, 300, 700, theme, make_styles(theme), register_fonts(theme))
    assert [c.text for c in t.head] == ["事業名"] and len(t.layout.widths) == 1


def test_twenty_five_columns_are_set_with_a_located_warning(tmp_path):
    cols = tuple(Column(f"項目{i}", "number", "#,##0", ref("wide", f"A{i}")) for i in range(25))
    rows = tuple(tuple(Value(123456 * (i + 1), "#,##0", f"{123456 * (i + 1):,}", ref("wide", "A2"))
                       for i in range(25)) for _ in range(3))
    block = TableBlock(Table("wide", cols, rows, ref("wide", "A1")), RichText.of("広い表"), ref("content", "C14"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReportWarning)
        pdf = build(block, tmp_path)
    messages = [str(w.message) for w in caught if issubclass(w.category, ReportWarning)]
    assert "content!C14: table 'wide' set at 7 pt to fit 25 columns" in messages
    assert pdf.pages
