"""A reportlab Flowable that draws `RichText` set by the Japanese composer.

In: `RichText` (spans: bold, colour, link, superscript), a `TextStyle` and `PdfFonts`.
Out: `JaParagraph`, which wraps, splits across frames with orphan and widow control (never
one line alone at a frame's top or bottom) and draws each composed segment at its x with
its character spacing, one text object per paragraph (`pen.Pen`); characters the main
font lacks are drawn with the fallback font. `compose_text` and `height_for` give the
lines and height without a Flowable; `paint` draws composed lines with a pen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import groupby
from typing import Callable, Literal, Sequence

from reportlab.platypus import Flowable

from reportgen.ja.compose import Line, Options, Run, compose
from reportgen.model import RichText, Span
from reportgen.render.pdf.fonts import PdfFonts, pdf_widths
from reportgen.render.pdf.pen import Pen

SUPERSCRIPT_SCALE = 0.6
SUPERSCRIPT_RISE = 0.4    # of the body size
ASCENT = 0.88             # baseline below the em box's top, for CJK fonts
MIN_LINES = 2             # orphan and widow control: lines kept together at a break


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
    return compose(_runs(text, style), pdf_widths(fonts), _options(style, width))


def plain_setter(style: TextStyle, fonts: PdfFonts, width: float) -> Callable[[str], tuple[Line, ...]]:
    """A composer of plain strings (no inline styles) in `style`, `width` points wide: a
    table column's cells, set without a `RichText` each or a trip through the
    `compose_text` cache, which thousands of distinct cells would only churn."""
    measure, opts, key = pdf_widths(fonts), _options(style, width), (style.bold, style.size)
    return lambda text: compose([Run(text, key, style.size)], measure, opts)


def _options(style: TextStyle, width: float) -> Options:
    return Options(
        width=width, em=style.size, align=style.align, first_indent=style.first_indent,
        strict=style.strict, hanging=style.hanging, mixed_spacing=style.mixed_spacing,
        phrase_breaks=style.phrase_breaks, balance=style.balance,
    )


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


def baseline(style: TextStyle, top: float, i: int) -> float:
    """The baseline of line `i` of a text whose first line's top is at `top`."""
    return top - i * style.leading - (style.leading - style.size) / 2 - ASCENT * style.size


Look = tuple[bool, float, float, str]
"""How a span is drawn: bold, font size, rise and colour."""


def paint(pen: Pen, looks: Sequence[Look], style: TextStyle, lines: Sequence[Line], x: float, top: float) -> None:
    """Show the composed `lines` with `pen`, the first line's top at `top` and its left
    edge at `x`; `looks[i]` is how the segments of span i are drawn."""
    show = pen.show
    for i, line in enumerate(lines):
        y = baseline(style, top, i)
        for seg in line.segments:
            bold, size, rise, color = looks[seg.run]
            show(x + seg.x, y, seg.text, bold, size, seg.char_space, rise, color)


def looks(text: RichText, style: TextStyle) -> list[Look]:
    """The look of each span of `text` in `style`."""
    return [_look(span, style) for span in text.spans]


def plain_look(style: TextStyle) -> Look:
    """The look of text without inline styles in `style`."""
    return _look(Span(""), style)


def _look(span: Span, style: TextStyle) -> Look:
    sup = span.superscript
    size = style.size * (SUPERSCRIPT_SCALE if sup else 1.0)
    return style.bold or span.bold, size, SUPERSCRIPT_RISE * style.size if sup else 0.0, _color(span, style)


def _color(span: Span, style: TextStyle) -> str:
    if span.color:
        return span.color
    if span.link and style.link_color:
        return style.link_color
    return style.color


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
        pen = Pen(self.canv, self.fonts)
        paint(pen, looks(self.text, self.style), self.style, self._lines, 0.0, self.height)
        pen.close()
        if any(span.link for span in self.text.spans):
            for i, line in enumerate(self._lines):
                self._draw_links(line, baseline(self.style, self.height, i))

    def _draw_links(self, line: Line, y: float) -> None:
        """One link annotation per run of segments that share a link."""
        size, spans = self.style.size, self.text.spans
        for link, segs in groupby(line.segments, key=lambda seg: spans[seg.run].link):
            if link:
                segs = list(segs)
                x1, x2 = segs[0].x, segs[-1].x + segs[-1].width
                rect = (x1, y - 0.12 * size, x2, y + ASCENT * size)
                self.canv.linkURL(link, rect, relative=1, thickness=0)
