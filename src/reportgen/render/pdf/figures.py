"""Figures: charts as vector drawings (the chart stage's SVG through svglib) and images,
each with its title above and caption under it as real text (the chart images hold
neither); two half-width figures in a row sit side by side, and a half-width figure
alone keeps its width with its title and caption in a column beside it.

In: `ChartImages`/`ImageBlock`, the target width, styles, fonts. Out: unsplittable
`Stack` flowables, or a one-row `Table` pairing two of them or one with its text.
"""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image as PILImage
from reportlab.graphics.shapes import Drawing, Group
from reportlab.graphics.transform import mmult
from reportlab.platypus import Flowable, Image, Table
from svglib.svglib import svg2rlg

from reportgen.charts.artifacts import ChartImages
from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.model import ChartBlock, ImageBlock, RichText
from reportgen.render.pdf.flow import Stack, grid, space_before
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.text import PdfFonts, para

HALF_GAP = 12.0
CAPTION_GAP = 4.0
LONE_SHARE = 0.6
"""Of the text width, taken by a half-width figure shown alone (its text beside it)."""


def figure_width(width: str, text_width: float) -> float:
    return text_width if width == "full" else (text_width - HALF_GAP) / 2


def chart_figure(block: ChartBlock, source: Drawing, text_width: float, max_height: float,
                 st: Styles, fonts: PdfFonts) -> Stack:
    """The chart scaled to its width, with its title and caption."""
    drawing = scaled(source, figure_width(block.chart.width, text_width), max_height, fonts.regular)
    spec = block.chart
    return _framed(drawing, RichText.of(spec.title), RichText.of(spec.caption), st, fonts, spec.width == "half")


def image_figure(block: ImageBlock, text_width: float, max_height: float, st: Styles, fonts: PdfFonts) -> Stack:
    w_px, h_px = _pixel_size(block)
    width = figure_width(block.width, text_width)
    height = width * h_px / w_px
    if height > max_height:
        width, height = max_height * w_px / h_px, max_height
    return _framed(Image(str(block.path), width, height), RichText(), block.caption, st, fonts, block.width == "half")


_ROW_STYLE = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (0, 0), HALF_GAP),
    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def side_by_side(left: Flowable, right: Flowable, text_width: float, font: str) -> Table:
    half = figure_width("half", text_width)
    table = grid([[left, right]], [half + HALF_GAP, half], _ROW_STYLE, font)
    table.spaceBefore, table.spaceAfter = left.getSpaceBefore(), left.getSpaceAfter()
    return table


def captioned_beside(figure: Flowable, text_width: float, max_height: float, st: Styles,
                     fonts: PdfFonts) -> Table:
    """A lone half-width figure (a `_framed` stack), a little wider (`LONE_SHARE` of the
    column) on the left, its title and caption in a column beside it, so that the row
    does not leave half the page empty."""
    picture, title, caption = figure.parts
    wide = text_width * LONE_SHARE
    picture = _widened(picture, wide, max_height, fonts.regular)
    text = [(para(title, st.figure_title, fonts), 0.0, 0.0)] if title else []
    if caption:
        text.append((para(caption, st.caption, fonts), 0.0, CAPTION_GAP if title else 0.0))
    row = grid([[picture, Stack(text)]], [wide + HALF_GAP, text_width - wide - HALF_GAP], _ROW_STYLE, fonts.regular)
    row.spaceBefore, row.spaceAfter = figure.getSpaceBefore(), figure.getSpaceAfter()
    return row


def _widened(picture: Flowable, width: float, max_height: float, font: str) -> Flowable:
    if isinstance(picture, Drawing):
        return scaled(picture, width, max_height, font)
    k = min(width / picture.drawWidth, max_height / picture.drawHeight)
    return Image(picture.filename, picture.drawWidth * k, picture.drawHeight * k)


def load_drawing(block: ChartBlock, images: ChartImages) -> Drawing:
    """The chart's SVG as a reportlab Drawing (vector), read once per document and parsed
    once per process for the same SVG bytes (a batch or a rebuild reuses the parse)."""
    try:
        drawing = _parsed(images.svg.read_bytes())
    except (OSError, ValueError) as exc:
        raise ReportError(Diagnostic(block.ref, f"chart {block.chart.id!r}: cannot read {images.svg.name}: {exc}")) from exc
    if drawing is None or not drawing.width or not drawing.height:
        raise ReportError(Diagnostic(block.ref, f"chart {block.chart.id!r}: unreadable SVG {images.svg.name}"))
    return drawing


@lru_cache(maxsize=32)
def _parsed(svg: bytes) -> Drawing | None:
    """svglib's Drawing of `svg`; shared, never changed (`scaled` wraps it in a new Group)."""
    return svg2rlg(io.BytesIO(svg))


def scaled(source: Drawing, width: float, max_height: float, font: str) -> Drawing:
    """A new Drawing showing `source` scaled to `width` (or down to `max_height`)."""
    k = min(width / source.width, max_height / source.height)
    drawing = Drawing(source.width * k, source.height * k,
                      Group(*source.contents, transform=mmult((k, 0, 0, k, 0, 0), source.transform)))
    drawing.initialFontName = font  # else renderPDF starts with an unembedded Helvetica
    drawing.hAlign = "LEFT"
    return drawing


def _framed(figure: Flowable, title: RichText, caption: RichText, st: Styles, fonts: PdfFonts,
            half: bool) -> Stack:
    """A figure with its title above and its caption (source, as-of date) below, as text."""
    children = [(para(title, st.figure_title, fonts), 0.0, 0.0)] if title else []
    children.append((figure, 0.0, 4.0 if title else 0.0))
    if caption:
        children.append((para(caption, st.caption, fonts), 0.0, CAPTION_GAP))
    stack = Stack(children, pad_bottom=2.0)
    stack.half = half
    stack.parts = (figure, title, caption)
    stack.spaceAfter = st.body.leading * 0.4
    return space_before(stack, st.body.leading * 0.9)


def _pixel_size(block: ImageBlock) -> tuple[int, int]:
    try:
        with PILImage.open(block.path) as im:
            return im.size
    except OSError as exc:
        raise ReportError(Diagnostic(block.ref, f"cannot read image {block.path.name}: {exc}")) from exc
