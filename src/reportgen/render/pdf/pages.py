"""What is drawn on every page around the text frame.

In: the document's `Meta`, the page geometry, styles and fonts. Out: the callbacks for
reportlab's page templates: the first page's header band, the later pages' running header
(drawn at the page's end: organisation with the short title and document type, or, inside a
part, the organisation and the part's title), the footer (the source note and a `folio<n>`
form that shows `n / total`) and, when printing with a bleed, the crop marks (トンボ).
What repeats from page to page is one form XObject shown on every page: the footer, and
one running header per part. `forms` defines them all when the file is saved, once the
page count is known.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field, replace

from reportlab.lib.colors import CMYKColor, HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from reportgen.diagnostics import CellRef, Diagnostic, ReportWarning
from reportgen.model import Meta, RichText, Theme
from reportgen.render.pdf.geometry import PageGeometry
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.fonts import pdf_widths
from reportgen.render.pdf.text import PdfFonts, TextStyle, para

FOOTER = "footer"
MIN_MARGIN_SIZE = 6.0
"""The smallest size a running header or source note is set at to fit its one line."""
REGISTRATION = CMYKColor(1, 1, 1, 1)
"""Crop marks print on every plate."""


@dataclass(frozen=True)
class PageDecor:
    meta: Meta
    theme: Theme
    geometry: PageGeometry
    styles: Styles
    fonts: PdfFonts
    headers: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    """The running headers shown so far: part title → form name."""

    def first_page(self, canvas: Canvas, doc: object) -> None:
        self._header_band(canvas)
        self._footer(canvas)
        self._crop_marks(canvas)

    def later_page(self, canvas: Canvas, doc: object) -> None:
        self._footer(canvas)
        self._crop_marks(canvas)

    def later_page_end(self, canvas: Canvas, doc: object) -> None:
        """The running header, once the page knows which part it is in (`doc.part`)."""
        part = getattr(doc, "part", "")
        canvas.doForm(self.headers.setdefault(part, f"header{len(self.headers)}"))

    def forms(self, canvas: Canvas, total: int) -> None:
        """Define the forms the pages show: the footer, the running headers and the
        folio `folio<n>` (`n / total`, right-aligned) of every page."""
        canvas.beginForm(FOOTER)
        self._footer_text(canvas)
        canvas.endForm()
        for part, name in self.headers.items():
            canvas.beginForm(name)
            self._running_header(canvas, part)
            canvas.endForm()
        w, h = self._folio_box()
        for n in range(1, total + 1):
            canvas.beginForm(_folio_name(n), 0, 0, w, h)
            self._text(canvas, f"{n} / {total}", self.styles.folio, 0, h, w)
            canvas.endForm()

    def _text(self, canvas: Canvas, text: str, style: TextStyle, x: float, y: float, width: float) -> None:
        """Draw one line of `text` with its top at `y`."""
        flow = para(RichText.of(text), style, self.fonts)
        _, h = flow.wrapOn(canvas, width, style.leading * 3)
        flow.drawOn(canvas, x, y - h)

    def _header_band(self, canvas: Canvas) -> None:
        g, st = self.geometry, self.styles
        x0, _, x1, y1 = g.bleed_box
        canvas.saveState()
        canvas.setFillColor(HexColor(self.theme.primary))
        canvas.rect(x0, g.band_bottom, x1 - x0, y1 - g.band_bottom, stroke=0, fill=1)
        canvas.setFillColor(HexColor(self.theme.accent))
        canvas.rect(x0, g.band_bottom - 1.2, x1 - x0, 1.2, stroke=0, fill=1)
        canvas.restoreState()
        mid = (g.band_bottom + g.trim_box[3]) / 2
        half = g.text_width / 2
        self._text(canvas, self.meta.organisation, st.band_org, g.left, mid + st.band_org.leading / 2, half)
        info = st.band_info
        self._text(canvas, self.meta.doc_type, _bold(info), g.right - half, mid + info.leading, half)
        self._text(canvas, japanese_date(self.meta), info, g.right - half, mid, half)

    def _running_header(self, canvas: Canvas, part: str) -> None:
        g, st = self.geometry, self.styles
        top = g.trim_box[3] - 8 * mm
        half = g.text_width / 2
        if part:
            left, where = self.meta.organisation, self.meta.cell("organisation")
        else:
            left = f"{self.meta.organisation}・{self.meta.running_title}"
            where = self.meta.cell("short_title" if self.meta.short_title else "title")
        right = self._shortened(part, half, st.folio.size) if part else self.meta.doc_type
        self._text(canvas, *self._one_line(left, st.running, half, where, "running header"), g.left, top, half)
        self._text(canvas, right, st.folio, g.right - half, top, half)
        self._rule(canvas, top - st.running.leading - 1.5 * mm)

    def _one_line(self, text: str, style: TextStyle, width: float, where: CellRef, what: str) -> tuple[str, TextStyle]:
        """`text` and its style, made to fit one line `width` wide: set smaller (down to
        `MIN_MARGIN_SIZE`) or, failing that, shortened with an ellipsis; either is reported."""
        if self._fits(text, style, width):
            return text, style
        size = style.size
        while size - 0.5 >= MIN_MARGIN_SIZE and not self._fits(text, self._sized(style, size), width):
            size -= 0.5
        smaller = self._sized(style, size)
        if self._fits(text, smaller, width):
            _report(where, f"{what} set at {size:g} pt (not {style.size:g}) to fit one line")
            return text, smaller
        short = self._cut(text, smaller, width)
        _report(where, f"{what} shortened to one line: '{short}' (the full text is in the PDF's metadata)"
                if what == "source note" else f"{what} shortened to one line: '{short}'")
        return short, smaller

    def _fits(self, text: str, style: TextStyle, width: float) -> bool:
        """Whether `text` sets on one line `width` wide, as the composer sets it (with the
        spacing it adds between Japanese and Latin or figures, which a sum of widths misses)."""
        _, height = para(RichText.of(text), style, self.fonts).wrap(width, style.leading * 4)
        return height <= style.leading * 1.5

    def _cut(self, text: str, style: TextStyle, width: float) -> str:
        """The longest start of `text`, with an ellipsis, that `_fits` one line."""
        low, high = 0, len(text)  # text[:low] + "…" fits; text[:high] + "…" may not
        while low < high:
            mid = (low + high + 1) // 2
            if self._fits(text[:mid].rstrip() + "…", style, width):
                low = mid
            else:
                high = mid - 1
        return text[:low].rstrip() + "…"

    @staticmethod
    def _sized(style: TextStyle, size: float) -> TextStyle:
        return replace(style, size=size, leading=style.leading * size / style.size)

    def _width(self, text: str, bold: bool, size: float) -> float:
        return sum(pdf_widths(self.fonts).widths((bold, size), text))

    def _shortened(self, text: str, width: float, size: float, bold: bool = False) -> str:
        """`text` cut to fit one line `width` wide, ending in an ellipsis when cut."""
        widths = pdf_widths(self.fonts).widths((bold, size), text + "…")
        if sum(widths[:-1]) <= width:
            return text
        room, end = width - widths[-1], 0
        while end < len(text) and room >= widths[end]:
            room -= widths[end]
            end += 1
        return text[:end].rstrip() + "…"

    def _folio_box(self) -> tuple[float, float]:
        return self.geometry.text_width / 5, self.styles.folio.leading * 1.5

    def _footer(self, canvas: Canvas) -> None:
        canvas.doForm(FOOTER)
        g = self.geometry
        w, h = self._folio_box()
        canvas.saveState()
        canvas.translate(g.right - w, self._footer_top() - h)
        canvas.doForm(_folio_name(canvas.getPageNumber()))
        canvas.restoreState()

    def _footer_text(self, canvas: Canvas) -> None:
        """The rule above the footer and the source note under it."""
        g, width = self.geometry, self.geometry.text_width * 0.8
        self._rule(canvas, self._footer_rule())
        note = self._one_line(self.meta.source_note, self.styles.running, width, self.meta.cell("source_note"),
                              "source note")
        self._text(canvas, *note, g.left, self._footer_top(), width)

    def _footer_rule(self) -> float:
        return self.geometry.bottom - 5 * mm

    def _footer_top(self) -> float:
        return self._footer_rule() - 1.8 * mm

    def _rule(self, canvas: Canvas, y: float) -> None:
        canvas.saveState()
        canvas.setStrokeColor(HexColor(self.theme.rule))
        canvas.setLineWidth(0.5)
        canvas.line(self.geometry.left, y, self.geometry.right, y)
        canvas.restoreState()

    def _crop_marks(self, canvas: Canvas) -> None:
        if self.geometry.bleed > 0:
            draw_crop_marks(canvas, self.geometry)


def _report(where: CellRef, message: str) -> None:
    warnings.warn(ReportWarning(Diagnostic(where, message)))


def _folio_name(page: int) -> str:
    return f"folio{page}"


def _bold(style: TextStyle) -> TextStyle:
    return TextStyle(style.size + 0.5, style.leading, style.color, bold=True, align=style.align)


def japanese_date(meta: Meta) -> str:
    d = meta.date
    return f"{d.year}年{d.month}月{d.day}日"


def draw_crop_marks(canvas: Canvas, g: PageGeometry) -> None:
    """Japanese corner marks (角トンボ: one line on the trim edge, one on the bleed edge,
    both pointing away from the page) and centre marks, all in the slug. Hand-written:
    reportlab's own cropMarks draws single Western marks and scales the page content."""
    tx0, ty0, tx1, ty1 = g.trim_box
    bx0, by0, bx1, by1 = g.bleed_box
    length = g.slug - 1.5 * mm
    segments = []
    for xt, xb, sx in ((tx0, bx0, -1), (tx1, bx1, 1)):
        for yt, yb, sy in ((ty0, by0, -1), (ty1, by1, 1)):
            segments += [(x, yb, x, yb + sy * length) for x in (xt, xb)]
            segments += [(xb, y, xb + sx * length, y) for y in (yt, yb)]
    cx, cy = (tx0 + tx1) / 2, (ty0 + ty1) / 2
    arm = 4 * mm
    for yb, sy in ((by0, -1), (by1, 1)):
        segments += [(cx, yb, cx, yb + sy * length), (cx - arm, yb + sy * length / 2, cx + arm, yb + sy * length / 2)]
    for xb, sx in ((bx0, -1), (bx1, 1)):
        segments += [(xb, cy, xb + sx * length, cy), (xb + sx * length / 2, cy - arm, xb + sx * length / 2, cy + arm)]
    canvas.saveState()
    canvas.setStrokeColor(REGISTRATION)
    canvas.setLineWidth(0.25)
    for segment in segments:  # one path per mark, so that each can be found on its own
        canvas.line(*segment)
    canvas.restoreState()
