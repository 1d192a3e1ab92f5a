"""reportlab TrueType faces parsed once per font file and user, not once per process.

Why: reportlab parses a TrueType file in pure Python (cmap, hmtx, loca: 0.1-0.15 s for
each of the 4-5 MB CJK faces we bundle), and every build process that writes a PDF needs
two or three of them. What the parse yields is plain data (numbers, dicts and lists of
them, name strings); it is kept in the user's cache folder with `marshal`, which loads it
in a few milliseconds and, unlike pickle, can only ever produce plain values, never run
code. The font bytes themselves are read from the file each time (reportlab subsets from
them), and their digest names the entry, so an edited font is parsed again.

Written by hand: reportlab has no cache of parsed faces. This reads and restores the
attributes `TTFontFace.__init__` sets; the reportlab version is part of the entry's name,
so an upgrade that changes them parses afresh, and an entry that does not restore to the
expected shape is ignored.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, unShapedFontGlob

FORMAT = 1
_NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")  # TTFNameBytes attributes
_SKIP = ("_ttf_data", "_pdfScale")  # the file's bytes, re-read; a lambda, rebuilt from unitsPerEm


def cache_dir() -> Path:
    """`$REPORTGEN_CACHE` or the XDG cache folder: per user, never a shared build folder."""
    if os.environ.get("REPORTGEN_CACHE"):
        return Path(os.environ["REPORTGEN_CACHE"]) / "fonts"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "reportgen" / "fonts"


def load_font(name: str, path: Path) -> TTFont:
    """`TTFont(name, path)`, its face restored from the cache when an entry exists."""
    data = path.read_bytes()
    entry = cache_dir() / f"{hashlib.blake2b(data, digest_size=16).hexdigest()}-rl{reportlab.Version}-{FORMAT}.marshal"
    face = _restore(entry, data, str(path))
    if face is None:
        face = TTFontFace(str(path))
        _store(entry, face)
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


def _restore(entry: Path, data: bytes, filename: str) -> TTFontFace | None:
    try:
        state = marshal.loads(entry.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(state, dict) or not isinstance(state.get("charToGlyph"), dict):
        return None
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    for attr in _NAMES:
        setattr(face, attr, TTFNameBytes(state[attr]))
    face.filename, face._ttf_data = filename, data
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    return face


def _store(entry: Path, face: TTFontFace) -> None:
    """Write the entry whole, then rename it; a cache that cannot be written is skipped."""
    state = {k: v for k, v in vars(face).items() if k not in _SKIP}
    for attr in _NAMES:
        state[attr] = bytes(state[attr])
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        part = entry.with_name(f"{entry.name}.{os.getpid()}.part")
        part.write_bytes(marshal.dumps(state))
        os.replace(part, entry)
    except (OSError, ValueError):
        pass
