"""The DOCX driver: model in, .docx file out.

In: the `Document`, the chart images by chart id and the output path.
Out: the file, in five steps: styles (styles.py) and lists (lists.py) on python-docx's
template, page and header/footer (page.py), body blocks (blocks.py; long tables' rows
held as text), properties, theme and font table (package.py, parts.py; fonts embedded on
request), and a reproducible save with those rows spliced in (package.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

import docx

from reportgen.adapters import docx as wordlib
from reportgen.charts.artifacts import ChartImages
from reportgen.model import Document, outline_depths
from reportgen.render.docx import oxml, package, page, parts, styles
from reportgen.render.docx.blocks import Body
from reportgen.render.docx.inline import Fonts
from reportgen.render.docx.lists import Lists


def write_docx(doc: Document, charts: Mapping[str, ChartImages], path: Path, embed_fonts: bool = False) -> None:
    """Write the DOCX; `embed_fonts` embeds the fonts, subset to the document's characters."""
    word = docx.Document()
    styles.install(word, doc.theme, doc.meta.lang)
    oxml.set_document_settings(word.settings.element, doc.meta.lang)
    fonts = Fonts.of(doc.theme)
    page.set_up(word, doc.meta, doc.theme, fonts)
    deferred = oxml.DeferredRows()
    body = Body(word, charts, fonts, Lists(word, doc.theme), page.text_width(doc.theme),
                page.figure_height_limit(doc.theme), deferred, doc.theme)
    _remove_template_paragraphs(word)
    body.add_front_matter(doc.meta.title, doc.meta.subtitle)
    depths = outline_depths(doc.blocks)
    for i, block in enumerate(doc.blocks):
        body.add(block, depths.get(i))
    body.finish()
    package.set_properties(word, doc.meta, doc.created)
    parts.set_up(word, doc.meta, doc.theme)
    body_xml = package.document_xml(word, deferred)
    parts.write_font_table(word, doc.theme, fonts.fallback_family, [body_xml, *package.text_parts(word)],
                           embed_fonts)
    package.save(word, path, doc.created, body_xml)


def _remove_template_paragraphs(word: docx.document.Document) -> None:
    for p in word.paragraphs:
        wordlib.element(p).getparent().remove(wordlib.element(p))
