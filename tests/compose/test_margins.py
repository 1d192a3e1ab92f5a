"""The footer and the running header never leave the margins: a long source note is set
smaller or shortened to one line (the full text in the PDF's metadata), with a located
warning naming the meta cell (issue 16)."""

from __future__ import annotations

import pypdfium2 as pdfium
from pypdf import PdfReader

from composekit import build
from wbfactory import META

LONG = ("出典：" + "架空市統計局「令和5年度 地域経済動向調査報告書（確定値）」、" * 4
        + "https://www.example.jp/statistics/reports/2024/regional-economy/final-report/specifications.html")


def _meta(note: str):
    return [*META, ("source_note", note)]


def _footer_baselines(path) -> list[list[int]]:
    """The distinct baselines of the characters under the body of each page (the footer)."""
    pdf = pdfium.PdfDocument(str(path))
    out = []
    for page in pdf:
        tp = page.get_textpage()
        boxes = [tp.get_charbox(i) for i in range(tp.count_chars()) if tp.get_text_range(i, 1).strip()]
        out.append(sorted({round(b[1]) for b in boxes if b[3] < 18 * 72 / 25.4}))
    return out


def test_a_long_source_note_is_shortened_to_one_line_with_a_located_warning(tmp_path):
    out, found = build(tmp_path, [("section", "概要"), ("paragraph", "本文。")], meta=_meta(LONG))
    shortened = [w for w in found if "source note shortened" in w]
    assert len(shortened) == 1 and shortened[0].startswith(f"meta!B{len(META) + 1}: ")
    reader = PdfReader(out["pdf"])
    assert reader.metadata["/Source"] == LONG
    for ys in _footer_baselines(out["pdf"]):
        assert ys and ys[-1] - ys[0] < 7  # one line (a second would sit 7 pt or more lower)
    text = reader.pages[0].extract_text()
    assert "…" in text and "specifications.html" not in text


def test_a_slightly_long_note_is_set_smaller_instead(tmp_path):
    note = ("出典：" + "架空市統計局「地域経済動向調査」" * 4)[:68]  # over one line at 7 pt, not at 6 pt
    out, found = build(tmp_path, [("section", "概要")], meta=_meta(note))
    assert any("source note set at" in w for w in found), found
    assert note.replace(" ", "") in PdfReader(out["pdf"]).pages[0].extract_text().replace(" ", "").replace("\n", "")


def test_a_note_that_fits_raises_nothing(tmp_path):
    _, found = build(tmp_path, [("section", "概要")], meta=_meta("出典：架空市統計局"))
    assert not [w for w in found if "source note" in w]


def _header_baselines(path) -> list[list[int]]:
    """The distinct baselines of the characters above the body of each page after the first."""
    pdf = pdfium.PdfDocument(str(path))
    out = []
    for page in list(pdf)[1:]:
        tp = page.get_textpage()
        top = page.get_height() - 18 * 72 / 25.4
        boxes = [tp.get_charbox(i) for i in range(tp.count_chars()) if tp.get_text_range(i, 1).strip()]
        out.append(sorted({round(b[1]) for b in boxes if b[1] > top}))
    return out


def test_a_running_header_of_mixed_scripts_stays_on_one_line(tmp_path):
    """Measured as the composer sets it: the space it adds between figures or Latin and
    Japanese (`2023 年度`) counts, so the header never wraps onto the rule (issue 16)."""
    meta = [("title", "こども食堂ひだまり 2023年度 活動報告"), ("organisation", "NPO法人 ひだまりネット"),
            *META[2:], ("theme.page_size", "B5"), ("theme.margin_left", 25), ("theme.margin_right", 25)]
    rows = [("section", "概要"), *[("paragraph", "本文の段落です。" * 40)] * 8]
    out, found = build(tmp_path, rows, meta=meta)
    pages = _header_baselines(out["pdf"])
    assert pages and all(ys and ys[-1] - ys[0] < 5 for ys in pages), pages
    assert [w for w in found if "running header" in w][0].startswith("meta!B1: running header"), found
