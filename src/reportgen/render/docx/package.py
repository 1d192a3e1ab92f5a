"""Document properties and reproducible saving.

In: the finished python-docx document, the `Meta` and the document's fixed timestamp.
Out: core properties (title, subject, author, keywords, created/modified/last printed,
revision 1) and a .docx whose bytes depend only on the input, long tables' rows spliced
into document.xml (see oxml.DeferredRows): python-docx stamps every
zip entry with the current time, so the package is re-zipped with fixed entry times in
python-docx's own (deterministic) entry order. Hand-written: no library does this.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml

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
    props.created = props.modified = props.last_printed = created
    props.revision = 1
    _drop_template_leftovers(word)


_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _drop_template_leftovers(word: WordDocument) -> None:
    """Leave out the template's preview picture (an empty page), its application
    properties (which claim "Microsoft Macintosh Word", one page, no words) and its Word
    2010 copy of the styles (stylesWithEffects, still on theme fonts); parts without a
    relationship are not saved."""
    for rels, reltype in ((word.part.package.rels, RT.THUMBNAIL),
                          (word.part.package.rels, RT.EXTENDED_PROPERTIES),
                          (word.part.rels, _STYLES_WITH_EFFECTS)):
        for rel_id in [k for k, rel in rels.items() if rel.reltype == reltype]:
            del rels[rel_id]


def save(word: WordDocument, path: Path, created: dt.datetime, deferred: DeferredRows) -> None:
    """The package as python-docx saves it, re-zipped, with the deferred table rows
    spliced into document.xml (serialized as python-docx serializes it)."""
    buffer = io.BytesIO()
    word.save(buffer)
    stamp = (max(created.year, 1980), created.month, created.day,
             created.hour, created.minute, created.second)
    document = deferred.splice(serialize_part_xml(word.part.element))
    path.write_bytes(zipfix.repack(buffer.getvalue(), stamp, mode=0o600, create_system=0,
                                   replace={word.part.partname.membername: document}))
