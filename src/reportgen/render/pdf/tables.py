"""Data tables: header row in the theme colour, zebra rows, numbers right-aligned as
Excel shows them (`Value.text`) in fixed-width figures, total rows bold under a rule, the
header repeated when the table crosses a page.

In: a `TableBlock`, the column width, the page's text height, theme, styles, fonts. Out: a
caption and a `DataTable` whose column widths and type size come from the shared solver
(`reportgen.layout.table`; its compromises are located warnings). A table that fits on a
page moves to the next page whole unless that would leave more than a third of this page
empty; a longer one splits between rows, leaving at least `MIN_ROWS` body rows on each
side of a page break. A long list (more than `LONG_TABLE` rows) is set densely.
Every cell is composed once, up front (a text that repeats in a column is composed once
per table), and each page's piece draws itself straight onto the canvas: its backgrounds as one path per colour, all its text as one text object, its
rules as one path per weight. No reportlab Table and no flowable per cell, except for the
rare table whose row is taller than a page, which reportlab's Table splits inside the row.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from itertools import accumulate

from reportlab.lib.colors import HexColor, white
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from reportgen.diagnostics import Diagnostic, ReportWarning
from reportgen.i18n import tr
from reportgen.ja.compose import Line
from reportgen.layout.table import (
    LONG_TABLE, Fit, alignment, fit_block, set_in_figures,
)
from reportgen.model import RichText, TableBlock, Theme
from reportgen.render.pdf.flow import Spaced, grid
from reportgen.render.pdf.fonts import figure_fonts
from reportgen.render.pdf.pen import Pen
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.text import PdfFonts, TextStyle, para
from reportgen.render.pdf.textflow import JaParagraph, Look, paint, plain_look, plain_setter

PAD_Y = 3.5
DENSE_PAD_Y = 2.0
DENSE_LEADING = 1.3
MIN_ROWS = 3
"""Body rows kept together at the foot and at the head of a page when a table splits."""
RULE = 0.3
CLOSING_RULE = 0.8
TOTAL_RULE = 0.6


@dataclass(frozen=True)
class Cell:
    """A cell's text, its lines set in its column less the padding, and their height."""

    text: str
    lines: tuple[Line, ...]
    height: float


Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Layout:
    """What every piece of one table shares: column widths, the header's and the body's
    text style per column, theme colours, fonts."""

    widths: tuple[float, ...]
    head_styles: tuple[TextStyle, ...]
    body_styles: tuple[TextStyle, ...]
    theme: Theme
    fonts: PdfFonts
    figures: tuple[bool, ...]
    """Per column: its cells are drawn with `figure_fonts` (fixed-width digits)."""
    figure_fonts: PdfFonts
    pad_x: float
    pad_y: float


@dataclass(frozen=True)
class Rule:
    """A horizontal line across the table at `y` (from the piece's bottom)."""

    y: float
    weight: float
    color: str


@dataclass(frozen=True)
class Body:
    """A table's body rows with their heights, and the height and tallest row of every
    tail (the rows from i on), so that splitting a page off costs that page's rows."""

    rows: list[Row]
    heights: list[float]
    tail_total: list[float]
    tail_max: list[float]
    pad_y: float
    totals: frozenset[int] = frozenset()

    @classmethod
    def of(cls, rows: list[Row], pad_y: float, totals: frozenset[int] = frozenset()) -> Body:
        heights = [_row_height(r, pad_y) for r in rows]
        total, tallest = [0.0], [0.0]
        for h in reversed(heights):
            total.append(total[-1] + h)
            tallest.append(max(tallest[-1], h))
        return cls(rows, heights, total[::-1], tallest[::-1], pad_y, totals)


