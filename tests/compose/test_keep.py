"""Keep-together and splitting rules in the PDF: a contact box, a KPI row, a list of up to
five items never split; a longer list splits with two items on each page; a heading stays
with at least two lines of what follows; a box that moves on leaving space is reported."""

from __future__ import annotations

import dataclasses
import sys
import warnings
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "render" / "pdf"))

from pdfcheck import BODY, chart_images, make_document, squash  # noqa: E402
from reportgen.diagnostics import CellRef, ReportWarning  # noqa: E402
from reportgen.model import (  # noqa: E402
    ContactBox, Heading, Kpi, KpiRow, ListBlock, ListItem, Paragraph, RichText,
)
from reportgen.render.pdf import write_pdf  # noqa: E402

FILLERS = range(12, 100, 3)  # lines of body text before the block: it lands at every height of pages 1-2


def _ref(cell: str) -> CellRef:
    return CellRef("content", cell)


def _build(tmp: Path, blocks: list, name: str) -> tuple[list[str], list]:
    """The text of each page (whitespace removed) and the warnings raised."""
    doc = make_document()
    doc = dataclasses.replace(doc, blocks=tuple(blocks))
    path = tmp / f"{name}.pdf"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReportWarning)
        write_pdf(doc, chart_images(doc, tmp), path)
    pages = [squash(p.extract_text()) for p in PdfReader(path).pages]
    return pages, [w.message.diagnostic for w in caught if isinstance(w.message, ReportWarning)]


def _filler(lines: int) -> list:
    """Paragraphs of about `lines` lines in all (about 50 characters a line)."""
    text = BODY * (lines // 3 + 1)
    return [Paragraph(RichText.of(text[k:k + 500]), _ref(f"B{k // 500 + 2}")) for k in range(0, lines * 50, 500)]


def _pages_holding(pages: list[str], texts: list[str]) -> set[int]:
    return {i for t in texts for i, p in enumerate(pages) if squash(t) in p}


def _contact() -> ContactBox:
    lines = tuple(RichText.of(t) for t in ("電話：03-0000-0000（代表）", "メール：info@example.jp",
                                          "https://www.example.jp/contact/press/index.html"))
    return ContactBox(RichText.of("お問い合わせ先"), lines, _ref("B40"))


def _items(n: int) -> ListBlock:
    return ListBlock("numbered", tuple(ListItem(RichText.of(f"第{k + 1}項目の取り組みを着実に進める。"), _ref(f"B{50 + k}"), k + 1)
                                      for k in range(n)), _ref("B50"))


@pytest.mark.parametrize("n", FILLERS)
def test_a_contact_box_is_never_split(tmp_path, n):
    box = _contact()
    pages, _ = _build(tmp_path, [*_filler(n), box], f"c{n}")
    assert len(_pages_holding(pages, [box.title.plain, *(line.plain for line in box.lines)])) == 1


@pytest.mark.parametrize("n", FILLERS)
def test_a_list_of_five_is_never_split(tmp_path, n):
    items = _items(5)
    pages, _ = _build(tmp_path, [*_filler(n), items], f"l{n}")
    assert len(_pages_holding(pages, [i.text.plain for i in items.items])) == 1


@pytest.mark.parametrize("n", FILLERS)
def test_a_long_list_splits_keeping_two_items_on_each_page(tmp_path, n):
    items = _items(12)
    pages, _ = _build(tmp_path, [*_filler(n), items], f"L{n}")
    where = [min(_pages_holding(pages, [i.text.plain])) for i in items.items]
    for page in set(where):
        assert where.count(page) >= 2, where


@pytest.mark.parametrize("n", FILLERS)
def test_a_heading_keeps_two_lines_of_its_paragraph(tmp_path, n):
    head = Heading(2, RichText.of("見出しの直後に本文が続く"), _ref("B30"))
    body = Paragraph(RichText.of(BODY * 3), _ref("B31"))
    pages, _ = _build(tmp_path, [*_filler(n), head, body], f"h{n}")
    page = min(_pages_holding(pages, [head.text.plain]))
    start = squash(body.text.plain)[:70]  # about two lines
    assert start in pages[page], (n, page)


def test_a_kpi_row_is_never_split(tmp_path):
    doc = make_document()
    kpis = next(b for b in doc.blocks if isinstance(b, KpiRow))
    for n in FILLERS:
        pages, _ = _build(tmp_path, [*_filler(n), kpis], f"k{n}")
        assert len(_pages_holding(pages, ["拠出総額", *(k.value.text for k in kpis.items)])) == 1


def test_a_box_moved_on_leaving_a_third_of_a_page_names_its_cell(tmp_path):
    tall = ListBlock("bullet", tuple(ListItem(RichText.of(BODY), _ref(f"C{60 + k}")) for k in range(5)), _ref("C60"))
    seen = []
    for n in FILLERS:
        _, found = _build(tmp_path, [*_filler(n), tall], f"w{n}")
        seen += [d for d in found if "moved whole" in d.message]
    assert seen and all(str(d.where) == "content!C60" and "list" in d.message for d in seen)
