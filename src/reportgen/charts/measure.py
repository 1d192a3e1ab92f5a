"""Text widths from the bundled fonts' advance widths, and phrase-aware label wrapping.

In: a label string, a font size in points, the main and fallback font files.
Out: widths in points, and labels with "\n" inserted at budoux phrase boundaries so that
each line fits a given width. Pure (FreeType through Pillow, basic layout so that every
machine measures alike): the chart plan uses it before matplotlib is imported.

Hand-written because matplotlib measures text only after a figure exists, and wrapping
must happen while the plan (and the cache key) is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from PIL import ImageFont

from reportgen.fonts import split_by_font
from reportgen.ja.breaks import break_opportunities
from reportgen.ja.phrases import phrases


EM = 1000  # measuring size in pixels; widths scale linearly


@lru_cache(maxsize=8)
def _font(path: Path) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), EM, layout_engine=ImageFont.Layout.BASIC)


def line_width(line: str, size: float, main: Path, fallback: Path) -> float:
    """Advance width in points of one line, each run measured in the font that draws it."""
    return sum(_font(font).getlength(run) for run, font in split_by_font(line, main, fallback)) * size / EM


def text_width(text: str, size: float, main: Path, fallback: Path) -> float:
    """Width in points of the widest line of `text`."""
    return max((line_width(line, size, main, fallback) for line in text.split("\n")), default=0.0)


def wrap(text: str, max_width: float, size: float, main: Path, fallback: Path) -> str:
    """`text` with line breaks between budoux phrases so that lines fit `max_width` points.

    Breaks fall only where JIS X 4051 allows one (`ja.breaks`): budoux's boundary inside a
    figure ("202|0年") is ignored. A phrase wider than `max_width` by itself is cut at
    legal break points into as few, evenly long pieces as fit.
    """
    def fits(line: str) -> bool:
        return text_width(line, size, main, fallback) <= max_width

    legal = set(break_opportunities(text))
    return _pack(text, _spans(text, legal), fits, lambda start, end: _cut(text, start, end, legal, fits)) or ""


def phrase_wrap(text: str, max_width: float, size: float, main: Path, fallback: Path) -> str | None:
    """`text` in lines of whole phrases that fit `max_width` points, or None when one
    phrase alone is wider: a label is never cut inside a word (プロ|グラム, 中|小企業).
    Phrases are budoux's, also ended by a space, and never a lone character (中|小企業の
    is one phrase)."""
    def fits(line: str) -> bool:
        return text_width(line.strip(), size, main, fallback) <= max_width

    return _pack(text, _whole_phrases(text), fits, lambda start, end: None)


def _pack(text: str, spans: Iterable[tuple[int, int]], fits: Callable[[str], bool],
          overflow: Callable[[int, int], list[str] | None]) -> str | None:
    """The spans of `text` filled greedily into lines that `fits`; a span too wide alone
    becomes what `overflow` makes of it (its pieces, or None: give up)."""
    lines: list[str] = []
    for start, end in spans:
        phrase = text[start:end]
        if lines and fits(lines[-1] + phrase):
            lines[-1] += phrase
        elif fits(phrase):
            lines.append(phrase)
        else:
            pieces = overflow(start, end)
            if pieces is None:
                return None
            lines += pieces
    return "\n".join(line.strip() for line in lines)


def _whole_phrases(text: str) -> list[tuple[int, int]]:
    legal = set(break_opportunities(text))
    cuts = {b for _, b in _spans(text, legal)[:-1]}
    cuts |= {i for i in legal if text[i - 1].isspace()}
    kept = [0]
    for cut in sorted(cuts):
        if cut - kept[-1] >= 2 and len(text) - cut >= 2:
            kept.append(cut)
    return list(zip(kept, kept[1:] + [len(text)]))


def _spans(text: str, legal: set[int]) -> list[tuple[int, int]]:
    """(start, end) of each phrase, budoux's boundaries kept where a break is legal."""
    cuts, at = [0], 0
    for phrase in phrases(text)[:-1]:
        at += len(phrase)
        if at in legal:
            cuts.append(at)
    return list(zip(cuts, cuts[1:] + [len(text)]))


def _in_katakana(text: str, at: int) -> bool:
    """Whether a cut at `at` would split a katakana word (サービス, ローン)."""
    return all("\u30a0" <= ch <= "\u30ff" for ch in text[at - 1:at + 1])


def _cut(text: str, start: int, end: int, legal: set[int], fits: Callable[[str], bool]) -> list[str]:
    """text[start:end] in the fewest pieces that fit, cut at legal points; among the cuts
    that fit, the most even one that splits no katakana word (サービス, ローン)."""
    points = sorted(p for p in legal if start < p < end)
    for count in range(2, min(len(points) + 1, MAX_PIECES) + 1):
        ranked = sorted(combinations(points, count - 1), key=lambda cuts: _cost(text, start, end, cuts))
        for cuts in ranked:
            pieces = [text[a:b] for a, b in zip((start, *cuts), (*cuts, end))]
            if all(fits(piece) for piece in pieces):
                return pieces
    return [text[a:b] for a, b in zip([start, *points], [*points, end])]


MAX_PIECES = 4  # a label cut into more pieces than this is cut at every legal point


def _cost(text: str, start: int, end: int, cuts: tuple[int, ...]) -> float:
    lengths = [b - a for a, b in zip((start, *cuts), (*cuts, end))]
    return max(lengths) - min(lengths) + sum(2 * len(text) for p in cuts if _in_katakana(text, p))