class DataTable(Flowable):
    """The header and body rows `start` to `stop` of a data table, cells composed, row
    heights known.

    It splits like a fact sheet table should: whole or not at all when it fits in
    `keep_height`, else with at least `MIN_ROWS` body rows on each side. It moves to the
    next page at most once; refused again there (a page already holding tall headings
    above it), it splits as reportlab would rather than loop. Splitting costs the rows of
    one page. `piece`: does this piece hold the table's first body row, does it hold its last."""

    def __init__(self, head: Row, rows: Body, span: tuple[int, int], layout: Layout, keep_height: float,
                 piece: tuple[bool, bool] = (True, True)):
        super().__init__()
        self.head, self.rows, (self.start, self.stop), self.layout = head, rows, span, layout
        self.keep_height, self.piece = keep_height, piece
        head_height = _row_height(head, rows.pad_y)
        if self.stop == len(rows.rows):  # a tail: its measures are known
            self.total = head_height + rows.tail_total[self.start]
            self.tallest = max(head_height, rows.tail_max[self.start])
        else:
            self.total, self.tallest = sum(self.heights), max(self.heights)
        self.moved = False
        self.hAlign = "CENTER"  # as a reportlab Table

    @property
    def body(self) -> list[Row]:
        return self.rows.rows[self.start:self.stop]

    @property
    def heights(self) -> list[float]:
        """The header's height, then each body row's."""
        return [_row_height(self.head, self.rows.pad_y), *self.rows.heights[self.start:self.stop]]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = sum(self.layout.widths), self.total
        return self.width, self.height

    def row_bottoms(self, heights: list[float] | None = None) -> list[float]:
        """The y of each row's bottom edge (header first), from the piece's bottom."""
        return [self.total - used for used in accumulate(self.heights if heights is None else heights)]

    def rules(self) -> list[Rule]:
        """Hairlines between body rows; the closing rule in the theme colour under the
        table's last row. A piece that ends at a page break has a hairline under its last
        row instead, one that goes on from the page before a hairline under its header."""
        theme, (opens, closes) = self.layout.theme, self.piece
        bottoms = self.row_bottoms()
        thin = bottoms[1:-1] if closes else bottoms[1:]
        if self.body and not opens:
            thin = [bottoms[0], *thin]
        above_totals = {bottoms[i - self.start] for i in self.rows.totals if self.start < i < self.stop}
        rules = [Rule(y, RULE, theme.rule) for y in thin if y not in above_totals]
        rules += [Rule(y, TOTAL_RULE, theme.text) for y in sorted(above_totals, reverse=True)]
        return [*rules, Rule(bottoms[-1], CLOSING_RULE, theme.primary)] if closes else rules

    def draw(self) -> None:
        canvas, g, heights = self.canv, self.layout, self.heights
        bottoms = self.row_bottoms(heights)
        self._backgrounds(canvas, bottoms, heights)
        pen = Pen(canvas, g.fonts)
        self._paint_row(pen, self.head, _looks(g.head_styles), bottoms[0], heights[0], header=True)
        body = _looks(g.body_styles)
        strong = _looks(tuple(replace(s, bold=True) for s in g.body_styles))
        totals = self.rows.totals
        for i, row, bottom, height in zip(range(self.start, self.stop), self.body, bottoms[1:], heights[1:]):
            self._paint_row(pen, row, strong if i in totals else body, bottom, height)
        pen.close()
        self._rules(canvas)

    def _backgrounds(self, canvas: Canvas, bottoms: list[float], heights: list[float]) -> None:
        """The header in the theme colour; every second body row in the zebra colour
        (the first body row of each page stays white, on the white page)."""
        theme = self.layout.theme
        canvas.setFillColor(HexColor(theme.primary))
        canvas.rect(0, bottoms[0], self.width, heights[0], stroke=0, fill=1)
        zebra = list(zip(bottoms[2::2], heights[2::2]))
        if zebra:
            path = canvas.beginPath()
            for bottom, height in zebra:
                path.rect(0, bottom, self.width, height)
            canvas.setFillColor(HexColor(theme.zebra))
            canvas.drawPath(path, stroke=0, fill=1)

    def _paint_row(self, pen: Pen, row: Row, looks: list[tuple[TextStyle, tuple[Look]]],
                   bottom: float, height: float, header: bool = False) -> None:
        """Each cell's lines middle-aligned in the row, inside the padding; figures in the
        figure fonts (the header's names in the text fonts)."""
        g = self.layout
        x = g.pad_x
        for cell, (style, look), width, figures in zip(row, looks, g.widths, g.figures):
            if cell.lines:
                if figures and not header:
                    pen.use(g.figure_fonts)
                paint(pen, look, style, cell.lines, x, bottom + (height + cell.height) / 2)
                pen.use(g.fonts)
            x += width

    def _rules(self, canvas: Canvas) -> None:
        """The rules, one path per weight and colour, with round caps as reportlab's Table."""
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        rules = self.rules()
        for weight, color in dict.fromkeys((r.weight, r.color) for r in rules):
            path = canvas.beginPath()
            for r in rules:
                if (r.weight, r.color) == (weight, color):
                    path.moveTo(0, r.y)
                    path.lineTo(self.width, r.y)
            canvas.setStrokeColor(HexColor(color))
            canvas.setLineWidth(weight)
            canvas.drawPath(path, stroke=1, fill=0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self.total <= availHeight:
            return [self]
        # Whole on the next page when it fits one, unless that leaves a third of this one empty.
        moves = self.total <= self.keep_height and availHeight < self.keep_height / 3
        pieces = [] if moves else self._split_keeping_rows(availHeight)
        if pieces or not self.moved:
            self.moved = not pieces
            return pieces
        return self._reportlab_split(availWidth, availHeight)

    def _split_keeping_rows(self, room: float) -> list[Flowable]:
        if self.tallest > self.keep_height:  # a row taller than a page: reportlab splits inside it
            return []
        start, stop = self.start, self.stop
        fitting = _rows_fitting(self.rows.heights, start, stop, _row_height(self.head, self.rows.pad_y), room)
        n = min(fitting, stop - start - MIN_ROWS)  # body rows on this page
        if n < MIN_ROWS:
            return []
        opens, closes = self.piece
        first = DataTable(self.head, self.rows, (start, start + n), self.layout, self.keep_height, (opens, False))
        rest = DataTable(self.head, self.rows, (start + n, stop), self.layout, self.keep_height, (False, closes))
        first.spaceBefore = getattr(self, "spaceBefore", 0)
        rest.spaceAfter = getattr(self, "spaceAfter", 0)
        return [first, rest]

    def _reportlab_split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Split as reportlab's Table does, inside a row if need be (a cell taller than a
        page): the pieces are reportlab Tables of the cells as paragraphs."""
        g = self.layout
        rows = [[JaParagraph(RichText.of(c.text), style, g.figure_fonts if f and not head else g.fonts, c.lines)
                 for c, style, f in zip(r, styles, g.figures)]
                for r, styles, head in [(self.head, g.head_styles, True),
                                        *((r, g.body_styles, False) for r in self.body)]]
        table = grid(rows, g.widths, _table_style(g, len(self.body), self.piece), g.fonts.regular,
                     repeat_rows=1)
        table.spaceBefore = getattr(self, "spaceBefore", 0)
        table.spaceAfter = getattr(self, "spaceAfter", 0)
        return table.split(availWidth, availHeight)


def _looks(styles: tuple[TextStyle, ...]) -> list[tuple[TextStyle, tuple[Look]]]:
    """Each column's style and the look of its plain text."""
    return [(style, (plain_look(style),)) for style in styles]


