"""A reportlab Flowable that draws `RichText` set by the Japanese composer.

In: `RichText` (spans: bold, colour, link, superscript), a `TextStyle` and `PdfFonts`.
Out: `JaParagraph`, which wraps, splits across frames with orphan and widow control (never
one line alone at a frame's top or bottom) and draws each composed segment at its x with
its character spacing; characters the main font lacks are drawn with the fallback font.
`compose_text` and `height_for` give the lines and height without a Flowable.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import groupby
from typing import Literal

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from reportgen.ja.compose import Line, Options, Run, Segment, compose
from reportgen.model import RichText, Span
from reportgen.render.pdf.fonts import PdfFonts, pdf_widths

SUPERSCRIPT_SCALE = 0.6
SUPERSCRIPT_RISE = 0.4    # of the body size
ASCENT = 0.88             # baseline below the em box's top, for CJK fonts
MIN_LINES = 2             # orphan and widow control: lines kept together at a break

_hex_color = lru_cache(maxsize=64)(HexColor)  # parsed once per colour, not per drawn segment


@dataclass(frozen=True)
class TextStyle:
    size: float
    leading: float
    color: str
    bold: bool = False
    align: Literal["justify", "left", "center", "right"] = "justify"
    first_indent: float = 0.0
    phrase_breaks: bool = False
    balance: bool = False
    link_color: str | None = None
    strict: bool = True
    hanging: bool = False
    mixed_spacing: bool = True


def _runs(text: RichText, style: TextStyle) -> list[Run]:
    runs = []
    for span in text.spans:
        size = style.size * (SUPERSCRIPT_SCALE if span.superscript else 1.0)
        runs.append(Run(span.text, (style.bold or span.bold, size), size))
    return runs


@lru_cache(maxsize=4096)
def compose_text(text: RichText, style: TextStyle, fonts: PdfFonts, width: float) -> tuple[Line, ...]:
    """The lines of `text` set `width` points wide."""
    opts = Options(
        width=width, em=style.size, align=style.align, first_indent=style.first_indent,
        strict=style.strict, hanging=style.hanging, mixed_spacing=style.mixed_spacing,
        phrase_breaks=style.phrase_breaks, balance=style.balance,
    )
    return compose(_runs(text, style), pdf_widths(fonts), opts)


def height_for(text: RichText, style: TextStyle, fonts: PdfFonts, width: float) -> float:
    """Height of `text` set `width` points wide (lines × leading)."""
    return len(compose_text(text, style, fonts, width)) * style.leading


def rest_of(text: RichText, start: int) -> RichText:
    """`text` from character `start` of its plain text on."""
    spans, at = [], 0
    for span in text.spans:
        end = at + len(span.text)
        if end > start:
            spans.append(span.with_text(span.text[max(0, start - at):]))
        at = end
    return RichText(tuple(spans))


class JaParagraph(Flowable):
    """A paragraph, list item, card text or heading set by `reportgen.ja.compose`."""

    def __init__(self, text: RichText, style: TextStyle, fonts: PdfFonts,
                 lines: tuple[Line, ...] | None = None):
        super().__init__()
        self.text, self.style, self.fonts = text, style, fonts
        self._fixed = lines
        self._lines: tuple[Line, ...] = lines or ()

    def lines_for(self, width: float) -> tuple[Line, ...]:
        if self._fixed is not None:
            return self._fixed
        return compose_text(self.text, self.style, self.fonts, width)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._lines = self.lines_for(availWidth)
        self.width, self.height = availWidth, len(self._lines) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self.lines_for(availWidth)
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit >= len(lines):
            return [self]
        keep = min(fit, len(lines) - MIN_LINES)
        if keep < MIN_LINES:
            return []
        head = JaParagraph(self.text, self.style, self.fonts, lines[:keep])
        rest = rest_of(self.text, lines[keep].start)
        return [head, JaParagraph(rest, replace(self.style, first_indent=0.0), self.fonts)]

    def draw(self) -> None:
        style, canv = self.style, self.canv
        for i, line in enumerate(self._lines):
            top = self.height - i * style.leading
            baseline = top - (style.leading - style.size) / 2 - ASCENT * style.size
            text = canv.beginText()
            for seg in line.segments:
                self._draw_segment(text, seg, baseline)
            canv.drawText(text)
            self._draw_links(line, baseline)

    def _draw_segment(self, text: PDFTextObject, seg: Segment, baseline: float) -> None:
        span, style = self.text.spans[seg.run], self.style
        bold = style.bold or span.bold
        size = style.size * (SUPERSCRIPT_SCALE if span.superscript else 1.0)
        text.setTextOrigin(seg.x, baseline)
        text.setRise(SUPERSCRIPT_RISE * style.size if span.superscript else 0.0)
        text.setCharSpace(seg.char_space)
        text.setFillColor(_hex_color(self._color(span)))
        for part, font in self.fonts.runs(seg.text, bold):
            text.setFont(font, size)
            text.textOut(part)

    def _color(self, span: Span) -> str:
        if span.color:
            return span.color
        if span.link and self.style.link_color:
            return self.style.link_color
        return self.style.color

    def _draw_links(self, line: Line, baseline: float) -> None:
        """One link annotation per run of segments that share a link."""
        size, spans = self.style.size, self.text.spans
        for link, segs in groupby(line.segments, key=lambda seg: spans[seg.run].link):
            if link:
                segs = list(segs)
                x1, x2 = segs[0].x, segs[-1].x + segs[-1].width
                rect = (x1, baseline - 0.12 * size, x2, baseline + ASCENT * size)
                self.canv.linkURL(link, rect, relative=1, thickness=0)
