"""The theme's fonts as reportlab fonts, and character widths measured with them.

In: a `Theme` (paths of the regular, bold and fallback TrueType files). Out: `PdfFonts`
(the registered reportlab font names; TrueType fonts are always subset-embedded) and
`pdf_widths(fonts)`, the cached advance-width measurer the Japanese composer reads.
A character the main font lacks is measured, and drawn, with the fallback font, which is
registered (its file parsed) only when a document first needs it. Parsed faces are
cached per user (`facecache`): a new process restores them instead of parsing again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import groupby
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics

from reportgen.fonts import LAYOUT
from reportgen.ja.compose import CachedWidths
from reportgen.metrics import metrics
from reportgen.model import Theme
from reportgen.render.pdf.facecache import load_font


@dataclass(frozen=True)
class PdfFonts:
    """Registered reportlab font names, and the files behind them."""

    regular: str
    bold: str
    fallback: str
    regular_path: Path | None = None
    bold_path: Path | None = None
    fallback_path: Path | None = None
    # (ch, bold) -> font name, per instance: a module-level cache keyed on the whole
    # object would hash its three Paths on every character of every table cell.
    _picked: dict[tuple[str, bool], str] = field(
        default_factory=dict, init=False, compare=False, hash=False, repr=False)
    # The fields' hash, computed once: the object keys the composer's caches (compose_text,
    # pdf_widths), and hashing its Paths costs ~0.7 µs a time.
    _hash: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash((
            self.regular, self.bold, self.fallback, self.regular_path, self.bold_path, self.fallback_path)))

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self) -> tuple:
        # Rebuilt from the fields when pickled: str hashes differ between processes.
        return PdfFonts, (self.regular, self.bold, self.fallback,
                          self.regular_path, self.bold_path, self.fallback_path)

    def main(self, bold: bool) -> str:
        return self.bold if bold else self.regular

    def width(self, text: str, bold: bool, size: float) -> float:
        """Advance width of one line of `text` at `size` pt (`reportgen.metrics`: each
        character in the font that draws it, as reportlab's stringWidth measures it)."""
        return metrics(self.bold_path if bold else self.regular_path, self.fallback_path).ems(text) * size

    def runs(self, text: str, bold: bool) -> list[tuple[str, str]]:
        """`text` cut into (text, font name) runs: main font, fallback where it lacks a glyph."""
        pick = partial(self.font_of, bold=bold)
        return [("".join(chars), font) for font, chars in groupby(text, key=pick)]

    def font_of(self, ch: str, bold: bool) -> str:
        """The font that draws `ch`: the main one, or the fallback when the main lacks it."""
        font = self._picked.get((ch, bold))
        if font is None:
            font = self._picked[(ch, bold)] = self._pick(ch, bold)
        return font

    def _pick(self, ch: str, bold: bool) -> str:
        # Coverage is read from the reportlab faces that draw the text (parsed anyway to
        # register them), not from a second parse of their cmaps with fontTools.
        main = self.main(bold)
        if self.fallback_path is None or ch in LAYOUT or ord(ch) in _chars(main):
            return main
        fallback = _register(self.fallback_path)
        # else drawn as a missing glyph: the reader refuses such text before it gets here
        return fallback if ord(ch) in _chars(fallback) else main


def _chars(name: str) -> dict[int, int]:
    """Code point → glyph of a registered font: the characters it can draw."""
    return pdfmetrics.getFont(name).face.charToGlyph


def _register(path: Path) -> str:
    name = path.stem
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(load_font(name, path))
    return name


def register_fonts(theme: Theme) -> PdfFonts:
    """Register the theme's fonts once per process and make the regular font the canvas's
    initial font, so that no unembedded standard font (Helvetica) enters the PDF.

    A document template should also pass `initialFontName=fonts.regular`.
    """
    fonts = PdfFonts(
        _register(theme.font_regular), _register(theme.font_bold), theme.font_fallback.stem,
        theme.font_regular, theme.font_bold, theme.font_fallback,
    )
    rl_config.canvas_basefontname = fonts.regular
    return fonts


@lru_cache(maxsize=4)
def figure_fonts(theme: Theme, bold: bool) -> PdfFonts:
    """The fonts of table figures: BIZ UDGothic (fixed-width digits, the main font's
    design), registered when a document first has a number column. Its bold face (a CJK
    face: ~12 MB once parsed) only when `bold` figures are drawn (a total row); without it
    the regular face stands in for a bold that nothing asks for."""
    regular = _register(theme.font_figures)
    if not bold:
        return PdfFonts(regular, regular, theme.font_fallback.stem, theme.font_figures, theme.font_figures,
                        theme.font_fallback)
    return PdfFonts(regular, _register(theme.font_figures_bold), theme.font_fallback.stem,
                    theme.font_figures, theme.font_figures_bold, theme.font_fallback)


@lru_cache(maxsize=8)
def pdf_widths(fonts: PdfFonts) -> CachedWidths:
    """The composer's measurer for these fonts (`reportgen.metrics`, per character the same
    as reportlab's stringWidth); style keys are (bold, size) pairs."""
    regular, bold = (metrics(path, fonts.fallback_path) for path in (fonts.regular_path, fonts.bold_path))

    def measure(key: tuple[bool, float], ch: str) -> float:
        return (bold if key[0] else regular)[ch] * key[1]

    return CachedWidths(measure)
