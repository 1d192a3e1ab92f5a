"""reportlab TrueType faces parsed once per font file and user, not once per process.

Why: reportlab parses a TrueType file in pure Python (cmap, hmtx, loca: 0.1-0.15 s for
each of the 4-5 MB CJK faces we bundle), and every process that writes a PDF needs two
or three of them. What the parse yields is plain data (numbers, dicts and lists of them,
name strings), kept in the per-user cache (`reportgen.usercache`). The font's bytes are
read from the file each time: reportlab subsets from them.

Written by hand: reportlab has no cache of parsed faces. This saves and restores the
attributes `TTFontFace.__init__` sets (`adapters.reportlab`); the reportlab version is part of the entry's name,
so an upgrade that changes them parses afresh, and an entry without the expected
attributes is parsed again.
"""

from __future__ import annotations

from pathlib import Path

import reportlab
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from reportgen.adapters import reportlab as rl
from reportgen.usercache import digest, remember


def load_font(name: str, path: Path) -> TTFont:
    """`TTFont(name, path)`, its face restored from the per-user cache when it holds it."""
    data = path.read_bytes()  # read once: it names the entry and reportlab subsets from it
    face = remember("faces", f"{digest(data)}-rl{reportlab.Version}", lambda: TTFontFace(str(path)),
                    rl.face_state, lambda state: rl.face_from_state(state, path, data))
    return rl.font_around(name, face)
