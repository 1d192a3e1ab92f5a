"""Page layout read back: margins, overlaps, headings kept with what follows, unsplit
cards, repeated table headers, aligned numbers, page sizes."""

from __future__ import annotations

import dataclasses
from itertools import combinations

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from pdfcheck import chart_images, long_document, read_pages, squash
from reportgen.model import Heading, KpiRow, Paragraph
from reportgen.render.pdf import write_pdf
from reportgen.render.pdf.geometry import page_geometry

TOL = 0.6


def _inside_x(box, g, tol: float = TOL) -> bool:
    return g.left - tol <= box[0] and box[2] <= g.right + tol


def test_text_stays_in_the_text_column_header_and_footer_zones(built, factory_doc):
    g = page_geometry(factory_doc.theme)
    trim_top = g.trim_height
    for page in read_pages(built):
        for ch, box in page.chars:
            assert _inside_x(box, g), (page.index, ch, box)
            top_zone = box[1] >= (g.band_bottom if page.index == 0 else g.top) - TOL
            assert box[1] >= 5 * mm and box[3] <= trim_top - 5 * mm, (page.index, ch, box)
            in_frame = box[1] >= g.bottom - TOL and box[3] <= (g.first_top if page.index == 0 else g.top) + TOL
            in_footer = box[3] <= g.bottom - 3 * mm
            assert in_frame or in_footer or top_zone, (page.index, ch, box)


def test_graphics_stay_in_the_margins_except_the_header_band(built, factory_doc):
    g = page_geometry(factory_doc.theme)
    for page in read_pages(built):
        for kind, box in page.objects:
            in_band = page.index == 0 and box[1] >= g.band_bottom - 2
            # pdfium's bounds of a stroked path grow by the line width (at most 1 pt here)
            assert in_band or _inside_x(box, g, 1.0), (page.index, kind, box)
            assert in_band or 5 * mm <= box[1] and box[3] <= g.trim_height - 5 * mm, (page.index, box)


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


@pytest.mark.parametrize("sections", [14])
def test_no_two_text_runs_overlap(sections, tmp_path):
    doc = long_document(sections, rows=8)
    path = tmp_path / "long.pdf"
    write_pdf(doc, chart_images(doc, tmp_path), path)
    for page in read_pages(path):
        for a, b in combinations(page.rects, 2):
            assert _overlap(a, b) < 1.0, (page.index, a, b)


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


@pytest.mark.parametrize("size, width_mm", [("A4", 210), ("B5", 176), ("Letter", 215.9)])
def test_page_size_comes_from_the_theme(size, width_mm, factory_doc, charts, tmp_path):
    doc = dataclasses.replace(factory_doc, theme=dataclasses.replace(factory_doc.theme, page_size=size))
    path = tmp_path / f"{size}.pdf"
    write_pdf(doc, charts, path)
    box = PdfReader(path).pages[0].mediabox
    assert abs(float(box.width) - width_mm * mm) < 0.5
    g = page_geometry(doc.theme)
    for page in read_pages(path):
        assert all(_inside_x(b, g) for _, b in page.chars)
