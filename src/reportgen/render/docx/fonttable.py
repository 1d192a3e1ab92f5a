"""The DOCX font table (word/fontTable.xml) and, on request, the fonts embedded in it.

In: the font files the document's runs name (the theme's family, regular and bold, and
the fallback family when a run uses it) and, for embedding, the characters the document
holds. Out: fontTable.xml with one `w:font` per family, described from the font file as
Word describes an installed font (alternative name from the Japanese name record, panose,
charset, family class, pitch, Unicode and code-page signature), so that Word substitutes
sensibly where the font is missing; with `embed`, the fonts themselves, subset to the
document's characters (plus ASCII) with fontTools and obfuscated as ECMA-376 part 1
§17.8.1 asks (`w:embedRegular`/`w:embedBold` with a `w:fontKey`). The obfuscation is
hand-written (a 32-byte XOR; no library writes it); the key is derived from the subset's
bytes, so the same input gives the same file.
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import quoteattr

from reportgen.fonts import family_name, shared_font
from reportgen.usercache import digest, font_key, remember

FONT_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CHARSETS = ((17, "80"), (18, "86"), (20, "88"), (19, "81"), (0, "00"))
"""Code-page bit (OS/2 ulCodePageRange1) → Windows charset: Japanese first."""
_RESTRICTED = 0x0002
"""OS/2 fsType bit: the licence forbids embedding."""


@dataclass(frozen=True)
class FontEntry:
    """One `w:font` as Word writes it for an installed TrueType font."""

    name: str
    alt_name: str
    panose: str
    charset: str
    family: str
    pitch: str
    signature: tuple[str, ...]  # usb0-3, csb0-1: eight hex digits each
    embeddable: bool


@dataclass(frozen=True)
class Embedded:
    """An embedded font part: its zip name, obfuscated bytes and key, and the face slot."""

    slot: str  # embedRegular, embedBold
    partname: str
    blob: bytes
    key: str  # "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}"


@lru_cache(maxsize=8)
def entry(path: Path) -> FontEntry:
    """The font-table entry of a font file, kept per user (`usercache`: the name and OS/2
    tables cost ~0.1 s to parse)."""
    return remember("fonttable", font_key(path, "entry1"), lambda: _read_entry(path),
                    lambda e: list(e.__dict__.values()), _unpack_entry)


def _unpack_entry(data: object) -> FontEntry | None:
    if not (isinstance(data, list) and len(data) == 8):
        return None
    values = list(data)
    values[6] = tuple(values[6])
    return FontEntry(*values)


def _read_entry(path: Path) -> FontEntry:
    font = shared_font(path)
    os2 = font["OS/2"]
    p = os2.panose
    panose = bytes([p.bFamilyType, p.bSerifStyle, p.bWeight, p.bProportion, p.bContrast,
                    p.bStrokeVariation, p.bArmStyle, p.bLetterForm, p.bMidline, p.bXHeight]).hex().upper()
    codepages = os2.ulCodePageRange1
    charset = next((cs for bit, cs in _CHARSETS if codepages >> bit & 1), "01")
    fixed = p.bProportion == 9 or bool(font["post"].isFixedPitch)
    serif = p.bFamilyType == 2 and 2 <= p.bSerifStyle <= 10
    sig = (os2.ulUnicodeRange1, os2.ulUnicodeRange2, os2.ulUnicodeRange3, os2.ulUnicodeRange4,
           os2.ulCodePageRange1, os2.ulCodePageRange2)
    return FontEntry(
        name=family_name(path), alt_name=_japanese_name(font) or "", panose=panose, charset=charset,
        family="modern" if fixed else "roman" if serif else "swiss", pitch="fixed" if fixed else "variable",
        signature=tuple(f"{v:08X}" for v in sig), embeddable=not os2.fsType & _RESTRICTED)


def _japanese_name(font) -> str | None:
    """The family name in the Japanese name record (Windows, language 0x411), if any."""
    record = font["name"].getName(1, 3, 1, 0x411)
    return record.toUnicode() if record is not None else None


def font_table_xml(entries: Iterable[tuple[FontEntry, list[tuple[Embedded, str]]]]) -> bytes:
    """fontTable.xml: each entry with its embedded faces as (font, relationship id)."""
    fonts = "".join(_font_xml(e, faces) for e, faces in entries)
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<w:fonts xmlns:w="{_W}" xmlns:r="{_R}">{fonts}</w:fonts>').encode("utf-8")


def _font_xml(e: FontEntry, faces: list[tuple[Embedded, str]]) -> str:
    usb = " ".join(f'w:usb{i}="{v}"' for i, v in enumerate(e.signature[:4]))
    csb = " ".join(f'w:csb{i}="{v}"' for i, v in enumerate(e.signature[4:]))
    alt = f"<w:altName w:val={quoteattr(e.alt_name)}/>" if e.alt_name and e.alt_name != e.name else ""
    embeds = "".join(f'<w:{face.slot} r:id="{rel}" w:fontKey="{face.key}"/>' for face, rel in faces)
    return (f"<w:font w:name={quoteattr(e.name)}>{alt}<w:panose1 w:val=\"{e.panose}\"/>"
            f'<w:charset w:val="{e.charset}"/><w:family w:val="{e.family}"/>'
            f'<w:pitch w:val="{e.pitch}"/><w:sig {usb} {csb}/>{embeds}</w:font>')


def embedded(path: Path, slot: str, chars: str, number: int) -> Embedded:
    """The font at `path` subset to `chars` (and printable ASCII), obfuscated."""
    data = subset(path, chars)
    key = "{" + str(uuid.UUID(digest(data))).upper() + "}"
    return Embedded(slot, f"/word/fonts/font{number}.odttf", obfuscate(data, key), key)


def subset(path: Path, chars: str) -> bytes:
    """The font with only the glyphs `chars` and printable ASCII need; every name record
    kept (Word and LibreOffice match the embedded face by its family name)."""
    from fontTools import subset as ft_subset  # here: only --embed-fonts needs it
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.name_IDs, options.name_languages, options.name_legacy = ["*"], ["*"], True
    options.notdef_outline = True
    options.drop_tables += ["meta"]  # fontTools cannot subset it (and warns); nothing reads it
    options.layout_features = ["*"]
    font = TTFont(str(path), recalcTimestamp=False)  # the source font's date: same bytes every build
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in chars} | set(range(0x20, 0x7F)))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def obfuscate(data: bytes, key: str) -> bytes:
    """ECMA-376 §17.8.1: the first 32 bytes XORed with the key's 16 bytes, taken from the
    GUID string's hex digits last pair first. Its own inverse."""
    key_bytes = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    head = bytes(b ^ key_bytes[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]
