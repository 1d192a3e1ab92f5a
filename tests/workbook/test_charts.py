"""The charts sheet: options, `{name}` figures and every chart check made by the reader,
so that `validate` and `build` report the same chart problems."""

from __future__ import annotations

import pytest

from reportgen.diagnostics import ReportError
from reportgen.model import ChartOptions
from reportgen.workbook import read_workbook
from reportgen.workbook.chartoptions import parse_options
from wbfactory import CHARTS, TABLES, make_workbook

HEADER = (*CHARTS[0], "caption", "sort", "highlight", "width", "options")
ROW = CHARTS[1]


def row(**cells) -> tuple:
    """The default chart row with some of its later columns set by name."""
    later = {name: cells.get(name) for name in HEADER[len(ROW):]}
    base = dict(zip(HEADER, ROW))
    base.update({k: v for k, v in cells.items() if k in base})
    return tuple(base[k] for k in HEADER[:len(ROW)]) + tuple(later.values())


def errors(tmp_path, *rows, **kw) -> list[str]:
    with pytest.raises(ReportError) as exc:
        read_workbook(make_workbook(tmp_path / "wb.xlsx", charts=[HEADER, *rows], **kw))
    return [str(d) for d in exc.value.diagnostics]


def read(tmp_path, *rows, **kw):
    return read_workbook(make_workbook(tmp_path / "wb.xlsx", charts=[HEADER, *rows], **kw))


def test_options_are_read_into_the_spec(tmp_path):
    doc = read(tmp_path, row(options="legend=right; scale=億\nmin=0; max=100; labels=off; height=90mm"))
    options = doc.charts["by_entity"].options
    assert (options.legend, options.scale, options.min, options.max, options.labels, options.height_mm) == \
        ("right", "億", 0.0, 100.0, False, 90.0)


def test_no_options_are_the_defaults(tmp_path):
    assert read(tmp_path, row()).charts["by_entity"].options == ChartOptions()


def test_every_option_problem_is_located_at_the_options_cell(tmp_path):
    found = errors(tmp_path, row(options="legend=left; colour=red; min=x; rotate=33; percent=both; labels"))
    assert found == [
        "charts!L2: option 'legend': found 'left', expected bottom, right, top or none",
        "charts!L2: unknown option 'colour' (expected legend, rotate, date_format, scale, min, max, labels, "
        "percent, other, height, totals)",
        "charts!L2: option 'min': found 'x', expected a number",
        "charts!L2: option 'rotate': found '33', expected one of 0, 30, 45, 60, 90 (degrees)",
        "charts!L2: option 'percent' applies to pie and donut charts only, not to a bar chart",
        "charts!L2: option 'labels' has no value (write key=value, e.g. legend=right)",
    ]


def test_min_must_be_below_max_and_dates_need_a_date_column():
    assert parse_options("min=5; max=5", "bar")[1] == ["option min=5 is not below max=5"]
    assert parse_options("scale=億", "pie")[1] == ["option 'scale' applies to charts with axes, not to a pie chart"]


def test_a_date_format_for_a_text_category_is_an_error(tmp_path):
    assert errors(tmp_path, row(options="date_format=yyyy/m")) == [
        "charts!L2: option 'date_format': column '拠出主体' holds text, not dates"]


def test_figures_expand_in_title_unit_and_caption(tmp_path):
    spec = read(tmp_path, row(title="合計{total}の内訳", caption="総額 {total:億万}")).charts["by_entity"]
    assert spec.title == "合計33.56億元の内訳"
    assert spec.caption == "総額 33億5,600万元"


def test_an_unknown_figure_in_a_title_is_located(tmp_path):
    assert errors(tmp_path, row(title="{nope}の内訳")) == [
        "charts!F2: {nope} names no row of 'values' and no defined name"]


def test_pie_checks_are_made_by_the_reader(tmp_path):
    tables = {**TABLES, "mixed": [("名", "額"), ("a", 3.0), ("b", -1.0)], "zero": [("名", "額"), ("a", 0.0)]}
    found = errors(tmp_path, row(id="p", type="pie", table="mixed", category="名", series="額"),
                   row(id="z", type="donut", table="zero", category="名", series="額"), tables=tables)
    assert found == ["mixed!B3: chart 'p': a pie chart cannot show the negative value -1.00億元",
                     "charts!E3: chart 'z': a donut chart needs a value above zero"]


def test_a_table_without_rows_is_an_error_at_its_table_cell(tmp_path):
    tables = {**TABLES, "empty": [("名", "額")]}
    found = errors(tmp_path, row(table="empty", category="名", series="額"), tables=tables)
    assert "charts!C2: chart 'by_entity': table 'empty' has no rows to plot" in found


def test_a_total_row_is_never_plotted_unless_asked(tmp_path):
    tables = {**TABLES, "regions": [("地域", "売上"), ("東", 4.0), ("西", 3.0), ("合計", 7.0)]}
    doc = read(tmp_path, row(id="p", type="pie", table="regions", category="地域", series="売上"),
               row(id="t", type="bar", table="regions", category="地域", series="売上", options="totals=include"),
               tables=tables)
    assert doc.charts["p"].categories() == ("東", "西")
    assert doc.charts["t"].categories() == ("東", "西", "合計")
