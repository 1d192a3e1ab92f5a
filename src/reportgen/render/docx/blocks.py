"""Content blocks into Word paragraphs, lists, tables and pictures, in reading order.

In: the model's blocks, one at a time, and the chart images keyed by chart id.
Out: body content appended to the python-docx document, every paragraph in a named style
(see styles.py). A `PageBreak` or a part title (heading level 0, after the start) makes
the next paragraph start a page (`pageBreakBefore`), so no empty paragraph is left over.
"""

from __future__ import annotations

from typing import Callable, Mapping

from docx.document import Document as WordDocument
from docx.shared import Length
from docx.text.paragraph import Paragraph as WordParagraph

from reportgen.charts.artifacts import ChartImages
from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.model import (
    Block, ChartBlock, ContactBox, Heading, ImageBlock, KpiRow, ListBlock, Note, PageBreak,
    Paragraph, RichText, Span, TableBlock,
)
from reportgen.render.docx import oxml, styles
from reportgen.render.docx.inline import Fonts, add_rich_text, add_span
from reportgen.render.docx.lists import Lists
from reportgen.render.docx.tables import add_data_table, add_kpi_cards


class Body:
    """Appends blocks to the document body; remembers only whether a page break is due."""

    def __init__(self, word: WordDocument, charts: Mapping[str, ChartImages], fonts: Fonts,
                 lists: Lists, width: Length):
        self._word, self._charts, self._fonts, self._lists = word, charts, fonts, lists
        self._width = width
        self._break_due = False
        self._started = False
        self._draw: dict[type, Callable] = {
            Heading: self._heading, Paragraph: self._paragraph_block, ListBlock: self._list,
            KpiRow: self._kpis, ChartBlock: self._chart, TableBlock: self._table,
            ImageBlock: self._image, Note: self._note, ContactBox: self._contact,
            PageBreak: self._page_break,
        }

    def add_front_matter(self, title: str, subtitle: str) -> None:
        """The document title and subtitle at the top of the first page."""
        add_rich_text(self._para(styles.TITLE), RichText.of(title), self._fonts)
        if subtitle:
            add_rich_text(self._para(styles.SUBTITLE), RichText.of(subtitle), self._fonts)

    def add(self, block: Block) -> None:
        self._draw[type(block)](block)
        self._started = True

    def _para(self, style: str, text: RichText | None = None) -> WordParagraph:
        p = self._word.add_paragraph(style=style)
        if self._break_due:
            p.paragraph_format.page_break_before = True
            self._break_due = False
        if text is not None:
            add_rich_text(p, text, self._fonts)
        return p

    def _before_table(self) -> None:
        """Tables cannot carry a page break: a due break goes into a tiny empty paragraph."""
        if self._break_due:
            self._para(styles.SPACER)

    def _heading(self, block: Heading) -> None:
        if block.level == 0:
            self._break_due = self._break_due or self._started
            if block.subtitle:
                self._para(styles.PART_LABEL, block.subtitle)
            self._para(styles.TITLE, block.text)
            return
        self._para(styles.HEADING_STYLES[min(block.level, 3)], block.text)
        if block.subtitle:
            self._para(styles.CHAPTER_SUBTITLE, block.subtitle)

    def _paragraph_block(self, block: Paragraph) -> None:
        self._para(styles.ROLE_STYLES[block.role], block.text)

    def _list(self, block: ListBlock) -> None:
        first = block.items[0].number if block.items else None
        num_id = self._lists.new_list(block.kind, first)
        for item in block.items:
            p = self._para(Lists.style_for(block.kind), item.text)
            oxml.set_numbering(oxml.ppr(p._p), num_id)

    def _kpis(self, block: KpiRow) -> None:
        self._before_table()
        add_kpi_cards(self._word, block, self._fonts, self._width)
        self._para(styles.SPACER)

    def _chart(self, block: ChartBlock) -> None:
        images = self._charts.get(block.chart.id)
        if images is None:
            raise ReportError(Diagnostic(block.ref, f"no chart image for chart '{block.chart.id}'"))
        self._picture(str(images.png), block.chart.width, block.chart.title, images.alt_text)
        if block.chart.caption:
            self._para(styles.CAPTION, RichText.of(block.chart.caption))

    def _image(self, block: ImageBlock) -> None:
        alt = block.caption.plain or block.path.name
        self._picture(str(block.path), block.width, alt, alt)
        if block.caption:
            self._para(styles.CAPTION, block.caption)

    def _picture(self, path: str, width: str, title: str, description: str) -> None:
        run = self._para(styles.FIGURE).add_run()
        shape = run.add_picture(path, width=self._width if width == "full" else Length(self._width // 2))
        oxml.set_alt_text(shape._inline, title, description)

    def _table(self, block: TableBlock) -> None:
        if block.caption:
            caption = self._para(styles.CAPTION, block.caption)
            caption.paragraph_format.keep_with_next = True
        else:
            self._before_table()
        add_data_table(self._word, block.table, self._fonts, self._width)
        self._para(styles.SPACER)

    def _note(self, block: Note) -> None:
        p = self._para(styles.NOTE)
        add_span(p, Span(f"{block.marker}\t"), self._fonts)
        add_rich_text(p, block.text, self._fonts)

    def _contact(self, block: ContactBox) -> None:
        if block.title:
            self._para(styles.CONTACT_TITLE, block.title)
        for line in block.lines:
            self._para(styles.CONTACT, line)

    def _page_break(self, block: PageBreak) -> None:
        self._break_due = True
