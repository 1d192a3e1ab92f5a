"""Writing an OOXML package so that its bytes depend only on its content.

python-docx and openpyxl stamp every zip entry with the current time; `pack` writes
entries, in the given order, with one fixed time, fixed attributes and the caller's deflate
level. Shared by the DOCX and XLSX renderers (each keeps its own file mode and host
system, so their outputs stay as they were).
Hand-written: zipfile has no option for it.
"""

from __future__ import annotations

import io
import zipfile
from typing import Iterable

DateTime = tuple[int, int, int, int, int, int]
LAST_STAMP: DateTime = (2107, 12, 31, 23, 59, 58)  # a zip entry's date ends in 2107 (7 bits of years from 1980)


def pack(entries: Iterable[tuple[str, bytes]], stamp: DateTime, mode: int, create_system: int,
         level: int = 9) -> bytes:
    """A zip of (name, content) `entries`, each dated `stamp`, Unix mode `mode` and `create_system`,
    deflated at `level`. A `stamp` past what a zip entry can hold is written as the last
    one it can (the document keeps its own date in its properties)."""
    stamp = min(stamp, LAST_STAMP)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = mode << 16
            info.create_system = create_system
            dst.writestr(info, content, compresslevel=level)
    return out.getvalue()
