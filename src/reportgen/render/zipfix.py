"""Re-zipping a saved OOXML package so that its bytes depend only on its content.

python-docx and openpyxl stamp every zip entry with the current time; `repack` writes
the same entries, in the same order, with one fixed time, fixed attributes and maximum
deflate. Shared by the DOCX and XLSX renderers (each keeps its own file mode and host
system, so their outputs stay as they were). Hand-written: zipfile has no option for it.
"""

from __future__ import annotations

import io
import zipfile
from typing import Mapping

DateTime = tuple[int, int, int, int, int, int]


def repack(data: bytes, stamp: DateTime, mode: int, create_system: int,
           replace: Mapping[str, bytes] | None = None) -> bytes:
    """The zip `data` with every entry dated `stamp`, Unix mode `mode` and `create_system`;
    entries named in `replace` get the content given there."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = mode << 16
            info.create_system = create_system
            content = replace[name] if replace and name in replace else src.read(name)
            dst.writestr(info, content, compresslevel=9)
    return out.getvalue()
