"""Rich text into Word runs.

In: a python-docx paragraph, a `RichText` and the `Fonts` in use.
Out: runs appended to the paragraph: bold and colour as run properties, superscript
markers in the "Note Marker" character style, links as real `w:hyperlink`s with an
external relationship, and characters BIZ UDPGothic lacks (e.g. 鸟) in runs set to the
fallback family. Word users without the fallback font get Word's own substitution for
those few characters; LibreOffice with the bundled fonts uses the fallback exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run

from reportgen.fonts import split_by_font
from reportgen.model import RichText, Span, Theme
from reportgen.render.docx import oxml, styles


@dataclass(frozen=True)
class Fonts:
    """The main font file (named in the styles) and the fallback file and family."""

    main: Path
    fallback: Path
    fallback_family: str

    @classmethod
    def of(cls, theme: Theme) -> "Fonts":
        return cls(theme.font_regular, theme.font_fallback, styles.family_name(theme.font_fallback))


def add_rich_text(paragraph: WordParagraph, text: RichText, fonts: Fonts) -> None:
    for span in text.spans:
        add_span(paragraph, span, fonts)


def add_span(paragraph: WordParagraph, span: Span, fonts: Fonts, style: str | None = None) -> list[Run]:
    """One span as one or more runs (split where the fallback font takes over)."""
    runs = [_run(paragraph, piece, span, fonts, font, style)
            for piece, font in split_by_font(span.text, fonts.main, fonts.fallback)]
    if span.link and runs:
        rel_id = paragraph.part.relate_to(span.link, RT.HYPERLINK, is_external=True)
        oxml.wrap_in_hyperlink(paragraph._p, [r._r for r in runs], rel_id)
    return runs


def _run(paragraph: WordParagraph, text: str, span: Span, fonts: Fonts, font: Path,
         style: str | None) -> Run:
    run = paragraph.add_run(text, style=_run_style(span, style))
    if span.bold:
        run.bold = True
    if span.color:
        run.font.color.rgb = RGBColor.from_string(span.color.lstrip("#").upper())
    if font == fonts.fallback:
        oxml.set_fonts(oxml.rpr(run._r), fonts.fallback_family)
    return run


def _run_style(span: Span, style: str | None) -> str | None:
    if span.link:
        return styles.HYPERLINK
    if span.superscript:
        return styles.NOTE_MARKER
    return style
