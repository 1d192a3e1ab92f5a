"""TEMPORARY stand-in for fonts.py/textflow.py (being written by another engineer).

Same names and signatures as theirs; `text.py` switches to the real modules when they land.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph as RLParagraph

from reportgen.fonts import split_by_font
from reportgen.model import RichText, Theme


@dataclass(frozen=True)
class PdfFonts:
    regular: str
    bold: str
    fallback: str
    theme: Theme


@dataclass(frozen=True)
class TextStyle:
    size: float
    leading: float
    color: str
    bold: bool = False
    align: str = "justify"
    first_indent: float = 0.0
    phrase_breaks: bool = False
    balance: bool = False
    link_color: str | None = None


def register_fonts(theme: Theme) -> PdfFonts:
    names = ("RG-Regular", "RG-Bold", "RG-Fallback")
    for name, path in zip(names, (theme.font_regular, theme.font_bold, theme.font_fallback)):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    return PdfFonts(*names, theme)


_ALIGN = {"justify": TA_JUSTIFY, "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


def JaParagraph(text: RichText, style: TextStyle, fonts: PdfFonts) -> RLParagraph:
    th = fonts.theme
    parts = []
    for span in text.spans:
        bold = span.bold or style.bold
        for run, path in split_by_font(span.text, th.font_regular, th.font_fallback):
            name = fonts.fallback if path == th.font_fallback else (fonts.bold if bold else fonts.regular)
            t = f'<font name="{name}">{escape(run)}</font>'
            if span.color:
                t = f'<font color="{span.color}">{t}</font>'
            if span.superscript:
                t = f"<super>{t}</super>"
            if span.link:
                t = f'<a href="{escape(span.link)}" color="{style.link_color or style.color}">{t}</a>'
            parts.append(t)
    ps = ParagraphStyle(
        "x", fontName=fonts.bold if style.bold else fonts.regular, fontSize=style.size,
        leading=style.leading, textColor=HexColor(style.color), alignment=_ALIGN[style.align],
        firstLineIndent=style.first_indent, wordWrap="CJK", allowWidows=0, allowOrphans=0,
    )
    return RLParagraph("".join(parts), ps)
