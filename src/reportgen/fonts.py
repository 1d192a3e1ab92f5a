"""Which bundled font draws which character.

Shared by every renderer and by validation: the main font (BIZ UDPGothic) draws what it
can, the fallback font (Droid Sans Fallback) draws the rest, and a character neither has
is an error that names the cell (never a silent empty box).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby
from pathlib import Path

from typing import TYPE_CHECKING

from reportgen.usercache import font_key, remember

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont

# Characters that are layout, not glyphs: never looked up in a font.
LAYOUT = {"\n", "\t", "\u200b", "\u00ad"}


@lru_cache(maxsize=8)
def codepoints(path: Path) -> frozenset[int]:
    """The Unicode code points a TrueType font maps: parsed once per font file and user
    (`usercache`; fontTools reads a CJK cmap in 0.04-0.1 s, the cache in ~1 ms)."""
    return remember("cmaps", font_key(path, "best"), lambda: frozenset(best_cmap(path)),
                    lambda points: points, lambda data: data if isinstance(data, frozenset) else None)


@lru_cache(maxsize=8)
def shared_font(path: Path) -> TTFont:
    """One lazily read, index-named font per file and process (see `open_font`), shared
    by every reader of its tables (cmap, hmtx, name): each table is parsed once.
    Callers must not close or modify it."""
    return open_font(path)


@lru_cache(maxsize=8)
def best_cmap(path: Path) -> dict[int, str]:
    """Code point → index-named glyph ("g123") of the font's best cmap, read once per process.
    Callers must not modify it."""
    return shared_font(path).getBestCmap() or {}


@lru_cache(maxsize=8)
def family_name(path: Path) -> str:
    """A TrueType file's family name (name table ID 1), as Word and fontconfig see it;
    kept per user (`usercache`) since fontTools' name table costs ~0.09 s per process."""
    def read() -> str:
        return shared_font(path)["name"].getDebugName(1) or path.stem

    return remember("names", font_key(path, "name1"), read, lambda name: name,
                    lambda data: data if isinstance(data, str) else None)


def open_font(path: Path) -> TTFont:
    """The font opened lazily, its glyphs named by index ("g0", "g1", ...).

    Without a glyph order, fontTools names every glyph (from the post table, else from the
    cmap itself) before it reads the cmap or hmtx, which costs more than reading them:
    0.18 s instead of 0.05 s for the cmap of BIZ UDPGothic. Callers that need glyph names
    as the font spells them must open the font themselves."""
    from fontTools.ttLib import TTFont  # here: with the cmaps cached, a build may never open a font

    font = TTFont(str(path), lazy=True)
    font.setGlyphOrder([f"g{i}" for i in range(font["maxp"].numGlyphs)])
    return font


def font_for(ch: str, main: Path, fallback: Path) -> Path | None:
    """The first of main/fallback that has `ch`, or None when neither does."""
    cp = ord(ch)
    if ch in LAYOUT or cp in codepoints(main):
        return main
    if cp in codepoints(fallback):
        return fallback
    return None


def missing_chars(text: str, main: Path, fallback: Path) -> list[str]:
    """Characters of `text` that no bundled font can draw, in order of first appearance."""
    return [ch for ch in dict.fromkeys(text) if font_for(ch, main, fallback) is None]


def split_by_font(text: str, main: Path, fallback: Path) -> list[tuple[str, Path]]:
    """Cut `text` into runs drawn by one font each (missing characters stay with main)."""
    def pick(ch: str) -> Path:
        return font_for(ch, main, fallback) or main

    return [("".join(chars), font) for font, chars in groupby(text, key=pick)]