def _rows_fitting(heights: list[float], start: int, stop: int, used: float, room: float) -> int:
    """How many rows, from `start` on (before `stop`), fit in `room` of which `used` is taken."""
    n = 0
    for i in range(start, stop):
        used += heights[i]
        if used > room + 1e-6:  # rows summed one by one: no float dust
            break
        n += 1
    return n


def data_table(block: TableBlock, width: float, keep_height: float, theme: Theme, st: Styles,
               fonts: PdfFonts) -> DataTable:
    """The table, its columns as the shared solver sets them (compromises warned about at
    the content row); one no taller than `keep_height` is kept on one page."""
    table = block.table
    shown, fit = fit_block(block, theme, width, st.cell.size)
    for note in fit.compromises:
        warnings.warn(ReportWarning(Diagnostic(block.ref, tr("table '{name}' {note}").format(name=table.name, note=note))))
    dense = len(table.rows) > LONG_TABLE
    pad_x, pad_y = fit.pad, DENSE_PAD_Y if dense else PAD_Y
    leading = fit.size * (DENSE_LEADING if dense else st.cell.leading / st.cell.size)
    heads, bodies = _styles(block, shown, fit, leading, st)
    figures = tuple(set_in_figures(table.columns[i]) for i in shown)
    digits = figure_fonts(theme, bool(table.totals)) if any(figures) else fonts
    head = tuple(_Column(s, w, fonts, pad_x).cell(table.columns[i].name)
                 for i, s, w in zip(shown, heads, fit.widths))
    columns = [_Column(s, w, digits if f else fonts, pad_x) for s, w, f in zip(bodies, fit.widths, figures)]
    strong = [_Column(replace(s, bold=True), w, digits if f else fonts, pad_x)
              for s, w, f in zip(bodies, fit.widths, figures)]
    body = Body.of([tuple(c.cell(row[i].text) for c, i in zip(strong if n in table.totals else columns, shown))
                    for n, row in enumerate(table.rows)], pad_y, frozenset(table.totals))
    layout = Layout(fit.widths, heads, bodies, theme, fonts, figures, digits, pad_x, pad_y)
    out = DataTable(head, body, (0, len(body.rows)), layout, keep_height)
    out.spaceBefore = st.body.leading * 0.3
    out.spaceAfter = st.body.leading * 0.5
    return out


