"""The model carries the cells it came from (issue 22): a meta text, a theme field and a
chart are named at their cells by any later stage without reading the workbook again."""

from __future__ import annotations

from wbfactory import META, make_workbook

from reportgen.diagnostics import CellRef
from reportgen.model import Theme
from reportgen.workbook.reader import read_workbook


def test_meta_theme_and_chart_name_their_cells(tmp_path):
    path = tmp_path / "book.xlsx"
    make_workbook(path, meta=[*META, ("theme.margin_left", 20), ("source_note", "出典: テスト")])
    doc = read_workbook(path)
    assert doc.meta.cell("title") == CellRef("meta", "B1")
    assert doc.meta.cell("source_note") == CellRef("meta", "B6")
    assert doc.theme.cell("margin_left") == CellRef("meta", "B5")
    assert doc.theme.cell("margin_right") == CellRef("meta")  # not set: the sheet
    assert doc.charts["by_entity"].ref.sheet == "charts"


def test_a_themes_cells_are_no_part_of_its_look():
    placed = Theme(margin_left=20, cells=(("margin_left", CellRef("meta", "B5")),))
    assert placed == Theme(margin_left=20) and hash(placed) == hash(Theme(margin_left=20))
