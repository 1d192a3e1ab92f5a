"""A reportlab TrueType font whose per-glyph tables are read in bulk.

In: a font name and a TrueType file. Out: `FastTTFont`, a reportlab `TTFont` equal in
every attribute to the stock one (same widths, cmap, subsets, PDF bytes), built in a
fraction of the time for a large CJK font with a format 12 cmap such as BIZ UDPGothic.

reportlab's `TTFontFile.extractInfo` reads the cmap, hmtx and loca tables one short or
long at a time in Python (read_ushort/read_ulong, ~150,000 calls for BIZ UDPGothic
Regular + Bold: the largest item of a cached build). No library fills a reportlab face
from a faster parser, so this is written by hand: the header tables are still read by
reportlab (`extractInfo(charInfo=0)`), and the three per-glyph tables by `array`, in
exactly reportlab's way (same cmap subtable choice, same mapping of every code point of a
group, including glyph 0 and glyphs past numGlyphs, same dict orders). A font whose
chosen cmap subtable is not format 12 is read by reportlab itself.
"""

from __future__ import annotations

import sys
from array import array
from fnmatch import fnmatch
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace
from reportlab.rl_config import unShapedFontGlob


class _FastFace(TTFontFace):
    def extractInfo(self, charInfo: int = 1) -> None:
        super().extractInfo(0)
        groups = self._format12_groups() if charInfo else None
        if groups is None:
            super().extractInfo(charInfo)
            return
        self._map_chars(groups)
        self._read_metrics()
        self._read_locations()
        for have, other in ((0x20, 0xA0), (0xA0, 0x20)):
            if have in self.charToGlyph:
                self.charToGlyph[other] = self.charToGlyph[have]
                self.charWidths[other] = self.charWidths[have]
                break

    def _format12_groups(self) -> array | None:
        """(start, end, first glyph) triples of the subtable reportlab would choose, or
        None when that subtable is not format 12 (or the font is unusual)."""
        if self.get_ushort(self.get_table_pos("head")[0] + 52) != 0:  # glyphDataFormat
            return None
        cmap = self.get_table_pos("cmap")[0]
        version, count = self.get_ushort(cmap), self.get_ushort(cmap + 2)
        if count == 0 and version != 0:
            count = version
        chosen, enc = None, 0
        for n in range(count):  # reportlab's rule: the last fitting record wins
            rec = cmap + 4 + 8 * n
            platform, encoding = self.get_ushort(rec), self.get_ushort(rec + 2)
            if (platform == 3 or (platform == 1 and encoding == 1)
                    or (platform == 0 and encoding != 5)):
                chosen, enc = self.get_ulong(rec + 4), 1
            elif platform == 1 and encoding == 0 and enc != 1:
                chosen, enc = self.get_ulong(rec + 4), 2
        if chosen is None or self.get_ushort(cmap + chosen) != 12:
            return None
        start = cmap + chosen + 16
        return _big_endian("I", self.get_chunk(start, 12 * self.get_ulong(start - 4)))

    def _map_chars(self, groups: array) -> None:
        self.charToGlyph = char_to_glyph = {}
        self.glyphToChar = glyph_to_char = {}
        for i in range(0, len(groups), 3):
            start, end, first = groups[i], groups[i + 1], groups[i + 2]
            for char in range(start, end + 1):
                glyph = first + char - start
                char_to_glyph[char] = glyph
                glyph_to_char.setdefault(glyph, []).append(char)

    def _read_metrics(self) -> None:
        """hmtx as reportlab reads it: glyphs past the long metrics repeat the last
        advance already scaled to 1/1000 em (in `hmetrics` too); bearings unsigned."""
        count, scale = self.numGlyphs, self._pdfScale
        long_count = self.get_ushort(self.get_table_pos("hhea")[0] + 34)
        raw = _big_endian("H", self.get_chunk(self.get_table_pos("hmtx")[0],
                                               4 * long_count + 2 * (count - long_count)))
        bearings = list(raw[1:2 * long_count:2]) + list(raw[2 * long_count:])
        advances = list(raw[0:2 * long_count:2])
        widths_of = [scale(a) for a in advances]
        widths_of += widths_of[-1:] * (count - long_count)
        self.hmetrics = list(zip(advances + widths_of[long_count:], bearings))
        self.defaultWidth = widths_of[0]
        widths = self.charWidths = {}
        glyph_to_char = self.glyphToChar
        for glyph in sorted(g for g in glyph_to_char if g < count):
            for char in glyph_to_char[glyph]:
                widths[char] = widths_of[glyph]

    def _read_locations(self) -> None:
        long_format = self.get_ushort(self.get_table_pos("head")[0] + 50)
        if "loca" not in self.table:
            super().extractInfo(1)  # reportlab raises its own error
        n = self.numGlyphs + 1
        loca = self.get_table_pos("loca")[0]
        if long_format == 1:
            self.glyphPos = list(_big_endian("I", self.get_chunk(loca, 4 * n)))
        elif long_format == 0:
            self.glyphPos = [p << 1 for p in _big_endian("H", self.get_chunk(loca, 2 * n))]
        else:
            super().extractInfo(1)
        self.seek(loca + (2 << long_format) * n)  # where reportlab's reads end


def _big_endian(code: str, data: bytes) -> array:
    values = array(code, data)
    if sys.byteorder != "big":
        values.byteswap()
    return values


class FastTTFont(TTFont):
    """reportlab's `TTFont(name, filename)` with its defaults, the face read by `_FastFace`.
    The attributes are those `TTFont.__init__` sets (tests compare them with the stock font)."""

    def __init__(self, name: str, filename: str):
        self.fontName = name
        self.face = _FastFace(filename)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
