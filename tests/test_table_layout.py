"""The shared column-width solver (reportgen.layout.table): minimums, preferred widths,
the slack shared by (preferred - minimum), the type size stepped down, compromises named."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.layout.table import (
    MIN_SIZE, ColumnContent, extents, solve, table_measure, text_pieces,
)
from reportgen.model import Theme

MEASURE = table_measure(Theme())


def pad(size: float) -> float:
    return 0.6 * size


def test_a_figure_a_date_and_a_percentage_are_one_unbreakable_piece_each():
    for text in ("400,000,000", "2023/12/28", "+13.6%", "12,345 人"):
        column = ColumnContent("h", (text,), unbreakable=True, figures=True)
        e = extents(column, MEASURE)
        assert e.minimum >= MEASURE(text.split()[0], False, True)


def test_a_latin_word_a_url_segment_and_a_short_phrase_are_kept_whole():
    pieces = {atom for _, atoms in text_pieces("SDGs推進 https://example.jp/products/one") for atom in atoms}
    assert "SDGs" in pieces and "products/" in pieces
    phrases = [p for p, _ in text_pieces("2020年度の事業")]
    assert any("2020年度" in p for p in phrases)


def test_short_columns_never_wrap_and_the_text_column_takes_the_slack():
    columns = [ColumnContent("No.", ("1", "10", "100"), unbreakable=True, figures=True),
               ColumnContent("団体名", ("ふるさとまちづくり協議会と地域の子ども食堂をつなぐ会" * 2,)),
               ColumnContent("交付額", ("1,234,000",), unbreakable=True, figures=True)]
    fit = solve(columns, 400, 9, MEASURE, pad)
    assert sum(fit.widths) == pytest.approx(400)
    assert fit.widths[0] == pytest.approx(fit.minimums[0])
    assert fit.widths[2] == pytest.approx(fit.minimums[2])
    assert fit.widths[1] > 250 and not fit.compromises


def test_a_wide_table_steps_the_type_size_down_and_says_so():
    columns = [ColumnContent(f"列{i}", ("1,234,567",), unbreakable=True, figures=True) for i in range(11)]
    fit = solve(columns, 480, 9, MEASURE, pad)
    assert MIN_SIZE <= fit.size < 9
    assert fit.compromises == (f"set at {fit.size:g} pt to fit 11 columns",)
    assert all(w >= m - 1e-6 for w, m in zip(fit.widths, fit.minimums))


def test_twenty_five_columns_do_not_crash_and_fill_the_width():
    columns = [ColumnContent(f"項目{i}", ("123,456,789", "—"), unbreakable=True, figures=True) for i in range(25)]
    fit = solve(columns, 480, 9, MEASURE, pad)
    assert fit.size == MIN_SIZE and sum(fit.widths) == pytest.approx(480)
    assert all(w > 0 for w in fit.widths) and fit.compromises


def test_a_width_hint_is_kept_when_the_minimums_allow():
    columns = [ColumnContent("名称", ("東京",), share=0.5), ColumnContent("金額", ("1,000",), unbreakable=True)]
    fit = solve(columns, 400, 9, MEASURE, pad)
    assert fit.widths[0] == pytest.approx(200)


texts = st.text(alphabet="0123456789,.%年月日あいうえおかきくけこABCxyz・（）ー", min_size=1, max_size=30)
column_strategy = st.builds(ColumnContent, header=texts, texts=st.lists(texts, min_size=1, max_size=5).map(tuple),
                            unbreakable=st.booleans(), figures=st.booleans())


@settings(max_examples=60, deadline=None)
@given(columns=st.lists(column_strategy, min_size=1, max_size=12), width=st.floats(150, 700))
def test_widths_add_up_to_the_width_and_keep_every_minimum_when_they_fit(columns, width):
    fit = solve(columns, width, 9, MEASURE, pad)
    assert sum(fit.widths) == pytest.approx(width)
    assert MIN_SIZE <= fit.size <= 9
    if sum(fit.minimums) <= width:
        assert all(w >= m - 1e-6 for w, m in zip(fit.widths, fit.minimums))
    else:
        assert fit.compromises
