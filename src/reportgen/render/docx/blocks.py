"""Content blocks into Word paragraphs, lists, tables and pictures, in reading order.

In: the model's blocks, one at a time, and the chart images keyed by chart id.
Out: body content appended to the python-docx document, every paragraph in a named style
(see styles.py). A `PageBreak` or a part title (heading level 0, after the start) makes
the next paragraph start a page (`pageBreakBefore`), so no empty paragraph is left over.
Two half-width charts or images in a row share one line (a borderless two-cell table).
The space under a table is the next paragraph's space before; an empty paragraph is
written only where Word needs one (a page break or another table right after a table).
Data tables' body rows go to the `DeferredRows`, spliced into the document at saving.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Length, Pt
from docx.text.paragraph import Paragraph as WordParagraph

from reportgen.adapters import docx as wordlib
from reportgen.charts.artifacts import ChartImages
from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.i18n import tr
from reportgen.model import (
    Block, ChartBlock, ContactBox, Heading, ImageBlock, KpiRow, ListBlock, Note, PageBreak,
    Paragraph, RichText, Span, TableBlock, Theme,
)
from reportgen.render.docx import oxml, styles
from reportgen.render.docx.inline import Fonts, add_rich_text, add_span
from reportgen.render.docx.lists import Lists
from reportgen.render.docx.tables import FIGURE_GUTTER, add_data_table, add_figure_grid, add_kpi_cards
from reportgen.render.picture import drawable


TABLE_GAP = Pt(10)
"""Space between a table and the paragraph under it."""


@dataclass(frozen=True)
class Figure:
    """A chart or image as placed: picture file, alt text title/description, caption."""

    path: Path
    title: str
    description: str
    caption: RichText
    half: bool
    show_title: bool = True  # charts print their title above; images only have a caption
    photo: bool = False  # a workbook's image (drawn upright, in RGB); charts are drawn as rendered


WHOLE_LIST = 5
"""A list of up to this many items is kept on one page; a longer one keeps two items on
each page it spans (the PDF's rules: render/pdf/story.py)."""


def _keeps_with_next(i: int, count: int) -> bool:
    """Whether item `i` of a `count`-item list is kept with the next (Word's keepNext)."""
    if i == count - 1:
        return False
    return count <= WHOLE_LIST or i in (0, count - 2)


class Body:
    """Appends blocks to the document body. State: whether a page break is due, whether
    anything follows the front matter yet, and a half-width figure waiting for a partner."""

    def __init__(self, word: WordDocument, charts: Mapping[str, ChartImages], fonts: Fonts,
                 lists: Lists, width: Length, max_height: Length, deferred: oxml.DeferredRows, theme: Theme):
        self._word, self._charts, self._fonts, self._lists = word, charts, fonts, lists
        self._theme = theme
        self._deferred = deferred
        self._body = word.element.body
        self._width, self._max_height = width, max_height
        self._break_due = False
        self._gap_due = False  # a table just ended: the next paragraph opens with TABLE_GAP
        self._started = False
        self._half: Figure | None = None
        self._draw: dict[type, Callable] = {
            Paragraph: self._paragraph_block, ListBlock: self._list,
            KpiRow: self._kpis, ChartBlock: self._chart, TableBlock: self._table,
            ImageBlock: self._image, Note: self._note, ContactBox: self._contact,
            PageBreak: self._page_break,
        }

    def add_front_matter(self, title: str, subtitle: str) -> None:
        """The document title and subtitle at the top of the first page."""
        add_rich_text(self._para(styles.TITLE), RichText.of(title), self._fonts)
        if subtitle:
            add_rich_text(self._para(styles.SUBTITLE), RichText.of(subtitle), self._fonts)

    def add(self, block: Block, depth: int | None = None) -> None:
        """Append `block`; a heading's `depth` is its outline level (model.outline)."""
        if not isinstance(block, (ChartBlock, ImageBlock)):
            self._flush_half()
        if isinstance(block, Heading):
            self._heading(block, depth or 0)
        else:
            self._draw[type(block)](block)
        self._started = True

    def finish(self) -> None:
        """Place a half-width figure still waiting for a partner; a body ending in a table
        gets the closing paragraph Word requires after it."""
        self._flush_half()
        if self._gap_due:
            self._para(styles.SPACER)

    def _para(self, style: str, text: RichText | None = None) -> WordParagraph:
        """A body paragraph in `style`, built directly (python-docx's `add_paragraph`
        searches the schema order of every property it places: most of a short build)."""
        style_id = self._word.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        p = WordParagraph(oxml.add_paragraph(self._body, style_id), self._word)
        if self._break_due:
            p.paragraph_format.page_break_before = True
            self._break_due = False
        if self._gap_due:
            self._open_gap(p, style)
        if text is not None:
            add_rich_text(p, text, self._fonts)
        return p

    def _open_gap(self, p: WordParagraph, style: str) -> None:
        """The space under a table, as the next paragraph's space before (Word has no
        space after a table, and no empty paragraph is left to make it); a style that has
        more space before keeps its own."""
        self._gap_due = False
        if (self._word.styles[style].paragraph_format.space_before or 0) < TABLE_GAP:
            p.paragraph_format.space_before = TABLE_GAP

    def _after_table(self) -> None:
        self._gap_due = True

    def _before_table(self) -> None:
        """Tables cannot carry a page break, and two tables in a row would merge into one:
        then (only then) a tiny empty paragraph stands between."""
        if self._break_due or self._gap_due:
            self._para(styles.SPACER)

    def _heading(self, block: Heading, depth: int) -> None:
        """A heading paragraph whose outline level is its depth in the tree (whatever its
        style's level), so that the navigation pane nests it as the PDF's bookmarks do."""
        if block.level == 0:
            self._break_due = self._break_due or self._started
            if block.subtitle:
                self._para(styles.PART_LABEL, block.subtitle)
        p = self._para(styles.HEADING_STYLES[min(block.level, 3)], block.text)
        oxml.set_outline_level(oxml.ppr(wordlib.element(p)), depth)
        if block.level and block.subtitle:
            self._para(styles.CHAPTER_SUBTITLE, block.subtitle)

    def _paragraph_block(self, block: Paragraph) -> None:
        self._para(styles.ROLE_STYLES[block.role], block.text)

    def _list(self, block: ListBlock) -> None:
        first = block.items[0].number if block.items else None
        num_id = self._lists.new_list(block.kind, first)
        count = len(block.items)
        for i, item in enumerate(block.items):
            p = self._para(Lists.style_for(block.kind), item.text)
            oxml.set_numbering(oxml.ppr(wordlib.element(p)), num_id)
            oxml.set_keep(oxml.ppr(wordlib.element(p)), _keeps_with_next(i, count), False)

    def _kpis(self, block: KpiRow) -> None:
        self._before_table()
        add_kpi_cards(self._word, block, self._fonts, self._width)
        self._after_table()

    def _chart(self, block: ChartBlock) -> None:
        images = self._charts.get(block.chart.id)
        if images is None:
            raise ReportError(Diagnostic(block.ref, tr("no chart image for chart '{id}'").format(id=block.chart.id)))
        self._figure(Figure(images.png, block.chart.title, images.alt_text,
                            RichText.of(block.chart.caption), block.chart.width == "half"))

    def _image(self, block: ImageBlock) -> None:
        alt = block.caption.plain or block.path.name
        self._figure(Figure(block.path, alt, alt, block.caption, block.width == "half", show_title=False, photo=True))

    def _figure(self, figure: Figure) -> None:
        """Full-width figures go straight in; two half-width figures in a row share a line."""
        if not figure.half:
            self._flush_half()
            self._place(figure, self._width)
        elif self._half is None:
            self._half = figure
        else:
            self._place_pair(self._half, figure)
            self._half = None

    def _flush_half(self) -> None:
        if self._half is not None:
            self._place(self._half, Length(self._width // 2))
            self._half = None

    def _place(self, figure: Figure, width: Length) -> None:
        if figure.show_title:
            self._para(styles.FIGURE_TITLE, RichText.of(figure.title))
        self._picture(self._para(styles.FIGURE), figure, width)
        if figure.caption:
            self._para(styles.CAPTION, figure.caption)

    def _place_pair(self, left: Figure, right: Figure) -> None:
        self._before_table()
        width = Length(self._width // 2 - FIGURE_GUTTER)
        for cell, figure in zip(add_figure_grid(self._word, 2, self._width), (left, right)):
            first = cell.paragraphs[0]
            if figure.show_title:
                first.style = styles.FIGURE_TITLE
                add_rich_text(first, RichText.of(figure.title), self._fonts)
                first = cell.add_paragraph()
            first.style = styles.FIGURE
            self._picture(first, figure, width)
            if figure.caption:
                add_rich_text(cell.add_paragraph(style=styles.CAPTION), figure.caption, self._fonts)
        self._after_table()

    def _picture(self, p: WordParagraph, figure: Figure, width: Length) -> None:
        """The picture at `width`, shrunk to fit when a tall image would pass `max_height`."""
        source = drawable(figure.path)[0] if figure.photo else figure.path
        shape = p.add_run().add_picture(io.BytesIO(source) if isinstance(source, bytes) else str(source), width=width)
        if shape.height > self._max_height:
            shape.width = Length(int(shape.width * self._max_height / shape.height))
            shape.height = self._max_height
        oxml.set_alt_text(wordlib.element(shape), figure.title, figure.description)

    def _table(self, block: TableBlock) -> None:
        if block.caption:
            self._para(styles.TABLE_CAPTION, block.caption)
        else:
            self._before_table()
        add_data_table(self._word, block, self._fonts, self._width, self._theme, self._deferred)
        self._after_table()

    def _note(self, block: Note) -> None:
        p = self._para(styles.NOTE)
        oxml.set_keep(oxml.ppr(wordlib.element(p)), False, True)  # a note is a box: never split (as in the PDF)
        add_span(p, Span(f"{block.marker}\t"), self._fonts)
        add_rich_text(p, block.text, self._fonts)

    def _contact(self, block: ContactBox) -> None:
        if block.title:
            self._para(styles.CONTACT_TITLE, block.title)
        for i, line in enumerate(block.lines):  # a box: each line kept with the next, never split
            p = self._para(styles.CONTACT, line)
            oxml.set_keep(oxml.ppr(wordlib.element(p)), i < len(block.lines) - 1, True)

    def _page_break(self, block: PageBreak) -> None:
        self._break_due = True
