"""Print set-up of an appendix sheet.

In: a worksheet, the running title, the header row to repeat and the content's width in
Excel width units. Out: the sheet set to the document's paper (portrait, or landscape when
the content is wider than a portrait page), fit to one page wide, the header row repeated on every page,
and a header (title) and footer (page / pages) in the theme font.
"""

from __future__ import annotations

from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from reportgen.model import PAPER_MM, Theme
from reportgen.render.xlsx.cells import xml_text
from reportgen.render.xlsx.styles import rgb

PORTRAIT_WIDTH = 72
"""Content width (Excel width units of 0.28 cm) that still reads well on a portrait A4
page (65 units fit at 100 %); other papers scale it by their width."""
PAPER_CODES = {"A4": 9, "B5": 13, "ISO-B5": 34, "Letter": 1}
"""SpreadsheetML paperSize per `theme.page_size` (ECMA-376 18.3.1.63): 13 is B5 (JIS)
182 x 257 mm, 34 is B5 (ISO) 176 x 250 mm."""
HEADER_MAX = 60
"""Excel rejects header/footer sections longer than 255 characters, codes included."""


def set_up_print(ws: Worksheet, title: str, width: float, theme: Theme, repeat_row: int | None = None) -> None:
    ws.page_setup.paperSize = PAPER_CODES[theme.page_size]
    portrait = PORTRAIT_WIDTH * PAPER_MM[theme.page_size][0] / PAPER_MM["A4"][0]
    ws.page_setup.orientation = "landscape" if width > portrait else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins = PageMargins(left=0.55, right=0.55, top=0.8, bottom=0.8, header=0.35, footer=0.35)
    if repeat_row:
        ws.print_title_rows = f"{repeat_row}:{repeat_row}"
    _header_footer(ws, title, theme)


def _header_footer(ws: Worksheet, title: str, theme: Theme) -> None:
    face = f"{theme.font_family},Regular"
    header, footer = ws.oddHeader, ws.oddFooter
    header.center.text = escape(title)
    footer.center.text = "&P / &N"
    for part in (header.center, footer.center):
        part.font, part.size, part.color = face, 8, rgb(theme.muted)


def escape(text: str) -> str:
    """Header/footer text with "&" doubled (a lone "&" starts a code) and no line breaks."""
    flat = " ".join(xml_text(text).split())
    if len(flat) > HEADER_MAX:
        flat = flat[: HEADER_MAX - 1] + "…"
    return flat.replace("&", "&&")
