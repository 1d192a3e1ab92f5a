"""Data tables across page breaks: a short table is kept whole, a long one splits with
its header repeated and at least three body rows on each side of the break; a table of
thousands of rows comes out whole, in order, with the header on every page."""

from __future__ import annotations

import dataclasses
import re

import pypdfium2
import pytest
from reportlab.platypus import Table

from factories import make_document, ref
from pdfcheck import read_pages
from reportgen.model import Column, RichText, Table as DataSheet, TableBlock, Theme, Value
from reportgen.render.pdf import write_pdf
from reportgen.render.pdf.geometry import page_geometry
from reportgen.render.pdf.styles import make_styles
from reportgen.render.pdf.tables import CLOSING_RULE, MIN_ROWS, PAD_Y, RULE, Cell, DataTable, data_table
from reportgen.render.pdf.text import register_fonts


def sheet(body_rows: int) -> DataSheet:
    cols = (Column("施策", "text", "General", ref("t", "A1")), Column("拠出額", "number", "0.00", ref("t", "B1")))
    rows = tuple((Value(f"施策{i}", "General", f"施策{i}", ref("t", f"A{i + 2}")),
                  Value(float(i), "0.00", f"{i}.00 億元", ref("t", f"B{i + 2}"))) for i in range(body_rows))
    return DataSheet("t", cols, rows, ref("t", "A1"))


def table(body_rows: int, keep_height: float) -> DataTable:
    theme = Theme()
    block = TableBlock(sheet(body_rows), RichText.of("表"), ref("content", "A1"))
    t = data_table(block, 300, keep_height, theme, make_styles(theme), register_fonts(theme))
    assert len(set(t.heights)) == 1   # rows of one line: room is counted in rows
    return t


def row(t: DataTable) -> float:
    return t.heights[0]


def body(piece: DataTable | Table) -> list[str]:
    rows = [piece.head, *piece.body] if isinstance(piece, DataTable) else piece._cellvalues
    texts = [text(r[0]) for r in rows]
    assert texts[0] == "施策"   # every piece starts with the header row
    return texts[1:]


def text(cell: Cell | list) -> str:
    """A cell's text; in a piece split by reportlab, its paragraph (in a list once split)."""
    if isinstance(cell, Cell):
        return cell.text
    return (cell[0] if isinstance(cell, (list, tuple)) else cell).text.plain


def test_a_row_is_as_tall_as_its_tallest_cell_and_the_padding():
    theme = Theme()
    st = make_styles(theme)
    long = "地域別の拠出額と利用者数を、前年同期と比べて示した長い説明の文です。" * 3
    rows = sheet(2).rows
    rows = (rows[0], (Value(long, "General", long, ref("t", "A9")), rows[1][1]))
    block = TableBlock(dataclasses.replace(sheet(2), rows=rows), RichText.of("表"), ref("content", "A1"))
    t = data_table(block, 300, 700, theme, st, register_fonts(theme))
    one = st.cell.leading + 2 * PAD_Y
    assert t.heights[:2] == pytest.approx([one, one])
    assert t.heights[2] == pytest.approx(len(t.body[1][0].lines) * st.cell.leading + 2 * PAD_Y)
    assert len(t.body[1][0].lines) >= 3
    assert t.wrap(300, 10_000) == pytest.approx((300, sum(t.heights)))


def test_a_table_that_fits_on_a_page_is_not_split_but_moved():
    t = table(7, keep_height=700)
    assert t.split(300, row(t) * 5) == []
    assert t.split(300, row(t) * 8) == [t]


def test_a_long_table_splits_with_the_header_repeated():
    t = table(40, keep_height=500)
    first, rest = t.split(300, row(t) * 11)
    assert body(first) == [f"施策{i}" for i in range(10)]
    assert body(rest) == [f"施策{i}" for i in range(10, 40)]
    assert rest.keep_height == 500   # the rest splits by the same rule
    assert rest.rows is t.rows and (rest.start, rest.stop) == (10, 40)   # rows shared, not copied
    assert rest.split(300, row(t) * 13)[1].body[0][0].text == "施策22"   # a third of a page free: split


def test_only_the_last_piece_has_the_closing_rule():
    t = table(40, keep_height=500)
    first, rest = t.split(300, row(t) * 11)
    assert [r.weight for r in first.rules()] == [RULE] * 10            # under every body row
    assert [r.weight for r in rest.rules()] == [RULE] * 30 + [CLOSING_RULE]  # header, rows, close
    assert rest.rules()[-1].y == 0 and rest.rules()[-1].color == Theme().primary
    assert rest.rules()[0].y == pytest.approx(rest.total - row(t))     # under the repeated header


