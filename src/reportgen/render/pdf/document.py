"""The PDF writer: one call from the pipeline, the document model in, a print-ready PDF out.

In: `Document`, the rendered charts (`ChartImages` by chart id), an output path, an optional
bleed. Out: the PDF file: page templates (first page with header band, later pages with
a running header, footer `page / total`), metadata, language, outline, fixed timestamps
(same input, same bytes). Built twice: the first pass only counts the pages.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Callable, Mapping

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from reportgen.charts.artifacts import ChartImages
from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.model import Document
from reportgen.render.pdf.geometry import PageGeometry, page_geometry
from reportgen.render.pdf.pages import PageDecor
from reportgen.render.pdf.story import Context, build_story, load_drawings
from reportgen.render.pdf.styles import make_styles
from reportgen.render.pdf.text import register_fonts

CREATOR = "reportgen"


def write_pdf(doc: Document, charts: Mapping[str, ChartImages], path: Path, *, bleed_mm: float = 0.0) -> None:
    """Write the fact sheet of `doc` to `path` (with `bleed_mm` of bleed and crop marks)."""
    fonts = register_fonts(doc.theme)
    ctx = Context(doc, load_drawings(doc, charts), page_geometry(doc.theme, bleed_mm), make_styles(doc.theme), fonts)
    pages = _build(replace(ctx, draft=True), io.BytesIO(), total=0)
    out = io.BytesIO()
    _build(ctx, out, total=pages)
    Path(path).write_bytes(out.getvalue())


def _build(ctx: Context, out: io.BytesIO, total: int) -> int:
    """Lay out and write the story once; returns the number of pages."""
    decor = PageDecor(ctx.doc.meta, ctx.doc.theme, ctx.geometry, ctx.styles, ctx.fonts, total)
    template = _template(ctx, out, decor)
    template.build(build_story(ctx), canvasmaker=_canvas_maker(ctx.doc, _DraftCanvas if ctx.draft else Canvas))
    return template.page


class _Template(BaseDocTemplate):
    """reportlab's document template, naming the cell behind a block that cannot be laid
    out (e.g. a heading or KPI label longer than a page) instead of a flowable's repr."""

    def handle_flowable(self, flowables: list) -> None:
        cell = getattr(flowables[0], "cell", None) if flowables else None
        try:
            super().handle_flowable(flowables)
        except LayoutError as exc:
            where = cell or "PDF"
            raise ReportError(Diagnostic(where, "too large to fit on a page; shorten the text")) from exc


def _template(ctx: Context, out: io.BytesIO, decor: PageDecor) -> BaseDocTemplate:
    meta, g = ctx.doc.meta, ctx.geometry
    boxes = {"trimBox": g.trim_box, "bleedBox": g.bleed_box} if g.bleed else {}
    template = _Template(
        out, pagesize=g.media_size, title=meta.title, author=meta.author or meta.organisation,
        subject=meta.subject or meta.subtitle or meta.title, keywords=", ".join(meta.keywords),
        creator=CREATOR, producer=CREATOR, lang=meta.lang, invariant=1, displayDocTitle=1,
        initialFontName=ctx.fonts.regular, initialFontSize=ctx.doc.theme.body_size, **boxes,
    )
    template.addPageTemplates([
        PageTemplate("first", [_frame(g, g.first_top)], onPage=decor.first_page, autoNextPageTemplate="later"),
        PageTemplate("later", [_frame(g, g.top)], onPage=decor.later_page),
    ])
    return template


def _frame(g: PageGeometry, top: float) -> Frame:
    return Frame(g.left, g.bottom, g.text_width, top - g.bottom,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")


class _NoText:
    """A text object that sets nothing."""

    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *args, **kwargs: None


class _DraftCanvas(Canvas):
    """The canvas of the page-counting pass: everything is laid out, no text is set
    (setting text, with its font subsetting, is most of the drawing time)."""

    def beginText(self, *args: object, **kwargs: object) -> _NoText:  # type: ignore[override]
        return _NoText()

    def drawText(self, text: object) -> None:
        pass


def _canvas_maker(doc: Document, kind: type[Canvas]) -> Callable[..., Canvas]:
    """A canvas whose creation and modification dates are the document's own date."""
    stamp = doc.created.strftime("D:%Y%m%d%H%M%S")

    def make(*args: object, **kwargs: object) -> Canvas:
        canvas = kind(*args, **kwargs)
        canvas.setDateFormatter(lambda *_: stamp)
        canvas.showOutline()
        return canvas

    return make
