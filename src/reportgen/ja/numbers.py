"""Japanese number wording: figures in myriad units (万, 億, 兆) for sentences and KPI
cards.

In: a number (and, for `myriad_format`, the cell's number-format code). Out: text such
as `33億5,600万元`; `split_unit` cuts a formatted figure into the part printed large on
a KPI card and the unit printed small beside it. Chart axes use the same unit words:
`scale_of` (the `scale` option: 億 → 10^8), `axis_unit` and `myriad_tick` (ticks such as
`5億`, `7.5億`).

Written by hand: the PyPI converters (kanjize, japanese-numbers-python, …) write kanji
numerals or parse them; none writes the mixed style Japanese newspapers use, Arabic
digits with thousands separators inside each 万 group.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_MYRIADS = ((10**12, "兆"), (10**8, "億"), (10**4, "万"))
# unit words that scale a figure, longest first: 千万円 is 1e7 円, 千円 is 1e3 円
_SCALES = (("兆", 10**12), ("千万", 10**7), ("百万", 10**6), ("億", 10**8),
           ("万", 10**4), ("千", 10**3))
_MYRIAD_CHARS = "兆億万"


def oku_man(n: float | int) -> str:
    """`n` in myriad units with separators inside each group: 3356000000 → '33億5,600万',
    25000 → '2万5,000', -460000 → '-46万'. A non-integer is first rounded to a whole
    number, half away from zero, on its 15 significant digits (127000000.4 → '1億2,700万')."""
    whole = int(_whole(n))
    if whole < 0:
        return "-" + oku_man(-whole)
    if whole == 0:
        return "0"
    parts = []
    for size, word in _MYRIADS:
        group, whole = divmod(whole, size)
        if group:
            parts.append(f"{group:,}{word}")
    if whole:
        parts.append(f"{whole:,}")
    return "".join(parts)


def myriad_format(raw: float, code: str) -> str:
    """The workbook's `{name:億万}`: `raw` scaled by the unit word that starts the
    code's literal suffix (億, 万, 兆, 百万, 千万, 千), written by `oku_man`, the rest of
    the unit after it: 33.56 in '0.00"億元"' → '33億5,600万元'. A figure below 1万
    once scaled has no myriad to show and prints with its number format as it is."""
    numfmt = _numfmt()
    suffix = numfmt.literal_suffix(code)
    if "%" in suffix:
        return numfmt.format_value(raw, code)  # a percentage is never written in myriads
    scale, rest = _scale(suffix)
    value = _exact(raw) * scale / Decimal(1000) ** _scaling_commas(code)
    if abs(_whole(value)) < 10**4:
        return numfmt.format_value(raw, code)
    return oku_man(value) + rest


def scale_of(word: str) -> int:
    """The factor a unit word stands for (億 → 10^8, 百万 → 10^6); 1 for any other text."""
    return _scale(word)[0] if _scale(word)[1] == "" else 1


def unit_scale(unit: str) -> int:
    """The factor of the scale word a unit starts with (百万円 → 10^6, 円 → 1)."""
    return _scale(unit)[0]


def axis_unit(largest: float) -> tuple[int, str]:
    """The myriad (10^4, 10^8, 10^12) in which axis ticks up to `largest` are written,
    or (1, "") below 10万, where plain figures with separators read better."""
    for size, word in _MYRIADS:
        if abs(largest) >= size * (10 if size == 10**4 else 1):
            return size, word
    return 1, ""


def myriad_tick(value: float, size: int, word: str, decimals: int) -> str:
    """An axis tick in one myriad unit: 5e8 → '5億', 7.5e8 → '7.5億', 0 → '0'."""
    if value == 0:
        return "0"
    figure = f"{value / size:,.{decimals}f}".replace("-", "\u2212")
    return figure + word


def myriad_groups(n: float | int) -> int:
    """How many groups `oku_man` writes for `n`: 1,200,000,000 → 1 (12億), 9,317,800,800 → 3."""
    text = oku_man(n)
    return sum(text.count(word) for _, word in _MYRIADS) + text[-1].isdecimal() - (text == "0")


def split_unit(text: str) -> tuple[str, str]:
    """A formatted figure cut into (figure, unit) for a KPI card. The figure runs to the
    last digit; when it is already written in myriads ('1億3,000万人'), a 万/億/兆 right
    after that digit stays with it. So '33.56億元' → ('33.56', '億元'), '7,300万人' →
    ('7,300', '万人'), '1億3,000万人' → ('1億3,000万', '人'), '96%' → ('96', '%'),
    '¥1,000' → ('¥1,000', ''); text without digits is all figure."""
    last = max((i for i, ch in enumerate(text) if ch.isdecimal()), default=-1)
    if last < 0:
        return text, ""
    end = last + 1
    if any(ch in _MYRIAD_CHARS for ch in text[:end]):
        while end < len(text) and text[end] in _MYRIAD_CHARS:
            end += 1
    return text[:end].rstrip(), text[end:].strip()


def _numfmt():
    """The Excel number-format module, loaded on first use: the renderers use only
    `split_unit`, and that module loads openpyxl, which a PDF or DOCX renderer process
    would otherwise load for nothing (0.1-0.17 s)."""
    from reportgen import numfmt

    return numfmt


def _scale(suffix: str) -> tuple[int, str]:
    for word, size in _SCALES:
        if suffix.startswith(word):
            return size, suffix[len(word) :]
    return 1, suffix


def _scaling_commas(code: str) -> int:
    """Trailing commas (`#,##0,"千円"`) divide what the cell shows by 1000 each."""
    section = _numfmt().parse(code or "General")[0]
    return sum(1 for t in section.tokens if t.kind == "scale")


def _exact(n: float | int | Decimal) -> Decimal:
    if isinstance(n, bool) or not isinstance(n, int | float | Decimal):
        raise TypeError(f"a number is needed, not {n!r}")
    value = n if isinstance(n, Decimal) else Decimal(n if isinstance(n, int) else f"{n:.15g}")
    if not value.is_finite():
        raise ValueError(f"{n!r} cannot be written in myriad units")
    return value


def _whole(n: float | int | Decimal) -> Decimal:
    return _exact(n).quantize(Decimal(1), rounding=ROUND_HALF_UP)
