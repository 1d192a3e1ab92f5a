"""Data tables: header row in the theme colour, zebra rows, numbers right-aligned as
Excel shows them (`Value.text`), the header repeated when the table crosses a page.

In: a `TableBlock`, the column width, the page's text height, theme, styles, fonts. Out: a
caption and a `DataTable` whose cells are composed paragraphs: a table that fits on a
page is never split (it moves to the next page whole); a longer one splits between rows,
leaving at least `MIN_ROWS` body rows on each side of a page break.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table

from reportgen.model import Column, RichText, TableBlock, Theme
from reportgen.render.pdf.flow import Spaced, grid
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.text import PdfFonts, TextStyle, para

PAD_X = 6.0
PAD_Y = 3.5
MIN_ROWS = 3
"""Body rows kept together at the foot and at the head of a page when a table splits."""


class DataTable(Table):
    """A reportlab Table that splits like a fact sheet table should: whole or not at all
    when it fits in `keep_height`, else with at least `MIN_ROWS` body rows on each side.
    It moves to the next page at most once; refused again there (a page already holding
    tall headings above it), it splits as reportlab would rather than loop."""

    keep_height = 0.0
    moved = False

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        heights = self._rowHeights
        if sum(heights) <= availHeight:
            return [self]
        pieces = [] if sum(heights) <= self.keep_height else self._split_keeping_rows(heights, availHeight)
        if pieces or not self.moved:
            self.moved = not pieces
            return pieces
        return super().split(availWidth, availHeight)

    def _split_keeping_rows(self, heights: list[float], room: float) -> list[Flowable]:
        if max(heights) > self.keep_height:  # a row taller than a page: reportlab splits inside it
            return []
        rows = min(_rows_fitting(heights, room), len(heights) - MIN_ROWS)
        if rows - 1 < MIN_ROWS:
            return []
        pieces = self._splitRows(sum(heights[:rows]) + 0.01)
        for piece in pieces:  # reportlab makes the pieces with the class's own defaults
            piece.keep_height = self.keep_height
        return pieces


def _rows_fitting(heights: list[float], room: float) -> int:
    """How many rows, from the first (the header), fit in `room`."""
    used, n = 0.0, 0
    for h in heights:
        if used + h > room:
            break
        used, n = used + h, n + 1
    return n


def data_table(block: TableBlock, width: float, keep_height: float, theme: Theme, st: Styles,
               fonts: PdfFonts) -> Table:
    """The table; one no taller than `keep_height` is kept on one page."""
    cols = block.table.columns
    head = [para(RichText.of(c.name), _head_style(c, st), fonts) for c in cols]
    body = [
        [para(RichText.of(v.text), st.cell_number if c.kind == "number" else st.cell, fonts)
         for c, v in zip(cols, row)]
        for row in block.table.rows
    ]
    table = grid([head, *body], column_widths(block, width, st, fonts), _table_style(theme, len(body)),
                 fonts.regular, repeat_rows=1, kind=DataTable)
    table.keep_height = keep_height
    table.spaceBefore = st.body.leading * 0.3
    table.spaceAfter = st.body.leading * 0.5
    return table


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
    for i, c in enumerate(cols):
        texts = [v.text for v in block.table.column_values(c.name)] if block.table.rows else []
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


def _table_style(theme: Theme, n_rows: int) -> list[tuple]:
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(theme.primary)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, HexColor(theme.primary)),
    ]
    if n_rows:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [white, HexColor(theme.zebra)]))
        commands.append(("LINEBELOW", (0, 1), (-1, -2), 0.3, HexColor(theme.rule)))
    return commands
