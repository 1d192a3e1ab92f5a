"""Excel number-format codes: a cell's raw value and its format code in, the text Excel
shows out.

In: the raw value openpyxl reads (number, text, bool, date/datetime/time or None) and
the cell's format code (`builtin_format` gives a built-in id's code as Japanese Excel
shows it). Out: `format_value` gives the displayed text, `literal_suffix` the unit
literal that ends the positive section (`#,##0.00"億元"` → `億元`), `shows_numbers`
whether text in such a cell would lose its format, and `is_date_format` (openpyxl's)
whether a code shows dates. tests/workbook/test_numfmt_libreoffice.py compares it with
LibreOffice on thousands of pairs and lists where LibreOffice is not Excel.

Written by hand: the one PyPI port of a spreadsheet formatter (`ssf`, a port of
SheetJS SSF) was last released in 2020 and pulls in Babel, pytz, PyYAML, convertdate
and more; openpyxl parses no format codes.

What Excel does, and this module too:
- sections `positive;negative;zero;text`; the negative section shows the magnitude
  (`#,##0;(#,##0)`), a one-section code shows negatives with `-`; conditions such as
  `[>=100]` choose the section instead (`[<0]-#,##0;#,##0` shows -1234 as `-1,234`:
  a section only for negatives carries its own sign); colours (`[Red]`) are ignored;
- 15 significant digits (Excel's precision: 12345678901234567 shows
  `12,345,678,901,234,600`), rounding half away from zero, so 2.675 with `0.00` shows
  `2.68`;
- digits fill the placeholders from the point outwards and literals stay between them
  (`000-0000` shows 1000001 as `100-0001`, `00-0000-0000` a phone number);
- `0 # ?` placeholders, `.`, grouping `,`, scaling by trailing commas (`#,##0,`),
  `%`, scientific `E+`/`E-`, fractions (`# ?/?`, `# ??/??`, `# ?/4`), quoted and
  backslash literals, `@`, `General`;
- padding `_x` and fill `*x` take no room in text, so they print nothing;
- dates and times: y m d h s, `AM/PM`, elapsed `[h]`, fractions of a second,
  Japanese eras `g gg ggg e ee` and weekdays `aaa aaaa`; a `[$-411]` (ja-JP) locale tag
  makes `mmm`, `ddd` and `AM/PM` Japanese, `[$-ja-JP-x-gannen]` writes an era's first
  year as 元年; `[$¥-411]` prints its symbol `¥`; a date without a time shows the day its
  serial falls in.
`NumberFormatError` for what Excel cannot show either (a negative date, a date past
9999, NaN). `[DBNum1]`-style kanji numerals are ignored (Arabic digits are printed).
"""

from __future__ import annotations

from reportgen.i18n import tr
import datetime as dt
import re
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from openpyxl.styles.numbers import BUILTIN_FORMATS
from openpyxl.styles.numbers import is_date_format as _openpyxl_is_date_format
from openpyxl.utils.datetime import time_to_days, to_excel

Raw = float | int | str | bool | dt.date | dt.datetime | dt.time | None


class NumberFormatError(ValueError):
    """The value cannot be shown in this code (a negative date, NaN, five sections)."""


class Token(NamedTuple):
    """One piece of a section. kind: lit, digit, point, group, scale, percent, exp,
    text, general, date, elapsed."""

    kind: str
    text: str


class Section(NamedTuple):
    tokens: tuple[Token, ...]
    condition: tuple[str, Decimal] | None
    japanese: bool  # a [$-411] locale tag
    kinds: frozenset[str]  # the kinds of its tokens, worked out once (asked for every value shown)
    gannen: bool = False  # [$-ja-JP-x-gannen]: the first year of an era is 元年, as Japanese Excel shows it

    @property
    def is_date(self) -> bool:
        return "date" in self.kinds or "elapsed" in self.kinds

    def has(self, kind: str) -> bool:
        return kind in self.kinds


# Built-in format ids as Japanese Excel shows them where openpyxl's table (en-US, with two
# typos) differs: 14 and 22 are the locale's short date; 27-36 and 50-58 exist only in
# East Asian locales (openpyxl reads them as General, which would print a date's serial
# number); 44 lacks its semicolons and 47 its colon in openpyxl. ECMA-376 Part 1 §18.8.30.
_JA_ERA_DATE, _JA_DATE = '[$-411]ggge"年"m"月"d"日"', 'yyyy"年"m"月"d"日"'
BUILTIN_JA = {
    14: "yyyy/m/d", 22: "yyyy/m/d h:mm",
    27: "[$-411]ge.m.d", 28: _JA_ERA_DATE, 29: _JA_ERA_DATE, 30: "m/d/yy", 31: _JA_DATE, 32: 'h"時"mm"分"',
    33: 'h"時"mm"分"ss"秒"', 34: 'yyyy"年"m"月"', 35: 'm"月"d"日"', 36: "[$-411]ge.m.d",
    44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)', 47: "mm:ss.0",
    50: "[$-411]ge.m.d", 51: _JA_ERA_DATE, 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: _JA_ERA_DATE,
    55: 'yyyy"年"m"月"', 56: 'm"月"d"日"', 57: "[$-411]ge.m.d", 58: _JA_ERA_DATE,
}


