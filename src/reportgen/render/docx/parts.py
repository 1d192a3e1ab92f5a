"""Package parts python-docx leaves as its template has them: theme, application
properties, font table (with embedded fonts on request), and the template's leftovers.

In: the finished python-docx document, the `Meta`, the `Theme` and the document's XML
(body with its deferred rows, headers, footers, numbering), for the characters to embed.
Out: the theme part written from the `Theme` (`officetheme`), a `docProps/app.xml` naming
reportgen and the organisation, the template's bibliography customXml dropped, and
fontTable.xml describing the fonts the runs name (`fonttable`), embedding them when asked.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Iterable
from xml.sax.saxutils import escape

from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from reportgen.adapters import docx as wordlib
from reportgen.fonts import codepoints
from reportgen.model import Meta, Theme
from reportgen.render import officetheme
from reportgen.render.docx import fonttable, oxml

_APP = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        "<Application>reportgen</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        "<Company>{company}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>")
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_LIST_TEXT = re.compile(r'<w:lvlText w:val="([^"]*)"')


def set_up(word: WordDocument, meta: Meta, theme: Theme) -> None:
    """Theme from the `Theme`, application properties, no customXml."""
    theme_part = _related(word.part, RT.THEME)
    wordlib.set_blob(theme_part, officetheme.themed(theme_part.blob, theme))
    for rel_id in [k for k, rel in word.part.rels.items() if rel.reltype == RT.CUSTOM_XML]:
        del word.part.rels[rel_id]
    app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES,
               _APP.format(company=escape(meta.organisation)).encode("utf-8"), word.part.package)
    word.part.package.relate_to(app, RT.EXTENDED_PROPERTIES)


def write_font_table(word: WordDocument, theme: Theme, fallback_family: str, xml_parts: Iterable[bytes],
                     embed: bool) -> None:
    """fontTable.xml for the theme's family (and the fallback family when a run names it);
    with `embed`, each subset to the characters it draws in `xml_parts`."""
    blobs = list(xml_parts)
    families = [(theme.font_regular, theme.font_bold)]
    if any(f'w:eastAsia="{escape(fallback_family)}"'.encode() in b for b in blobs):
        families.append((theme.font_fallback, None))
    table = _related(word.part, RT.FONT_TABLE)
    chars = _characters(blobs) if embed else ""
    main = codepoints(theme.font_regular)
    entries = []
    for regular, bold in families:
        mine = "".join(c for c in chars if (ord(c) in main) == (regular == theme.font_regular))
        faces = _embed(table, regular, bold, mine) if embed and fonttable.entry(regular).embeddable else []
        entries.append((fonttable.entry(regular), faces))
    wordlib.set_blob(table, fonttable.font_table_xml(entries))
    if embed:
        oxml.set_font_embedding(word.settings.element)


def _embed(table: Part, regular, bold, chars: str) -> list[tuple[fonttable.Embedded, str]]:
    faces = []
    for slot, path in (("embedRegular", regular), ("embedBold", bold)):
        if path is None or not chars:
            continue
        number = len(table.rels) + 1
        font = fonttable.embedded(path, slot, chars, number)
        part = Part(PackURI(font.partname), fonttable.OBFUSCATED_FONT, font.blob, table.package)
        faces.append((font, table.relate_to(part, fonttable.FONT_RELATIONSHIP)))
    return faces


def _characters(blobs: Iterable[bytes]) -> str:
    """Every character of the runs' text and the list labels, sorted (reproducible)."""
    found: set[str] = set()
    for blob in blobs:
        text = blob.decode("utf-8")
        for pattern in (_TEXT, _LIST_TEXT):
            for match in pattern.findall(text):
                found.update(unescape(match))
    return "".join(sorted(found - {"\n", "\t", "\r"}))


def _related(part: Part, reltype: str) -> Part:
    return next(rel.target_part for rel in part.rels.values() if rel.reltype == reltype)
