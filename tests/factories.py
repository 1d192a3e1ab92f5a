"""A small hand-built `Document` with every block type, for renderer tests that must not
depend on the workbook reader. Real-workbook tests use data/factsheet.xlsx instead."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import MappingProxyType

from reportgen.diagnostics import CellRef
from reportgen.model import (
    ChartBlock, ChartSpec, Column, ContactBox, Document, Heading, Kpi, KpiRow, ListBlock,
    ListItem, Meta, Note, PageBreak, Paragraph, RichText, Span, Table, TableBlock, Theme, Value,
)

# The reference document (a copy of ../shared/seed/), kept in the repository so that a
# fresh clone anywhere can test the sample against it.
SEED = Path(__file__).resolve().parents[1] / "data" / "reference" / "000_7b0533415791930b.txt"

FMT_YUAN = '#,##0.00"億元"'
FMT_YEN = '#,##0.00"億円"'


def ref(sheet: str, cell: str) -> CellRef:
    return CellRef(sheet, cell)


def value(raw: float, text: str, fmt: str = FMT_YUAN, cell: str = "B2", sheet: str = "values") -> Value:
    return Value(raw, fmt, text, ref(sheet, cell))


def contributions_table() -> Table:
    cols = (
        Column("拠出主体", "text", "General", ref("contributions", "A1")),
        Column("拠出額（億元）", "number", FMT_YUAN, ref("contributions", "B1")),
        Column("拠出額（億円）", "number", FMT_YEN, ref("contributions", "C1"), formula="=B2*CNY_JPY"),
    )
    data = [("アリババグループ", 27.63), ("アントグループ", 5.93)]
    rows = tuple(
        (
            Value(name, "General", name, ref("contributions", f"A{i}")),
            Value(cny, FMT_YUAN, f"{cny:,.2f}億元", ref("contributions", f"B{i}")),
            Value(cny * 15, FMT_YEN, f"{cny * 15:,.2f}億円", ref("contributions", f"C{i}")),
        )
        for i, (name, cny) in enumerate(data, start=2)
    )
    return Table("contributions", cols, rows, ref("contributions", "A1"))


def make_document(source: Path | None = None) -> Document:
    table = contributions_table()
    chart = ChartSpec(
        id="by_entity", kind="bar", table=table, category="拠出主体", series=("拠出額（億元）",),
        title="拠出主体別の拠出額", unit="億元", caption="2020年3月31日時点", ref=ref("charts", "A2"),
        highlight="アリババグループ",
    )
    total = value(33.56, "33.56億元", cell="B2")
    rate = Value(15, "0", "15", ref("meta", "B10"))
    meta = Meta(
        title="アリババグループ、新型コロナウイルス対策支援に約500億円を拠出",
        organisation="アリババグループ", date=dt.date(2020, 5, 15), doc_type="ニュースリリース",
        subtitle="中小企業の事業回復や医療現場を支援", short_title="新型コロナ対策支援",
        source_note="出典：アリババグループ", rates=MappingProxyType({"CNY_JPY": rate}),
    )
    blocks = (
        Heading(0, RichText.of("新型コロナウイルス感染拡大下における中小企業への支援施策"), ref("content", "B2"),
                subtitle=RichText.of("アリババグループ")),
        Paragraph(RichText((Span("アリババグループは合計 "), Span("33.56億元", bold=True), Span("を拠出した。"))),
                  ref("content", "B3"), role="lead"),
        KpiRow((Kpi(total, RichText.of("拠出総額"), ref("content", "B4")),
                Kpi(table.rows[0][1], RichText.of("アリババグループ"), ref("content", "B5")),
                Kpi(table.rows[1][1], RichText.of("アントグループ"), ref("content", "B6"))), ref("content", "B4")),
        Heading(1, RichText.of("はじめに"), ref("content", "B7"), subtitle=RichText.of("二度の感染症を経験")),
        Heading(2, RichText.of("感染拡大を防止するために第一に対応すべきこと"), ref("content", "B8")),
        Heading(3, RichText.of("アリヘルス（阿里健康）"), ref("content", "B9")),
        Paragraph(RichText.of("世界120の国・地域の約1万人の医師を支援"), ref("content", "B10"), role="headline"),
        Paragraph(RichText((Span("ツァイニャオ（菜"), Span("鸟"), Span("）は300機以上のチャーター機を使った"),
                            Span("*", superscript=True), Span("。"))), ref("content", "B11")),
        ListBlock("numbered", (ListItem(RichText.of("一つ目の取り組み。"), ref("content", "B12"), 1),
                               ListItem(RichText.of("二つ目の取り組み。"), ref("content", "B13"), 2)), ref("content", "B12")),
        ListBlock("bullet", (ListItem(RichText.of("中国語原文"), ref("content", "B14")),), ref("content", "B14")),
        Note("*", RichText.of("2020年3月31日時点のデータ。"), ref("content", "B15")),
        ChartBlock(chart, ref("content", "C16")),
        TableBlock(table, RichText.of("拠出主体別の拠出額"), ref("content", "C17")),
        PageBreak(ref("content", "A18")),
        Paragraph(RichText.of("花開之時、更見燦爛"), ref("content", "B19"), role="quote"),
        ContactBox(RichText.of("＜本件に関する報道関係者からのお問い合わせ先＞"),
                   (RichText((Span("MAIL : "), Span("alibaba@prap.co.jp", link="mailto:alibaba@prap.co.jp"))),),
                   ref("content", "B20")),
    )
    return Document(
        meta=meta, theme=Theme(), blocks=blocks,
        tables=MappingProxyType({table.name: table}), charts=MappingProxyType({chart.id: chart}),
        values=MappingProxyType({"total_cny": total}), source=source or Path("data/factsheet.xlsx"),
    )
