"""KPI cards: a row of large figures, each with its unit beside it and a label under it.

In: a `KpiRow`, theme, styles, fonts. Out: `KpiCards`, one unsplittable flowable as wide
as the text column. The figure and its unit are drawn on one shared baseline in two
sizes, never broken, each the same size in every card of the row (the largest that fits
the widest); the label goes through the composer, broken between phrases.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from reportgen.ja.numbers import split_unit
from reportgen.model import KpiRow, Theme
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.text import PdfFonts, TextStyle, para

GAP = 8.0
PAD = 9.0
BAR = 2.4
MIN_UNIT = 7.0

class KpiCards(Flowable):
    def __init__(self, row: KpiRow, theme: Theme, st: Styles, fonts: PdfFonts):
        super().__init__()
        self.theme, self.st, self.fonts = theme, st, fonts
        self.figures = [split_unit(k.value.text) for k in row.items]
        self.labels = [para(k.label, st.kpi_label, fonts) for k in row.items]
        self.spaceBefore = st.body.leading * 0.8
        self.spaceAfter = st.body.leading * 0.5

    def _card_width(self, aw: float) -> float:
        n = len(self.figures)
        return (aw - GAP * (n - 1)) / n

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        inner = self._card_width(aw) - 2 * PAD
        label_h = max(p.wrap(inner, ah)[1] for p in self.labels)
        self.width = aw
        self.height = BAR + PAD + self.st.kpi_figure.leading + 2 + label_h + PAD
        return self.width, self.height

    def draw(self) -> None:
        cw = self._card_width(self.width)
        styles = self.row_styles(cw - 2 * PAD)
        for i, ((figure, unit), label) in enumerate(zip(self.figures, self.labels)):
            x = i * (cw + GAP)
            self._card(x, cw, figure, unit, label, styles)

    def row_styles(self, room: float) -> tuple[TextStyle, TextStyle]:
        """The figure and unit styles of the whole row: of each card's fitted styles, the
        smallest, so that every figure is drawn at one size."""
        fitted = [self._fitted(room, figure, unit) for figure, unit in self.figures]
        return min((f for f, _ in fitted), key=lambda s: s.size), min((u for _, u in fitted), key=lambda s: s.size)

    def _card(self, x: float, cw: float, figure: str, unit: str, label: Flowable,
              styles: tuple[TextStyle, TextStyle]) -> None:
        c, h = self.canv, self.height
        c.saveState()
        c.setFillColor(HexColor(self.theme.zebra))
        c.rect(x, 0, cw, h, stroke=0, fill=1)
        c.setFillColor(HexColor(self.theme.primary))
        c.rect(x, h - BAR, cw, BAR, stroke=0, fill=1)
        c.restoreState()
        fig_style, unit_style = styles
        baseline = h - BAR - PAD - self.st.kpi_figure.size * 0.92
        end = self._run(x + PAD, baseline, figure, fig_style)
        self._run(end + fig_style.size * 0.08, baseline, unit, unit_style)
        label.wrap(cw - 2 * PAD, h)
        label.drawOn(c, x + PAD, PAD)

    def _fitted(self, room: float, figure: str, unit: str) -> tuple[TextStyle, TextStyle]:
        """The figure and unit styles, shrunk together when the figure is too wide; the
        unit never below MIN_UNIT points, the figure takes the rest of the shrinking."""
        fig, un = self.st.kpi_figure, self.st.kpi_unit
        width = self._width(figure, fig) + fig.size * 0.08 + self._width(unit, un)
        k = min(1.0, room / width) if width else 1.0
        unit_style = _scaled(un, max(k, min(1.0, MIN_UNIT / un.size)))
        fig_room = room - self._width(unit, unit_style) - fig.size * 0.08 * k
        fig_width = self._width(figure, fig)
        return _scaled(fig, min(k, fig_room / fig_width) if fig_width else k), unit_style

    def _width(self, text: str, style: TextStyle) -> float:
        return self.fonts.width(text, style.bold, style.size)

    def _run(self, x: float, baseline: float, text: str, style: TextStyle) -> float:
        """Draw a one-line figure or unit at a baseline (digits and a unit word: no line
        breaking involved, only the right font per character); returns the end x."""
        c = self.canv
        c.saveState()
        c.setFillColor(HexColor(style.color))
        for run, font in self.fonts.runs(text, style.bold):
            c.setFont(font, style.size)
            c.drawString(x, baseline, run)
            x += self.fonts.width(run, style.bold, style.size)
        c.restoreState()
        return x


def _scaled(style: TextStyle, k: float) -> TextStyle:
    return TextStyle(style.size * k, style.leading * k, style.color, bold=style.bold, align=style.align)
