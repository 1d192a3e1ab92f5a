"""The story: the document's blocks in reading order as reportlab flowables.

In: `Document`, the chart files, page geometry, styles, fonts. Out: a list of flowables
for the page templates: the title block, then one flowable per block, headings (and
table captions) joined to what follows, two half-width figures in a row side by side (a
lone one with its title and caption beside it), part titles on a new page after a
`PartStart` marker (for the running header), an outline bookmark on every heading.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from typing import Callable, Mapping, Sequence

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable
from reportlab.platypus import PageBreak as RLPageBreak

from reportgen.charts.artifacts import ChartImages
from reportgen.diagnostics import CellRef, Diagnostic, ReportError, ReportWarning
from reportgen.i18n import ntr, tr
from reportgen.layout.figures import MAX_HEIGHT_SHARE
from reportgen.model import (
    Block, ChartBlock, ContactBox, Document, Heading, ImageBlock, KpiRow, ListBlock, Note,
    PageBreak, Paragraph, TableBlock, outline_depths,
)
from reportgen.render.pdf import boxes, figures, tables
from reportgen.render.pdf.cards import KpiCards
from reportgen.render.pdf.flow import Bookmark, PartStart, Spaced, Whole, keep_chains
from reportgen.render.pdf.geometry import PageGeometry
from reportgen.render.pdf.located import Located, locate, located
from reportgen.render.pdf.headings import heading_flowable, title_block
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.text import PdfFonts, TextStyle, para
from reportgen.render.pdf.textflow import JaParagraph

@dataclass(frozen=True)
class Context:
    """What every block needs to become flowables. `drawings` are the charts read once."""

    doc: Document
    drawings: Mapping[str, Drawing]
    geometry: PageGeometry
    styles: Styles
    fonts: PdfFonts

    @property
    def width(self) -> float:
        return self.geometry.text_width

    @property
    def table_keep_height(self) -> float:
        """A table up to this tall is kept on one page (room left for its caption)."""
        return self.geometry.top - self.geometry.bottom - 4 * self.styles.figure_title.leading

    @property
    def page_height(self) -> float:
        """The height of a later page's text frame."""
        return self.geometry.top - self.geometry.bottom

    @property
    def max_figure_height(self) -> float:
        return (self.geometry.top - self.geometry.bottom) * MAX_HEIGHT_SHARE


WHAT: dict[type, Callable[[], str]] = {
    Heading: lambda: tr("heading"), Paragraph: lambda: tr("paragraph"), ListBlock: lambda: tr("list"),
    KpiRow: lambda: tr("KPI row"), ChartBlock: lambda: tr("chart"), ImageBlock: lambda: tr("image"),
    TableBlock: lambda: tr("table"), Note: lambda: tr("note"), ContactBox: lambda: tr("contact box"),
    PageBreak: lambda: tr("page break"),
}
"""How a block is named in the layout report (in the language in use)."""

WHOLE_LIST = 5
"""A list of up to this many items is a box: never split across pages."""


def build_story(ctx: Context) -> list[Flowable]:
    doc = ctx.doc
    items: list[tuple[Flowable, bool]] = [(title_block(doc.meta, doc.theme, ctx.styles, ctx.fonts), False)]
    marks = bookmarks(doc.blocks)
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Heading) and block.level == 0:
            if i and not isinstance(doc.blocks[i - 1], PageBreak):
                items.append((RLPageBreak(), False))
            items.append((PartStart(block.text.plain), False))
        for flowable, keep in block_flowables(block, ctx, marks.get(i), doc.blocks[i - 1] if i else None):
            locate(flowable, replace(located(flowable), cell=block.ref, what=WHAT[type(block)]()))
            items.append((flowable, keep))
    return keep_chains(pair_half_figures(items, ctx))


def bookmarks(blocks: Sequence[Block]) -> dict[int, Bookmark]:
    """An outline entry for every heading, by block index, nested as `outline_depths` says."""
    return {i: Bookmark(f"h{i}", blocks[i].text.plain, depth)  # type: ignore[union-attr]
            for i, depth in outline_depths(blocks).items()}


