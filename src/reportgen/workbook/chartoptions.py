"""A chart row's `options` cell → `ChartOptions`, every problem reported at that cell.

In: the cell's text, `key=value` pairs separated by `;` or line breaks
(`legend=right; scale=億; min=0`), and the chart's kind. Out: `ChartOptions`, or the
defaults with a diagnostic per unknown key, bad value or option the kind cannot use.
The option names and values are documented in docs/workbook.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import get_args

from reportgen.model import ChartOptions
from reportgen.model.data import Legend, PercentLabels
from reportgen.numfmt import is_date_format

SCALES = ("auto", "none", "千", "万", "百万", "千万", "億", "兆")
PIE_ONLY = ("percent", "other")
AXIS_ONLY = ("scale", "min", "max", "rotate", "date_format")
ROTATIONS = (0, 30, 45, 60, 90)


class OptionError(ValueError):
    """One option's problem, worded for the user."""


def _choice(allowed: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in allowed:
            raise OptionError(f"found '{text}', expected {', '.join(allowed[:-1])} or {allowed[-1]}")
        return text
    return parse


def _switch(text: str) -> bool:
    return {"on": True, "off": False}[_choice(("on", "off"))(text)]


def _number(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        raise OptionError(f"found '{text}', expected a number") from None


def _rotation(text: str) -> int:
    value = _number(text.removesuffix("°"))
    if value not in ROTATIONS:
        raise OptionError(f"found '{text}', expected one of {', '.join(map(str, ROTATIONS))} (degrees)")
    return int(value)


def _share(text: str) -> float:
    """A percentage: `3%` or `3`; 0 turns grouping off."""
    value = _number(text.removesuffix("%"))
    if not 0 <= value < 50:
        raise OptionError(f"found '{text}', expected a percentage from 0 to 50 (e.g. 3%)")
    return value / 100


def _height(text: str) -> float:
    value = _number(text.removesuffix("mm"))
    if not 30 <= value <= 200:
        raise OptionError(f"found '{text}', expected a height from 30 to 200 (mm)")
    return value


def _date_format(text: str) -> str:
    if not is_date_format(text):
        raise OptionError(f"found '{text}', expected an Excel date format such as yyyy/m or yy年m月")
    return text


def _totals(text: str) -> bool:
    return {"include": True, "exclude": False}[_choice(("exclude", "include"))(text)]


PARSERS: dict[str, tuple[str, Callable[[str], object]]] = {
    "legend": ("legend", _choice(get_args(Legend))),
    "rotate": ("rotate", _rotation),
    "date_format": ("date_format", _date_format),
    "scale": ("scale", _choice(SCALES)),
    "min": ("min", _number),
    "max": ("max", _number),
    "labels": ("labels", _switch),
    "percent": ("percent", _choice(get_args(PercentLabels))),
    "other": ("other", _share),
    "height": ("height_mm", _height),
    "totals": ("totals", _totals),
}


def parse_options(text: str, kind: str) -> tuple[ChartOptions, list[str]]:
    """The options in `text` and a message per problem (an empty list: all good)."""
    options, problems, seen = ChartOptions(), [], set()
    for item in (p.strip() for p in re.split(r"[;；\n]", text)):
        if not item:
            continue
        key, sep, value = (part.strip() for part in item.partition("="))
        key = key.lower()
        if not sep or not value:
            problems.append(f"option '{item}' has no value (write key=value, e.g. legend=right)")
        elif key not in PARSERS:
            problems.append(f"unknown option '{key}' (expected {', '.join(PARSERS)})")
        elif key in seen:
            problems.append(f"option '{key}' given twice")
        elif message := _misplaced(key, kind):
            problems.append(message)
        else:
            seen.add(key)
            field, parse = PARSERS[key]
            try:
                options = replace(options, **{field: parse(value)})
            except OptionError as exc:
                problems.append(f"option '{key}': {exc}")
    if options.min is not None and options.max is not None and options.min >= options.max:
        problems.append(f"option min={options.min:g} is not below max={options.max:g}")
    return options, problems


def _misplaced(key: str, kind: str) -> str:
    pie = kind in ("pie", "donut")
    if key in PIE_ONLY and not pie:
        return f"option '{key}' applies to pie and donut charts only, not to a {kind} chart"
    if key in AXIS_ONLY and pie:
        return f"option '{key}' applies to charts with axes, not to a {kind} chart"
    return ""
