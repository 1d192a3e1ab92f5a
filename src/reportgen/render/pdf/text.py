"""The one seam between the page layout and the Japanese line composer.

In: `RichText`, a `TextStyle`, the registered `PdfFonts`. Out: a reportlab Flowable that
composes and draws the lines (and splits across pages with widow/orphan control).
Every piece of running text on the page (paragraphs, headings, list items, card labels,
captions, header and footer) is made here, so the rest of the renderer never sees a
line breaker.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from reportgen.model import RichText
from reportgen.render.pdf.fonts import PdfFonts, register_fonts
from reportgen.render.pdf.textflow import JaParagraph, TextStyle

__all__ = ["PdfFonts", "TextStyle", "para", "register_fonts"]


def para(text: RichText, style: TextStyle, fonts: PdfFonts) -> Flowable:
    """A composed paragraph of `text` in `style`."""
    return JaParagraph(text, style, fonts)
