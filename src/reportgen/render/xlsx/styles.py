"""The appendix's cell styles, from the theme.

In: a fresh openpyxl `Workbook` and the document `Theme`. Out: the workbook with BIZ
UDPGothic as its default font (the Normal style and font 0, which every unstyled cell
uses), the named styles the sheets refer to by the constants below, and an Office theme
whose fonts are BIZ UDPGothic and whose accent colours are the chart palette, so that the
table style and any chart a reader adds in Excel match the document.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.writer.theme import theme_xml
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

from reportgen.adapters import openpyxl as xl
from reportgen.model import Theme
from reportgen.render import officetheme

BODY_SIZE = 10.5
NOTE_PT = 9.0
TITLE = "rg Title"
SUBTITLE = "rg Subtitle"
HEADING = "rg Heading"
HEADER = "rg Header"
LABEL = "rg Label"
NOTE = "rg Note"
LINK = "rg Link"
TEXT = "rg Text"
CELL = "rg Cell"
CELL_WRAP = "rg Cell Wrap"
FIGURE = "rg Figure"


def rgb(color: str) -> str:
    """"#1f3a5f" → "1F3A5F" (theme XML, header/footer colours)."""
    return color.lstrip("#").upper()


def argb(color: str) -> str:
    """"#1F3A5F" → "FF1F3A5F" (openpyxl colours)."""
    return "FF" + rgb(color)


def font(theme: Theme, size: float = BODY_SIZE, bold: bool = False, color: str | None = None,
         underline: str | None = None) -> Font:
    """The theme font; charset 128 (Shift-JIS) and family 3 mark a Japanese gothic face."""
    return Font(name=theme.font_family, sz=size, b=bold, color=argb(color or theme.text),
                charset=128, family=3, u=underline)


def install(wb: Workbook, theme: Theme) -> None:
    """Make the theme font the workbook default and register the named styles."""
    xl.set_default_font(wb, font(theme))
    for style in _named_styles(theme):
        wb.add_named_style(style)
    wb.loaded_theme = office_theme(theme)


def office_theme(theme: Theme) -> bytes:
    """openpyxl's Office theme with our fonts and colours (`officetheme`)."""
    return officetheme.themed(theme_xml.encode("utf-8"), theme)


def _named_styles(theme: Theme) -> list[NamedStyle]:
    rule = Side(style="thin", color=argb(theme.rule))
    top = Alignment(vertical="top", wrap_text=False)
    return [
        NamedStyle(TITLE, font=font(theme, 16, True, theme.primary), alignment=Alignment(vertical="top", wrap_text=True)),
        NamedStyle(SUBTITLE, font=font(theme, 11, False, theme.muted), alignment=top),
        NamedStyle(HEADING, font=font(theme, 12, True, theme.primary), alignment=top),
        NamedStyle(HEADER, font=font(theme, BODY_SIZE, True, "#FFFFFF"),
                   fill=PatternFill("solid", fgColor=argb(theme.primary)),
                   border=Border(bottom=rule), alignment=Alignment(horizontal="center", vertical="center", wrap_text=True)),
        NamedStyle(LABEL, font=font(theme, BODY_SIZE, True, theme.muted), alignment=top),
        NamedStyle(NOTE, font=font(theme, NOTE_PT, False, theme.muted), alignment=top),
        NamedStyle(TEXT, font=font(theme), alignment=top),
        NamedStyle(FIGURE, font=font(theme, 12, True, theme.primary), alignment=top),
        NamedStyle(LINK, font=font(theme, BODY_SIZE, False, theme.primary, "single"), border=Border(bottom=rule), alignment=top),
        NamedStyle(CELL, font=font(theme), border=Border(bottom=rule), alignment=top),
        NamedStyle(CELL_WRAP, font=font(theme), border=Border(bottom=rule), alignment=Alignment(vertical="top", wrap_text=True)),
    ]