def _styles(block: TableBlock, shown: list[int], fit: Fit, leading: float,
            st: Styles) -> tuple[tuple[TextStyle, ...], tuple[TextStyle, ...]]:
    """The header's and the body's style per shown column, at the solver's size: aligned
    by the column's type or option; Japanese text and headers wrap between phrases."""
    heads, bodies = [], []
    for i in shown:
        align, text = alignment(block, i), block.table.columns[i].kind == "text"
        heads.append(TextStyle(fit.size, leading, st.cell_head.color, bold=True, align=align, phrase_breaks=True))
        bodies.append(TextStyle(fit.size, leading, st.cell.color, align=align, phrase_breaks=text))
    return tuple(heads), tuple(bodies)


class _Column:
    """The cells of one column, each distinct text composed once (one object per text)."""

    def __init__(self, style: TextStyle, width: float, fonts: PdfFonts, pad_x: float):
        self.leading = style.leading
        self.compose = plain_setter(style, fonts, width - 2 * pad_x)
        self.memo: dict[str, Cell] = {}

    def cell(self, text: str) -> Cell:
        cell = self.memo.get(text)
        if cell is None:
            lines = self.compose(text)
            cell = self.memo[text] = Cell(text, lines, len(lines) * self.leading)
        return cell


def _row_height(row: Row, pad_y: float) -> float:
    """As reportlab sizes a row: its tallest cell and the padding above and below."""
    return max(c.height for c in row) + 2 * pad_y


def caption(block: TableBlock, st: Styles, fonts: PdfFonts) -> Flowable:
    return Spaced(para(block.caption, st.figure_title, fonts), st.body.leading * 0.8)


def _table_style(g: Layout, n_rows: int, piece: tuple[bool, bool] = (True, True)) -> list[tuple]:
    """`DataTable`'s look as a reportlab TableStyle, for `_reportlab_split`: header colour,
    padding, zebra body rows and the rules of `DataTable.rules`."""
    opens, closes, theme = *piece, g.theme
    rule = HexColor(theme.rule)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(theme.primary)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), g.pad_x),
        ("RIGHTPADDING", (0, 0), (-1, -1), g.pad_x),
        ("TOPPADDING", (0, 0), (-1, -1), g.pad_y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), g.pad_y),
        *([("LINEBELOW", (0, -1), (-1, -1), CLOSING_RULE, HexColor(theme.primary))] if closes else []),
    ]
    if n_rows:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [white, HexColor(theme.zebra)]))
        if not opens:
            commands.append(("LINEBELOW", (0, 0), (-1, 0), RULE, rule))
        commands.append(("LINEBELOW", (0, 1), (-1, -2 if closes else -1), RULE, rule))
    return commands
