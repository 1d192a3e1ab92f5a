"""Lists, notes and the contact box.

In: `ListBlock`/`Note`/`ContactBox`, the text width, theme, styles, fonts. Out: reportlab
`Table`s: a hanging marker column of fixed width (numbers right-aligned in it, never
touching the text) for lists and notes (a list that splits keeps two items on each
page), one framed cell for the contact box.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Table

from reportgen.render.pdf.flow import grid
from reportgen.model import ContactBox, ListBlock, Note, RichText, Theme
from reportgen.render.pdf.styles import Styles
from reportgen.render.pdf.text import PdfFonts, TextStyle, para

MARKER_GAP_EM = 0.7
BOX_PAD = 10.0


def list_table(block: ListBlock, width: float, st: Styles, fonts: PdfFonts) -> Table:
    numbers = _numbers(block)
    marker = st.number if block.kind == "numbered" else st.bullet
    col = max(fonts.width(m, True, marker.size) for m in numbers) + marker.size * MARKER_GAP_EM
    rows = [(para(RichText.of(m), marker, fonts), para(item.text, st.item, fonts))
            for m, item in zip(numbers, block.items)]
    table = hanging(rows, width, col, marker.size * MARKER_GAP_EM, st.item.leading * 0.25, fonts)
    last = len(rows) - 1  # NOSPLIT takes no negative rows
    table.setStyle([("NOSPLIT", (0, 0), (1, 1)), ("NOSPLIT", (0, max(0, last - 1)), (1, last))])  # 2 items a side
    table.spaceBefore = st.body.leading * 0.5
    return table


def _numbers(block: ListBlock) -> list[str]:
    if block.kind == "bullet":
        return ["・"] * len(block.items)
    out, n = [], 0
    for item in block.items:
        n = item.number if item.number is not None else n + 1
        out.append(f"{n}.")
    return out


def note_table(note: Note, width: float, st: Styles, fonts: PdfFonts) -> Table:
    style = st.note
    marker = TextStyle(style.size, style.leading, style.color, align="left")
    col = fonts.width(note.marker, False, style.size) + style.size * 0.6
    table = hanging([(para(RichText.of(note.marker), marker, fonts), para(note.text, style, fonts))],
                    width, col, style.size * 0.6, 0.0, fonts)
    table.spaceBefore = st.body.leading * 0.3
    return table


def hanging(rows: list[tuple[Flowable, Flowable]], width: float, col: float, gap: float,
            row_gap: float, fonts: PdfFonts) -> Table:
    """Markers in a fixed left column, text hanging beside them."""
    return grid(rows, [col, width - col], [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), gap),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), row_gap),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 0),
    ], fonts.regular)


def contact_box(box: ContactBox, width: float, theme: Theme, st: Styles, fonts: PdfFonts) -> Table:
    cell: list[Flowable] = []
    if box.title:
        cell.append(para(box.title, st.contact_title, fonts))
    cell += [para(line, st.contact, fonts) for line in box.lines]
    table = grid([[cell]], [width], [
        ("BOX", (0, 0), (-1, -1), 0.75, HexColor(theme.primary)),
        ("LEFTPADDING", (0, 0), (-1, -1), BOX_PAD), ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), BOX_PAD * 0.8), ("BOTTOMPADDING", (0, 0), (-1, -1), BOX_PAD * 0.8),
    ], fonts.regular)
    table.spaceBefore = st.body.leading * 1.5
    return table
