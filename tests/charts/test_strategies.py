"""What the plan decides when data do not fit: phrase-boundary wrapping, horizontal bars
for long names, thinned dates, upright short names, legends below in columns, half width
becoming full, myriad and scaled value axes, pie shares and その他, total rows."""

from __future__ import annotations

from dataclasses import replace

import pytest

from chart_samples import spec
from stress_samples import (
    dates12, long_bars, long_series, many_categories, many_series, pie_with_total, stacked_yen,
)
from reportgen.charts.categories import Fonts, fit_wrapped, thinned
from reportgen.charts.mpl.figure import tick_number
from reportgen.charts.plan import FLOOR, make_plan
from reportgen.model import ChartOptions, Theme

THEME = Theme()
FONTS = Fonts(THEME.font_regular, THEME.font_fallback)


def test_labels_break_only_between_whole_phrases():
    ticks = fit_wrapped(("中小企業のデジタル化支援プログラム",), 60, 7.0, 7.0, FONTS)
    assert ticks is not None
    lines = ticks.labels[0].split("\n")
    assert "プログラム" in lines and not any(line == "中" for line in lines)
    assert fit_wrapped(("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh",), 60, 7.0, FLOOR, FONTS) is None


def test_long_names_on_vertical_bars_turn_the_chart_horizontal():
    plan = make_plan(long_bars(), THEME)
    assert plan.kind == "barh"
    assert all(label.count("\n") < 3 for label in plan.tick_labels)
    assert "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh" in plan.tick_labels
    assert plan.height_pt > 226  # grown for thirteen rows


def test_dates_are_shortened_to_months_and_thinned_from_the_latest():
    plan = make_plan(dates12(), THEME)
    shown = [t for t in plan.tick_labels if t]
    assert plan.categories[0] == "2011/9/30" and shown[-1] == "2017/3"
    assert 3 <= len(shown) < 12 and plan.tick_labels[-1] == "2017/3"


def test_a_date_format_option_formats_date_categories():
    chart = replace(dates12(), options=ChartOptions(date_format='yy"年"m"月"'))
    assert make_plan(chart, THEME).tick_labels[-1] == "17年3月"


def test_thinning_keeps_every_label_when_there_is_room():
    assert thinned(("1月", "2月", "3月"), 40, 7.0, FONTS).labels == ("1月", "2月", "3月")


def test_short_names_in_narrow_slots_stand_upright_on_a_line_chart():
    plan = make_plan(many_categories("line"), THEME)
    assert plan.kind == "line" and plan.tick_labels[0] == "北\n海\n道"


def test_many_categories_on_bars_become_horizontal_bars():
    assert make_plan(many_categories("bar"), THEME).kind == "barh"


def test_long_series_names_go_below_the_plot_wrapped_in_columns():
    plan = make_plan(long_series(), THEME)
    assert plan.legend.where == "bottom" and plan.legend.cols >= 1
    assert all(label.count("\n") <= 1 for label in plan.legend.labels)


def test_a_half_width_chart_whose_legend_crowds_the_plot_becomes_full_width():
    names = ("とても長い系列名その一の利用者数の推移", "とても長い系列名その二の利用者数の推移",
             "とても長い系列名その三の利用者数の推移", "とても長い系列名その四の利用者数の推移",
             "とても長い系列名その五の利用者数の推移", "とても長い系列名その六の利用者数の推移")
    chart = many_series("line")
    table = chart.table
    columns = (table.columns[0], *(replace(c, name=n) for c, n in zip(table.columns[1:], names)))
    chart = replace(chart, table=replace(table, columns=columns), series=names, width="half")
    plan = make_plan(chart, THEME)
    assert plan.width == "full" and any("full width" in note for note in plan.notes)


def test_many_line_points_label_only_the_last_of_each_series():
    plan = make_plan(many_series("line"), THEME)
    assert all(sum(1 for t in s.labels if t) == 1 and s.labels[-1] for s in plan.series)


