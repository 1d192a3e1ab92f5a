"""Content blocks in reading order. Consecutive list items, KPI figures and contact lines
are already grouped by the reader, so renderers draw one `ListBlock`, `KpiRow` or
`ContactBox` at a time."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Union

from reportgen.diagnostics import CellRef
from reportgen.model.data import ChartSpec, Table, Value
from reportgen.model.text import RichText


@dataclass(frozen=True)
class Heading:
    """Level 0 is a part title (a new document part, e.g. the fact sheet after the release),
    1 a chapter (はじめに), 2 a section (■), 3 a business unit (●)."""

    level: int
    text: RichText
    ref: CellRef
    subtitle: RichText = RichText()


@dataclass(frozen=True)
class Paragraph:
    """Body text. `role` picks the style: lead, body, headline (a unit's key claim), quote."""

    text: RichText
    ref: CellRef
    role: Literal["lead", "body", "headline", "quote"] = "body"


@dataclass(frozen=True)
class ListItem:
    text: RichText
    ref: CellRef
    number: int | None = None


@dataclass(frozen=True)
class ListBlock:
    """Numbered highlights (numbers from the workbook or counted) or bullets."""

    kind: Literal["numbered", "bullet"]
    items: tuple[ListItem, ...]
    ref: CellRef


@dataclass(frozen=True)
class Kpi:
    """A large figure bound to a cell, with a one-line label."""

    value: Value
    label: RichText
    ref: CellRef


@dataclass(frozen=True)
class KpiRow:
    items: tuple[Kpi, ...]
    ref: CellRef


@dataclass(frozen=True)
class ChartBlock:
    chart: ChartSpec
    ref: CellRef


Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class ColumnStyle:
    """How one column of a table block prints (the `options` of its content row).
    `width` is a share of the table's width (0-1), a hint the column solver keeps to."""

    align: Align | None = None
    hidden: bool = False
    width: float | None = None


@dataclass(frozen=True)
class TableBlock:
    """A data table as printed. `styles` has one entry per column of `table`, or none."""

    table: Table
    caption: RichText
    ref: CellRef
    styles: tuple[ColumnStyle, ...] = ()
    sheet_title: str = ""  # the appendix sheet's tab name (options `sheet_title=`); default the caption

    def style(self, column: int) -> ColumnStyle:
        return self.styles[column] if self.styles else ColumnStyle()


@dataclass(frozen=True)
class ImageBlock:
    """An image file inside the workbook's folder (checked by the reader)."""

    path: Path
    caption: RichText
    ref: CellRef
    width: Literal["full", "half"] = "full"


@dataclass(frozen=True)
class Note:
    """A footnote: small grey text introduced by the same marker as in the body ("*")."""

    marker: str
    text: RichText
    ref: CellRef


@dataclass(frozen=True)
class ContactBox:
    """A framed box at the end: a title line and the contact lines (mail links inside)."""

    title: RichText
    lines: tuple[RichText, ...]
    ref: CellRef


@dataclass(frozen=True)
class PageBreak:
    ref: CellRef


Block = Union[
    Heading, Paragraph, ListBlock, KpiRow, ChartBlock, TableBlock, ImageBlock, Note,
    ContactBox, PageBreak,
]
