"""reportlab TrueType faces parsed once per font file and user, not once per process.

Why: reportlab parses a TrueType file in pure Python (cmap, hmtx, loca: 0.1-0.15 s for
each of the 4-5 MB CJK faces we bundle), and every process that writes a PDF needs two
or three of them. What the parse yields is plain data (numbers, dicts and lists of them,
name strings), kept in the per-user cache (`reportgen.usercache`). The font's bytes are
read from the file each time: reportlab subsets from them.

Written by hand: reportlab has no cache of parsed faces. This saves and restores the
attributes `TTFontFace.__init__` sets; the reportlab version is part of the entry's name,
so an upgrade that changes them parses afresh, and an entry without the expected
attributes is parsed again.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, unShapedFontGlob

from reportgen.usercache import digest, remember

_NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")  # TTFNameBytes attributes
_SKIP = ("_ttf_data", "_pdfScale", "filename")  # the file's bytes and path; a lambda rebuilt from unitsPerEm


def load_font(name: str, path: Path) -> TTFont:
    """`TTFont(name, path)`, its face restored from the per-user cache when it holds it."""
    data = path.read_bytes()  # read once: it names the entry and reportlab subsets from it
    face = remember("faces", f"{digest(data)}-rl{reportlab.Version}", lambda: TTFontFace(str(path)),
                    _pack, lambda state: _unpack(state, path, data))
    return _font(name, face)


def _font(name: str, face: TTFontFace) -> TTFont:
    """A TTFont around an existing face: what `TTFont.__init__` does after parsing."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
    return font


def _pack(face: TTFontFace) -> dict:
    state = {k: v for k, v in vars(face).items() if k not in _SKIP}
    for attr in _NAMES:
        state[attr] = bytes(state[attr])
    return state


def _unpack(state: object, path: Path, data: bytes) -> TTFontFace | None:
    if not isinstance(state, dict) or not isinstance(state.get("charToGlyph"), dict):
        return None
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    for attr in _NAMES:
        setattr(face, attr, TTFNameBytes(state[attr]))
    face.filename, face._ttf_data = str(path), data
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    return face
