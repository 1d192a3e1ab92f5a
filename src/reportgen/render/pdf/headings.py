"""Title block and headings: the document title on the first page, part titles (level 0),
chapters (1), sections (2, ■ in the source) and business units (3, ● in the source).

In: heading text, styles, fonts, an optional outline `Bookmark`. Out: `Stack` flowables
with their rules, bars and markers drawn as graphics (never typed characters), and the
gap above each heading set as its `spaceBefore`.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from reportgen.model import Heading, Meta, RichText, Theme
from reportgen.render.pdf.flow import Bookmark, Stack, space_before
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.text import PdfFonts, para


def title_block(meta: Meta, theme: Theme, st: Styles, fonts: PdfFonts) -> Stack:
    """The first page's title and subtitle, closed by a short accent bar."""
    children = [(para(RichText.of(meta.title), st.title, fonts), 0.0, 0.0)]
    if meta.subtitle:
        children.append((para(RichText.of(meta.subtitle), st.subtitle, fonts), 0.0, 4.0))

    def bar(canvas: Canvas, width: float, height: float) -> None:
        _fill(canvas, theme.accent, 0, 0, 28, 2.4)

    return Stack(children, pad_bottom=14.0, decorate=bar)


def heading_flowable(h: Heading, theme: Theme, st: Styles, fonts: PdfFonts,
                     bookmark: Bookmark | None) -> Stack:
    make = {0: _part, 1: _chapter, 2: _section}.get(h.level, _unit)
    return make(h, theme, st, fonts, bookmark)


def _part(h: Heading, theme: Theme, st: Styles, fonts: PdfFonts, bm: Bookmark | None) -> Stack:
    children = []
    if h.subtitle:
        children.append((para(h.subtitle, st.over_title, fonts), 0.0, 0.0))
    children.append((para(h.text, st.part, fonts), 0.0, 2.0 if h.subtitle else 0.0))

    def rules(canvas: Canvas, width: float, height: float) -> None:
        _fill(canvas, theme.primary, 0, 0, width, 1.6)

    return space_before(Stack(children, pad_bottom=12.0, decorate=rules, bookmark=bm), 26.0)


def _chapter(h: Heading, theme: Theme, st: Styles, fonts: PdfFonts, bm: Bookmark | None) -> Stack:
    children = [(para(h.text, st.chapter, fonts), 0.0, 0.0)]
    if h.subtitle:
        children.append((para(h.subtitle, st.chapter_sub, fonts), 0.0, 1.0))

    def rule(canvas: Canvas, width: float, height: float) -> None:
        _fill(canvas, theme.rule, 0, 0, width, 0.6)
        _fill(canvas, theme.primary, 0, 0, 36, 1.8)

    return space_before(Stack(children, pad_bottom=8.0, decorate=rule, bookmark=bm), 22.0)


def _section(h: Heading, theme: Theme, st: Styles, fonts: PdfFonts, bm: Bookmark | None) -> Stack:
    bar_w, indent = 4.0, 10.0
    style = st.section

    def bar(canvas: Canvas, width: float, height: float) -> None:
        pad = 5.0
        _fill(canvas, theme.primary, 0, pad, bar_w, height - pad)
        _fill(canvas, theme.rule, 0, 0, width, 0.6)

    stack = Stack([(para(h.text, style, fonts), indent, 0.0)], pad_bottom=5.0, decorate=bar, bookmark=bm)
    return space_before(stack, style.leading * 1.1)


def _unit(h: Heading, theme: Theme, st: Styles, fonts: PdfFonts, bm: Bookmark | None) -> Stack:
    style = st.unit
    indent = style.size * 1.05

    def dot(canvas: Canvas, width: float, height: float) -> None:
        r = style.size * 0.3
        canvas.saveState()
        canvas.setFillColor(HexColor(theme.primary))
        canvas.circle(r + 0.5, height - style.leading / 2 - 0.5, r, stroke=0, fill=1)
        canvas.restoreState()

    stack = Stack([(para(h.text, style, fonts), indent, 0.0)], pad_bottom=1.0, decorate=dot, bookmark=bm)
    return space_before(stack, style.leading * 0.9)


def _fill(canvas: Canvas, color: str, x: float, y: float, w: float, h: float) -> None:
    canvas.saveState()
    canvas.setFillColor(HexColor(color))
    canvas.rect(x, y, w, h, stroke=0, fill=1)
    canvas.restoreState()
