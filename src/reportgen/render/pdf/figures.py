"""Figures: charts as vector drawings (the chart stage's SVG through svglib, its labels
drawn as real text in the document's fonts) and images,
each with its title above and caption under it as real text (the chart images hold
neither); two half-width figures in a row sit side by side, and a half-width figure
alone keeps its width with its title and caption in a column beside it.

In: `ChartImages`/`ImageBlock`, the target width, styles, fonts. Out: unsplittable
`Stack` flowables, or a one-row `Table` pairing two of them or one with its text.
"""

from __future__ import annotations

import copy
import io
from functools import lru_cache
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.graphics.transform import mmult
from reportlab.platypus import Flowable, Image, Table

from reportgen.charts.artifacts import ChartImages
from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.i18n import tr
from reportgen.layout.figures import HALF_GAP, figure_width
from reportgen.model import ChartBlock, ImageBlock, RichText
from reportgen.render.pdf.drawcache import parsed
from reportgen.render.picture import drawable
from reportgen.render.pdf.flow import Stack, grid, space_before
from reportgen.render.pdf.located import Located, locate
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.text import PdfFonts, para

CAPTION_GAP = 4.0
LONE_SHARE = 0.6
PARSE_VERSION = "placeholders1"  # how `_parse` reads an SVG: bump when it changes (cached parses)
"""Of the text width, taken by a half-width figure shown alone (its text beside it)."""


def chart_figure(block: ChartBlock, source: Drawing, text_width: float, max_height: float,
                 st: Styles, fonts: PdfFonts) -> Stack:
    """The chart scaled to its width, with its title and caption."""
    drawing = scaled(in_fonts(source, fonts), figure_width(block.chart.width, text_width), max_height, fonts.regular)
    spec = block.chart
    return _framed(drawing, RichText.of(spec.title), RichText.of(spec.caption), st, fonts, spec.width == "half")


def image_figure(block: ImageBlock, text_width: float, max_height: float, st: Styles, fonts: PdfFonts) -> Stack:
    source, (w_px, h_px) = _drawable(block)
    width = figure_width(block.width, text_width)
    height = width * h_px / w_px
    if height > max_height:
        width, height = max_height * w_px / h_px, max_height
    return _framed(_image(source, width, height), RichText(), block.caption, st, fonts, block.width == "half")


def _image(source: Path | bytes, width: float, height: float) -> Image:
    """A reportlab Image of a file or of bytes, which keeps its source (to be drawn again wider)."""
    image = Image(io.BytesIO(source) if isinstance(source, bytes) else str(source), width, height)
    image.source = source
    return image


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
    return _image(picture.source, picture.drawWidth * k, picture.drawHeight * k)


def load_drawing(block: ChartBlock, images: ChartImages) -> Drawing:
    """The chart's SVG as a reportlab Drawing (vector), read once per document and parsed
    once per process for the same SVG bytes (a batch or a rebuild reuses the parse). Its
    labels are in placeholder fonts until `chart_figure` puts them in the document's."""
    try:
        drawing = _parsed(images.svg.read_bytes())
    except (OSError, ValueError) as exc:
        raise ReportError(Diagnostic(block.ref, tr("chart {id!r}: cannot read {name}: {exc}").format(id=block.chart.id, name=images.svg.name, exc=exc))) from exc
    if drawing is None or not drawing.width or not drawing.height:
        raise ReportError(Diagnostic(block.ref, tr("chart {id!r}: unreadable SVG {name}").format(id=block.chart.id, name=images.svg.name)))
    return drawing


class _Placeholders:
    """svglib's font map: every SVG font family read as Helvetica (bold weights as
    Helvetica-Bold), a marker that `in_fonts` replaces with the document's fonts, which the
    parse does not know. (svglib measures text only for multi-part <text>, which the chart
    SVGs do not hold.)"""

    def find_font(self, font_name: str, weight: str = "normal", style: str = "normal") -> tuple[str, bool]:
        return ("Helvetica-Bold" if str(weight) in _BOLD else "Helvetica"), True


_BOLD = {"bold", "bolder", "600", "700", "800", "900"}


@lru_cache(maxsize=32)
def _parsed(svg: bytes) -> Drawing | None:
    """svglib's Drawing of `svg`, once per process and, across processes, from the per-user
    cache (`drawcache`); shared, never changed (`scaled` wraps it in a new Group)."""
    return parsed(svg, _parse, PARSE_VERSION)


def _parse(svg: bytes) -> Drawing | None:
    from svglib.svglib import svg2rlg  # loaded for a parse the cache lacks

    return svg2rlg(io.BytesIO(svg), font_map=_Placeholders())


@lru_cache(maxsize=32)
def in_fonts(source: Drawing, fonts: PdfFonts) -> Drawing:
    """A copy of a parsed chart whose labels are drawn in the document's fonts: the main
    (regular or bold) font, and the fallback font for the characters it lacks, so that
    the PDF holds the labels as searchable text in its embedded subset fonts."""
    drawing = copy.copy(source)
    drawing.contents = [_refont(node, fonts) for node in source.contents]
    return drawing


def _refont(node: object, fonts: PdfFonts) -> object:
    if isinstance(node, Group):
        group = copy.copy(node)
        group.contents = [_refont(child, fonts) for child in node.contents]
        return group
    if isinstance(node, String):
        return _runs(node, fonts)
    return node


def _runs(label: String, fonts: PdfFonts) -> String | Group:
    """`label` in the main font, or cut into runs placed one after another when some of
    its characters need the fallback font (hand-written: reportlab has no font fallback)."""
    bold = label.fontName == "Helvetica-Bold"
    runs = fonts.runs(label.text, bold)
    if len(runs) == 1:
        return _run(label, label.text, runs[0][1], label.x, label.textAnchor)
    widths = [fonts.width(text, bold, label.fontSize) for text, _ in runs]
    x = label.x - sum(widths) * {"middle": 0.5, "end": 1.0}.get(label.textAnchor, 0.0)
    parts = Group()
    for (text, font), width in zip(runs, widths):
        parts.add(_run(label, text, font, x, "start"))
        x += width
    return parts


def _run(label: String, text: str, font: str, x: float, anchor: str) -> String:
    run = copy.copy(label)
    run.text, run.fontName, run.x, run.textAnchor = text, font, x, anchor
    return run


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
    locate(stack, Located(half=half))
    stack.parts = (figure, title, caption)
    stack.spaceAfter = st.body.leading * 0.4
    return space_before(stack, st.body.leading * 0.9)


def _drawable(block: ImageBlock) -> tuple[Path | bytes, tuple[int, int]]:
    try:
        return drawable(block.path)
    except OSError as exc:
        raise ReportError(Diagnostic(block.ref, tr("cannot read image {name}: {exc}").format(name=block.path.name, exc=exc))) from exc
