"""Writing the workbook file with reproducible bytes.

In: a filled openpyxl `Workbook`, the document meta and its fixed timestamp. Out: the
.xlsx file, whose bytes depend only on the input: core properties carry the document's
own created/modified time (openpyxl's `save` would stamp "now" into `modified`), and the
zip is re-packed with one fixed timestamp and fixed attributes on every entry, in
openpyxl's entry order. The re-pack is by hand: zipfile has no option for fixed times.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.packaging.core import DocumentProperties
from openpyxl.writer.excel import ExcelWriter

from reportgen.model import Meta
from reportgen.render import zipfix
from reportgen.render.xlsx.cells import xml_text

FILE_MODE = 0o644
ZIP_EPOCH = dt.datetime(1980, 1, 1)


def set_properties(wb: Workbook, meta: Meta, created: dt.datetime) -> None:
    """Title, subject, creator, keywords, language and the fixed created/modified time."""
    creator = xml_text(meta.author or meta.organisation)
    wb.properties = DocumentProperties(
        title=xml_text(meta.title), subject=xml_text(meta.subject or f"{meta.doc_type} データ付録"),
        creator=creator, lastModifiedBy=creator, keywords=xml_text(", ".join(meta.keywords)) or None,
        description=xml_text(meta.source_note) or None, language=xml_text(meta.lang), category="データ付録",
        created=created, modified=created,
    )


def save(wb: Workbook, path: Path, when: dt.datetime) -> None:
    """Write `wb` to `path`; every zip entry is dated `when` (1980 at the earliest)."""
    when = max(when, ZIP_EPOCH)
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    path.write_bytes(zipfix.repack(_openpyxl_bytes(wb), stamp, mode=FILE_MODE, create_system=3))


def _openpyxl_bytes(wb: Workbook) -> bytes:
    # ExcelWriter directly, not wb.save(): save_workbook overwrites properties.modified.
    buffer = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return buffer.getvalue()
