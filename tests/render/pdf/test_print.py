"""The print variant: 3 mm bleed, trim and bleed boxes, header band into the bleed,
crop marks (トンボ) outside the bleed at the trim corners."""

from __future__ import annotations

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from pdfcheck import read_pages

SLUG = 10 * mm
BLEED = 3 * mm


def _box(box) -> tuple[float, ...]:
    return tuple(round(float(v), 2) for v in (box.left, box.bottom, box.right, box.top))


def test_media_grows_and_boxes_mark_trim_and_bleed(built_bleed):
    o = BLEED + SLUG
    for page in PdfReader(built_bleed).pages:
        assert abs(float(page.mediabox.width) - (A4[0] + 2 * o)) < 0.01
        assert abs(float(page.mediabox.height) - (A4[1] + 2 * o)) < 0.01
        assert _box(page.trimbox) == tuple(round(v, 2) for v in (o, o, o + A4[0], o + A4[1]))
        assert _box(page.bleedbox) == tuple(round(v, 2) for v in (SLUG, SLUG, SLUG + A4[0] + 2 * BLEED,
                                                                  SLUG + A4[1] + 2 * BLEED))


def test_header_band_reaches_into_the_bleed(built_bleed):
    first = read_pages(built_bleed)[0]
    wide = [b for _, b in first.objects if b[2] - b[0] >= A4[0] + 2 * BLEED - 0.5]
    assert wide, "no band across the bleed"
    band = max(wide, key=lambda b: b[3])
    assert abs(band[0] - SLUG) < 0.5 and abs(band[3] - (SLUG + A4[1] + 2 * BLEED)) < 0.5


def test_crop_marks_sit_outside_the_bleed_at_every_corner(built_bleed):
    for page in read_pages(built_bleed):
        w, h = page.size
        outside = [b for _, b in page.objects if b[2] <= SLUG + 0.5 or b[0] >= w - SLUG - 0.5
                   or b[3] <= SLUG + 0.5 or b[1] >= h - SLUG - 0.5]
        for cx, cy in ((0, 0), (w, 0), (0, h), (w, h)):
            near = [b for b in outside if abs((b[0] + b[2]) / 2 - cx) < SLUG * 2 and abs((b[1] + b[3]) / 2 - cy) < SLUG * 2]
            assert near, f"no crop mark near corner {(cx, cy)} on page {page.index + 1}"


def test_text_sits_at_the_same_place_on_the_trimmed_page(built, built_bleed):
    plain, bled = read_pages(built)[0], read_pages(built_bleed)[0]
    o = BLEED + SLUG
    (ch, a), (_, b) = plain.chars[0], bled.chars[0]
    assert abs(a[0] + o - b[0]) < 0.01 and abs(a[1] + o - b[1]) < 0.01, ch