def block_flowables(block: Block, ctx: Context, mark: Bookmark | None,
                    prev: Block | None) -> list[tuple[Flowable, bool]]:
    """One block as flowables, each flagged when it must stay with the next."""
    st, fonts, theme = ctx.styles, ctx.fonts, ctx.doc.theme
    match block:
        case Heading():
            return [(heading_flowable(block, theme, st, fonts, mark), True)]
        case Paragraph():
            flowable = paragraph(block, st, fonts, isinstance(prev, Heading))
            report_lines(flowable.inner, ctx.width, block.ref)
            return [(flowable, block.role == "headline")]
        case ListBlock():
            items = boxes.list_table(block, ctx.width, st, fonts)
            return [(Whole(items, ctx.page_height, rows=len(block.items) > WHOLE_LIST), False)]
        case KpiRow():
            return [(KpiCards(block, theme, st, fonts), False)]
        case ChartBlock():
            source = ctx.drawings[block.chart.id]
            figure = figures.chart_figure(block, source, ctx.width, ctx.max_figure_height, st, fonts)
            return [(figure, False)]
        case ImageBlock():
            return [(figures.image_figure(block, ctx.width, ctx.max_figure_height, st, fonts), False)]
        case TableBlock():
            table = tables.data_table(block, ctx.width, ctx.table_keep_height, theme, st, fonts)
            return [(tables.caption(block, st, fonts), True), (table, False)] if block.caption else [(table, False)]
        case Note():
            return [(Whole(boxes.note_table(block, ctx.width, st, fonts), ctx.page_height), False)]
        case ContactBox():
            return [(Whole(boxes.contact_box(block, ctx.width, theme, st, fonts), ctx.page_height), False)]
        case PageBreak():
            return [(RLPageBreak(), False)]
    raise TypeError(f"{block.ref}: unknown block {type(block).__name__}")


_FLAWS: dict[str, Callable[[], str]] = {
    "short": lambda: tr("left short of the right margin: filling it would open gaps over ½ em (a long word or "
                        "number follows; a shorter one, or a space inside it, lets the line fill)"),
    "broken": lambda: tr("broken inside a word or number: no break opportunity fits the line"),
}


def report_lines(text: JaParagraph, width: float, where: CellRef) -> None:
    """A located warning for a paragraph whose lines the composer had to compromise on
    (composed here at the column's width, as the frame will: the composer caches it)."""
    lines = text.lines_for(width)
    flawed = [(i, line) for i, line in enumerate(lines, start=1) if line.flaw]
    if flawed:
        i, line = flawed[0]
        more = (ntr(" (and {count} more line)", " (and {count} more lines)", len(flawed) - 1).format(
            count=len(flawed) - 1) if len(flawed) > 1 else "")
        warnings.warn(ReportWarning(Diagnostic(where, tr("line {i} ('{text}') {flaw}{more}").format(
            i=i, text=line.text[:16], flaw=_FLAWS[line.flaw](), more=more))))


def paragraph(p: Paragraph, st: Styles, fonts: PdfFonts, after_heading: bool) -> Flowable:
    """A paragraph in its role's style; a headline that opens a new thought inside a unit
    (not right under its heading) gets room above it."""
    style, gap = _PARAGRAPH[p.role](st)
    if p.role == "headline" and not after_heading:
        gap = st.body.leading * 0.9
    return Spaced(para(p.text, style, fonts), gap)


def _body(st: Styles) -> tuple[TextStyle, float]:
    b = st.body
    return TextStyle(b.size, b.leading, b.color, first_indent=b.size, link_color=b.link_color), b.leading * 0.4


_PARAGRAPH = {
    "lead": lambda st: (st.lead, st.body.leading * 0.2),
    "body": _body,
    "headline": lambda st: (st.headline, st.body.leading * 0.2),
    "quote": lambda st: (st.quote, st.body.leading * 1.6),
}


def pair_half_figures(items: list[tuple[Flowable, bool]], ctx: Context) -> list[tuple[Flowable, bool]]:
    """Two consecutive half-width figures become one row of two; a half-width figure
    left alone gets its title and caption beside it."""
    paired: list[tuple[Flowable, bool]] = []
    for flowable, keep in items:
        prev = paired[-1][0] if paired else None
        if _is_half(flowable) and _is_half(prev):
            pair = Whole(figures.side_by_side(prev, flowable, ctx.width, ctx.fonts.regular), ctx.page_height)
            locate(pair, Located(located(prev).cell, tr("pair of figures")))
            paired[-1] = (pair, False)
            continue
        paired.append((flowable, keep))
    return [(_beside(f, ctx) if _is_half(f) else f, keep) for f, keep in paired]


def _beside(figure: Flowable, ctx: Context) -> Flowable:
    whole = Whole(figures.captioned_beside(figure, ctx.width, ctx.max_figure_height, ctx.styles, ctx.fonts),
                  ctx.page_height)
    where = located(figure)
    return locate(whole, Located(where.cell, where.what or tr("figure")))


def _is_half(f: Flowable | None) -> bool:
    return located(f).half


def load_drawings(doc: Document, charts: Mapping[str, ChartImages]) -> dict[str, Drawing]:
    """Each chart the document shows, read from its SVG once."""
    out: dict[str, Drawing] = {}
    for block in doc.blocks:
        if isinstance(block, ChartBlock) and block.chart.id not in out:
            if block.chart.id not in charts:
                raise ReportError(Diagnostic(block.ref, tr("chart {id!r} was not rendered").format(id=block.chart.id)))
            out[block.chart.id] = figures.load_drawing(block, charts[block.chart.id])
    return out
