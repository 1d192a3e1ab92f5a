"""(value, number format) pairs for the differential test against LibreOffice: Excel's
built-in formats, the Japanese ones, and seeded random compositions of every part of
the format language (placeholders, literals between them, sections, conditions,
colours, scaling, percent, exponents, fractions, dates and eras)."""

from __future__ import annotations

import random

from openpyxl.styles.numbers import BUILTIN_FORMATS

SEED = 21

JAPANESE = (
    '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"', "ggge年m月d日", "[$-411]ggge年m月d日", "[$-411]gge年m月d日",
    "[$-411]ge.m.d", "[$-411]yyyy年m月d日(aaa)", "[$-411]m月d日(aaaa)", "yyyy年m月d日", "m月d日",
    "yyyy/m/d h:mm", '"¥"#,##0;[赤]"△"#,##0', '"¥"#,##0;"△"#,##0', '#,##0"円"', '#,##0.00"億元"',
    '#,##0"人"', '0.0"万人"', '#,##0,"千円"', '#,##0,,"百万円"', "[$¥-411]#,##0", "[$￥-411]#,##0;[RED]-[$￥-411]#,##0",
    '#,##0;"▲"#,##0', '#,##0;[Red]"▲"#,##0', '0.0%;"△"0.0%', "[DBNum1][$-411]General", "[$-411]h時mm分",
    'yyyy"年"mm"月"dd"日"', "[$-411]ggg", "[$-411]e", "[$-411]ee", "[$-411]gg",
)

# numbers that test rounding, grouping, 15 significant digits, signs and zero
NUMBERS = (
    0, 1, -1, 7, -7, 0.5, -0.5, 1.5, 2.5, 2.675, 0.125, 12.345, 1234.5678, -1234.5678, 1000001, 312345678,
    5551234, 1234, 12345678901234567, 123456789012345678, 9.99, 99.995, 0.001, 0.0004, 1e-7, 1e15, 123456789012,
    -0.04, 0.999, 1e20, 42, 100, 1000, -1000, 3.14159265358979, 65.5, 0.333333333333333, 2 / 3, 1 / 7,
)
# serial numbers: Excel's dates (1900 system) with times, around era changes
SERIALS = (
    1, 59, 61, 366, 10000.25, 32516, 32516.75, 43585, 43586, 43586.5, 43966, 43966.9999, 44000.123456,
    45000.999999, 2958465, 0.5, 0.25, 0.999988, 1.5, 9860.1, 9861, 200.75,
)

_INT = ("0", "#", "?", "#,##0", "0,000", "#,###", "000-0000", "00-0000-0000", "###-####", "0 0", '0"-"00', "##0",
        "#,##0 ", "00", "#0", "?,??0", "000", '0"年"00', "0\\-000")
_FRAC = ("", ".", ".0", ".00", ".000", ".##", ".0#", ".??", ".0?", ".00 0")
_AROUND = ('"億元"', '"人"', '"¥"', "\\$", '"△"', '"件"', '"(税込)"', "\\-", '" "', "_)", "(", ")",
           '"kg"', "\\+", '"＋"')  # no `*x` fill: it repeats to the column's width, which text has not
_COLOURS = ("[Red]", "[Blue]", "[Green]", "[Color10]", "[RED]", "[Black]")
# realistic condition sets: (first, second); a format with two conditions gets a third section
_CONDITIONS = (("[<0]", ""), ("[>=1000]", ""), ("[<=-1]", ""), ("[>=1000]", "[>=100]"), ("[<=-1]", "[>=1]"),
               ("[>100]", ""), ("[=0]", ""), ("[Red][<0]", "[Blue]"), ("[>=10000]", "[<=-10000]"))
_DATE_PARTS = ("yyyy", "yy", "m", "mm", "mmm", "mmmm", "d", "dd", "ddd", "dddd", "h", "hh", "h:mm", "hh:mm:ss",
               "mm:ss", "h:mm AM/PM", "h:mm:ss.0", "ggge", "gge", "aaa", "aaaa")
