"""Safe cell writing and display width for the appendix.

In: a worksheet cell and a model `Value` (or a plain string). Out: the cell filled with a
typed value (number, date or text) and its number format.

Safety: openpyxl turns any string that starts with "=" into a live formula. Here every
string is forced to a text cell (`data_type "s"`, written as an inline string, never an
`<f>` element), and a string that a spreadsheet would read as a formula when retyped
(= + - @, tab, CR, LF) also gets Excel's quote prefix, like a cell typed as '=1+1.

Width: the only place that measures text for column widths (the file format has no
autofit). Excel's width unit is the widest digit of the default font; BIZ UDPGothic's
digits are 0.76 em, so a kanji is 1.3 units, not the 2 that the usual East Asian rule
gives. Widths are therefore summed from the font's own advance widths (its hmtx table,
kept per user by `usercache`), and only a character that neither bundled font has falls
back to the East Asian rule (wide, full-width and ambiguous characters 1 em, others half).
"""

from __future__ import annotations

import datetime as dt
import math
import struct
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

from reportgen.fonts import best_cmap, shared_font
from reportgen.model import Theme, Value
from reportgen.usercache import font_key, remember

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
DATE_FORMAT = "yyyy/mm/dd"
MAX_CELL_CHARS = 32767
_WIDE = {"W", "F", "A"}


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
        return repr(stored_number(raw)) if math.isfinite(raw) else ""
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
    is measured once, without a cache lookup per text (a column of 10,000 numbers)."""
    ems = _ems(font, fallback)
    em = ems.__getitem__
    return max((sum(map(em, line)) for text in set(texts) for line in text.splitlines()), default=0.0) / ems["0"]


class _Ems(dict):
    """Character → advance width in em: the main font's, else the fallback font's (read only
    when the main font lacks a character), else the East Asian rule. Each character is
    looked up once; `text_width` then sums a line with `map`, at C speed."""

    def __init__(self, font: Path, fallback: Path) -> None:
        super().__init__()
        self._font, self._fallback = font, fallback

    def __missing__(self, ch: str) -> float:
        em = _advance(self._font, ch)
        if em is None:
            em = _advance(self._fallback, ch)
        self[ch] = em = em if em is not None else _east_asian_em(ch)
        return em


def _east_asian_em(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in _WIDE else 0.5


@lru_cache(maxsize=4)
def _ems(font: Path, fallback: Path) -> _Ems:
    return _Ems(font, fallback)


def _advance(path: Path, ch: str) -> float | None:
    """`ch`'s advance width in em in the font at `path`, None when the font lacks it."""
    per_em, advances = _advance_table(path)
    units = advances.get(ord(ch))
    return None if units is None else units / per_em


@lru_cache(maxsize=4)
def _advance_table(path: Path) -> tuple[int, dict[int, int]]:
    """Units per em, and code point → advance width (font units) of every character the
    font maps. Kept per user (`usercache`): restored in ~1 ms, so a build with a filled
    cache never parses the font (fontTools: 0.05-0.1 s for a CJK cmap)."""
    return remember("advances", font_key(path, "hmtx"), lambda: _read_advances(path), list, _unpacked)


def _read_advances(path: Path) -> tuple[int, dict[int, int]]:
    """Read by hand from the raw hmtx table (pairs of advance and side bearing; glyphs past
    the last pair repeat its advance): fontTools' hmtx table unpacks every glyph's metrics
    into named tuples, twice the time for values this plain."""
    font = shared_font(path)
    pairs = font["hhea"].numberOfHMetrics
    widths = struct.unpack_from(f">{2 * pairs}H", font.getTableData("hmtx"))[::2]
    gids = {glyph: font.getGlyphID(glyph) for glyph in set(best_cmap(path).values())}
    advances = {cp: widths[min(gids[glyph], pairs - 1)] for cp, glyph in best_cmap(path).items()}
    return font["head"].unitsPerEm, advances


def _unpacked(data: object) -> tuple[int, dict[int, int]] | None:
    """A cached advance table, or None when the entry is not one."""
    if isinstance(data, list) and len(data) == 2 and isinstance(data[0], int) and isinstance(data[1], dict):
        return data[0], data[1]
    return None
