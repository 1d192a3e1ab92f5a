"""Document properties and reproducible saving.

In: the finished python-docx document, the `Meta` and the document's fixed timestamp.
Out: core properties (title, subject, author, keywords, created/modified/last printed,
revision 1) and a .docx whose bytes depend only on the input: python-docx stamps every
zip entry with the current time, so the package is re-zipped with fixed entry times in
python-docx's own (deterministic) entry order. Hand-written: no library does this.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from reportgen.model import Meta


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


def save(word: WordDocument, path: Path, created: dt.datetime) -> None:
    buffer = io.BytesIO()
    word.save(buffer)
    path.write_bytes(rezip(buffer.getvalue(), created))


def rezip(data: bytes, when: dt.datetime) -> bytes:
    """The same zip entries, in the same order, with a fixed time and fixed attributes."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = 0
            dst.writestr(info, src.read(name), compresslevel=9)
    return out.getvalue()