_ELAPSED = ("[h]:mm", "[mm]:ss", "[h]:mm:ss")  # elapsed time leads its code
_JAPANESE_PARTS = ("ggge", "gge", "aaa", "aaaa")  # only meaningful with a Japanese locale tag
_DATE_SEPARATORS = ("/", "-", " ", "年", "月", "日", '"年"', ":")
# e+ and e- read as an exponent in LibreOffice; E+ after a date code is unusual in Excel too


def number_section(rng: random.Random) -> str:
    body = rng.choice(_INT) + rng.choice(_FRAC)
    if rng.random() < 0.1:
        body = rng.choice(("0.00E+00", "##0.0E+0", "0E+00", "0.0E-0", "#E+0", "0.000E+00"))
    elif rng.random() < 0.15:
        body += "%"
    elif rng.random() < 0.1:
        body += rng.choice((",", ",,"))
    if rng.random() < 0.4:
        body = rng.choice(_AROUND) + body
    if rng.random() < 0.5:
        body += rng.choice(_AROUND + (" ",))  # an unquoted space: a literal (LibreOffice moves a leading one)
    if rng.random() < 0.2:
        body = rng.choice(_COLOURS) + body
    return body


def number_format(rng: random.Random) -> str:
    count = rng.choice((1, 1, 2, 2, 3, 4))
    sections = [number_section(rng) for _ in range(count)]
    if count == 4:
        sections[3] = rng.choice(('"<"@">"', "@", '@" 様"', '"text"'))
    if count >= 2 and rng.random() < 0.3:
        first, second = rng.choice(_CONDITIONS)
        sections = [s.split("]", 1)[1] if s.startswith(_COLOURS) else s for s in sections]
        sections[0], sections[1] = first + sections[0], second + sections[1]
        if any(op in second for op in "<>="):  # two conditions: a third section takes the rest
            sections[2:3] = [sections[2] if len(sections) > 2 else number_section(rng)]
    if rng.random() < 0.05:
        sections.insert(0, rng.choice(("# ?/?", "# ??/??", "?/4", "# ?/8", "0 ?/?")))
        sections = sections[:1]
    return ";".join(sections)


def date_format(rng: random.Random) -> str:
    if rng.random() < 0.08:
        return rng.choice(_ELAPSED)  # elapsed time, as Excel offers it: alone
    parts = rng.sample(_DATE_PARTS, rng.choice((1, 2, 3, 3, 4)))
    text = ""
    for part in parts:
        separators = [s for s in _DATE_SEPARATORS if not (part.endswith("e") and s == "-")]
        text += part + rng.choice(separators)
    if rng.random() < 0.3 or any(p in _JAPANESE_PARTS for p in parts):
        text = "[$-411]" + text
    return text.rstrip()


def pairs(count: int = 3000) -> list[tuple[float | int | str, str]]:
    """About `count` pairs, the same ones on every run."""
    rng = random.Random(SEED)
    # 14 and 22 show the locale's date (yyyy/m/d in Japanese Excel); openpyxl's 44 lacks its
    # semicolons and 47 its colon: the reader corrects these (numfmt.BUILTIN_JA), tested apart
    formats = [f for i, f in BUILTIN_FORMATS.items() if i not in (0, 14, 22, 44, 47)]
    out: list[tuple[float | int | str, str]] = []
    for code in formats + list(JAPANESE):
        date = any(ch in code.lower() for ch in "ymdhsge") and "0" not in code and "#" not in code
        for value in rng.sample(SERIALS if date else NUMBERS, 8):
            out.append((value, code))
    while len(out) < count:
        if rng.random() < 0.25:
            out.append((rng.choice(SERIALS), date_format(rng)))
        else:
            value = rng.choice(NUMBERS) if rng.random() < 0.7 else round(rng.uniform(-1e6, 1e6), rng.randint(0, 6))
            out.append((value, number_format(rng)))
    for code in rng.sample(sorted({c for _, c in out}), 40):
        out.append((rng.choice(("abc", "株式会社")), code))
    return out
