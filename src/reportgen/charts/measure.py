"""Text widths from the bundled fonts' advance widths, and phrase-aware label wrapping.

In: a label string, a font size in points, the main and fallback font files.
Out: widths in points, and labels with "\n" inserted at budoux phrase boundaries so that
each line fits a given width. Pure (fontTools only): the chart plan uses it before
matplotlib is imported, and tests call it directly.

Hand-written because matplotlib measures text only after a figure exists, and wrapping
must happen while the plan (and the cache key) is built.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from reportgen.fonts import font_for
from reportgen.ja.phrases import phrases


@lru_cache(maxsize=8)
def _advances(path: Path) -> tuple[dict[int, int], float]:
    """Code point → advance width in font units, and units per em."""
    font = TTFont(str(path), lazy=True)
    try:
        hmtx = font["hmtx"].metrics
        cmap = font.getBestCmap() or {}
        return {cp: hmtx[name][0] for cp, name in cmap.items()}, float(font["head"].unitsPerEm)
    finally:
        font.close()


def char_width(ch: str, size: float, main: Path, fallback: Path) -> float:
    """Advance of one character in points (a missing character counts as one em)."""
    path = font_for(ch, main, fallback) or main
    widths, upem = _advances(path)
    return widths.get(ord(ch), upem) * size / upem


def text_width(text: str, size: float, main: Path, fallback: Path) -> float:
    """Width in points of the widest line of `text`."""
    return max((sum(char_width(c, size, main, fallback) for c in line) for line in text.split("\n")),
               default=0.0)


# Runs that are one word however long: figures and Latin words ("2020", "27.63", "DingTalk").
WORD = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,%+\-]*")
# Characters that may not start a line (a small subset of JIS X 4051 gyoto kinsoku).
NO_START = set("、。，．・：；？！ー–〜）」』】〕〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")


def wrap(text: str, max_width: float, size: float, main: Path, fallback: Path) -> str:
    """`text` with line breaks between budoux phrases so that lines fit `max_width` points.

    Only a phrase wider than `max_width` by itself is cut between characters, never
    inside a figure or Latin word, nor before a character that may not start a line.
    """
    def fits(line: str) -> bool:
        return text_width(line, size, main, fallback) <= max_width

    lines: list[str] = []
    for phrase in _phrases(text):
        if lines and fits(lines[-1] + phrase):
            lines[-1] += phrase
        elif fits(phrase):
            lines.append(phrase)
        else:
            lines += _cut(phrase, fits)
    return "\n".join(line.strip() for line in lines)


def _phrases(text: str) -> list[str]:
    """budoux phrases, re-joined where a boundary falls inside a word or figure
    (budoux cuts "2020年1月" into "202" + "0年1月")."""
    out: list[str] = []
    for phrase in phrases(text):
        if out and _inside_word(out[-1], phrase):
            out[-1] += phrase
        else:
            out.append(phrase)
    return out


def _inside_word(before: str, after: str) -> bool:
    return bool(WORD.fullmatch(before[-1] + after[0]))


def _atoms(phrase: str) -> list[str]:
    """A phrase as the pieces a cut may fall between: words whole, other characters alone."""
    return [m.group(0) for m in re.finditer(WORD.pattern + r"|.", phrase, re.S)]


def _cut(phrase: str, fits) -> list[str]:
    """An over-long phrase cut between characters into as few pieces as fit, of even length
    (so that no piece is a lone character)."""
    atoms = _atoms(phrase)
    for count in range(2, len(atoms) + 1):
        pieces = _even_pieces(atoms, count)
        if all(fits(p) for p in pieces):
            return pieces
    return atoms


def _even_pieces(atoms: list[str], count: int) -> list[str]:
    size = -(-len(atoms) // count)
    pieces: list[str] = []
    rest = atoms
    while rest:
        cut = _legal_cut(rest, min(size, len(rest)))
        pieces.append("".join(rest[:cut]))
        rest = rest[cut:]
    return pieces


def _legal_cut(atoms: list[str], cut: int) -> int:
    """`cut` moved so that the next piece does not start with a no-start character:
    backwards (the piece before gives a character away) when it can, else forwards."""
    back = cut
    while 1 < back < len(atoms) and atoms[back][0] in NO_START:
        back -= 1
    if back == len(atoms) or atoms[back][0] not in NO_START:
        return back
    while cut < len(atoms) and atoms[cut][0] in NO_START:
        cut += 1
    return cut