def builtin_format(fid: int) -> str:
    """The code of a built-in number format id, as Japanese Excel shows it."""
    return BUILTIN_JA.get(fid) or BUILTIN_FORMATS.get(fid) or "General"


def is_date_format(code: str | None) -> bool:
    """True when the code's first section shows a date or time (openpyxl's test)."""
    return bool(_openpyxl_is_date_format(code))


def format_value(raw: Raw, code: str) -> str:
    """The text Excel shows for `raw` in a cell formatted with `code`."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    code = code or "General"
    if code == "General" and (type(raw) is str or type(raw) is int and -_WHOLE < raw < _WHOLE):
        return raw if type(raw) is str else str(raw)  # what General shows for text and whole numbers
    return _format(raw, code)


_WHOLE = 10**15  # General shows whole numbers below this in full


@lru_cache(maxsize=1 << 16, typed=True)
def _format(raw: Raw, code: str) -> str:
    """`format_value`, remembered: a table column repeats its values (dates, counts,
    categories), and a value's text depends on nothing else. `typed` keeps 1, 1.0 and
    True apart; -0.0 and 0.0 share an entry, and show the same."""
    sections = parse(code)
    if isinstance(raw, str):
        return _format_text(raw, sections)
    value = _to_decimal(raw)
    if _one_number_section(code):
        return _render_number(sections[0], value)  # what _choose and _render would pick
    section, index = _choose(sections, value)
    if index > 0 and value < 0:
        value = -value
    return _render(section, value)


@lru_cache(maxsize=1024)
def _one_number_section(code: str) -> bool:
    """True for a code of one plain number section (`#,##0.00"億元"`, `0.0%`): no
    condition, text, date, General, exponent or fraction. Such a code always shows a
    number through `_render_number`, so the section choice is skipped (asked per value)."""
    sections = parse(code)
    if len(sections) != 1:
        return False
    section = sections[0]
    if section.condition or section.is_date or section.has("general") or section.has("text"):
        return False
    if not section.has("digit") or section.has("exp"):
        return False
    return _fraction_slash(section.tokens) is None


def shows_numbers(code: str) -> bool:
    """True when the code shows numbers with digit placeholders and has no text section
    (`#,##0"人"`, `0.0%`): text in such a cell is shown as typed, its format unused."""
    try:
        sections = parse(code or "General")
    except NumberFormatError:
        return False
    first = sections[0]
    return first.has("digit") and not first.is_date and not any(s.has("text") for s in sections)


def literal_suffix(code: str) -> str:
    """The unit literal after the last placeholder of the positive section
    ('#,##0.00"億元"' → '億元', '0%' → '%'); '' for dates and codes without one."""
    section = parse(code or "General")[0]
    if section.is_date:
        return ""
    tail: list[str] = []
    for token in section.tokens:
        if token.kind in ("digit", "general", "text"):
            tail = []
        elif token.kind in ("lit", "percent"):
            tail.append(token.text)
    return "".join(tail).strip()


# --- parsing ---------------------------------------------------------------------

_COLOURS = {"black", "blue", "cyan", "green", "magenta", "red", "white", "yellow"}
_CONDITION = re.compile(r"^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)$")
_ELAPSED = re.compile(r"^(h+|m+|s+)$", re.I)
_DATE_RUN = re.compile(r"y+|m+|d+|h+|s+|g+|e+", re.I)


@lru_cache(maxsize=1024)
def parse(code: str) -> tuple[Section, ...]:
    """The code's sections, tokenised (at most four)."""
    parts = _split_sections(code)
    if len(parts) > 4:
        raise NumberFormatError(tr("number format {code!r} has more than four sections").format(code=code))
    return tuple(_parse_section(part) for part in parts)


def _split_sections(code: str) -> list[str]:
    parts, start, i = [], 0, 0
    while i < len(code):
        ch = code[i]
        if ch == '"':
            end = code.find('"', i + 1)
            i = len(code) if end < 0 else end + 1
            continue
        if ch in "\\_*":
            i += 2
            continue
        if ch == "[":
            end = code.find("]", i)
            i = len(code) if end < 0 else end + 1
            continue
        if ch == ";":
            parts.append(code[start:i])
            start = i + 1
        i += 1
    parts.append(code[start:])
    return parts


