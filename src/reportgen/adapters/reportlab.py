"""reportlab's private parts reportgen relies on (reportlab 4-5), behind named functions.

In: reportlab objects. Out: what its public API does not offer: a TrueType font around
a face restored from the per-user cache (`render.pdf.facecache`: what `TTFont.__init__`
and `TTFontFace.__init__` set, saved and rebuilt), the PDF document behind a canvas, the
room left in a frame, whether a flowable was moved on, a table's row heights and a `Source` entry in the document information.
tests/adapters/test_reportlab_contract.py checks each of them on the installed reportlab.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFDocument, PDFInfo, PDFName, PDFString
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace, unShapedFontGlob
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table
from reportlab.platypus.frames import Frame

__all__ = ["font_around", "face_state", "face_from_state", "canvas_document", "frame_room", "postponed", "row_heights",
           "set_source_entry"]

_NAMES = ("name", "familyName", "styleName", "fullName", "uniqueFontID")  # TTFNameBytes attributes
_SKIP = ("_ttf_data", "_pdfScale", "filename")  # the file's bytes and path; a lambda rebuilt from unitsPerEm


def font_around(name: str, face: TTFontFace) -> TTFont:
    """A TTFont around an existing face: what `TTFont.__init__` does after parsing."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
    return font


def face_state(face: TTFontFace) -> dict:
    """What `TTFontFace.__init__` parsed, as plain data (no file bytes, path or lambda)."""
    state = {k: v for k, v in vars(face).items() if k not in _SKIP}
    for attr in _NAMES:
        state[attr] = bytes(state[attr])
    return state


def face_from_state(state: object, path: Path, data: bytes) -> TTFontFace | None:
    """The face `face_state` saved, around the font file's `data`; None for a state
    without the expected attributes (then the caller parses afresh)."""
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


def canvas_document(canvas: Canvas) -> PDFDocument:
    """The PDF document a canvas writes (the fonts' subsets belong to it)."""
    return canvas._doc


def frame_room(frame: Frame) -> float:
    """The part of the frame's height still free, 0-1."""
    return (frame._y - frame._y1p) / frame._aH


def postponed(flowable: object) -> bool:
    """Whether the doc template has already moved `flowable` on to the next frame once
    (it marks it so)."""
    return hasattr(flowable, "_postponed")


def row_heights(table: Table) -> list[float] | None:
    """A table's row heights once wrapped, None before."""
    return getattr(table, "_rowHeights", None)


def set_source_entry(canvas: Canvas, source: str) -> None:
    """The canvas's document information gets a `Source` entry (when `source` is not
    empty), besides what reportlab has set on it so far."""
    info = _Info()
    info.__dict__.update(vars(canvas._doc.info))
    info.source = source
    canvas._doc.info = info


class _Info(PDFInfo):
    """The document information with one more entry, `Source`: the full source note (the
    footer may show it shortened). reportlab's `PDFInfo.format` writes a fixed set of keys."""

    source = ""

    def format(self, document: object) -> bytes:
        entries = {"Title": PDFString(self.title), "Author": PDFString(self.author),
                   "Producer": PDFString(self.producer), "Creator": PDFString(self.creator),
                   "Subject": PDFString(self.subject), "Keywords": PDFString(self.keywords),
                   "Trapped": PDFName(self.trapped)}
        entries["ModDate"] = entries["CreationDate"] = PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter)
        if self.source:
            entries["Source"] = PDFString(self.source)
        return PDFDictionary(entries).format(document)
