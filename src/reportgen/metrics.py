"""Text width from the bundled fonts' own advance widths: the one answer to every width
question (PDF lines and table columns, DOCX column widths, appendix column widths).

In: a main font file and a fallback font file (a character goes to the main font when it
has it, else to the fallback, as `fonts.font_for` decides), a text, a size in points.
Out: widths in points (or in em). Each font's advance widths (its hmtx table, per code
point of its best cmap) are read once per user and kept by `usercache`, so a build with a
filled cache never parses a font. A character that neither font has (the reader refuses
such text) is measured by the East Asian rule: wide, full-width and ambiguous 1 em, else ½.

Per character the width equals reportlab's `stringWidth` (the same advances over the same
units per em), so the PDF's lines break where they did when reportlab measured them.
"""

from __future__ import annotations

import struct
import unicodedata
from functools import lru_cache
from pathlib import Path

from reportgen.fonts import best_cmap, shared_font
from reportgen.usercache import font_key, remember

_WIDE = {"W", "F", "A"}


class Metrics(dict):
    """Character → advance width in em: the main font's, else the fallback font's (read
    only when the main font lacks a character), else the East Asian rule. Each character
    is looked up once; a line is then summed with `map`, at C speed."""

    def __init__(self, main: Path, fallback: Path) -> None:
        super().__init__()
        self.main, self.fallback = main, fallback

    def __missing__(self, ch: str) -> float:
        em = _advance(self.main, ch)
        if em is None:
            em = _advance(self.fallback, ch)
        self[ch] = em = em if em is not None else east_asian_em(ch)
        return em

    def ems(self, line: str) -> float:
        """Width of one line in em."""
        return sum(map(self.__getitem__, line))

    def width(self, text: str, size: float) -> float:
        """Width in points of the widest line of `text` at `size` points."""
        return max(map(self.ems, text.split("\n")), default=0.0) * size

    def widest(self, texts, size: float) -> float:
        """Width in points of the widest line among `texts` (each distinct text once)."""
        return max((self.width(t, size) for t in set(texts)), default=0.0)


@lru_cache(maxsize=8)
def metrics(main: Path, fallback: Path) -> Metrics:
    """The shared measurer of a font pair (one per process)."""
    return Metrics(main, fallback)


def east_asian_em(ch: str) -> float:
    """A width guess for a character no bundled font has."""
    return 1.0 if unicodedata.east_asian_width(ch) in _WIDE else 0.5


def _advance(path: Path, ch: str) -> float | None:
    """`ch`'s advance width in em in the font at `path`, None when the font lacks it."""
    per_em, advances = advance_table(path)
    units = advances.get(ord(ch))
    return None if units is None else units / per_em


@lru_cache(maxsize=8)
def advance_table(path: Path) -> tuple[int, dict[int, int]]:
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
