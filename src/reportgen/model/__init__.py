"""The document as plain typed data: the hand-off between the workbook reader and the renderers.

No I/O here. Every block carries the `CellRef` it came from, so that even a renderer
can name the cell behind a problem. Renderers read these types and nothing else.
"""

from reportgen.model.blocks import (
    Block,
    ChartBlock,
    ColumnStyle,
    ContactBox,
    Heading,
    ImageBlock,
    KpiRow,
    ListBlock,
    ListItem,
    Kpi,
    Note,
    PageBreak,
    Paragraph,
    TableBlock,
)
from reportgen.model.data import ChartOptions, ChartSpec, Column, Table, Value
from reportgen.model.document import PAPER_MM, Document, Meta, Theme
from reportgen.model.mail import Mail, Recipients
from reportgen.model.outline import outline_depths
from reportgen.model.text import RichText, Span

__all__ = [
    "Block", "ChartBlock", "ChartOptions", "ChartSpec", "Column", "ColumnStyle", "ContactBox", "Document", "Heading",
    "ImageBlock", "Kpi", "KpiRow", "ListBlock", "ListItem", "Mail", "Meta", "Note", "PAPER_MM", "PageBreak",
    "Paragraph", "Recipients", "RichText", "Span", "Table", "TableBlock", "Theme", "Value", "outline_depths",
]
