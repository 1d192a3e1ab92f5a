"""Fill Japanese translations into the catalog from a Python dict file (msgid → msgstr):
    python scripts/ja_fill.py TRANSLATIONS.py
A helper for translators; the catalog stays the one source (scripts/messages.py)."""

from __future__ import annotations

import io
import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parents[1] / "src/reportgen/locale/ja/LC_MESSAGES/reportgen.po"


def main(path: str) -> None:
    table = runpy.run_path(path)["JA"]
    catalog = read_po(PO.open("rb"), locale="ja")
    for message in catalog:
        key = message.id if isinstance(message.id, str) else tuple(message.id)
        if message.id and key in table:
            value = table[key]
            message.string = value if isinstance(value, str) else tuple(value)
    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=True)
    PO.write_bytes(out.getvalue())


if __name__ == "__main__":
    main(sys.argv[1])
