"""Data tables across page breaks: a short table is kept whole, a long one splits with
its header repeated and at least three body rows on each side of the break."""

from __future__ import annotations

from reportgen.model import Theme
from reportgen.render.pdf.flow import grid
from reportgen.render.pdf.tables import MIN_ROWS, DataTable
from reportgen.render.pdf.text import register_fonts

def table(body_rows: int, keep_height: float) -> DataTable:
    font = register_fonts(Theme()).regular
    rows = [["施策", "拠出額"], *[[f"施策{i}", f"{i}.00 億元"] for i in range(body_rows)]]
    t = grid(rows, [200, 100], [], font, repeat_rows=1, kind=DataTable)
    t.keep_height = keep_height
    t.wrap(300, 10_000)
    assert len(set(t._rowHeights)) == 1   # rows of one line: room is counted in rows
    return t


def row(t: DataTable) -> float:
    return t._rowHeights[0]


def body(piece: DataTable) -> list[str]:
    assert piece._cellvalues[0][0] == "施策"   # every piece starts with the header row
    return [row[0] for row in piece._cellvalues[1:]]


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
