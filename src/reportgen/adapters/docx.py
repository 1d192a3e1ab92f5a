"""python-docx's private parts reportgen relies on (python-docx 1.x), behind named functions.

In: python-docx objects. Out: what its public API does not offer: the lxml element
under a paragraph, run, table, row, cell, section or inline picture (for the w: XML
`render.docx.oxml` writes), a part's content replaced, [Content_Types].xml as Word writes
it, and the document part's style-id lookup answered from a table.
tests/adapters/test_docx_contract.py checks each of them on the installed python-docx.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping, Union

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.part import Part
from docx.opc.pkgwriter import _ContentTypesItem
from docx.parts.document import DocumentPart
from docx.section import Section
from docx.shape import InlineShape
from docx.styles import BabelFish
from docx.styles.style import BaseStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml.etree import _Element as XmlElement

TableCell = _Cell  # a table cell (python-docx names the class private)

__all__ = ["XmlElement", "TableCell", "element", "set_blob", "content_types_xml", "answer_style_ids"]

Proxy = Union[Paragraph, Run, Table, _Row, _Cell, Section, InlineShape]
_ELEMENT = {Paragraph: "_p", Run: "_r", Table: "_tbl", _Row: "_tr", _Cell: "_tc", Section: "_sectPr",
            InlineShape: "_inline"}


def element(proxy: Proxy) -> XmlElement:
    """The w: (or wp:) element a python-docx object stands for."""
    return getattr(proxy, _ELEMENT[type(proxy)])


def set_blob(part: Part, blob: bytes) -> None:
    """Replace a plain part's content (python-docx reads `blob` but has no setter)."""
    part._blob = blob


def content_types_xml(parts: Iterable[Part]) -> bytes:
    """[Content_Types].xml for `parts`, as python-docx's `PackageWriter` writes it."""
    return _ContentTypesItem.from_parts(parts).blob


def answer_style_ids(part: DocumentPart, ids: Mapping[tuple[str, WD_STYLE_TYPE], str | None]) -> None:
    """The document part's `get_style_id` answers from `ids` ((internal style name, type)
    -> style id, None for its type's default); what `ids` lacks goes to python-docx's own
    lookup, which raises as before. python-docx calls `get_style_id` on every style
    assignment and scans all styles each time."""
    resolve: Callable[[BaseStyle | str | None, WD_STYLE_TYPE], str | None] = part.get_style_id

    def get_style_id(style_or_name: BaseStyle | str | None, style_type: WD_STYLE_TYPE) -> str | None:
        if style_or_name is None:
            return None
        name = (style_or_name.element.name_val if isinstance(style_or_name, BaseStyle)
                else BabelFish.ui2internal(style_or_name))
        key = (name, style_type)
        return ids[key] if key in ids else resolve(style_or_name, style_type)

    part.get_style_id = get_style_id  # type: ignore[method-assign]