def _parse_section(text: str) -> Section:
    tokens: list[Token] = []
    condition = None
    japanese = gannen = False
    i = 0
    while i < len(text):
        token, i, tag = _next_token(text, i)
        if tag is not None:
            kind, value = tag
            if kind == "condition":
                condition = value
            elif kind == "japanese":
                japanese = True
                gannen = gannen or value == "gannen"
        if token is not None:
            tokens.append(token)
    tokens = _classify_commas(_era_letters_as_text(tokens))
    if any(t.kind in ("date", "elapsed") for t in tokens):
        tokens = _minutes(tokens)
    else:
        tokens = _ensure_integer_placeholder(tokens)
    merged = tuple(_merge_literals(tokens))
    return Section(merged, condition, japanese, frozenset(t.kind for t in merged), gannen)


def _next_token(text: str, i: int) -> tuple[Token | None, int, tuple | None]:
    """The token at text[i], the index after it, and a bracket tag it carried."""
    ch = text[i]
    low = text[i:].lower()
    if ch == '"':
        end = text.find('"', i + 1)
        end = len(text) if end < 0 else end
        return Token("lit", text[i + 1 : end]), end + 1, None
    if ch == "\\":
        return Token("lit", text[i + 1 : i + 2]), i + 2, None
    if ch in "_*":
        return None, i + 2, None
    if ch == "[":
        end = text.find("]", i)
        end = len(text) if end < 0 else end
        token, tag = _bracket(text[i + 1 : end])
        return token, end + 1, tag
    if ch in "0#?":
        return Token("digit", ch), i + 1, None
    if ch == ".":
        return Token("point", "."), i + 1, None
    if ch == ",":
        return Token("comma", ","), i + 1, None
    if ch == "%":
        return Token("percent", "%"), i + 1, None
    if ch == "@":
        return Token("text", "@"), i + 1, None
    if ch in "eE" and text[i + 1 : i + 2] in ("+", "-"):
        return Token("exp", text[i + 1]), i + 2, None
    if low.startswith("general"):
        return Token("general", "General"), i + 7, None
    if low.startswith("am/pm"):
        return Token("date", "am/pm"), i + 5, None
    if low.startswith("a/p"):
        return Token("date", "a/p"), i + 3, None
    if low.startswith("aaa"):
        n = 4 if low.startswith("aaaa") else 3
        return Token("date", "a" * n), i + n, None
    run = _DATE_RUN.match(text, i)
    if run:
        return Token("date", run.group().lower()), run.end(), None
    return Token("lit", ch), i + 1, None


def _era_letters_as_text(tokens: list[Token]) -> list[Token]:
    """In a number code with no y/m/d/h/s (`0 kg`), era letters g and e are text."""
    if not any(t.kind == "digit" for t in tokens):
        return tokens
    if any(t.kind == "elapsed" or t.kind == "date" and t.text[0] in "ymdhs" for t in tokens):
        return tokens
    return [Token("lit", t.text) if t.kind == "date" and t.text[0] in "ge" else t for t in tokens]


def _bracket(inner: str) -> tuple[Token | None, tuple | None]:
    """A [...] tag: colour (ignored), condition, locale/currency or elapsed time."""
    low = inner.lower()
    if low in _COLOURS or low.startswith("color"):
        return None, None
    if m := _CONDITION.match(inner.strip()):
        return None, ("condition", (m.group(1), Decimal(m.group(2))))
    if inner.startswith("$"):
        symbol, _, locale = inner[1:].partition("-")
        is_ja = locale.lower().lstrip("0").endswith("411") or locale.lower() == "ja-jp"
        low_locale = locale.lower()
        is_ja = is_ja or low_locale.startswith("ja-jp")
        tag = ("japanese", "gannen" if low_locale.endswith("-x-gannen") else None) if is_ja else None
        return (Token("lit", symbol) if symbol else None), tag
    if _ELAPSED.match(inner):
        return Token("elapsed", low), None
    return None, None  # [DBNum1], [natnum], unknown tags: no effect on the text


def _classify_commas(tokens: list[Token]) -> list[Token]:
    """A comma between digit placeholders groups thousands; commas right after the last
    placeholder of the integer or fraction part scale by 1000; others are literal."""
    out = []
    for i, token in enumerate(tokens):
        if token.kind != "comma":
            out.append(token)
            continue
        before = _previous_kind(tokens, i)
        after = _next_non_comma(tokens, i)
        if before == "digit" and after == "digit" and not _after_point(tokens, i):
            out.append(Token("group", ","))
        elif before == "digit" and after != "digit":
            out.append(Token("scale", ","))
        else:
            out.append(Token("lit", ","))
    return out


