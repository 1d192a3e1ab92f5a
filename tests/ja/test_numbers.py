"""Japanese myriad wording: oku_man, the {name:億万} placeholder, KPI figure/unit split."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.ja.numbers import myriad_format, oku_man, split_unit


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (3356000000, "33億5,600万"),
        (130000000, "1億3,000万"),
        (73000000, "7,300万"),
        (460000, "46万"),
        (25000, "2万5,000"),
        (10000, "1万"),
        (9999, "9,999"),
        (500, "500"),
        (0, "0"),
        (-460000, "-46万"),
        (-25000.0, "-2万5,000"),
        (100000001, "1億1"),
        (1.27e8, "1億2,700万"),
        (127000000.4, "1億2,700万"),
        (2.5, "3"),  # whole numbers, half away from zero
        (-2.5, "-3"),
        (99999999.5, "1億"),
        (1_234_567_890_123, "1兆2,345億6,789万123"),
        (12_345_6789_0000_0000, "12,345兆6,789億"),
    ],
)
def test_oku_man(n, expected):
    assert oku_man(n) == expected


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "12", True])
def test_oku_man_refuses_what_is_not_a_finite_number(bad):
    with pytest.raises((ValueError, TypeError)):
        oku_man(bad)


@given(st.integers(-(10**16), 10**16))
def test_oku_man_reads_back_as_the_same_number(n):
    text = oku_man(n)
    sign = -1 if text.startswith("-") else 1
    total = 0
    for digits, unit in re.findall(r"([\d,]+)([兆億万]?)", text):
        assert re.fullmatch(r"\d{1,3}(,\d{3})*", digits)
        total += int(digits.replace(",", "")) * {"兆": 10**12, "億": 10**8, "万": 10**4, "": 1}[unit]
    assert sign * total == n


@pytest.mark.parametrize(
    ("raw", "code", "expected"),
    [
        (33.56, '0.00"億元"', "33億5,600万元"),
        (27.63, '#,##0.00"億元"', "27億6,300万元"),
        (-33.56, '0.00"億元"', "-33億5,600万元"),
        (130000000, '#,##0"人"', "1億3,000万人"),
        (4.6, '0.0"万人"', "4万6,000人"),
        (1.27, '0.00"億"', "1億2,700万"),
        (12345, '#,##0"千円"', "1,234万5,000円"),
        (12345000, '#,##0,"千円"', "1,234万5,000円"),  # the trailing comma already divided
        (1500, '#,##0"百万円"', "15億円"),
        (12.5, '0.0"人"', "12.5人"),  # below 1万: no myriad to show, the format as it is
        (0.96, "0%", "96%"),
        (460000, "General", "46万"),
    ],
)
def test_myriad_format(raw, code, expected):
    assert myriad_format(raw, code) == expected


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("33.56億元", "33.56", "億元"),
        ("1億3,000万人", "1億3,000万", "人"),
        ("33億5,600万元", "33億5,600万", "元"),
        ("7,300万人", "7,300", "万人"),
        ("96%", "96", "%"),
        ("0.50 %", "0.50", "%"),
        ("¥1,000", "¥1,000", ""),
        ("-5億元", "-5", "億元"),
        ("１２３円", "１２３", "円"),
        ("46万", "46", "万"),
        ("なし", "なし", ""),
        ("", "", ""),
    ],
)
def test_split_unit(text, figure, unit):
    assert split_unit(text) == (figure, unit)


@given(st.text(alphabet="0123456789,.億万兆元人%¥ -", max_size=20))
def test_split_unit_loses_nothing_but_the_space_between(text):
    figure, unit = split_unit(text)
    assert text.replace(" ", "") == (figure + unit).replace(" ", "")


def test_chart_axes_share_the_myriad_units():
    from reportgen.ja.numbers import axis_unit, myriad_groups, myriad_tick, scale_of, unit_scale

    assert scale_of("億") == 10**8 and scale_of("百万") == 10**6 and scale_of("円") == 1
    assert unit_scale("百万円") == 10**6 and unit_scale("円") == 1
    assert axis_unit(3e9) == (10**8, "億") and axis_unit(250_000) == (10**4, "万") and axis_unit(55_000) == (1, "")
    assert myriad_tick(7.5e8, 10**8, "億", 1) == "7.5億" and myriad_tick(-2e8, 10**8, "億", 0) == "\u22122億"
    assert myriad_tick(0, 10**8, "億", 0) == "0"
    assert (myriad_groups(1.2e9), myriad_groups(4.1e8), myriad_groups(9_317_800_800)) == (1, 2, 3)
