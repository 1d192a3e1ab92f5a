"""Total rows, nil marks and a table row's column options, as the reader gives them."""

from __future__ import annotations

import pickle

import pytest

from reportgen.diagnostics import ReportError
from reportgen.model import ColumnStyle, TableBlock
from reportgen.workbook import read_workbook
from wbfactory import CONTENT, make_workbook

HEADER = CONTENT[0]
SALES = [("地域", "売上", "備考"), ("東京", 120, "本店"), ("大阪", 80, "－"), ("合　計", 200, None)]
CHARTS = [("id", "type", "table", "category", "series", "title"), ("by_region", "pie", "sales", "地域", "売上", "地域別")]


def book(tmp_path, options=None, tables=None):
    content = [HEADER, ("table", None, "sales", "地域別売上", options)]
    return make_workbook(tmp_path / "wb.xlsx", content=content, charts=CHARTS,
                         tables=tables or {"sales": SALES})


def table_block(doc) -> TableBlock:
    return next(b for b in doc.blocks if isinstance(b, TableBlock))


def errors(path) -> list[str]:
    with pytest.raises(ReportError) as exc:
        read_workbook(path)
    return [str(d) for d in exc.value.diagnostics]


def test_a_first_cell_total_label_makes_a_total_row_that_charts_leave_out(tmp_path):
    doc = read_workbook(book(tmp_path))
    table = doc.tables["sales"]
    assert table.totals == (2,)
    assert [r[0].text for r in table.data_rows] == ["東京", "大阪"]
    assert doc.charts["by_region"].table.totals == (2,)
    assert pickle.loads(pickle.dumps(table)) == table


@pytest.mark.parametrize("label", ["計", "総計", "総合計", " 合計 "])
def test_every_documented_total_label_is_recognised(tmp_path, label):
    rows = [("地域", "売上"), ("東京", 1), (label, 1)]
    assert read_workbook(book(tmp_path, tables={"sales": rows})).tables["sales"].totals == (1,)


def test_the_total_option_marks_the_last_row_or_none(tmp_path):
    rows = [("地域", "売上"), ("東京", 1), ("大阪", 2), ("全国", 3)]
    doc = read_workbook(book(tmp_path, "total=last", {"sales": rows}))
    assert doc.tables["sales"].totals == (2,) == table_block(doc).table.totals
    assert doc.charts["by_region"].table.totals == (2,)
    assert read_workbook(book(tmp_path, "total=none")).tables["sales"].totals == ()


def test_a_nil_mark_in_a_number_column_is_no_figure_printed_as_written(tmp_path):
    rows = [("地域", "売上"), ("東京", 1), ("大阪", "－"), ("京都", "…"), ("奈良", "-"), ("滋賀", "―"), ("兵庫", "—")]
    table = read_workbook(book(tmp_path, tables={"sales": rows})).tables["sales"]
    assert table.columns[1].kind == "number"
    assert [(v.raw, v.text) for v in table.column_values("売上")[1:]] == [
        (None, "－"), (None, "…"), (None, "-"), (None, "―"), (None, "—")]


def test_a_nil_mark_in_a_text_column_stays_text(tmp_path):
    table = read_workbook(book(tmp_path)).tables["sales"]
    assert table.column_values("備考")[1].raw == "－"


def test_column_options_become_styles_and_formats(tmp_path):
    options = "align.地域=center; hide=備考; width.地域=30%; format.売上=#,##0\"円\""
    doc = read_workbook(book(tmp_path, options))
    block = table_block(doc)
    assert block.styles == (ColumnStyle("center", False, 0.3), ColumnStyle(), ColumnStyle(None, True, None))
    assert [v.text for v in block.table.column_values("売上")] == ["120円", "80円", "200円"]
    assert doc.tables["sales"].columns[1].number_format == '#,##0"円"'
    assert doc.charts["by_region"].table is doc.tables["sales"]


def test_no_column_options_means_no_styles(tmp_path):
    assert table_block(read_workbook(book(tmp_path))).styles == ()


@pytest.mark.parametrize("options, expected", [
    ("colour=red", "content!E2: unknown option 'colour' for a table (expected total, hide, sheet_title, align.COLUMN"),
    ("align.金額=right", "content!E2: no column '金額' in table 'sales' (columns: 地域, 売上, 備考)"),
    ("align.地域=middle", "content!E2: align.地域=middle (expected left, center or right)"),
    ("total=first", "content!E2: total=first (expected auto, last or none)"),
    ("width.地域=wide", "content!E2: width.地域=wide (expected a share of the table's width, like 30%)"),
    ("width.地域=60%; width.備考=50%", "content!E2: column widths add up to 110% (expected at most 100%)"),
    ("format.地域=0.0", "content!E2: format.地域: column '地域' holds text"),
    ("hide=地域, 売上, 備考", "content!E2: hide names every column of the table"),
])
def test_bad_table_options_are_located(tmp_path, options, expected):
    assert any(e.startswith(expected) for e in errors(book(tmp_path, options))), errors(book(tmp_path, options))


def test_one_sheet_shown_twice_with_other_totals_is_an_error(tmp_path):
    content = [HEADER, ("table", None, "sales", "a", "total=none"), ("table", None, "sales", "b", "total=last")]
    path = make_workbook(tmp_path / "wb.xlsx", content=content, charts=CHARTS, tables={"sales": SALES})
    assert any(e.startswith("content!E3: table 'sales' is shown with other total or format options at content!E2")
               for e in errors(path))


def test_sheet_title_names_the_appendix_sheet(tmp_path):
    assert table_block(read_workbook(book(tmp_path, "sheet_title= 売上 "))).sheet_title == "売上"
    assert table_block(read_workbook(book(tmp_path))).sheet_title == ""
    assert any(e.startswith("content!E2: sheet_title is empty") for e in errors(book(tmp_path, "sheet_title=")))
