"""Excel number-format codes → displayed text.

Expected texts were checked against LibreOffice Calc's "as shown" CSV export of the
same cells, except where noted: General follows Excel's 11-character column, `_x`
padding and the `?` alignment spaces of fractions print nothing, `#.##` keeps its point and a negative number rounding to zero
keeps its sign, as Excel does.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from reportgen.numfmt import (
    NumberFormatError,
    format_value,
    general,
    is_date_format,
    literal_suffix,
)

GENERAL = [
    (1234.5, "1234.5"),
    (100, "100"),
    (3356000000, "3356000000"),
    (0.1 + 0.2, "0.3"),
    (1 / 3, "0.333333333"),
    (2 / 3, "0.666666667"),
    (1234.56789012, "1234.56789"),
    (12345678901.5, "12345678902"),
    (123456789012.5, "1.23457E+11"),
    (0.0001234, "0.0001234"),
    (0.00001234, "0.00001234"),
    (0.000001234, "1.234E-06"),
    (-7.5, "-7.5"),
    (1e20, "1E+20"),
    (0, "0"),
    (-0.0, "0"),
    (5.0, "5"),
]

NUMBERS = [
    (2.675, "0.00", "2.68"),  # Excel rounds the 15-digit value, not the binary one
    (2.5, "0", "3"),
    (-2.5, "0", "-3"),
    (0.5, "0", "1"),
    (-0.4, "0", "-0"),
    (1234567, "#,##0", "1,234,567"),
    (-1234567, "#,##0", "-1,234,567"),
    (999, "#,##0", "999"),
    (1000, "#,##0", "1,000"),
    (5, "0,000", "0,005"),
    (0, "#,##0", "0"),
    (0, "#,###", ""),
    (1234.5678, "#,##0.00", "1,234.57"),
    (-1234.5678, "#,##0.00", "-1,234.57"),
    (0.05, "0.0", "0.1"),
    (12, "000", "012"),
    (1.25, "0.0#", "1.25"),
    (1.2, "0.0#", "1.2"),
    (1.5, "0.0?", "1.5 "),
    (5.5, ".00", "5.50"),
    (0.5, ".00", ".50"),
    (5, "#.##", "5."),
    (27.63, '#,##0.00"億元"', "27.63億元"),
    (12.345, '0.0"億円"', "12.3億円"),
    (1234, '#,##0"人"', "1,234人"),
    (3, "0\\人", "3人"),
    (3, "\\$0", "$3"),
    (5, "0 kg", "5 kg"),  # era letters in a number code are text
    (1000, '"¥"#,##0', "¥1,000"),
    (1000, "[$¥-411]#,##0", "¥1,000"),
    (0.123, "0.0%", "12.3%"),
    (0.96, "0%", "96%"),
    (0.5, "#,##0.00 \\%", "0.50 %"),
    (1234567, "#,##0,", "1,235"),
    (1234567, '#,##0.0,,"M"', "1.2M"),
    (12345000, '#,##0,"千円"', "12,345千円"),
    (1234, "#,##0_);(#,##0)", "1,234"),
    (-1234, "#,##0_);(#,##0)", "(1,234)"),
    (-1234, "#,##0;[Red]-#,##0", "-1,234"),
    (-1234, "[Blue]#,##0;[Red]\\▲#,##0", "▲1,234"),
    (-5, "0;0;0", "5"),
    (0, '0;-0;"-"', "-"),
    (0, '#,##0;-#,##0;"―"', "―"),
    (7, '0;-0;"-"', "7"),
    (150, '[>=100]"big"0;0.0', "big150"),
    (50, '[>=100]"big"0;0.0', "50.0"),
    (-5, "[<0]0.0;0", "5.0"),  # a section only for negatives carries its own sign, as in Excel
    (-1234, "[Red][<0]-#,##0;[Blue]#,##0", "-1,234"),
    (1234, "[Red][<0]-#,##0;[Blue]#,##0", "1,234"),
    (-5, "[<=-1]0.0;0", "-5.0"),  # not only negatives: the sign shows
    (-5, '[>=1000]#,##0,"千";0;"ゼロ"', "5"),  # a second section without a condition takes the negatives
    (5, '[>=1000]#,##0,"千";0;"ゼロ"', "ゼロ"),
    (1000001, "000-0000", "100-0001"),
    (312345678, "00-0000-0000", "03-1234-5678"),
    (5551234, "###-####", "555-1234"),
    (1234, "###-####", "-1234"),
    (1.25, '0.0" "0', "1.2 5"),
    (12345678901234567, "#,##0", "12,345,678,901,234,600"),  # Excel keeps 15 significant digits
    (12345678901234567, "0", "12345678901234600"),
    (7, "?,??0", "    7"),  # the comma's place among padding is a space
    (0, "#E+0", "0E+0"),
    (0.5, "0 ?/?", "0 1/2"),
    (0.001, "?/4", "0/4"),
    (12345, "0.00E+00", "1.23E+04"),
    (9.999, "0.00E+00", "1.00E+01"),
    (0.00012, "0.0E+0", "1.2E-4"),
    (0.00012, "0.0E-0", "1.2E-4"),
    (12345, "0.0E-0", "1.2E4"),
    (12345, "##0.0E+0", "12.3E+3"),
    (0, "0.00E+00", "0.00E+00"),
    (42, "General", "42"),
    (-42, 'General;"minus "General', "minus 42"),
    (1234, "* #,##0", "1,234"),
    (7, "", "7"),
    (1.5, "# ?/?", "1 1/2"),  # fractions: `?` alignment spaces left out
    (0.5, "# ?/?", "1/2"),
    (2, "# ?/?", "2"),
    (-1.25, "# ?/?", "-1 1/4"),
    (3.14159, "# ??/??", "3 14/99"),
    (2.7, "# ??/??", "2 7/10"),
    (1.5, "?/?", "3/2"),
    (0.3, "# ?/4", "1/4"),
    (0.99, "# ?/4", "1"),
    (1.5, '# ?/?" in"', "1 1/2 in"),
    (1e30, "0.00", "1" + "0" * 30 + ".00"),  # beyond Decimal's default 28 digits
    (1e20, "0%", "1" + "0" * 22 + "%"),
]

DATES = [
    (dt.date(2019, 5, 1), '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"', "令和元年5月1日"),
    (dt.date(2020, 5, 1), '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"', "令和2年5月1日"),
    (dt.date(1989, 1, 8), "[$-411]ggge年m月d日", "平成1年1月8日"),  # without the gannen tag
    (45000.999999, "d-mmm-yy", "15-Mar-23"),  # a date alone is the day the serial falls in
    (45000.999999, "h:mm:ss", "0:00:00"),  # a time is rounded to the second shown
    (dt.date(2020, 5, 15), "yyyy/m/d", "2020/5/15"),
    (dt.date(2020, 5, 15), 'yyyy"年"m"月"d"日"', "2020年5月15日"),
    (dt.date(2020, 5, 15), '[$-411]ggge"年"m"月"d"日"', "令和2年5月15日"),
    (dt.date(2020, 5, 15), "m/d", "5/15"),
    (dt.date(2020, 5, 15), "yy/mm/dd", "20/05/15"),
    (dt.date(2020, 5, 15), "d mmm yyyy", "15 May 2020"),
    (dt.date(2020, 5, 15), "dddd, mmmm d", "Friday, May 15"),
    (dt.date(2020, 5, 15), "mmmmm", "M"),
    (dt.date(2020, 5, 15), "[$-411]aaaa", "金曜日"),
    (dt.date(2020, 5, 15), 'm"月"d"日"(aaa)', "5月15日(金)"),
    (dt.date(2020, 5, 15), "[$-411]mmm ddd", "5月 金"),
    (dt.date(2019, 4, 30), '[$-411]ggge"年"', "平成31年"),
    (dt.date(2019, 5, 1), '[$-411]ggge"年"', "令和1年"),
    (dt.date(1989, 1, 7), '[$-411]gge"年"', "昭64年"),
    (dt.date(1989, 1, 8), "[$-411]ge", "H1"),
    (dt.date(2020, 5, 15), "[$-411]gee", "R02"),
    (dt.datetime(2020, 5, 15, 18, 0), "yyyy-mm-dd hh:mm:ss", "2020-05-15 18:00:00"),
    (dt.datetime(2020, 5, 15, 9, 3, 7, 500000), "h:mm:ss.00", "9:03:07.50"),
    (dt.datetime(2020, 5, 15, 10, 29, 59), "h:mm", "10:29"),
    (dt.time(13, 5), "h:mm", "13:05"),
    (dt.time(13, 5, 9), "hh:mm:ss", "13:05:09"),
    (dt.time(13, 5), "h:mm AM/PM", "1:05 PM"),
    (dt.time(9, 5), "h:mm A/P", "9:05 A"),
    (dt.time(13, 5), "[$-411]AM/PM h:mm", "午後 1:05"),
    (dt.time(0, 30), "mm:ss", "30:00"),
    (1.5, "[h]:mm", "36:00"),
    (0.5, "[mm]", "720"),
    (43966, "yyyy/m/d", "2020/5/15"),  # a serial number in a date format
    (60, "yyyy-mm-dd", "1900-02-29"),  # Excel's phantom leap day
    (61, "yyyy-mm-dd ddd", "1900-03-01 Thu"),
    (dt.date(2020, 5, 15), "0", "43966"),
    (3e6, "[h]", "72000000"),  # elapsed time runs past Excel's last date  # a date in a number format shows its serial
]


@pytest.mark.parametrize(("raw", "expected"), GENERAL)
def test_general_reads_like_excel(raw, expected):
    assert format_value(raw, "General") == expected
    assert general(raw) == expected


@pytest.mark.parametrize(("raw", "code", "expected"), NUMBERS)
def test_number_codes(raw, code, expected):
    assert format_value(raw, code) == expected


@pytest.mark.parametrize(("raw", "code", "expected"), DATES)
def test_date_and_time_codes(raw, code, expected):
    assert format_value(raw, code) == expected


@pytest.mark.parametrize(
    ("raw", "code", "expected"),
    [
        ("abc", '0;-0;0;"<"@">"', "<abc>"),
        ("abc", '0;-0;"<"@">"', "<abc>"),
        ("abc", "@", "abc"),
        ("abc", "0.00", "abc"),
        ("abc", "yyyy/m/d", "abc"),
        ("", "#,##0", ""),
        (True, "0.00", "TRUE"),
        (False, "General", "FALSE"),
        (None, "#,##0", ""),
        (12.5, "@", "12.5"),  # a number in a text-formatted cell reads as General
    ],
)
def test_text_bools_and_blanks(raw, code, expected):
    assert format_value(raw, code) == expected


@pytest.mark.parametrize(
    ("code", "suffix"),
    [
        ('#,##0.00"億元"', "億元"),
        ("0%", "%"),
        ('#,##0"人"', "人"),
        ('0.0"万人"', "万人"),
        ('#,##0,"千円"', "千円"),
        ("0\\人", "人"),
        ('0.0 "pt"', "pt"),
        ('#,##0"人";-#,##0"件"', "人"),
        ("General", ""),
        ("#,##0_)", ""),
        ('"¥"#,##0', ""),
        ("[$¥-411]#,##0", ""),
        ('yyyy"年"', ""),
        ("", ""),
    ],
)
def test_literal_suffix_is_the_unit_after_the_last_digit(code, suffix):
    assert literal_suffix(code) == suffix


@pytest.mark.parametrize(
    ("code", "is_date"),
    [
        ("yyyy/m/d", True),
        ('[$-411]ggge"年"m"月"d"日"', True),
        ("h:mm", True),
        ('0.00"億元"', False),
        ("#,##0", False),
        ("General", False),
        ("[Red]0", False),
        (None, False),
    ],
)
def test_is_date_format(code, is_date):
    assert is_date_format(code) is is_date


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        (-1, "yyyy/m/d", "negative"),
        (3e6, "yyyy", "past 9999-12-31"),
        (1, "0;0;0;@;0", "more than four sections"),
        (math.nan, "0", "not a number"),
        (math.inf, "General", "not a number"),
    ],
)
def test_what_cannot_be_shown_is_refused_with_a_reason(raw, code, message):
    with pytest.raises(NumberFormatError, match=message):
        format_value(raw, code)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_grouped_integers_read_back_as_the_same_integer(n):
    text = format_value(n, "#,##0")
    assert int(text.replace(",", "")) == n
    digits = text.lstrip("-").split(",")
    assert all(len(group) == 3 for group in digits[1:]) and 1 <= len(digits[0]) <= 3


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_two_places_show_the_value_exactly(d):
    text = format_value(float(d), "0.00")
    assert float(text) == pytest.approx(float(d), abs=1e-9)
    assert len(text.split(".")[1]) == 2


@given(st.floats(min_value=1e-4, max_value=1e10, allow_nan=False, allow_infinity=False))
@example(0.007921174517495251)
@example(9999999999.5)
def test_general_fits_eleven_characters_with_ten_digits_or_nine_decimals(x):
    text = general(x)
    assert "E" not in text and len(text) <= 11
    assert float(text) == pytest.approx(x, rel=5e-10 * 1.000001, abs=5e-10 * 1.000001)


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False))
def test_negative_section_shows_the_magnitude_in_brackets(x):
    text = format_value(x, "#,##0.0;(#,##0.0)")
    if x < 0:
        assert text.startswith("(") and text.endswith(")")
        assert format_value(-x, "#,##0.0") == text[1:-1]
    else:
        assert text == format_value(x, "#,##0.0")


@pytest.mark.parametrize(("fid", "raw", "expected"), [
    (14, dt.date(2020, 5, 15), "2020/5/15"),  # the locale's short date, as Japanese Excel shows id 14
    (22, dt.datetime(2020, 5, 15, 9, 5), "2020/5/15 9:05"),
    (31, dt.date(2020, 5, 15), "2020年5月15日"),  # ids 27-36 and 50-58 exist only in East Asian Excel
    (28, dt.date(2020, 5, 15), "令和2年5月15日"),
    (35, dt.date(2020, 5, 15), "5月15日"),
    (44, -1234.5, "$(1,234.50)"),  # openpyxl's table lacks the semicolons
    (47, 0.0179, "25:46.6"),  # and the colon
    (3, 1234, "1,234"),
])
def test_builtin_ids_read_as_japanese_excel_shows_them(fid, raw, expected):
    from reportgen.numfmt import builtin_format

    assert format_value(raw, builtin_format(fid)) == expected
