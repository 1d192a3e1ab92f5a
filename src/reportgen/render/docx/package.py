"""Document properties and reproducible saving.

In: the finished python-docx document, the `Meta` and the document's fixed timestamp.
Out: core properties (title, subject, author, keywords, created/modified, revision 1;
nothing claims a printing) and a .docx whose bytes depend only on the input, long tables' rows spliced
into document.xml (see oxml.DeferredRows): python-docx stamps every zip entry with the
current time, so the package is zipped here with fixed entry times in python-docx's own
(deterministic) entry order. Hand-written: no library does this.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterator

from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI

from reportgen.adapters import docx as wordlib
from reportgen.model import Meta
from reportgen.render import zipfix
from reportgen.render.docx.oxml import DeferredRows


def set_properties(word: WordDocument, meta: Meta, created: dt.datetime) -> None:
    props = word.core_properties
    props.title = meta.title
    props.subject = meta.subject or meta.subtitle
    props.author = props.last_modified_by = meta.author or meta.organisation
    props.keywords = ", ".join(meta.keywords)
    props.category = meta.doc_type
    props.language = meta.lang
    props.comments = meta.source_note
    props.created = props.modified = created
    props.revision = 1
    _drop_template_leftovers(word)


# zlib's default: a 100-page document.xml (10 MB) deflates in half the time of level 9
# for a 10 % larger file; pictures (already compressed) gain nothing from 9.
ZIP_LEVEL = 6
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _drop_template_leftovers(word: WordDocument) -> None:
    """Leave out the template's preview picture (an empty page), its application
    properties (which claim "Microsoft Macintosh Word", one page, no words; `parts`
    writes ours) and its Word 2010 copy of the styles (stylesWithEffects, still on theme
    fonts); parts without a relationship are not saved."""
    for rels, reltype in ((word.part.package.rels, RT.THUMBNAIL),
                          (word.part.package.rels, RT.EXTENDED_PROPERTIES),
                          (word.part.rels, _STYLES_WITH_EFFECTS)):
        for rel_id in [k for k, rel in rels.items() if rel.reltype == reltype]:
            del rels[rel_id]


def document_xml(word: WordDocument, deferred: DeferredRows) -> bytes:
    """document.xml as saved: the body with the deferred table rows spliced in."""
    return deferred.splice(word.part.blob)


def text_parts(word: WordDocument) -> list[bytes]:
    """The XML of the headers, footers and numbering (what they draw besides the body)."""
    kinds = (CT.WML_HEADER, CT.WML_FOOTER, CT.WML_NUMBERING)
    return [part.blob for part in word.part.package.parts if part.content_type in kinds]


def save(word: WordDocument, path: Path, created: dt.datetime, body_xml: bytes) -> None:
    """The package's entries in python-docx's own order, written once with fixed times,
    document.xml as `body_xml` (`document_xml`)."""
    stamp = (max(created.year, 1980), created.month, created.day,
             created.hour, created.minute, created.second)
    path.write_bytes(zipfix.pack(_entries(word, body_xml), stamp, mode=0o600, create_system=0,
                                 level=ZIP_LEVEL))


def _entries(word: WordDocument, body_xml: bytes) -> Iterator[tuple[str, bytes]]:
    """(zip name, content) of every part, as python-docx's `PackageWriter.write` orders
    them: content types, package relationships, then each part and its relationships.
    Written here rather than through `Document.save`, whose zip (current times, default
    deflate) would only be unpacked and packed again."""
    package = word.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    yield CONTENT_TYPES_URI.membername, wordlib.content_types_xml(parts)
    yield PACKAGE_URI.rels_uri.membername, package.rels.xml
    for part in parts:
        blob = body_xml if part is word.part else part.blob
        yield part.partname.membername, blob
        if len(part.rels):
            yield part.partname.rels_uri.membername, part.rels.xml
