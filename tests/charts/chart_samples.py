"""Chart specs of every kind over figures from the reference release, for chart tests."""

from __future__ import annotations

from dataclasses import replace

from reportgen.diagnostics import CellRef
from reportgen.model import ChartSpec, Column, Table, Value
from factories import make_document

FMT_YUAN = '#,##0.00"億元"'
FMT_MAN = '#,##0"万人"'

# Contributions by programme (億元), from the highlights of the reference text; the
# second figure is invented, to stack on the first.
PROGRAMMES = [
    ("アリババグループ", 27.63, 9.4),
    ("アントグループ", 5.93, 1.2),
    ("天猫のマーチャント（出店企業）のプラットフォームサービス料免除", 6.1, 0.35),
    ("サプライチェーンと物流を援助する専用ファンド", 3.6, 2.4),
    ("マイバンク（網商銀行）の無利子ビジネスローン", 4.39, 3.0),
    ("DingTalkのオンライン教育支援", 5.0, 3.3),
]
# Online learners (万人) by month: an invented series shaped like the text's 1億3,000万人.
MONTHS = [("1月", 2100), ("2月", 8800), ("3月", 13000), ("4月", 12400), ("5月", 11800)]


def _cell(raw: object, fmt: str, text: str, sheet: str, cell: str) -> Value:
    return Value(raw, fmt, text, CellRef(sheet, cell))


def programmes_table(rows: int = 6) -> Table:
    cols = (Column("施策", "text", "General", CellRef("programmes", "A1")),
            Column("拠出額", "number", FMT_YUAN, CellRef("programmes", "B1")),
            Column("追加拠出", "number", FMT_YUAN, CellRef("programmes", "C1")))
    body = tuple(
        (_cell(name, "General", name, "programmes", f"A{i}"),
         _cell(a, FMT_YUAN, f"{a:,.2f}億元", "programmes", f"B{i}"),
         _cell(b, FMT_YUAN, f"{b:,.2f}億元", "programmes", f"C{i}"))
        for i, (name, a, b) in enumerate(PROGRAMMES[:rows], start=2))
    return Table("programmes", cols, body, CellRef("programmes", "A1"))


def learners_table() -> Table:
    cols = (Column("月", "text", "General", CellRef("learners", "A1")),
            Column("学習者数", "number", FMT_MAN, CellRef("learners", "B1")),
            Column("教員数", "number", FMT_MAN, CellRef("learners", "C1")))
    body = tuple(
        (_cell(m, "General", m, "learners", f"A{i}"),
         _cell(n, FMT_MAN, f"{n:,}万人", "learners", f"B{i}"),
         _cell(n // 12, FMT_MAN, f"{n // 12:,}万人", "learners", f"C{i}"))
        for i, (m, n) in enumerate(MONTHS, start=2))
    return Table("learners", cols, body, CellRef("learners", "A1"))


def spec(kind: str, **changes: object) -> ChartSpec:
    """A chart of `kind` over the programmes (or, for lines, the learners) table."""
    if kind == "line":
        base = ChartSpec(id="line", kind="line", table=learners_table(), category="月",
                         series=("学習者数",), title="DingTalkでオンライン学習をした学生数",
                         unit="万人", caption="出典：アリババグループ", ref=CellRef("charts", "A6"),
                         highlight="3月")
    else:
        base = ChartSpec(id=kind, kind=kind, table=programmes_table(), category="施策",
                         series=("拠出額",), title="施策別の拠出額", unit="億元",
                         caption="2020年3月31日時点", ref=CellRef("charts", "A2"),
                         highlight="アリババグループ")
    return replace(base, **changes)


def every_kind() -> list[ChartSpec]:
    return [
        spec("bar", table=programmes_table(4)),
        spec("barh", sort="desc"),
        spec("stacked", series=("拠出額", "追加拠出"), highlight=None),
        spec("line"),
        spec("pie", table=programmes_table(4), width="half"),
        spec("donut", table=programmes_table(4), width="half", highlight=None),
    ]


def document_with(*charts: ChartSpec):
    doc = make_document()
    return replace(doc, charts={c.id: c for c in charts})
