"""The chart plan, colours and alt text: what is drawn, decided without matplotlib."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reportgen.charts.alttext import alt_text
from reportgen.charts.colors import point_colors, series_color, tint
from reportgen.charts.plan import MM, make_plan
from reportgen.diagnostics import ReportError
from reportgen.model import Theme
from chart_samples import learners_table, programmes_table, spec

THEME = Theme()


def test_data_labels_are_the_cells_own_texts_in_display_order():
    plan = make_plan(spec("barh", sort="desc"), THEME)
    assert plan.series[0].labels == ("27.63億元", "6.10億元", "5.93億元", "5.00億元", "4.39億元", "3.60億元")
    assert plan.categories[0] == "アリババグループ"
    assert plan.series[0].values[:2] == (27.63, 6.1)


def test_labels_are_never_reformatted_from_the_number():
    table = programmes_table(2)
    odd = replace(table.rows[0][1], text="約27.6億元")  # whatever Excel showed is printed
    table = replace(table, rows=((table.rows[0][0], odd, table.rows[0][2]), table.rows[1]))
    assert make_plan(spec("bar", table=table), THEME).data_labels == ("約27.6億元", "5.93億元")


def test_sort_ascending_and_unsorted_keep_the_right_order():
    assert make_plan(spec("bar", sort="asc"), THEME).series[0].labels[0] == "3.60億元"
    assert make_plan(spec("bar"), THEME).categories == tuple(r[0].text for r in programmes_table().rows)


def test_sizes_are_full_and_half_width():
    full, half = make_plan(spec("bar"), THEME), make_plan(spec("pie", width="half"), THEME)
    assert (full.width_pt, full.height_pt) == pytest.approx((180 * MM, 80 * MM))
    assert (half.width_pt, half.height_pt) == pytest.approx((88 * MM, 70 * MM))


def test_long_categories_are_wrapped_and_short_ones_kept():
    plan = make_plan(spec("bar"), THEME)
    assert plan.tick_labels[0] == "アリババグループ"
    assert "\n" in plan.tick_labels[2]
    assert plan.tick_labels[2].replace("\n", "") == plan.categories[2]


def test_unit_label():
    assert make_plan(spec("bar"), THEME).unit_label == "単位：億元"
    assert make_plan(spec("bar", unit=""), THEME).unit_label == ""


def test_the_highlighted_category_is_accent_and_the_rest_primary():
    colors = point_colors(spec("barh", sort="desc"), THEME)
    assert colors == ((THEME.accent,) + (THEME.primary,) * 5,)
    assert make_plan(spec("barh", sort="asc"), THEME).highlight == 5


def test_series_take_the_palette_in_order():
    theme = replace(THEME, palette=("#111111", "#222222"))
    colors = point_colors(spec("stacked", series=("拠出額", "追加拠出")), theme)
    assert colors == (("#111111",) * 6, ("#222222",) * 6)
    assert series_color(theme, 2) == tint("#111111", 0.45)  # past the palette: lighter, never the same colour
    assert len({series_color(THEME, i) for i in range(3 * len(THEME.palette))}) == 3 * len(THEME.palette)


def test_pie_slices_use_the_palette_or_tints_around_the_highlight():
    plain = point_colors(spec("pie", highlight=None, table=programmes_table(3)), THEME)
    assert plain == (THEME.palette[:3],)
    marked = point_colors(spec("pie", table=programmes_table(3)), THEME)[0]
    assert marked[0] == THEME.accent and marked[1] == THEME.primary
    assert marked[2] == tint(THEME.primary, 0.62) and marked[2] != marked[1]


def test_alt_text_names_title_and_extremes():
    text = alt_text(spec("bar", table=programmes_table(2)))
    assert text == "施策別の拠出額。最大はアリババグループの27.63億元、最小はアントグループの5.93億元（2項目）"


def test_alt_text_of_a_line_tells_the_trend():
    text = alt_text(spec("line", table=learners_table()))
    assert text.startswith("DingTalkでオンライン学習をした学生数。学習者数は1月の2,100万人から5月の11,800万人へ推移")
    assert "最大は3月の13,000万人" in text


def test_alt_text_of_several_series_names_them():
    text = alt_text(spec("stacked", series=("拠出額", "追加拠出")))
    assert "系列は拠出額・追加拠出" in text and "27.63億元" in text


def _with_first_value(raw: float, text: str):
    table = programmes_table(3)
    first = table.rows[0]
    return replace(table, rows=((first[0], replace(first[1], raw=raw, text=text), first[2]),) + table.rows[1:])


def test_negative_bars_are_fine():
    plan = make_plan(spec("bar", table=_with_first_value(-1.0, "−1.00億元")), THEME)
    assert plan.series[0].values[0] == -1.0 and plan.series[0].labels[0] == "−1.00億元"