def test_a_split_never_leaves_fewer_than_three_body_rows_at_the_foot_of_a_page():
    t = table(40, keep_height=500)
    assert t.split(300, row(t) * (MIN_ROWS + 0.5)) == []       # header and two body rows
    first, _ = t.split(300, row(t) * (MIN_ROWS + 1.5))
    assert len(body(first)) == MIN_ROWS


def test_a_split_never_leaves_fewer_than_three_body_rows_at_the_top_of_the_next_page():
    t = table(30, keep_height=500)
    first, rest = t.split(300, row(t) * 30.5)                  # room for 29 of 30 body rows
    assert len(body(first)) == 30 - MIN_ROWS and len(body(rest)) == MIN_ROWS


def test_a_table_refused_once_splits_on_the_next_page_rather_than_loop():
    t = table(20, keep_height=700)          # kept whole, were there room on a page for it
    assert t.split(300, row(t) * 10.5) == []
    first, rest = t.split(300, row(t) * 15.5)   # the next page has tall headings above it
    assert len(body(first)) + len(body(rest)) == 20 and body(first)


def test_a_table_with_a_row_taller_than_a_page_moves_once_then_splits_as_reportlab_does():
    t = table(4, keep_height=10)
    assert t.split(300, row(t) * 2.5) == []
    first, rest = t.split(300, row(t) * 2.5)
    assert body(first) == ["施策0"] and body(rest) == ["施策1", "施策2", "施策3"]


def test_a_table_of_two_thousand_rows_has_every_row_in_order_and_the_header_on_every_page(tmp_path):
    n = 2000
    doc = make_document()
    block = TableBlock(sheet(n), RichText.of("大きな表"), ref("content", "A1"))
    doc = dataclasses.replace(doc, blocks=(block,), charts={})
    path = tmp_path / "big.pdf"
    write_pdf(doc, {}, path)
    pdf = pypdfium2.PdfDocument(path)
    names: list[int] = []
    for page in pdf:
        page_text = page.get_textpage().get_text_range()
        assert re.search(r"^施策 拠出額\s*$", page_text, re.M), "the header on every page"
        names += [int(m.group(1)) for m in re.finditer(r"^施策 (\d+) (\d+)\.00 億元\s*$", page_text, re.M)
                  if m.group(1) == m.group(2)]
    assert len(pdf) > 30
    assert names == list(range(n))


def test_cells_are_drawn_inside_their_columns_and_in_the_middle_of_their_row(tmp_path):
    long = "地域別の拠出額と利用者数を、前年同期と比べて示した長い説明の文です。" * 3
    base = sheet(2)
    rows = ((Value(long, "General", long, ref("t", "A2")), base.rows[1][1]), base.rows[0])
    block = TableBlock(dataclasses.replace(base, rows=rows), RichText.of("表"), ref("content", "A1"))
    doc = dataclasses.replace(make_document(), blocks=(block,), charts={})
    path = tmp_path / "cells.pdf"
    write_pdf(doc, {}, path)
    theme = doc.theme
    g = page_geometry(theme)
    layout = data_table(block, g.text_width, 700, theme, make_styles(theme), register_fonts(theme)).layout
    widths, PAD_X = layout.widths, layout.pad_x  # noqa: N806
    left, middle, right = g.left, g.left + widths[0], g.left + widths[0] + widths[1]
    chars = read_pages(path)[0].chars
    drawn = "".join(ch for ch, _ in chars)
    at = drawn.index(long)
    cell = [box for _, box in chars[at:at + len(long)]]
    assert all(left + PAD_X - 0.5 <= b[0] and b[2] <= middle - PAD_X + 0.5 for b in cell)
    assert len({round(b[1]) for b in cell}) >= 3                      # wrapped in its column
    figures = [[box for _, box in chars[drawn.index(f):drawn.index(f) + len(f)]] for f in ("1.00億元", "0.00億元")]
    ends = [f[-1][2] for f in figures]
    assert abs(ends[0] - ends[1]) < 0.3 and ends[0] <= right - PAD_X + 0.5   # right-aligned
    centre = lambda boxes: (min(b[1] for b in boxes) + max(b[3] for b in boxes)) / 2  # noqa: E731
    assert abs(centre(figures[0]) - centre(cell)) < 1.5               # middle of the tall row


def test_a_table_that_fits_a_page_starts_on_this_one_when_moving_would_leave_a_third_empty():
    t = table(25, keep_height=600)
    assert t.split(300, row(t) * 10) == []                       # less than a third free: moved whole
    first, rest = t.split(300, row(t) * 16)                      # more than a third: starts here
    assert len(body(first)) == 15 and len(body(rest)) == 10 and rest.head == t.head
