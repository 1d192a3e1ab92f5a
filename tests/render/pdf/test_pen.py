"""The pen: composed text written as PDF text operators, read back with pypdfium2 and
pypdf. One text object per pen, state operators only where they change, the fallback
font where the main font lacks a glyph, subsets assigned per document."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from reportgen.model import Theme
from reportgen.render.pdf.fonts import register_fonts
from reportgen.render.pdf.pen import Pen

INK = "#1A1A1A"


@pytest.fixture(scope="module")
def fonts():
    return register_fonts(Theme())


def page(fonts, shows: list[tuple]) -> bytes:
    """One page, one pen: each show is (x, y, text, bold, size, char_space, rise, color)."""
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(300, 200), invariant=1, initialFontName=fonts.regular)
    pen = Pen(canvas, fonts)
    for show in shows:
        pen.show(*show)
    pen.close()
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def operators(data: bytes) -> str:
    return PdfReader(io.BytesIO(data)).pages[0].get_contents().get_data().decode("latin-1")


def lines(data: bytes) -> list[str]:
    text = pdfium.PdfDocument(data)[0].get_textpage().get_text_range()
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_pieces_read_back_in_order_in_one_text_object(fonts):
    data = page(fonts, [(20, 150, "地域別の記録", False, 10, 0.0, 0.0, INK),
                        (20, 130, "12,345", False, 10, 0.0, 0.0, INK),
                        (20, 110, "合計", True, 10, 0.0, 0.0, INK)])
    assert lines(data) == ["地域別の記録", "12,345", "合計"]
    ops = operators(data)
    assert ops.count("BT") == 1 and ops.count("ET") == 1


def test_state_is_written_only_where_it_changes(fonts):
    same = [(20, 150 - 12 * i, f"{i}件", False, 9, 0.0, 0.0, INK) for i in range(5)]
    data = page(fonts, [*same, (20, 80, "赤字", False, 9, 0.5, 0.0, "#CC0000")])
    ops = operators(data)
    assert ops.count(" rg") == 2 and ops.count(" Tc") == 2 and ops.count(" Ts") == 1
    assert ops.count(" Tf") == 1    # one subset of one font at one size
    assert ops.count(" Tm") == 6


def test_a_character_the_main_font_lacks_is_drawn_with_the_fallback(fonts):
    data = page(fonts, [(20, 150, "菜鸟の物流", False, 10, 0.0, 0.0, INK)])
    assert lines(data) == ["菜鸟の物流"]
    pdf = pdfium.PdfDocument(data)
    text = pdf[0].get_textpage()
    names = {text.get_text_range(i, 1): _font(text, i) for i in range(text.count_chars())}
    assert names["鸟"] != names["菜"] and "Fallback" in names["鸟"]


def _font(text: pdfium.PdfTextPage, i: int) -> str:
    import ctypes

    import pypdfium2.raw as raw

    buf = ctypes.create_string_buffer(256)
    raw.FPDFText_GetFontInfo(text.raw, i, buf, 256, None)
    return buf.value.decode()


def test_each_document_assigns_its_own_subset_codes(fonts):
    first = page(fonts, [(20, 150, "東北", False, 10, 0.0, 0.0, INK), (20, 130, "関東", False, 10, 0.0, 0.0, INK)])
    second = page(fonts, [(20, 150, "関東", False, 10, 0.0, 0.0, INK)])
    assert lines(first) == ["東北", "関東"] and lines(second) == ["関東"]
