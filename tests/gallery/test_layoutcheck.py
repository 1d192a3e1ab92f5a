"""The layout checks on small PDFs drawn with reportlab, each with and without the defect
it looks for: a check that cannot fail would pass every gallery workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

import layoutcheck as lc

FONT = Path(__file__).resolve().parents[2] / "assets" / "fonts" / "BIZUDPGothic-Regular.ttf"
MARGINS = lc.Margins(18 * mm, 18 * mm, 15 * mm, 15 * mm)
W, H = A4
LEFT, RIGHT, TOP = 15 * mm, W - 15 * mm, H - 18 * mm  # reportlab's y grows upwards


def draw(tmp_path: Path, *pages, outline=()) -> lc.Pdf:
    """Each page is a function of the canvas; `outline` is (title, level, page index)."""
    if "Gothic" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Gothic", str(FONT)))
    path = tmp_path / "t.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    for i, page in enumerate(pages):
        c.setFont("Gothic", 10)
        page(c)
        for n, (title, level, on) in enumerate(outline):
            if on == i:
                c.bookmarkPage(f"b{n}")
                c.addOutlineEntry(title, f"b{n}", level)
        c.showPage()
    c.save()
    return lc.read_pdf(path)


def lines_at(*texts: str, x: float = LEFT, y: float = TOP - 20, pitch: float = 17, size: float = 10):
    def page(c: Canvas):
        c.setFont("Gothic", size)
        for i, t in enumerate(texts):
            c.drawString(x, y - i * pitch, t)
    return page


# ---------------------------------------------------------------------- line breaks
@pytest.mark.parametrize("tail, head, what", [
    ("合計1,445,609,43", "0円を拠出", "number"),
    ("前年比12.3", "%の増加", "number"),
    ("増減は+", "3.6%", "number"),
    ("前年比 -", "4.2%", "number"),
    ("2020", "年度の実績", "date"),
    ("令和6年", "度の予算", "date"),
    ("20", "20年", "number"),
    ("https://example.jp/specificati", "ons/download", "Latin word"),
    ("Hyperion X-200", "0 Ultra", "number"),
    ("Hyperion X-2000 Ul", "tra", "Latin word"),
    ("Business", "Overview", "Latin word"),
])
def test_a_split_token_is_named(tail, head, what):
    assert lc.split_token(tail, head) == what


def test_a_hyphen_added_inside_a_word_is_a_break_inside_it():
    source = "long words like electroencephalography and t-CO2"
    assert lc.split_token("like electroen-", "cephalography", lc._spaces(source)) == "Latin word"
    assert lc.split_token("698,000t-", "CO2", lc._spaces(source)) is None


@pytest.mark.parametrize("tail, head, source", [
    ("Business", "Overview", "Business Overview and Product"),  # a space in the source
    ("2020年", "12月8日", ""),  # between the parts of a kanji date
    ("2022/6/30", "18,447", ""),  # a legend's date over its value
    ("142.08", "121.40", ""),  # two figures
    ("1,234,567,890", "円", ""),  # a unit may start a line (JLREQ allows it)
    ("のため", "です", ""),
    ("total ", "1,000", ""),  # a break at a space
    ("698,000t-", "CO2", ""),  # after a hyphen
    ("Hyperion X-", "2000", ""),
])
def test_allowed_breaks_are_not_named(tail, head, source):
    assert lc.split_token(tail, head, source) is None


def test_a_number_broken_across_body_lines_is_found(tmp_path):
    pdf = draw(tmp_path, lines_at("拠出総額は合計で1,445,609,43", "0円となりました。"))
    found = lc.line_breaks(pdf)
    assert [(v.page, v.text) for v in found] == [(1, "計で1,445,609,43|0円となりました。")]
    assert "number" in found[0].detail


def test_a_word_broken_after_a_first_line_indent_is_found(tmp_path):
    pdf = draw(tmp_path, lambda c: (lines_at("Connect and Creat", x=LEFT + 10)(c),
                                    lines_at("e the future", y=TOP - 37)(c)))
    assert [v.text for v in lc.line_breaks(pdf)] == ["nect and Creat|e the future"]


def test_lines_of_different_blocks_are_not_a_break(tmp_path):
    def page(c: Canvas):
        c.setFont("Gothic", 8)
        for r, (name, amount) in enumerate([("会費", "12"), ("寄付金", "86"), ("助成金", "150")]):
            c.drawString(LEFT + 3, TOP - 20 - r * 14, name)  # a table: left text, right-aligned figures
            c.drawRightString(RIGHT - 3, TOP - 20 - r * 14, amount)
        c.drawString(LEFT, TOP - 200, "2022")  # a label far from the next one
        c.drawString(LEFT + 200, TOP - 214, "年度")
    assert lc.line_breaks(draw(tmp_path, page)) == []


def test_a_right_aligned_cell_wrapped_inside_a_figure_is_found(tmp_path):
    def page(c: Canvas):
        c.setFont("Gothic", 8)
        c.drawRightString(RIGHT - 3, TOP - 20, "2,376,00")
        c.drawRightString(RIGHT - 3, TOP - 32, "0")
    assert [v.text for v in lc.line_breaks(draw(tmp_path, page))] == ["2,376,00|0"]


# ---------------------------------------------------------------------- overlaps
def test_glyphs_drawn_over_each_other_are_found(tmp_path):
    def page(c: Canvas):
        c.drawString(LEFT, TOP - 40, "2021/6/30")
        c.drawString(LEFT + 20, TOP - 40, "2021/9/30")
    found = lc.overlaps(draw(tmp_path, page))
    assert found and all(v.page == 1 for v in found)
    assert "2021/6/30" in found[0].detail


def test_text_set_side_by_side_does_not_overlap(tmp_path):
    pdf = draw(tmp_path, lines_at("拠出総額は合計で1,445,609,430円となりました。", "次の行 Overview"))
    assert lc.overlaps(pdf) == []


# ---------------------------------------------------------------------- margins
def test_text_and_shapes_past_a_margin_are_found(tmp_path):
    def page(c: Canvas):
        c.drawString(5 * mm, H / 2, "凡例：国内向け")  # a legend in the left margin
        c.rect(LEFT, 10 * mm, 50, 40, fill=1)  # a table running into the bottom margin
    found = lc.margins(draw(tmp_path, page), MARGINS)
    assert sorted(v.detail.split(" (")[0] for v in found) == ["path outside the margins", "text outside the margins"]
    assert any(v.text.startswith("凡例") for v in found)


def test_header_footer_bleed_and_crop_marks_are_allowed(tmp_path):
    def page(c: Canvas):
        c.setTrimBox((10, 10, W - 10, H - 10))
        c.rect(0, H - 60, W, 60, fill=1)  # a header band to the (bleed) edge
        c.drawString(LEFT, H - 25, "みどり市 財政部")  # running header in the top margin
        c.drawRightString(RIGHT, 25, "1 / 4")  # footer
        c.line(0, 10, 8, 10)  # a crop mark outside the trim box
        c.drawString(LEFT, TOP - 100, "本文")
    trimmed = lc.Margins(18 * mm - 10, 18 * mm - 10, 15 * mm - 10, 15 * mm - 10)
    assert lc.margins(draw(tmp_path, page), trimmed) == []


# ---------------------------------------------------------------------- justification
def test_a_justified_line_with_wide_gaps_is_found(tmp_path):
    def page(c: Canvas):
        words = ["本", "文", "の", "行"]
        step = (RIGHT - LEFT - 10) / 3
        for i, w in enumerate(words):
            c.drawString(LEFT + i * step, TOP - 20, w)
    found = lc.justified_gaps(draw(tmp_path, page), MARGINS)
    assert len(found) == 3 and "em gap" in found[0].detail


def test_a_normally_set_full_line_passes(tmp_path):
    def page(c: Canvas):
        text = "あ" * 48
        width = pdfmetrics.stringWidth(text, "Gothic", 10)
        c.setFont("Gothic", 10)
        t = c.beginText(LEFT, TOP - 20)
        t.setCharSpace((RIGHT - LEFT - width) / (len(text) - 1))  # justified by 0.1 em
        t.textOut(text)
        c.drawText(t)
    assert lc.justified_gaps(draw(tmp_path, page), MARGINS) == []


# ---------------------------------------------------------------------- outline
HEADINGS = [lc.Heading(0, "第1部"), lc.Heading(1, "はじめに"), lc.Heading(2, "医療"), lc.Heading(3, "アリヘルス"),
            lc.Heading(2, "生活"), lc.Heading(1, "おわりに")]


def test_an_outline_with_the_headings_shape_passes(tmp_path):
    shape = [("第1部", 0, 0), ("はじめに", 1, 0), ("医療", 2, 0), ("アリヘルス", 3, 0), ("生活", 2, 0),
             ("おわりに", 1, 0)]
    assert lc.outline(draw(tmp_path, lines_at("x"), outline=shape), HEADINGS) == []


def test_a_bookmark_under_the_wrong_parent_or_missing_is_found(tmp_path):
    shape = [("第1部", 0, 0), ("はじめに", 1, 0), ("医療", 2, 0), ("生活", 3, 0), ("おわりに", 1, 0)]
    found = lc.outline(draw(tmp_path, lines_at("x"), outline=shape), HEADINGS)
    assert [(v.text, v.detail) for v in found] == [
        ("アリヘルス", "heading has no bookmark"),
        ("生活", "bookmark under «医療», expected under «はじめに»"),
    ]


# ---------------------------------------------------------------------- page fill
def test_a_short_page_is_listed_unless_the_next_opens_a_part_or_a_pagebreak(tmp_path):
    short = lines_at("短いページ")
    pdf = draw(tmp_path, short, lines_at("第2部 サステナビリティ", *["本文"] * 40), short)
    found = lc.page_fill(pdf, MARGINS, [])
    assert [(v.page, v.text) for v in found] == [(1, "第2部サステナビリティ本文本文本文")]  # the last page is exempt
    assert "uses 3% of its body" in found[0].detail
    assert lc.page_fill(pdf, MARGINS, [lc.PageStart("a part starts on a new page", "第2部 サステナビリティ")]) == []


def test_a_full_page_passes(tmp_path):
    def full(c: Canvas):
        lines_at(*["本文の行"] * 40)(c)
    assert lc.page_fill(draw(tmp_path, full, full), MARGINS, []) == []


def test_repeated_titles_are_matched_in_order(tmp_path):
    headings = [lc.Heading(2, "医療"), lc.Heading(3, "フーマー"), lc.Heading(2, "生活"), lc.Heading(3, "フーマー")]
    right = [("医療", 0, 0), ("フーマー", 1, 0), ("生活", 0, 0), ("フーマー", 1, 0)]
    assert lc.outline(draw(tmp_path, lines_at("x"), outline=right), headings) == []
    short = [("医療", 0, 0), ("フーマー", 1, 0), ("生活", 0, 0)]
    found = lc.outline(draw(tmp_path, lines_at("x"), outline=short), headings)
    assert [(v.text, v.detail) for v in found] == [("フーマー", "heading has no bookmark")]
