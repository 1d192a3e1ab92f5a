"""Page layout read back: margins, overlaps, headings kept with what follows, unsplit
cards, repeated table headers, aligned numbers, page sizes."""

from __future__ import annotations

import dataclasses

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from pdfcheck import chart_images, long_document, overlapping_runs, read_pages, squash, stray_chars, stray_objects
from reportgen.model import Heading, KpiRow, Paragraph
from reportgen.render.pdf import write_pdf
from reportgen.render.pdf.geometry import page_geometry

def test_text_stays_in_the_text_column_header_and_footer_zones(built, factory_doc):
    g = page_geometry(factory_doc.theme)
    for page in read_pages(built):
        assert not stray_chars(page, g), page.index


def test_graphics_stay_in_the_margins_except_the_header_band(built, factory_doc):
    g = page_geometry(factory_doc.theme)
    for page in read_pages(built):
        assert not stray_objects(page, g), page.index


@pytest.mark.parametrize("sections", [14])
def test_no_two_text_runs_overlap(sections, tmp_path):
    doc = long_document(sections, rows=8)
    path = tmp_path / "long.pdf"
    write_pdf(doc, chart_images(doc, tmp_path), path)
    for page in read_pages(path):
        assert not overlapping_runs(page), page.index


def _page_of(pages, text: str, start: int = 0) -> int:
    needle = squash(text)[:12]
    return next(p.index for p in pages[start:] if needle in squash(p.text))


@pytest.mark.parametrize("filler", [0, 3, 5, 8])
def test_headings_never_end_a_page(filler, tmp_path):
    doc = long_document(12, filler=filler)
    path = tmp_path / "keep.pdf"
    write_pdf(doc, chart_images(doc, tmp_path), path)
    pages = read_pages(path)
    blocks = doc.blocks
    for i, b in enumerate(blocks[:-1]):
        if isinstance(b, Heading):
            nxt = next(x for x in blocks[i + 1:] if isinstance(x, Paragraph) and x.role == "body")
            assert _page_of(pages, b.text.plain) == _page_of(pages, nxt.text.plain[:12], _page_of(pages, b.text.plain))


@pytest.mark.parametrize("filler", range(4, 12))
def test_kpi_cards_are_never_split(filler, tmp_path):
    doc = long_document(0, filler=filler)
    path = tmp_path / "kpi.pdf"
    write_pdf(doc, chart_images(doc, tmp_path), path)
    pages = read_pages(path)
    row = next(b for b in doc.blocks if isinstance(b, KpiRow))
    on = {p.index for k in row.items for p in pages if squash(k.value.text) in squash(p.text)}
    assert len(on) == 1


def test_long_table_repeats_its_header_on_every_page(tmp_path):
    doc = long_document(0, rows=90)
    path = tmp_path / "table.pdf"
    write_pdf(doc, chart_images(doc, tmp_path), path)
    pages = [p for p in read_pages(path) if "27.63億元" in squash(p.text)]
    assert len(pages) >= 2
    for page in pages:
        assert squash(page.text).count("拠出額（億円）") == 1


def test_numbers_are_right_aligned_in_their_column(built):
    page = next(p for p in read_pages(built) if "414.45" in p.text)
    text = "".join(ch for ch, _ in page.chars)
    ends = []
    for figure in ("414.45億円", "88.95億円"):
        last = text.index(figure) + len(figure) - 1
        ends.append(page.chars[last][1][2])
    assert abs(ends[0] - ends[1]) < 0.5


def test_list_numbers_hang_in_a_column_apart_from_the_text(built, factory_doc):
    page = read_pages(built)[0]
    text = "".join(ch for ch, _ in page.chars)
    lefts, number_rights = [], []
    for n, item in (("1.", "一つ目"), ("2.", "二つ目")):
        at = text.index(n + item)
        number_rights.append(page.chars[at + 1][1][2])
        lefts.append(page.chars[at + 2][1][0])
    assert abs(lefts[0] - lefts[1]) < 0.3 and abs(number_rights[0] - number_rights[1]) < 0.3
    assert lefts[0] - number_rights[0] >= 4.0


