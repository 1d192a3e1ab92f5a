"""Page geometry, header and footer.

In: the python-docx document, the `Meta` and the `Theme`.
Out: one section with the theme's paper size and margins; a first-page header band in
the theme colour (organisation, document type, date); a running header on the following
pages (organisation・short title, with the Japanese middle dot); a footer on every page with the source note and
`PAGE / NUMPAGES` as real fields.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.section import Section
from docx.shared import Length, Mm
from docx.text.paragraph import Paragraph as WordParagraph

from reportgen.adapters import docx as wordlib
from reportgen.model import PAPER_MM, Meta, Span, Theme
from reportgen.render.docx import oxml, styles
from reportgen.render.docx.inline import Fonts, add_span

HEADER_DISTANCE_MM = 8.0


def text_width(theme: Theme) -> Length:
    width, _ = PAPER_MM[theme.page_size]
    return Mm(width - theme.margin_left - theme.margin_right)


def figure_height_limit(theme: Theme) -> Length:
    """Tallest picture: two thirds of the text area, leaving room for heading and caption."""
    _, height = PAPER_MM[theme.page_size]
    return Mm((height - theme.margin_top - theme.margin_bottom) * 2 / 3)


def set_up(word: WordDocument, meta: Meta, theme: Theme, fonts: Fonts) -> None:
    section = word.sections[0]
    _set_geometry(section, theme)
    _set_tab_stops(word, theme)
    section.different_first_page_header_footer = True
    _header_band(section, meta, fonts)
    _running_header(section, meta, fonts)
    for footer in (section.first_page_footer, section.footer):
        _footer(footer.paragraphs[0], meta, fonts)


def _set_geometry(section: Section, theme: Theme) -> None:
    width, height = PAPER_MM[theme.page_size]
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(theme.margin_top), Mm(theme.margin_bottom)
    section.left_margin, section.right_margin = Mm(theme.margin_left), Mm(theme.margin_right)
    section.header_distance = section.footer_distance = Mm(HEADER_DISTANCE_MM)
    section.gutter = Mm(0)
    oxml.set_no_document_grid(wordlib.element(section))


def _set_tab_stops(word: WordDocument, theme: Theme) -> None:
    """Header, band and footer styles: a right tab at the text's right edge."""
    right = round(text_width(theme).pt * 20)
    for name in (styles.HEADER, styles.FOOTER, styles.HEADER_BAND):
        oxml.set_tabs(oxml.ppr(word.styles[name].element), [("right", right)])


def _header_band(section: Section, meta: Meta, fonts: Fonts) -> None:
    p = section.first_page_header.paragraphs[0]
    p.style = styles.HEADER_BAND
    add_span(p, Span(meta.organisation), fonts)
    add_span(p, Span(f"\t{meta.doc_type}　{_japanese_date(meta)}"), fonts)


def _running_header(section: Section, meta: Meta, fonts: Fonts) -> None:
    p = section.header.paragraphs[0]
    p.style = styles.HEADER
    add_span(p, Span(f"{meta.organisation}・{meta.running_title}"), fonts)


def _footer(p: WordParagraph, meta: Meta, fonts: Fonts) -> None:
    p.style = styles.FOOTER
    add_span(p, Span(f"{meta.source_note}\t"), fonts)
    oxml.append_field(wordlib.element(p), "PAGE", "1")
    add_span(p, Span(" / "), fonts)
    oxml.append_field(wordlib.element(p), "NUMPAGES", "1")


def _japanese_date(meta: Meta) -> str:
    d = meta.date
    return f"{d.year}年{d.month}月{d.day}日"