def _previous_kind(tokens: list[Token], i: int) -> str | None:
    j = i - 1
    while j >= 0 and tokens[j].kind == "comma":
        j -= 1
    return tokens[j].kind if j >= 0 else None


def _next_non_comma(tokens: list[Token], i: int) -> str | None:
    j = i + 1
    while j < len(tokens) and tokens[j].kind == "comma":
        j += 1
    return tokens[j].kind if j < len(tokens) else None


def _after_point(tokens: list[Token], i: int) -> bool:
    return any(t.kind == "point" for t in tokens[:i])


def _ensure_integer_placeholder(tokens: list[Token]) -> list[Token]:
    """`.00` shows the integer digits before the point, as if it were `#.00`."""
    kinds = [t.kind for t in tokens]
    if "point" not in kinds or "digit" in kinds[: kinds.index("point")]:
        return tokens
    if "digit" not in kinds:
        return tokens
    at = kinds.index("point")
    return tokens[:at] + [Token("digit", "#")] + tokens[at:]


def _minutes(tokens: list[Token]) -> list[Token]:
    """`m`/`mm` right after an hour or right before a second is minutes, not month."""
    parts = [(i, t) for i, t in enumerate(tokens) if t.kind in ("date", "elapsed")]
    out = list(tokens)
    for n, (i, token) in enumerate(parts):
        if token.kind != "date" or token.text not in ("m", "mm"):
            continue
        prev = parts[n - 1][1].text if n > 0 else ""
        nxt = parts[n + 1][1].text if n + 1 < len(parts) else ""
        if prev.strip("[]").startswith("h") or nxt.strip("[]").startswith("s"):
            out[i] = Token("date", "n" * len(token.text))
    return out


