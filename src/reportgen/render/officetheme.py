"""The Office theme part (DrawingML `a:theme`) of the DOCX and the XLSX, from the `Theme`.

In: a library's default theme XML (python-docx's or openpyxl's, both Office 2007) and the
`Theme`. Out: the same theme with the document's font (major and minor, Latin, East Asian
and the Japanese script slot) and colours (text and primary as dark 1/2, the zebra tint as
light 2, the chart palette as accents 1-6, the primary colour as the link colour, muted
for a followed link), so that what an editor adds in Word or Excel (a heading, a chart,
SmartArt, a table style) matches the document.
"""

from __future__ import annotations

from lxml import etree

from reportgen.model import Theme

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS = {"a": _A}
NAME = "reportgen"


def themed(xml: bytes, theme: Theme) -> bytes:
    """`xml` (an `a:theme` part) with the document's fonts and colours."""
    root = etree.fromstring(xml)
    root.set("name", NAME)
    _set_colors(root, theme)
    _set_fonts(root, theme.font_family)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def colors(theme: Theme) -> dict[str, str]:
    """Colour-scheme slot → "RRGGBB"; accents cycle through a palette shorter than six."""
    palette = theme.palette or (theme.primary,)
    slots = {"dk1": theme.text, "dk2": theme.primary, "lt2": theme.zebra,
             "hlink": theme.primary, "folHlink": theme.muted}
    slots |= {f"accent{i}": palette[(i - 1) % len(palette)] for i in range(1, 7)}
    return {slot: value.lstrip("#").upper() for slot, value in slots.items()}


def _set_colors(root: etree._Element, theme: Theme) -> None:
    scheme = root.find(".//a:clrScheme", _NS)
    scheme.set("name", NAME)
    for slot, value in colors(theme).items():
        holder = scheme.find(f"a:{slot}", _NS)
        holder[:] = [etree.Element(f"{{{_A}}}srgbClr", val=value)]


def _set_fonts(root: etree._Element, family: str) -> None:
    scheme = root.find(".//a:fontScheme", _NS)
    scheme.set("name", NAME)
    for face in scheme:  # majorFont, minorFont
        for slot in face.xpath("a:latin | a:ea | a:font[@script='Jpan']", namespaces=_NS):
            slot.set("typeface", family)
