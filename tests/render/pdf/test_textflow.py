"""JaParagraph in a built PDF, read back with pypdfium2 and pypdf: inline runs (bold,
colour, link, superscript, fallback font), embedded fonts, and splitting across frames
with orphan and widow control."""

from __future__ import annotations

import ctypes
import io

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from pypdf import PdfReader
from reportlab.platypus import SimpleDocTemplate, Spacer

from reportgen.model import RichText, Span, Theme
from reportgen.render.pdf.fonts import register_fonts
from reportgen.render.pdf.textflow import JaParagraph, TextStyle, height_for, rest_of

STYLE = TextStyle(size=10, leading=17, color="#1A1A1A", link_color="#1F3A5F")
URL = "https://example.com/wuhan"
RICH = RichText((
    Span("ツァイニャオ（菜"), Span("鸟"), Span("）は"), Span("300機", bold=True),
    Span("以上を使った"), Span("*", superscript=True), Span("。詳しくは"),
    Span("武漢への支援", link=URL), Span("を参照。"), Span("赤字", color="#CC0000"),
))
BODY = "アリババグループは中小企業の事業回復を支援するため、多くの取り組みを実施してきました。" * 3


@pytest.fixture(scope="module")
def fonts():
    return register_fonts(Theme())


def build(story, fonts, height: float = 400) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=(300, height), leftMargin=20, rightMargin=20,
                            topMargin=20, bottomMargin=20, initialFontName=fonts.regular,
                            invariant=1)
    doc.build(story)
    return buf.getvalue()


def chars(data: bytes, page: int = 0) -> list[dict]:
    """Every drawn character with its font name, size, fill colour and loose box."""
    pdf = pdfium.PdfDocument(data)
    tp = pdf[page].get_textpage()
    out = []
    for i in range(tp.count_chars()):
        if raw.FPDFText_IsGenerated(tp.raw, i):
            continue
        buf = ctypes.create_string_buffer(256)
        raw.FPDFText_GetFontInfo(tp.raw, i, buf, 256, None)
        r, g, b, a = (ctypes.c_uint() for _ in range(4))
        raw.FPDFText_GetFillColor(tp.raw, i, r, g, b, a)
        out.append({
            "ch": chr(raw.FPDFText_GetUnicode(tp.raw, i)), "font": buf.value.decode(),
            "size": raw.FPDFText_GetFontSize(tp.raw, i), "rgb": (r.value, g.value, b.value),
            "box": tp.get_charbox(i, loose=True),
        })
    return out


def lines_per_page(data: bytes) -> list[int]:
    counts = []
    for page in range(len(pdfium.PdfDocument(data))):
        bottoms = {round(c["box"][1]) for c in chars(data, page) if c["size"] >= STYLE.size}
        counts.append(len(bottoms))
    return counts


def test_inline_runs_are_drawn_in_their_own_font_size_and_colour(fonts):
    got = chars(build([JaParagraph(RICH, STYLE, fonts)], fonts))
    assert "".join(c["ch"] for c in got) == RICH.plain
    by_char = {c["ch"]: c for c in got}
    assert "DroidSansFallback" in by_char["鸟"]["font"]
    assert "BIZUDPGothic-Regular" in by_char["菜"]["font"]
    assert all("Bold" in by_char[ch]["font"] for ch in "300機")
    assert by_char["武"]["rgb"] == (0x1F, 0x3A, 0x5F)
    assert by_char["赤"]["rgb"] == (0xCC, 0, 0)
    assert by_char["以"]["rgb"] == (0x1A, 0x1A, 0x1A)
    star, neighbour = by_char["*"], by_char["た"]
    assert star["size"] == pytest.approx(6.0, abs=0.01)
    assert star["box"][1] > neighbour["box"][1] + 2


def test_links_become_clickable_annotations_over_their_text(fonts):
    data = build([JaParagraph(RICH, STYLE, fonts)], fonts)
    page = PdfReader(io.BytesIO(data)).pages[0]
    links = [a.get_object() for a in page["/Annots"]]
    assert [l["/A"]["/URI"] for l in links] == [URL, URL]  # the link crosses a line end
    rects = [[float(v) for v in link["/Rect"]] for link in links]

    def covered(box) -> bool:
        return any(x1 - 0.5 <= box[0] and box[2] <= x2 + 0.5 and y1 - 1 <= box[1] <= y2
                   for x1, y1, x2, y2 in rects)

    got = chars(data)
    assert [c["ch"] for c in got if covered(c["box"])] == list("武漢への支援")


def test_every_font_is_embedded_and_no_standard_font_appears(fonts):
    reader = PdfReader(io.BytesIO(build([JaParagraph(RICH, STYLE, fonts)], fonts)))
    found = []
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            found.append(str(font["/BaseFont"]))
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]
    assert found and not any("Helvetica" in name for name in found)


def test_height_follows_the_composed_lines(fonts):
    para = JaParagraph(RichText.of(BODY), STYLE, fonts)
    _, height = para.wrap(200, 1000)
    assert height == height_for(RichText.of(BODY), STYLE, fonts, 200)
    assert height == len(para.lines_for(200)) * STYLE.leading > 4 * STYLE.leading


def test_split_keeps_at_least_two_lines_on_each_side(fonts):
    para = JaParagraph(RichText.of(BODY), STYLE, fonts)
    n = len(para.lines_for(200))
    assert para.split(200, STYLE.leading * 1.9) == []
    head, tail = para.split(200, STYLE.leading * (n - 1))
    assert len(head.lines_for(200)) == n - 2
    assert len(tail.lines_for(200)) == 2
    joined = "".join(l.text for l in head.lines_for(200) + tail.lines_for(200))
    assert joined == BODY


def test_a_paragraph_never_leaves_a_single_line_at_a_page_bottom_or_top(fonts):
    body = RichText.of(BODY)
    n = len(JaParagraph(body, STYLE, fonts).lines_for(300 - 40 - 12))  # frame padding 6
    frame = 400 - 40
    for room in (1, n - 1):  # one line of room: move; n-1 lines: split n-2 / 2
        spacer = Spacer(0, frame - room * STYLE.leading - 1)
        data = build([spacer, JaParagraph(body, STYLE, fonts)], fonts)
        counts = lines_per_page(data)
        assert len(counts) == 2 and all(c == 0 or c >= 2 for c in counts), counts
        assert sum(counts) == n


def test_rest_of_keeps_span_styles():
    rest = rest_of(RICH, RICH.plain.index("300"))
    assert rest.spans[0] == Span("300機", bold=True)
    assert rest.plain == RICH.plain[RICH.plain.index("300"):]


def test_same_input_same_bytes(fonts):
    story = lambda: [JaParagraph(RICH, STYLE, fonts), JaParagraph(RichText.of(BODY), STYLE, fonts)]
    assert build(story(), fonts) == build(story(), fonts)


def test_a_paragraph_that_fits_is_not_split(fonts):
    para = JaParagraph(RichText.of(BODY), STYLE, fonts)
    n = len(para.lines_for(200))
    assert para.split(200, STYLE.leading * n) == [para]