def test_many_grouped_bars_show_a_value_axis_instead_of_labels():
    plan = make_plan(many_series("bar"), THEME)
    assert plan.value_axis and not plan.data_labels


def test_yen_in_billions_are_written_in_myriads():
    plan = make_plan(stacked_yen(), THEME)
    assert plan.axis.unit == (10**8, "億")
    assert plan.series[0].labels[0] == "12億円"
    assert tick_number(2.5e9, [0, 1e9, 2e9, 3e9], plan.axis.unit) == "25億"
    assert tick_number(7.5e8, [0, 2.5e8, 5e8, 7.5e8], plan.axis.unit) == "7.5億"


def test_the_scale_option_divides_the_values_and_names_the_unit():
    chart = replace(stacked_yen(), options=ChartOptions(scale="億", min=0, max=4e9))
    plan = make_plan(chart, THEME)
    assert plan.unit_label == "単位：億円"
    assert plan.series[0].values[0] == pytest.approx(12.0)
    assert plan.series[0].labels[0] == "12.0"
    assert (plan.axis.low, plan.axis.high) == (0, 40)


def test_percent_columns_get_a_percent_axis():
    assert tick_number(0.25, [0, 0.25, 0.5], (100, "%")) == "25%"


def test_a_pie_leaves_out_the_total_row_groups_small_slices_and_shows_shares():
    plan = make_plan(pie_with_total(), THEME)
    assert "合計" not in plan.categories
    assert plan.categories[-1] == "その他" and plan.series[0].values[-1] == 23
    assert plan.slice_labels[0] == "45.0%"
    assert plan.series[0].labels[0] == "420億円（45.0%）"
    assert any(label.startswith("東日本\n420億円") for label in plan.legend.labels)


def test_pie_figures_follow_the_percent_option():
    value = make_plan(replace(pie_with_total(), options=ChartOptions(percent="value", other=0)), THEME)
    assert value.slice_labels[0] == "420億円" and len(value.categories) == 6
    share = make_plan(replace(pie_with_total(), options=ChartOptions(percent="percent")), THEME)
    assert share.series[0].labels[0] == "45.0%" and share.unit_label == ""


def test_labels_off_leaves_the_bars_unlabelled_with_a_value_axis():
    plan = make_plan(spec("barh", options=ChartOptions(labels=False)), THEME)
    assert not plan.data_labels and plan.value_axis


def test_shortened_names_are_given_in_full_in_the_alt_text():
    from reportgen.charts.alttext import alt_text

    chart = spec("stacked", series=("拠出額", "追加拠出"), highlight=None)
    plan = make_plan(chart, THEME)
    full = "天猫のマーチャント（出店企業）のプラットフォームサービス料免除"
    assert any(f == full for _, f in plan.short_names)
    assert full in alt_text(chart, plan.short_names)


def test_one_series_keeps_one_figure_style():
    """310,042 reads `31万42` in myriads but 275,290 is no shorter as `27万5,290`: the whole
    series keeps the cells' own format rather than mixing the two."""
    from stress_samples import chart, table

    rows = [("韓国", 310042), ("台湾", 275290), ("中国", 144922), ("香港", 112138)]
    tbl = table("visitors", [("国", "text", "General"), ("人数", "number", "#,##0")], rows)
    plan = make_plan(chart("visitors", "barh", tbl, ("人数",), unit="人"), THEME)
    labels = [t for t in plan.series[0].labels if t]
    assert labels and all("万" not in t for t in labels), labels


def test_the_appendix_chart_follows_the_drawing_on_dates_and_crowded_labels():
    """Month-end dates read `2011/9` in both outputs; a 36-point line gets no value labels in
    Excel (which cannot thin them as the drawing does) and keeps its value grid."""
    from stress_samples import dates12

    from reportgen.charts.dates import date_format
    from reportgen.render.xlsx.charts import _crowded

    spec = dates12()
    assert date_format(spec) == "yyyy/m"
    assert date_format(replace(spec, options=ChartOptions(date_format="yy年m月"))) == "yy年m月"
    assert not _crowded(spec)
    assert _crowded(many_series("line"))
