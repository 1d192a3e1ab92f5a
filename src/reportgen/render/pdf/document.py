"""The PDF writer: one call from the pipeline, the document model in, a print-ready PDF out.

In: `Document`, the rendered charts (`ChartImages` by chart id), an output path, an optional
bleed. Out: the PDF file: page templates (first page with header band, later pages with
a running header, footer `page / total`), metadata, language, outline, fixed timestamps
(same input, same bytes). Built in one pass: each footer shows a form XObject
`folio<n>` that the canvas fills in with `n / total` when it saves, and the running header
is drawn when a page ends, so that it names the part (level-0 heading) the page is in.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Callable, Mapping

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from reportgen.adapters import reportlab as rl
from reportgen.charts.artifacts import ChartImages
from reportgen.diagnostics import Diagnostic, ReportError, ReportWarning
from reportgen.gcpause import cyclic_gc_paused
from reportgen.i18n import tr
from reportgen.model import Document
from reportgen.render.pdf.flow import PartStart
from reportgen.render.pdf.geometry import PageGeometry, page_geometry
from reportgen.render.pdf.located import located
from reportgen.render.pdf.pages import PageDecor
from reportgen.render.pdf.story import Context, build_story, load_drawings
from reportgen.render.pdf.styles import make_styles
from reportgen.render.pdf.text import register_fonts

CREATOR = "reportgen"
MOVED_ROOM = 1 / 3
"""A block that cannot split and moves on, leaving more than this share of a page empty,
is reported (a located warning)."""


def write_pdf(doc: Document, charts: Mapping[str, ChartImages], path: Path, *, bleed_mm: float = 0.0) -> None:
    """Write the fact sheet of `doc` to `path` (with `bleed_mm` of bleed and crop marks)."""
    with cyclic_gc_paused():  # a large graph kept until the stage ends (gcpause)
        _write(doc, charts, path, bleed_mm)


def _write(doc: Document, charts: Mapping[str, ChartImages], path: Path, bleed_mm: float) -> None:
    fonts = register_fonts(doc.theme)
    ctx = Context(doc, load_drawings(doc, charts), page_geometry(doc.theme, bleed_mm), make_styles(doc.theme), fonts)
    decor = PageDecor(doc.meta, doc.theme, ctx.geometry, ctx.styles, fonts)
    out = io.BytesIO()
    _template(ctx, out, decor).build(build_story(ctx), canvasmaker=_canvas_maker(doc, decor))
    Path(path).write_bytes(out.getvalue())


class _Template(BaseDocTemplate):
    """reportlab's document template, naming the cell behind a block that cannot be laid
    out (e.g. a heading or KPI label longer than a page) instead of a flowable's repr,
    and remembering the title of the part the layout is in (`part`, for the running header)."""

    part = ""

    def afterFlowable(self, flowable: object) -> None:
        if isinstance(flowable, PartStart):
            self.part = flowable.title

    def handle_flowable(self, flowables: list) -> None:
        first = flowables[0] if flowables else None
        where = located(first)
        cell = where.cell
        frame, page = getattr(self, "frame", None), self.page
        room = rl.frame_room(frame) if frame else 0.0
        waited = rl.postponed(first)
        try:
            super().handle_flowable(flowables)
        except LayoutError as exc:
            where = cell or "PDF"
            raise ReportError(Diagnostic(where, tr("too large to fit on a page; shorten the text"))) from exc
        if cell and not waited and rl.postponed(first) and room > MOVED_ROOM:
            warnings.warn(ReportWarning(Diagnostic(cell, tr(
                "{what} moved whole to the next page, leaving {room:.0%} of page {page} empty").format(
                what=where.what or tr("block"), room=room, page=page))))


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
        PageTemplate("later", [_frame(g, g.top)], onPage=decor.later_page, onPageEnd=decor.later_page_end),
    ])
    return template


def _frame(g: PageGeometry, top: float) -> Frame:
    return Frame(g.left, g.bottom, g.text_width, top - g.bottom,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")


class _Canvas(Canvas):
    """A canvas that dates the file with the document's own date, names the source of its
    figures in the document information and, when it saves, defines the pages' forms
    (`finish(canvas, page_count)`)."""

    def __init__(self, *args: object, stamp: str, source: str, finish: Callable[[Canvas, int], None],
                 **kwargs: object):
        super().__init__(*args, **kwargs)
        self._finish = finish
        rl.set_source_entry(self, source)
        self.setDateFormatter(lambda *_: stamp)
        self.showOutline()

    def save(self) -> None:
        self._finish(self, self.getPageNumber() - 1)
        super().save()


def _canvas_maker(doc: Document, decor: PageDecor) -> Callable[..., Canvas]:
    stamp = doc.created.strftime("D:%Y%m%d%H%M%S")
    return lambda *args, **kwargs: _Canvas(*args, stamp=stamp, source=doc.meta.source_note, finish=decor.forms,
                                           **kwargs)
