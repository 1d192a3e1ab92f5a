"""Safe cell writing and display width for the appendix.

In: a worksheet cell and a model `Value` (or a plain string). Out: the cell filled with a
typed value (number, date or text) and its number format.

Safety: openpyxl turns any string that starts with "=" into a live formula. Here every
string is forced to a text cell (`data_type "s"`, written as an inline string, never an
`<f>` element), and a string that a spreadsheet would read as a formula when retyped
(= + - @, tab, CR, LF) also gets Excel's quote prefix, like a cell typed as '=1+1.

Width: the appendix's column widths in Excel's unit (the file format has no autofit),
from `reportgen.metrics`. Excel's width unit is the widest digit of the default font;
BIZ UDPGothic's digits are 0.76 em, so a kanji is 1.3 units, not the 2 that the usual East
Asian rule gives.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

from reportgen.metrics import metrics
from reportgen.model import Theme, Value

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
DATE_FORMAT = "yyyy/mm/dd"
MAX_CELL_CHARS = 32767


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would take `text`, typed in, for a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def xml_text(text: str) -> str:
    """`text` without the control characters XML cannot hold (cells, titles, properties)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def cell_text(text: str) -> str:
    """`text` as a cell holds it: no XML control characters, at most 32,767 characters."""
    return xml_text(text)[:MAX_CELL_CHARS]


def write_text(cell: Cell, text: str) -> None:
    """Write `text` as a text cell, whatever it starts with."""
    clean = cell_text(text)
    cell.value = clean
    cell.data_type = "s"
    if looks_like_formula(clean):
        cell.quotePrefix = True


def write_value(cell: Cell, value: Value) -> None:
    """Write a model value: numbers and dates typed with their source format, text as text."""
    raw = value.raw
    if raw is None:
        return
    if isinstance(raw, str):
        write_text(cell, raw)
        return
    if isinstance(raw, bool):
        write_text(cell, value.text)
        return
    cell.value = stored_number(raw)
    cell.number_format = number_format(value)


def number_text(raw: int | float) -> str:
    """A number as a cell's `<v>` holds it: the shortest text that reads back as the
    `stored_number` (openpyxl's "%.16g" writes 0.07 as 0.07000000000000001)."""
    if isinstance(raw, float):
        if not math.isfinite(raw):
            return ""
        text = repr(raw)  # at most 16 characters: at most 15 digits, nothing to round
        return text if len(text) <= 16 else repr(stored_number(raw))
    return str(raw)


def stored_number(raw: object) -> object:
    """A float as a spreadsheet shows and keeps it, to 15 significant digits: a source
    formula's binary artefact (27.63 × 15 → 65.84999999999999, shown 65.85 by its format
    and by Excel's formula bar) is stored as 65.85. Other values are returned as they are."""
    if isinstance(raw, float) and math.isfinite(raw):
        rounded = float(f"{raw:.15g}")
        return rounded if math.isfinite(rounded) else float(f"{raw:.14g}")  # the largest round past the range
    return raw


def number_format(value: Value) -> str:
    """The format a number or date cell gets: its source format, dates never "General"."""
    fmt = value.number_format or "General"
    if isinstance(value.raw, (dt.date, dt.datetime)) and fmt == "General":
        return DATE_FORMAT
    return fmt


@lru_cache(maxsize=8192)
def text_width(text: str, font: Path = Theme.font_regular, fallback: Path = Theme.font_fallback) -> float:
    """Width of the widest line of `text` in Excel width units (digit widths of `font`).
    Cached: a data sheet measures each text cell for its column width, its wrap style and
    its row height."""
    return widest((text,), font, fallback)


def widest(texts: Iterable[str], font: Path = Theme.font_regular, fallback: Path = Theme.font_fallback) -> float:
    """Width of the widest line among `texts` (units as `text_width`); each distinct text
    is measured once (a column of 10,000 numbers)."""
    m = metrics(font, fallback)
    return m.widest(texts, 1.0) / m["0"]