def _merge_literals(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        if token.kind == "lit" and out and out[-1].kind == "lit":
            out[-1] = Token("lit", out[-1].text + token.text)
        else:
            out.append(token)
    return out


# --- choosing a section ----------------------------------------------------------


def _choose(sections: tuple[Section, ...], value: Decimal) -> tuple[Section, int]:
    """The section that shows `value`, and its index (index > 0 shows the magnitude)."""
    numeric = list(sections[:3])
    if len(sections) in (2, 3) and sections[-1].has("text"):
        numeric.pop()
    if any(s.condition for s in numeric[:2]):
        return _choose_by_condition(numeric, value)
    if len(numeric) == 1:
        only = numeric[0]
        return (parse("General")[0] if only.has("text") else only), 0
    if value < 0:
        return numeric[1], 1
    if value == 0 and len(numeric) >= 3:
        return numeric[2], 2
    return numeric[0], 0


def _choose_by_condition(sections: list[Section], value: Decimal) -> tuple[Section, int]:
    """Excel's rules with conditions (as LibreOffice implements them): the first section
    if its condition holds, else the second if it has no condition or its condition holds
    (with three sections, a second without a condition takes the negatives), else the
    third, else General. The second and third sections show the magnitude, as without
    conditions; the first shows the sign unless it only ever shows negatives
    (`[<0]-#,##0;#,##0`: its literals carry the sign)."""
    first = sections[0].condition
    second = sections[1].condition if len(sections) > 1 else None
    if first and second is None and len(sections) > 2:
        second = ("<", Decimal(0))
    if first is None or _holds(first, value):
        return sections[0], (1 if _negatives_only(first, second) else 0)
    if len(sections) > 1 and (second is None or _holds(second, value)):
        return sections[1], 1
    if len(sections) > 2:
        return sections[2], 2
    return parse("General")[0], 0


def _negatives_only(first: tuple[str, Decimal] | None, second: tuple[str, Decimal] | None) -> bool:
    """True when the first section's condition holds only for negatives and the second's
    (if any) only for zero or positives."""
    if first is None or first[1] != 0 or second is not None and second[1] != 0:
        return False
    op2 = second[0] if second else None
    return (first[0] == "<" and op2 in (">", "=", ">=", None)) or (first[0] == "<=" and op2 in (None, ">"))


def _holds(condition: tuple[str, Decimal], value: Decimal) -> bool:
    op, bound = condition
    return {
        "<": value < bound,
        "<=": value <= bound,
        ">": value > bound,
        ">=": value >= bound,
        "=": value == bound,
        "<>": value != bound,
    }[op]


def _format_text(raw: str, sections: tuple[Section, ...]) -> str:
    section = sections[3] if len(sections) == 4 else sections[-1]
    if len(sections) < 4 and not section.has("text"):
        return raw
    return "".join(raw if t.kind == "text" else t.text for t in section.tokens if t.kind in ("lit", "text"))


# --- numbers ---------------------------------------------------------------------


def _to_decimal(raw: float | int | dt.date | dt.datetime | dt.time) -> Decimal:
    """The value as Excel holds it: 15 significant digits; dates as serial numbers."""
    if isinstance(raw, dt.time):
        return Decimal(repr(time_to_days(raw)))
    if isinstance(raw, dt.datetime | dt.date):
        return Decimal(repr(to_excel(raw)))
    if isinstance(raw, int):
        return Decimal(raw) if -_WHOLE < raw < _WHOLE else Decimal(f"{raw:.14e}")  # Excel keeps 15 digits
    if raw != raw or raw in (float("inf"), float("-inf")):
        raise NumberFormatError(tr("{raw!r} is not a number Excel can show").format(raw=raw))
    return Decimal(f"{raw:.15g}")


def _round(value: Decimal, places: int) -> Decimal:
    """Half away from zero to `places` decimals, with room for every digit of 1e308."""
    return value.quantize(_quantum(places), rounding=ROUND_HALF_UP, context=_context(max(28, value.adjusted() + places + 3)))


@lru_cache(maxsize=64)
def _quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


@lru_cache(maxsize=64)
def _context(precision: int) -> Context:
    """A decimal context per precision, made once (quantize only sets its flags)."""
    return Context(prec=precision)


def _render(section: Section, value: Decimal) -> str:
    if section.is_date:
        return _render_date(section, value)
    if section.has("general"):
        return _join(section, {"general": general(value)})
    if not section.has("digit"):
        sign = "-" if value < 0 else ""
        literals = "".join(t.text for t in section.tokens if t.kind in ("lit", "percent"))
        return sign + literals
    slash = _fraction_slash(section.tokens)
    if slash is not None:
        return _render_fraction(section.tokens, slash, value)
    return _render_number(section, value)


def _join(section: Section, replacements: dict[str, str]) -> str:
    out = []
    for token in section.tokens:
        if token.kind in replacements:
            out.append(replacements[token.kind])
        elif token.kind in ("lit", "percent"):
            out.append(token.text)
    return "".join(out)


@lru_cache(maxsize=1024)
def _fraction_slash(tokens: tuple[Token, ...]) -> int | None:
    """Where a fraction code (`# ?/?`, `# ??/??`, `# ?/4`) has its slash, if it is one
    (remembered: asked for every number shown)."""
    for i, token in enumerate(tokens[1:], start=1):
        if token.kind != "lit" or not token.text.startswith("/") or tokens[i - 1].kind != "digit":
            continue
        following = tokens[i + 1].kind if i + 1 < len(tokens) else None
        if token.text[1:2].isdigit() or (token.text == "/" and following == "digit"):
            return i
    return None


def _render_fraction(tokens: tuple[Token, ...], slash: int, value: Decimal) -> str:
    """`1 1/2` for 1.5 in `# ?/?`, `3/2` in `?/?`; the closest fraction whose
    denominator has as many digits as the code allows, or the code's fixed one. The
    `?` alignment spaces are left out."""
    sign, value = ("-" if value < 0 else ""), abs(value)
    start = slash
    while start > 0 and tokens[start - 1].kind == "digit":
        start -= 1
    has_whole = any(t.kind == "digit" for t in tokens[:start])
    whole = int(value) if has_whole else 0
    part = Fraction(value - whole)
    fixed = re.match(r"/(\d+)", tokens[slash].text)
    if fixed:
        den = int(fixed.group(1))
        num = int(_round(Decimal(part.numerator * den) / part.denominator, 0))
        end = slash + 1
    else:
        end = slash + 1
        while end < len(tokens) and tokens[end].kind == "digit":
            end += 1
        closest = part.limit_denominator(10 ** (end - slash - 1) - 1)
        num, den = closest.numerator, closest.denominator
    if has_whole and num == den:
        whole, num = whole + 1, 0
    if num == 0:
        body = str(whole) if has_whole else f"0/{den}"
    else:
        zero_shown = any(t.kind == "digit" and t.text == "0" for t in tokens[:start])  # `0 ?/?` shows 0 1/2
        body = (f"{whole} " if whole or zero_shown else "") + f"{num}/{den}"
    prefix = "".join(t.text for t in tokens[: _first_digit(tokens)] if t.kind == "lit")
    suffix = tokens[slash].text[fixed.end() :] if fixed else ""
    suffix += "".join(t.text for t in tokens[end:] if t.kind in ("lit", "percent"))
    return sign + prefix + body + suffix


def _first_digit(tokens: tuple[Token, ...]) -> int:
    return next(i for i, t in enumerate(tokens) if t.kind == "digit")


def _render_number(section: Section, value: Decimal) -> str:
    sign = "-" if value < 0 else ""
    value = abs(value)
    tokens = section.tokens
    percents, scales, exp_at = _shape(tokens)
    value = value.scaleb(2 * percents)
    value = value.scaleb(-3 * scales)
    mantissa_tokens, exponent_tokens = tokens[:exp_at], tokens[exp_at:]
    exponent = None
    if exponent_tokens:
        value, exponent = _scientific(mantissa_tokens, value)
    text = _fill_mantissa(mantissa_tokens, value, scientific=exponent is not None)
    if exponent is not None:
        text += _fill_exponent(exponent_tokens, exponent)
    return sign + text


@lru_cache(maxsize=1024)
def _shape(tokens: tuple[Token, ...]) -> tuple[int, int, int]:
    """How many `%` and scaling commas a number section has, and where its exponent
    starts (len(tokens) when none): worked out once per section, not per value."""
    exp_at = next((i for i, t in enumerate(tokens) if t.kind == "exp"), len(tokens))
    return sum(t.kind == "percent" for t in tokens), sum(t.kind == "scale" for t in tokens), exp_at


def _scientific(tokens: tuple[Token, ...], value: Decimal) -> tuple[Decimal, int]:
    """Mantissa and exponent; with `##0.0E+0` the exponent is a multiple of 3."""
    integer = [t.text for t in _integer_placeholders(tokens)]
    places = len(_fraction_placeholders(tokens))
    if value == 0:
        return value, 0
    for _ in range(2):  # a second pass when rounding carries into a new digit (9.99 → 10.0)
        magnitude = value.adjusted()
        if "#" in integer and len(integer) > 1:
            exponent = magnitude // len(integer) * len(integer)
        else:
            exponent = magnitude - (len(integer) - 1)
        mantissa = _round(value.scaleb(-exponent), places)
        value = mantissa.scaleb(exponent)
    return mantissa, exponent


def _integer_placeholders(tokens: tuple[Token, ...]) -> list[Token]:
    out = []
    for token in tokens:
        if token.kind == "point":
            break
        if token.kind == "digit":
            out.append(token)
    return out


def _fraction_placeholders(tokens: tuple[Token, ...]) -> list[Token]:
    kinds = [t.kind for t in tokens]
    if "point" not in kinds:
        return []
    return [t for t in tokens[kinds.index("point") :] if t.kind == "digit"]


def _fill_mantissa(tokens: tuple[Token, ...], value: Decimal, scientific: bool = False) -> str:
    """The integer digits right-aligned over the integer placeholders (the first takes any
    overflow), the fraction digits left-aligned over the fraction placeholders, literals
    where they stand: `000-0000` shows 1000001 as `100-0001`, `0.0" "0` 1.25 as `1.2 5`."""
    integer, fraction, grouped, template = _mantissa(tokens)
    whole, _, frac_digits = f"{_round(value, len(fraction)):f}".partition(".")
    ints = _fill_integer(integer, whole.lstrip("0"))
    if scientific and integer and not any(ch.isdigit() for ch in "".join(ints)):
        ints[-1] = "0"  # a mantissa shows at least one digit: `#E+0` shows zero as 0E+0
    if grouped:
        ints = _group(ints)
    fracs = _fill_fraction(fraction, frac_digits)
    return "".join(ints[piece[1]] if piece[0] == "i" else fracs[piece[1]] if piece[0] == "f" else piece[1]
                   for piece in template)


@lru_cache(maxsize=1024)
def _mantissa(tokens: tuple[Token, ...]) -> tuple[tuple[str, ...], tuple[str, ...], bool, tuple[tuple[str, object], ...]]:
    """A mantissa's integer and fraction placeholders, whether it groups thousands, and
    its template: ("i", n) for the n-th integer placeholder, ("f", n) for the n-th
    fraction placeholder, ("", text) for a literal or the point. Worked out once per section."""
    integer = tuple(t.text for t in _integer_placeholders(tokens))
    fraction = tuple(t.text for t in _fraction_placeholders(tokens))
    template: list[tuple[str, object]] = []
    seen_point = False
    for token in tokens:
        if token.kind == "point" and not seen_point:
            seen_point = True
            template.append(("", "."))
        elif token.kind == "digit":
            kind = "f" if seen_point else "i"
            template.append((kind, sum(1 for piece in template if piece[0] == kind)))
        elif token.kind in ("lit", "percent", "point"):
            template.append(("", token.text))
    return integer, fraction, any(t.kind == "group" for t in tokens), tuple(template)


_PADS = {"0": "0", "?": " ", "#": ""}


def _fill_integer(placeholders: tuple[str, ...] | list[str], digits: str) -> list[str]:
    """What each integer placeholder shows: one digit each from the right, the first
    takes the overflow; a placeholder without a digit shows its padding."""
    n = len(placeholders)
    out = []
    for i, placeholder in enumerate(placeholders):
        at = len(digits) - (n - i)  # this placeholder's digit, counted from the left
        piece = (digits[: at + 1] if i == 0 else digits[at]) if at >= 0 else ""
        out.append(piece or _PADS[placeholder])
    return out


def _group(pieces: list[str]) -> list[str]:
    """Commas every three digits from the right, counted across the placeholders (a padding
    zero is a digit); among `?` padding spaces the comma's place is a space too."""
    count = sum(ch.isdigit() or ch == " " for piece in pieces for ch in piece)
    seen, previous = 0, ""
    out = []
    for piece in pieces:
        text = []
        for ch in piece:
            if ch.isdigit() or ch == " ":
                if seen and (count - seen) % 3 == 0:
                    text.append(" " if previous == " " else ",")
                seen += 1
                previous = ch
            text.append(ch)
        out.append("".join(text))
    return out


def _fill_fraction(placeholders: tuple[str, ...], digits: str) -> list[str]:
    """One digit per placeholder from the left; trailing zeros vanish under `#` and become
    spaces under `?`."""
    chars = list(digits.ljust(len(placeholders), "0"))[: len(placeholders)]
    for i in range(len(placeholders) - 1, -1, -1):
        if chars[i] != "0" or placeholders[i] == "0":
            break
        chars[i] = _PADS[placeholders[i]]
    return chars


def _fill_exponent(tokens: tuple[Token, ...], exponent: int) -> str:
    sign_rule = tokens[0].text
    digits = [t.text for t in tokens[1:] if t.kind == "digit"]
    sign = "-" if exponent < 0 else ("+" if sign_rule == "+" else "")
    body = "".join(_fill_integer(digits, str(abs(exponent)) if exponent else ""))
    literals = "".join(t.text for t in tokens[1:] if t.kind in ("lit", "percent"))
    return "E" + sign + (body or "0") + literals


def general(value: Decimal | float | int) -> str:
    """Excel's General for a number: integers in full (below 1e15), other numbers with
    at most 10 significant digits in 11 characters, scientific when tiny or huge."""
    value = value if isinstance(value, Decimal) else _to_decimal(value)
    if value < 0:
        return "-" + general(-value)
    if value == 0:
        return "0"
    magnitude = value.adjusted()
    if value == value.to_integral_value() and magnitude < 15:
        return str(int(value))
    if magnitude < -5 or magnitude >= 11:
        return _general_scientific(value)
    places = 9 if magnitude < 0 else 10 - (magnitude + 1)
    text = f"{_round(value, max(places, 0)):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _general_scientific(value: Decimal) -> str:
    exponent = value.adjusted()
    mantissa = _round(value.scaleb(-exponent), 5)
    if mantissa >= 10:
        exponent += 1
        mantissa = _round(value.scaleb(-exponent), 5)
    text = f"{mantissa:f}".rstrip("0").rstrip(".")
    return f"{text}E{'-' if exponent < 0 else '+'}{abs(exponent):02d}"


# --- dates and times -------------------------------------------------------------

_MONTHS = ("January February March April May June July August September October "
           "November December").split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_JA_DAYS = "月火水木金土日"
# (first day, abbreviation, one-kanji name, full name): Excel's Japanese eras
_ERAS = (
    ((2019, 5, 1), "R", "令", "令和"),
    ((1989, 1, 8), "H", "平", "平成"),
    ((1926, 12, 25), "S", "昭", "昭和"),
    ((1912, 7, 30), "T", "大", "大正"),
    ((1868, 1, 1), "M", "明", "明治"),
)


class _Moment(NamedTuple):
    year: int
    month: int
    day: int
    weekday: int  # Monday = 0
    hour: int
    minute: int
    second: int
    subsecond: str  # decimal digits after the second
    serial: Decimal  # rounded serial, for elapsed [h] [m] [s]


_LAST_SERIAL = 2958466  # 10000-01-01: Excel's dates end with 9999-12-31


def _render_date(section: Section, serial: Decimal) -> str:
    if serial < 0:
        raise NumberFormatError(tr("a negative number cannot be shown as a date or time"))
    if serial >= _LAST_SERIAL and any(_is_calendar(t) for t in section.tokens):
        raise NumberFormatError(tr("{serial} is past 9999-12-31, the last date Excel shows").format(serial=serial))
    places = _subsecond_places(section.tokens)
    if not any(_is_clock(t) for t in section.tokens):
        serial = Decimal(int(serial))  # a date alone is the day the serial falls in, not rounded to the next
    moment = _moment(serial, places)
    twelve = any(t.text in ("am/pm", "a/p") for t in section.tokens)
    out, after_second = [], False
    for token in section.tokens:
        if token.kind == "point" and after_second and places:
            out.append("." + moment.subsecond)
        elif token.kind in ("date", "elapsed"):
            out.append(_date_part(token, moment, twelve, section.japanese, section.gannen))
            after_second = token.text.strip("[]").startswith("s")
        elif token.kind in ("lit", "percent", "point"):
            out.append(token.text)
    return "".join(out)


def _is_clock(token: Token) -> bool:
    return token.kind == "elapsed" or token.kind == "date" and (token.text[0] in "hns" or token.text in ("am/pm", "a/p"))


def _is_calendar(token: Token) -> bool:
    return token.kind == "date" and (token.text[0] in "ymdge" or token.text.startswith("aaa"))


def _subsecond_places(tokens: tuple[Token, ...]) -> int:
    for i, token in enumerate(tokens):
        if token.kind == "point" and i > 0 and tokens[i - 1].text.strip("[]").startswith("s"):
            return sum(1 for t in tokens[i + 1 :] if t.kind == "digit")
    return 0


def _moment(serial: Decimal, places: int) -> _Moment:
    """Excel's 1900 date system: serial 1 is 1900-01-01, 60 is the phantom 1900-02-29."""
    units = 86400 * 10**places
    ticks = int(_round(serial * units, 0))
    days, rest = divmod(ticks, units)
    seconds, sub = divmod(rest, 10**places)
    year, month, day = _civil(days)
    hour, minute, second = seconds // 3600, seconds // 60 % 60, seconds % 60
    sub_text = str(sub).rjust(places, "0") if places else ""
    return _Moment(year, month, day, (days + 5) % 7, hour, minute, second, sub_text,
                   Decimal(ticks) / units)


def _civil(days: int) -> tuple[int, int, int]:
    if days == 0 or days >= _LAST_SERIAL:  # 1900-01-00; past 9999 only elapsed time shows
        return 1900, 1, 0
        return 1900, 1, 0
    if days == 60:
        return 1900, 2, 29
    date = dt.date(1899, 12, 31 if days < 60 else 30) + dt.timedelta(days=days)
    return date.year, date.month, date.day


def _date_part(token: Token, m: _Moment, twelve: bool, japanese: bool, gannen: bool = False) -> str:
    code = token.text
    if token.kind == "elapsed":
        return _elapsed(code.strip("[]"), m.serial)
    head = code[0]
    if head == "y":
        return f"{m.year % 100:02d}" if len(code) <= 2 else str(m.year)
    if head == "m":
        return _month(len(code), m.month, japanese)
    if head == "d":
        return _day(len(code), m, japanese)
    if head == "a" and code.startswith("aaa"):
        return _JA_DAYS[m.weekday] + ("曜日" if len(code) >= 4 else "")
    if head == "h":
        hour = (m.hour % 12 or 12) if twelve else m.hour
        return f"{hour:02d}" if len(code) >= 2 else str(hour)
    if head == "n":
        return f"{m.minute:02d}" if len(code) >= 2 else str(m.minute)
    if head == "s":
        return f"{m.second:02d}" if len(code) >= 2 else str(m.second)
    if code in ("am/pm", "a/p"):
        return _meridiem(code, m.hour, japanese)
    if head == "g":
        return _era(m)[min(len(code), 3)]
    if head == "e":
        year = m.year - _era(m)[0][0] + 1
        if gannen and year == 1:
            return "元"
        return f"{year:02d}" if len(code) >= 2 else str(year)
    return code


def _month(width: int, month: int, japanese: bool) -> str:
    if width <= 2:
        return f"{month:02d}" if width == 2 else str(month)
    if japanese:
        return f"{month}月"
    name = _MONTHS[month - 1]
    return {3: name[:3], 4: name}.get(width, name[0])


def _day(width: int, m: _Moment, japanese: bool) -> str:
    if width <= 2:
        return f"{m.day:02d}" if width == 2 else str(m.day)
    if japanese:
        return _JA_DAYS[m.weekday] + ("曜日" if width >= 4 else "")
    name = _DAYS[m.weekday]
    return name[:3] if width == 3 else name


def _meridiem(code: str, hour: int, japanese: bool) -> str:
    if japanese:
        return "午前" if hour < 12 else "午後"
    text = "AM" if hour < 12 else "PM"
    return text if code == "am/pm" else text[0]


def _era(m: _Moment) -> tuple:
    for era in _ERAS:
        if (m.year, m.month, m.day) >= era[0]:
            return era
    return _ERAS[-1]


def _elapsed(code: str, serial: Decimal) -> str:
    seconds = int(serial * 86400)
    total = {"h": seconds // 3600, "m": seconds // 60, "s": seconds}[code[0]]
    return str(total).rjust(len(code), "0")
