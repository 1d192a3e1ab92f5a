"""The saved package's parts put the way Excel writes them.

In: the (zip name, bytes) entries openpyxl wrote (worksheets with our cells merged in).
Out: the same entries with every stored number written as `cells.number_text` writes it
(openpyxl writes 0.07 as 0.07000000000000001 in the cells and chart caches it writes),
every text cell's string in a shared-strings part (Excel moves
inline strings into one on its first save, rewriting every sheet; openpyxl 3.1 writes
inline strings only) and the font elements of styles.xml in the order of the schema's
sequence (openpyxl writes name, charset and family first; validators built on the Open
XML SDK report each font). Both on the serialized XML text, by pattern: the cells are
as openpyxl and `sheetdata` write them, and a 10,000-row sheet is not parsed again.
Hand-written: openpyxl has no option for either.
"""

from __future__ import annotations

import re
from typing import Iterable

from reportgen.render.xlsx.cells import number_text

_SHEET = re.compile(r"xl/worksheets/sheet\d+\.xml")
_CHART = re.compile(r"xl/charts/chart\d+\.xml")
_DECIMAL = re.compile(rb"<v>(-?(?=[\d.]{17})\d+\.\d+(?:[eE][-+]?\d+)?)</v>")
"""A decimal of 16 or more digits: more than a float's 15 that `cells.number_text` keeps."""
_INLINE = re.compile(rb'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"(?:/>|></c>|><is>(.*?)</is></c>)', re.S)
_SST_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_FONT = re.compile(rb"<font>(.*?)</font>", re.S)
_FONT_CHILD = re.compile(rb"<(\w+)[^>]*/>|<(\w+)[^>]*>.*?</\2>", re.S)
FONT_ORDER = (b"b", b"i", b"strike", b"condense", b"extend", b"outline", b"shadow", b"u",
              b"vertAlign", b"sz", b"color", b"name", b"family", b"charset", b"scheme")
"""CT_Font's children in the order of the Open XML SDK's schema (ECMA-376 part 1 §18.8.22)."""


def finish(entries: Iterable[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The entries with shared strings and styles.xml's fonts in schema order."""
    strings = _Strings()
    out = []
    for name, blob in entries:
        if _SHEET.fullmatch(name):
            blob = strings.share(_DECIMAL.sub(_shortest, blob))
        elif _CHART.fullmatch(name):
            blob = _DECIMAL.sub(_shortest, blob)
        elif name == "xl/styles.xml":
            blob = _FONT.sub(_ordered_font, blob)
        out.append((name, blob))
    if not strings:
        return out
    out = [(name, _with_sst(name, blob)) for name, blob in out]
    return out + [("xl/sharedStrings.xml", strings.xml())]


class _Strings:
    """The shared-string table: each distinct string's XML (the content of `<is>`) once."""

    def __init__(self) -> None:
        self._index: dict[bytes, int] = {}
        self._count = 0

    def __bool__(self) -> bool:
        return bool(self._index)

    def share(self, sheet: bytes) -> bytes:
        return _INLINE.sub(self._cell, sheet)

    def _cell(self, m: re.Match[bytes]) -> bytes:
        ref, style, content = m[1], m[2], m[3]
        if not content:  # an empty text cell: a styled blank
            return b'<c r="%s"%s/>' % (ref, style)
        index = self._index.setdefault(content, len(self._index))
        self._count += 1
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (ref, style, index)

    def xml(self) -> bytes:
        items = b"".join(b"<si>%s</si>" % s for s in self._index)
        return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
                % (_MAIN, self._count, len(self._index), items))


def _with_sst(name: str, blob: bytes) -> bytes:
    """Content types and workbook relationships naming the shared-strings part."""
    if name == "[Content_Types].xml":
        return blob.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="%s"/></Types>'
                            % _SST_TYPE)
    if name == "xl/_rels/workbook.xml.rels":
        used = {int(n) for n in re.findall(rb'Id="rId(\d+)"', blob)}
        rel = b'<Relationship Type="%s" Target="sharedStrings.xml" Id="rId%d"/>' % (_SST_REL, max(used, default=0) + 1)
        return blob.replace(b"</Relationships>", rel + b"</Relationships>")
    return blob


def _shortest(m: re.Match[bytes]) -> bytes:
    return b"<v>%s</v>" % number_text(float(m[1])).encode()


def _ordered_font(m: re.Match[bytes]) -> bytes:
    children = [(c[1] or c[2], c[0]) for c in _FONT_CHILD.finditer(m[1])]
    rank = {tag: i for i, tag in enumerate(FONT_ORDER)}
    children.sort(key=lambda child: rank.get(child[0], len(rank)))
    return b"<font>%s</font>" % b"".join(xml for _, xml in children)
