"""The workbook reader: every block type, value binding, and located errors."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from PIL import Image

from reportgen.diagnostics import ReportError, ReportWarning
from reportgen.model import (
    ChartBlock, ContactBox, ImageBlock, KpiRow, ListBlock, Note, PageBreak, TableBlock,
)
from reportgen.workbook import read_workbook
from wbfactory import CONTENT, META, VALUES, make_workbook

HEADER = CONTENT[0]


def errors(path) -> list[str]:
    with pytest.raises(ReportError) as exc:
        read_workbook(path)
    return [str(d) for d in exc.value.diagnostics]


def test_it_reads_every_block_type_in_order(tmp_path):
    Image.new("RGB", (40, 20), "red").save(tmp_path / "logo.png")
    content = [HEADER,
               ("part", "支援施策", None, "テスト株式会社"),
               ("chapter", "はじめに", None, "二度の感染症を経験"),
               ("section", "医療物資"),
               ("unit", "アリヘルス（阿里健康）"),
               ("headline", "約1万人の医師を支援"),
               ("lead", "リード文。"),
               ("paragraph", "本文。"),
               ("quote", "花開之時、更見燦爛"),
               ("highlight", "一つ目"), ("highlight", "二つ目"),
               ("bullet", "原文"),
               ("kpi", "拠出総額", "total"), ("kpi", "円換算", "total_jpy"),
               ("chart", None, "by_entity"),
               ("table", None, "contributions", "拠出主体別"),
               ("image", None, "logo.png", "ロゴ", "width=half"),
               ("note", "2020年3月31日時点", "*"),
               ("contact", "松沢 MAIL : a@example.com", None, "お問い合わせ先"), ("contact", "広報事務局"),
               ("pagebreak",)]
    values = VALUES + [("total_jpy", "=B2*CNY_JPY")]
    doc = read_workbook(make_workbook(tmp_path / "wb.xlsx", content=content, values=values,
                                      value_formats={"total": '#,##0.00"億元"', "total_jpy": '#,##0.00"億円"'}))
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Heading"] * 4 + ["Paragraph"] * 4 + ["ListBlock", "ListBlock", "KpiRow", "ChartBlock",
                                                           "TableBlock", "ImageBlock", "Note", "ContactBox", "PageBreak"]
    assert [b.level for b in doc.blocks[:4]] == [0, 1, 2, 3]
    assert doc.blocks[0].subtitle.plain == "テスト株式会社"
    assert [b.role for b in doc.blocks[4:8]] == ["headline", "lead", "body", "quote"]
    numbered, bullets = doc.blocks[8], doc.blocks[9]
    assert isinstance(numbered, ListBlock) and [i.number for i in numbered.items] == [1, 2]
    assert bullets.kind == "bullet"
    kpis = doc.blocks[10]
    assert isinstance(kpis, KpiRow) and [k.value.text for k in kpis.items] == ["33.56億元", "503.40億円"]
    assert isinstance(doc.blocks[11], ChartBlock) and doc.blocks[11].chart.series == ("拠出額（億元）",)
    assert isinstance(doc.blocks[12], TableBlock) and doc.blocks[12].table.rows[0][1].text == "27.63億元"
    image = doc.blocks[13]
    assert isinstance(image, ImageBlock) and image.path.name == "logo.png" and image.width == "half"
    assert isinstance(doc.blocks[14], Note) and doc.blocks[14].marker == "*"
    box = doc.blocks[15]
    assert isinstance(box, ContactBox) and box.title.plain == "お問い合わせ先" and len(box.lines) == 2
    assert any(s.link == "mailto:a@example.com" for s in box.lines[0].spans)
    assert isinstance(doc.blocks[16], PageBreak)
    assert str(doc.blocks[3].ref) == "content!B5"


def test_sentences_cite_values_in_their_number_format(tmp_path):
    content = [HEADER, ("paragraph", "合計 {total}（{total_jpy}）、内訳 {total:億万}、{{注}}")]
    values = VALUES + [("total_jpy", "=B2*CNY_JPY")]
    doc = read_workbook(make_workbook(tmp_path / "wb.xlsx", content=content, values=values,
                                      value_formats={"total": '#,##0.00"億元"', "total_jpy": '#,##0.00"億円"'}))
    assert doc.blocks[0].text.plain == "合計 33.56億元（503.40億円）、内訳 33億5,600万元、{注}"


def test_inline_markup_and_excel_rich_text_become_spans(tmp_path):
    rich = CellRichText("通常", TextBlock(InlineFont(b=True), "太字"), TextBlock(InlineFont(color="FFFF0000"), "赤"))
    content = [HEADER, ("paragraph", "**天猫**が拠出した[^*]。[決算](#)と[サイト](https://example.com)"),
               ("paragraph", rich)]
    doc = read_workbook(make_workbook(tmp_path / "wb.xlsx", content=content))
    spans = doc.blocks[0].text.spans
    assert (spans[0].text, spans[0].bold) == ("天猫", True)
    assert any(s.text == "*" and s.superscript for s in spans)
    assert "。決算と" in doc.blocks[0].text.plain and [s.text for s in spans if s.link] == ["サイト"]
    assert any(s.text == "サイト" and s.link == "https://example.com" for s in spans)
    rich_spans = doc.blocks[1].text.spans
    assert [(s.text, s.bold, s.color) for s in rich_spans] == [("通常", False, None), ("太字", True, None), ("赤", False, "#FF0000")]


def test_meta_sets_theme_and_rates(tmp_path):
    meta = META + [("theme.primary", "#ff6a00"), ("theme.body_size", 10), ("theme.page_size", "B5"),
                   ("keywords", "新型コロナ、中小企業支援"), ("doc_type", "ニュースリリース")]
    doc = read_workbook(make_workbook(tmp_path / "wb.xlsx", meta=meta))
    assert doc.theme.primary == "#FF6A00" and doc.theme.body_size == 10.0 and doc.theme.page_size == "B5"
    assert doc.meta.keywords == ("新型コロナ", "中小企業支援")
    assert doc.meta.rates["CNY_JPY"].raw == 15
    assert doc.meta.date == dt.date(2020, 5, 15) and doc.meta.author == "テスト株式会社"


def test_hidden_content_rows_are_skipped(tmp_path):
    content = [HEADER, ("paragraph", "見える"), ("paragraph", "下書き"), ("paragraph", "見える2")]

    def hide(wb):
        wb["content"].row_dimensions[3].hidden = True

    with pytest.warns(ReportWarning) as caught:
        doc = read_workbook(make_workbook(tmp_path / "wb.xlsx", content=content, edit=hide))
    assert [b.text.plain for b in doc.blocks] == ["見える", "見える2"]
    assert [str(w.message) for w in caught] == ["content: 1 hidden row(s) skipped (row 3); unhide them to build them"]


def test_an_empty_hidden_row_is_not_reported(tmp_path, recwarn):
    def hide(wb):
        wb["content"].row_dimensions[40].hidden = True

    read_workbook(make_workbook(tmp_path / "wb.xlsx", edit=hide))
    assert not [w for w in recwarn if isinstance(w.message, ReportWarning)]


@pytest.mark.parametrize("case, kwargs, expected", [
    ("unknown block", dict(content=[HEADER, ("figure", "x")]), "content!A2: unknown block type 'figure'"),
    ("missing title", dict(meta=[m for m in META if m[0] != "title"]), "meta: missing required key 'title'"),
    ("bad colour", dict(meta=META + [("theme.primary", "orange")]), "meta!B5: found 'orange', expected a colour"),
    ("unknown chart", dict(content=[HEADER, ("chart", None, "nope")]), "content!C2: no chart with id 'nope'"),
    ("unknown table", dict(content=[HEADER, ("table", None, "nope")]), "content!C2: no data sheet named 'nope'"),
    ("unknown value", dict(content=[HEADER, ("paragraph", "{nope}")]), "content!B2: {nope} names no row"),
    ("unknown kpi", dict(content=[HEADER, ("kpi", "x", "nope")]), "content!C2: no value named 'nope'"),
    ("unknown column", dict(charts=[("id", "type", "table", "category", "series", "title"),
                                    ("c", "bar", "contributions", "拠出主体", "額", "t")]), "charts!E2: no column '額'"),
    ("duplicate chart", dict(charts=[("id", "type", "table", "category", "series", "title"),
                                     ("c", "bar", "contributions", "拠出主体", "拠出額（億元）", "t"),
                                     ("c", "pie", "contributions", "拠出主体", "拠出額（億元）", "t")]),
     "charts!A3: duplicate chart id 'c'"),
    ("text in number column", dict(tables={"contributions": [("拠出主体", "額"), ("a", 1.5), ("b", "多い")]},
                                   charts=False), "contributions!B3: found text '多い' in number column '額'"),
    ("error value", dict(values=VALUES + [("bad", "=1/0")]), "values!B3: formula =1/0"),
    ("missing glyph", dict(content=[HEADER, ("paragraph", "絵文字😀")]), "content!B2: character '😀' (U+1F600"),
    ("control char", dict(content=[HEADER, ("paragraph", "制御\x9b")]), "content!B2: control character U+009B"),
    ("unsafe link", dict(content=[HEADER, ("paragraph", "[x](javascript:alert(1))")]), "content!B2: link address"),
    ("image escape", dict(content=[HEADER, ("image", None, "../../etc/passwd")]), "leaves the workbook's folder"),
    ("absolute image", dict(content=[HEADER, ("image", None, "/etc/passwd")]), "is absolute"),
    ("missing image", dict(content=[HEADER, ("image", None, "nope.png")]), "image 'nope.png' not found"),
    ("empty content", dict(content=[HEADER]), "content!A2: no content rows"),
])
def test_bad_input_is_reported_at_its_cell(tmp_path, case, kwargs, expected):
    found = errors(make_workbook(tmp_path / "wb.xlsx", **kwargs))
    assert any(expected in e for e in found), (case, found)


def test_all_problems_are_reported_at_once(tmp_path):
    content = [HEADER, ("figure", "x"), ("chart", None, "nope"), ("paragraph", "{nope}")]
    found = errors(make_workbook(tmp_path / "wb.xlsx", content=content, meta=META + [("theme.accent", "red")]))
    assert len(found) == 4


def test_missing_sheets_are_named(tmp_path):
    found = errors(make_workbook(tmp_path / "wb.xlsx", meta=False))
    assert found == [f"{tmp_path / 'wb.xlsx'}: missing sheet 'meta' (sheets found: content, values, contributions, charts)"]


def test_an_unmatched_brace_is_reported(tmp_path):
    found = errors(make_workbook(tmp_path / "wb.xlsx", content=[HEADER, ("paragraph", "合計 {total 億元")]))
    assert any(e.startswith("content!B2: unmatched '{'") for e in found), found


def test_meta_text_cites_values(tmp_path):
    meta = [m if m[0] != "title" else ("title", "合計{total}を拠出") for m in META]
    doc = read_workbook(make_workbook(tmp_path / "wb.xlsx", meta=meta))
    assert doc.meta.title == "合計33.56億元を拠出"


def test_a_duration_cell_is_a_located_problem_not_a_crash(tmp_path):
    def durations(wb):
        ws = wb["contributions"]
        ws["C1"], ws["C2"], ws["C3"] = "所要時間", dt.timedelta(hours=36, minutes=30), dt.timedelta(hours=1)
        ws["C2"].number_format = ws["C3"].number_format = "[h]:mm"

    path = make_workbook(tmp_path / "wb.xlsx", edit=durations)
    with pytest.raises(ReportError) as caught:
        read_workbook(path)
    assert [str(d) for d in caught.value.diagnostics] == [
        f"contributions!C{r}: a duration in number format '[h]:mm' is not supported: "
        "enter it as a number (e.g. hours) or as text" for r in (2, 3)]