@pytest.mark.parametrize("size, width_mm", [("A4", 210), ("B5", 182), ("ISO-B5", 176), ("Letter", 215.9)])
def test_page_size_comes_from_the_theme(size, width_mm, factory_doc, charts, tmp_path):
    doc = dataclasses.replace(factory_doc, theme=dataclasses.replace(factory_doc.theme, page_size=size))
    path = tmp_path / f"{size}.pdf"
    write_pdf(doc, charts, path)
    box = PdfReader(path).pages[0].mediabox
    assert abs(float(box.width) - width_mm * mm) < 0.5
    g = page_geometry(doc.theme)
    for page in read_pages(path):
        assert not stray_chars(page, g), (size, page.index)


def test_a_list_item_longer_than_a_page_splits_and_keeps_hanging(factory_doc, charts, tmp_path):
    from factories import ref
    from pdfcheck import BODY
    from reportgen.model import ListBlock, ListItem, RichText

    item = ListBlock("numbered", (ListItem(RichText.of(BODY * 25), ref("content", "L1"), 1),), ref("content", "L1"))
    doc = dataclasses.replace(factory_doc, blocks=(item,))
    path = tmp_path / "item.pdf"
    write_pdf(doc, charts, path)
    pages = read_pages(path)
    g = page_geometry(doc.theme)
    assert len(pages) >= 2
    assert squash("".join(p.text_in(g.bottom, g.top) for p in pages)).count(squash(BODY)) == 25
    hang = min(b[0] for _, b in pages[1].chars if g.bottom <= b[1] and b[3] <= g.top)
    assert hang > g.left + 8  # continued lines still hang right of the number column


def test_kpi_figure_is_large_with_its_unit_smaller_on_the_same_baseline(built):
    page = read_pages(built)[0]
    text = "".join(ch for ch, _ in page.chars)
    at = text.index("33.56億元拠出総額")
    digit, unit, label = page.chars[at][1], page.chars[at + 5][1], page.chars[at + 7][1]
    assert 1.6 < (digit[3] - digit[1]) / (unit[3] - unit[1]) < 2.6    # ~22 pt against ~11 pt
    assert abs(digit[1] - unit[1]) < 1.0                              # one baseline
    assert label[3] < unit[1] and abs(label[0] - digit[0]) < 2.0      # label under, flush left


def test_a_heading_longer_than_a_page_is_reported_with_its_cell(factory_doc, charts, tmp_path):
    from factories import ref
    from pdfcheck import BODY
    from reportgen.diagnostics import ReportError
    from reportgen.model import RichText

    heading = Heading(2, RichText.of(BODY * 40), ref("content", "B42"))
    doc = dataclasses.replace(factory_doc, blocks=(heading,))
    with pytest.raises(ReportError) as err:
        write_pdf(doc, charts, tmp_path / "huge.pdf")
    assert str(err.value.diagnostics[0]).startswith("content!B42: ")
    assert not (tmp_path / "huge.pdf").exists()


ROWS = ("アリババグループ27.63億元414.45億円", "アントグループ5.93億元88.95億円")


def _table_rows_per_page(doc, tmp_path) -> list[int]:
    path = tmp_path / "rows.pdf"
    write_pdf(doc, chart_images(doc, tmp_path), path)
    counts = [sum(squash(p.text).count(r) for r in ROWS) for p in read_pages(path)]
    return [c for c in counts if c]


@pytest.mark.parametrize("filler", range(6, 14))
def test_a_short_table_is_never_split(filler, tmp_path):
    assert _table_rows_per_page(long_document(0, filler=filler, rows=7), tmp_path) == [7]


@pytest.mark.parametrize("filler", range(0, 12, 3))
def test_a_long_table_leaves_at_least_three_rows_on_each_page(filler, tmp_path):
    rows = _table_rows_per_page(long_document(0, filler=filler, rows=90), tmp_path)
    assert len(rows) >= 2 and sum(rows) == 90 and min(rows) >= 3
