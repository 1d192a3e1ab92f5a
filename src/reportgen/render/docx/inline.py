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
from functools import lru_cache
from pathlib import Path

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.text.paragraph import Paragraph as WordParagraph

from reportgen.adapters import docx as wordlib
from reportgen.adapters.docx import XmlElement
from reportgen.fonts import codepoints, family_name, split_by_font
from reportgen.model import RichText, Span, Theme
from reportgen.render.docx import oxml, styles


@dataclass(frozen=True)
class Fonts:
    """The main font file (named in the styles), the fallback file and family, and the
    family of table figures."""

    main: Path
    fallback: Path
    fallback_family: str
    figures_family: str = "BIZ UDGothic"  # table figures: fixed-width digits

    @classmethod
    def of(cls, theme: Theme) -> "Fonts":
        return cls(theme.font_regular, theme.font_fallback, family_name(theme.font_fallback),
                   family_name(theme.font_figures))


def add_rich_text(paragraph: WordParagraph, text: RichText, fonts: Fonts) -> None:
    for span in text.spans:
        add_span(paragraph, span, fonts)


def add_span(paragraph: WordParagraph, span: Span, fonts: Fonts, style: str | None = None) -> None:
    """One span as one or more runs (split where the fallback font takes over)."""
    runs = [_run(paragraph, piece, span, fonts, fallback, style)
            for piece, fallback in font_pieces(span.text, fonts)]
    if span.link and runs:
        rel_id = paragraph.part.relate_to(span.link, RT.HYPERLINK, is_external=True)
        oxml.wrap_in_hyperlink(wordlib.element(paragraph), runs, rel_id)


def font_pieces(text: str, fonts: Fonts) -> list[tuple[str, bool]]:
    """`text` cut where the fallback font takes over: (piece, drawn by the fallback).

    Nearly every text is all in the main font, which one set comparison (in C) tells;
    only the others go character by character through `split_by_font`."""
    if _main_chars(fonts.main).issuperset(text):
        return [(text, False)] if text else []
    return [(piece, font == fonts.fallback)
            for piece, font in split_by_font(text, fonts.main, fonts.fallback)]


@lru_cache(maxsize=4)
def _main_chars(main: Path) -> frozenset[str]:
    return frozenset(map(chr, codepoints(main)))


def _run(paragraph: WordParagraph, text: str, span: Span, fonts: Fonts, fallback: bool,
         style: str | None) -> XmlElement:
    """A run of `text` with the span's character style, bold and colour, in the fallback
    family when `fallback`; written as python-docx's `add_run` and run setters write it,
    but plain text (no tab or line break) in one piece, not character by character, and
    the properties at once, not each placed by a search of the schema order."""
    if any(ch in text for ch in "\t\r\n"):
        r = wordlib.element(paragraph.add_run(text))
    else:
        r = oxml.append_text_run(wordlib.element(paragraph), text)
    run_style = _run_style(span, style)
    style_id = paragraph.part.get_style_id(run_style, WD_STYLE_TYPE.CHARACTER) if run_style else None
    oxml.set_run_properties(r, style_id, span.bold, span.color.lstrip("#").upper() if span.color else None,
                            fonts.fallback_family if fallback else None)
    return r


def _run_style(span: Span, style: str | None) -> str | None:
    if span.link:
        return styles.HYPERLINK
    if span.superscript:
        return styles.NOTE_MARKER
    return style
