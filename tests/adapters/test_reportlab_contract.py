"""Contract of reportgen.adapters.reportlab: the reportlab internals it relies on still
behave as the installed, tested reportlab (4-5) does. A failure here after an upgrade
names the private part that changed: adapt reportgen/adapters/reportlab.py (and only
it), then widen the bound in pyproject.toml."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table
from reportlab.platypus.frames import Frame

from reportgen.adapters import reportlab as rl

FONT = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "BIZUDGothic-Regular.ttf"


@pytest.fixture(scope="module")
def face() -> TTFontFace:
    return TTFontFace(str(FONT))


def test_a_saved_face_comes_back_as_parsed(face):
    state = rl.face_state(face)
    back = rl.face_from_state(state, FONT, FONT.read_bytes())
    assert back is not None
    assert set(vars(back)) == set(vars(face)), \
        f"reportlab changed: TTFontFace attributes {sorted(set(vars(face)) ^ set(vars(back)))}"
    for name, value in vars(face).items():
        if name != "_pdfScale":
            assert getattr(back, name) == value, f"reportlab changed: TTFontFace.{name} does not round-trip"
    assert back._pdfScale(700) == face._pdfScale(700), "reportlab changed: TTFontFace._pdfScale"
    assert rl.face_from_state({"charToGlyph": None}, FONT, b"") is None


def test_a_font_around_a_face_is_what_ttfont_makes(face):
    theirs, ours = TTFont("Theirs", str(FONT)), rl.font_around("Ours", face)
    assert set(vars(ours)) == set(vars(theirs)), \
        f"reportlab changed: TTFont attributes {sorted(set(vars(theirs)) ^ set(vars(ours)))}"
    assert ours.stringWidth("日本語 abc", 9) == theirs.stringWidth("日本語 abc", 9)


def test_the_fonts_draw_the_same_pdf(face):
    def pdf(font: TTFont) -> bytes:
        pdfmetrics.registerFont(font)
        out = io.BytesIO()
        canvas = Canvas(out, invariant=1)
        canvas.setFont(font.fontName, 12)
        canvas.drawString(72, 720, "事実シート 2024")
        canvas.save()
        return out.getvalue().replace(font.fontName.encode(), b"F")

    assert pdf(rl.font_around("ContractOurs", face)) == pdf(TTFont("ContractTheirs", str(FONT))), \
        "reportlab changed: a TTFont around a restored face subsets differently"


def test_a_canvas_gives_its_document():
    assert isinstance(rl.canvas_document(Canvas(io.BytesIO())), PDFDocument), "reportlab changed: Canvas._doc"


def test_the_room_left_in_a_frame_falls_as_flowables_are_added():
    canvas = Canvas(io.BytesIO())
    frame = Frame(0, 0, 200, 400, showBoundary=0)
    assert rl.frame_room(frame) == pytest.approx(1.0), "reportlab changed: Frame._y / _y1p / _aH"
    frame.add(Paragraph("text", ParagraphStyle("s", fontSize=10, leading=100)), canvas)
    assert 0.0 < rl.frame_room(frame) < 1.0, "reportlab changed: Frame._y / _y1p / _aH"


def test_a_tables_row_heights_are_known_once_wrapped():
    table = Table([["a"], ["b"]])
    table.wrap(100, 100)
    heights = rl.row_heights(table)
    assert heights is not None and len(heights) == 2 and all(h > 0 for h in heights), \
        "reportlab changed: Table._rowHeights"


def _pdf(source: str | None) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    canvas.setTitle("題")
    canvas.setDateFormatter(lambda *_: "D:20240401000000")
    if source is not None:
        rl.set_source_entry(canvas, source)
    canvas.drawString(72, 720, "x")
    canvas.save()
    return out.getvalue()


def test_the_document_information_gains_a_source_entry_and_keeps_the_rest():
    assert _pdf("") == _pdf(None), "reportlab changed: PDFInfo.format's entries (adapters.reportlab._Info)"
    assert b"/Source" in _pdf("出典: 総務省") and b"/Source" not in _pdf(None)


def test_a_flowable_moved_to_the_next_frame_is_marked():
    from reportlab.platypus import BaseDocTemplate, PageTemplate, Spacer

    first, second = Spacer(10, 60), Spacer(10, 60)
    doc = BaseDocTemplate(io.BytesIO(), pagesize=(200, 200))
    doc.addPageTemplates([PageTemplate("p", [Frame(0, 0, 200, 100, showBoundary=0)])])
    doc.build([first, second])
    assert not rl.postponed(first)
    assert rl.postponed(second), "reportlab changed: a flowable moved to the next frame is no longer marked _postponed"
