"""Data tables: header row in the theme colour, zebra rows, numbers right-aligned as
Excel shows them (`Value.text`), the header repeated when the table crosses a page.

In: a `TableBlock`, the column width, the page's text height, theme, styles, fonts. Out: a
caption and a `DataTable`: a table that fits on a page is never split (it moves to the
next page whole); a longer one splits between rows, leaving at least `MIN_ROWS` body rows
on each side of a page break. Every cell is composed once, up front (a text composed
again is taken from a per-table memo), and each page is drawn as a reportlab Table of
that page's rows only, so a table of many thousand rows lays out in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table

from reportgen.ja.compose import Line
from reportgen.model import Column, RichText, TableBlock, Theme
from reportgen.render.pdf.flow import Spaced, grid
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.text import PdfFonts, TextStyle, para
from reportgen.render.pdf.textflow import JaParagraph, compose_text

PAD_X = 6.0
PAD_Y = 3.5
MIN_ROWS = 3
"""Body rows kept together at the foot and at the head of a page when a table splits."""

Row = tuple[JaParagraph, ...]


@dataclass(frozen=True)
class Layout:
    """What every piece of one table shares: column widths, theme colours, cell font."""

    widths: tuple[float, ...]
    theme: Theme
    font: str


class DataTable(Flowable):
    """The header and body rows of a data table, cells composed, row heights known.

    It splits like a fact sheet table should: whole or not at all when it fits in
    `keep_height`, else with at least `MIN_ROWS` body rows on each side. It moves to the
    next page at most once; refused again there (a page already holding tall headings
    above it), it splits as reportlab would rather than loop. Splitting costs the rows of
    one page (reportlab's own Table split copies every remaining row, O(n²) in all).
    `piece`: does this piece hold the table's first body row, does it hold its last."""

    def __init__(self, head: Row, body: list[Row], heights: list[float], layout: Layout,
                 keep_height: float, piece: tuple[bool, bool] = (True, True)):
        super().__init__()
        self.head, self.body, self.heights, self.layout = head, body, heights, layout
        self.keep_height, self.piece = keep_height, piece
        self.total, self.tallest = sum(heights), max(heights)
        self.moved = False
        self.hAlign = "CENTER"  # as a reportlab Table

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = sum(self.layout.widths), self.total
        return self.width, self.height

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        """Drawn as the reportlab Table of this piece's rows, where the frame puts it."""
        table = self.table()
        table.wrapOn(canvas, self.width, self.height)
        table.drawOn(canvas, x, y, _sW)

    def table(self) -> Table:
        """This piece as a reportlab Table (a page's rows at most, once split)."""
        g = self.layout
        rows = [list(self.head), *[list(r) for r in self.body]]
        return grid(rows, g.widths, _table_style(g.theme, len(self.body), self.piece), g.font, repeat_rows=1)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self.total <= availHeight:
            return [self]
        pieces = [] if self.total <= self.keep_height else self._split_keeping_rows(availHeight)
        if pieces or not self.moved:
            self.moved = not pieces
            return pieces
        return self._reportlab_split(availWidth, availHeight)

    def _split_keeping_rows(self, room: float) -> list[Flowable]:
        heights = self.heights
        if self.tallest > self.keep_height:  # a row taller than a page: reportlab splits inside it
            return []
        rows = min(_rows_fitting(heights, room), len(heights) - MIN_ROWS)
        if rows - 1 < MIN_ROWS:
            return []
        n = rows - 1  # body rows on this page
        opens, closes = self.piece
        first = DataTable(self.head, self.body[:n], heights[:rows], self.layout, self.keep_height, (opens, False))
        rest = DataTable(self.head, self.body[n:], heights[:1] + heights[rows:], self.layout, self.keep_height,
                         (False, closes))
        first.spaceBefore = getattr(self, "spaceBefore", 0)
        rest.spaceAfter = getattr(self, "spaceAfter", 0)
        return [first, rest]

    def _reportlab_split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        table = self.table()
        table.spaceBefore = getattr(self, "spaceBefore", 0)
        table.spaceAfter = getattr(self, "spaceAfter", 0)
        return table.split(availWidth, availHeight)


def _rows_fitting(heights: list[float], room: float) -> int:
    """How many rows, from the first (the header), fit in `room`."""
    used, n = 0.0, 0
    for h in heights:
        if used + h > room:
            break
        used, n = used + h, n + 1
    return n


def data_table(block: TableBlock, width: float, keep_height: float, theme: Theme, st: Styles,
               fonts: PdfFonts) -> DataTable:
    """The table; one no taller than `keep_height` is kept on one page."""
    cols = block.table.columns
    widths = column_widths(block, width, st, fonts)
    cells = _Cells(fonts)
    head = tuple(cells.cell(c.name, _head_style(c, st), w) for c, w in zip(cols, widths))
    styles = [st.cell_number if c.kind == "number" else st.cell for c in cols]
    body = [tuple(cells.cell(v.text, s, w) for v, s, w in zip(row, styles, widths)) for row in block.table.rows]
    heights = [_row_height(head), *map(_row_height, body)]
    table = DataTable(head, body, heights, Layout(tuple(widths), theme, fonts.regular), keep_height)
    table.spaceBefore = st.body.leading * 0.3
    table.spaceAfter = st.body.leading * 0.5
    return table


class _Cells:
    """Cell paragraphs with their lines composed once per (text, style, column width)."""

    def __init__(self, fonts: PdfFonts):
        self.fonts = fonts
        self.memo: dict[tuple[str, TextStyle, float], tuple[RichText, tuple[Line, ...]]] = {}

    def cell(self, text: str, style: TextStyle, column: float) -> JaParagraph:
        key = (text, style, column)
        if key not in self.memo:
            rich = RichText.of(text)
            self.memo[key] = rich, compose_text(rich, style, self.fonts, column - 2 * PAD_X)
        rich, lines = self.memo[key]
        return JaParagraph(rich, style, self.fonts, lines)


def _row_height(row: Row) -> float:
    """As reportlab sizes a row: its tallest cell and the padding above and below."""
    return max(len(p.lines_for(0)) * p.style.leading for p in row) + 2 * PAD_Y


def caption(block: TableBlock, st: Styles, fonts: PdfFonts) -> Flowable:
    return Spaced(para(block.caption, st.figure_title, fonts), st.body.leading * 0.8)


def _head_style(c: Column, st: Styles) -> TextStyle:
    h = st.cell_head
    return TextStyle(h.size, h.leading, h.color, bold=True, align="right" if c.kind == "number" else "left")


def column_widths(block: TableBlock, width: float, st: Styles, fonts: PdfFonts) -> list[float]:
    """Natural widths (longest cell, header in bold), widened or narrowed to `width`.
    Number columns keep their natural width when the text columns can give way."""
    cols = block.table.columns
    size = st.cell.size
    natural = []
    for c in cols:
        texts = {v.text for v in block.table.column_values(c.name)} if block.table.rows else set()
        cells = max((stringWidth(t, fonts.regular, size) for t in texts), default=0.0)
        natural.append(max(cells, stringWidth(c.name, fonts.bold, size)) + 2 * PAD_X + 2)
    total = sum(natural)
    if total <= width:
        return [w + (width - total) * w / total for w in natural]
    fixed = sum(w for w, c in zip(natural, cols) if c.kind == "number")
    flexible = total - fixed
    if flexible and fixed < width * 0.7:
        k = (width - fixed) / flexible
        return [w if c.kind == "number" else w * k for w, c in zip(natural, cols)]
    return [w * width / total for w in natural]


def _table_style(theme: Theme, n_rows: int, piece: tuple[bool, bool] = (True, True)) -> list[tuple]:
    """Header colour, padding, zebra body rows and hairlines between them. `piece`: does it
    open the table, does it close it. The closing rule in the theme colour goes under
    the table's last row; a piece that ends at a page break has a hairline under its last
    row instead, one that goes on from the page before a hairline under its header (as
    reportlab's own table split draws them)."""
    opens, closes = piece
    rule = HexColor(theme.rule)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(theme.primary)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
        *([("LINEBELOW", (0, -1), (-1, -1), 0.8, HexColor(theme.primary))] if closes else []),
    ]
    if n_rows:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [white, HexColor(theme.zebra)]))
        if not opens:
            commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.3, rule))
        commands.append(("LINEBELOW", (0, 1), (-1, -2 if closes else -1), 0.3, rule))
    return commands
