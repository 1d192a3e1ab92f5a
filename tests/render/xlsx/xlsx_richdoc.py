"""A richer test document for the XLSX appendix: every chart kind, dates, long text and
strings that look like formulas, on top of `tests.factories.make_document()`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import MappingProxyType

from reportgen.diagnostics import CellRef
from reportgen.model import ChartBlock, ChartSpec, Column, Document, Table, TableBlock, RichText, Value
from factories import make_document

FMT_MAN = '#,##0"万件"'
FMT_PCT = '0.0%'
FMT_DATE = 'yyyy/m/d'
INJECTIONS = ("=1+1", '=HYPERLINK("http://evil.example/","click")', "+81 3-1234-5678", "-5%の減少",
              "@SUM(A1:A2)", "\t=1+1", "\r=2+2")
LONG_TEXT = ("中小企業の事業回復を支援するため、無利子融資や手数料の減免、オンライン商談の仕組みを"
             "組み合わせた総合的な支援策を、約3か月にわたって段階的に実施した。")


def _v(raw, fmt: str, text: str, sheet: str, cell: str) -> Value:
    return Value(raw, fmt, text, CellRef(sheet, cell))


def units_table() -> Table:
    """Text, long text, a date column and two number series; first column has injections."""
    s = "units"
    cols = (
        Column("事業", "text", "General", CellRef(s, "A1")),
        Column("説明", "text", "General", CellRef(s, "B1")),
        Column("開始日", "date", FMT_DATE, CellRef(s, "C1")),
        Column("2019年", "number", FMT_MAN, CellRef(s, "D1")),
        Column("2020年", "number", FMT_MAN, CellRef(s, "E1")),
    )
    names = ["ツァイニャオ（菜鸟）", "アリヘルス（阿里健康）", "DingTalk", "Tmall", *INJECTIONS]
    rows = []
    for i, name in enumerate(names, start=2):
        a, b = 100 * i + 30, 150 * i + 7
        date = dt.date(2020, 1 + i % 12, i)
        rows.append((
            _v(name, "General", name, s, f"A{i}"),
            _v(LONG_TEXT if i == 2 else f"説明{i}", "General", LONG_TEXT if i == 2 else f"説明{i}", s, f"B{i}"),
            _v(date, FMT_DATE, f"{date.year}/{date.month}/{date.day}", s, f"C{i}"),
            _v(a, FMT_MAN, f"{a:,}万件", s, f"D{i}"),
            _v(b, FMT_MAN, f"{b:,}万件", s, f"E{i}"),
        ))
    return Table(s, cols, tuple(rows), CellRef(s, "A1"))


def share_table() -> Table:
    s = "share"
    cols = (Column("地域", "text", "General", CellRef(s, "A1")), Column("比率", "number", FMT_PCT, CellRef(s, "B1")))
    data = [("中国", 0.62), ("アジア", 0.21), ("欧州", 0.1), ("その他", 0.07)]
    rows = tuple((_v(n, "General", n, s, f"A{i}"), _v(p, FMT_PCT, f"{p * 100:.1f}%", s, f"B{i}"))
                 for i, (n, p) in enumerate(data, start=2))
    return Table(s, cols, rows, CellRef(s, "A1"))


def _spec(id_: str, kind: str, table: Table, category: str, series: tuple[str, ...], **kw) -> ChartSpec:
    return ChartSpec(id=id_, kind=kind, table=table, category=category, series=series,
                     title=kw.pop("title", f"{id_}のグラフ"), unit=kw.pop("unit", "万件"),
                     caption=kw.pop("caption", "2020年3月31日時点"), ref=CellRef("charts", "A9"), **kw)


def make_rich_document() -> Document:
    base = make_document()
    units, share = units_table(), share_table()
    charts = dict(base.charts)
    charts["units_barh"] = _spec("units_barh", "barh", units, "事業", ("2020年",), sort="desc",
                                 highlight="Tmall", title="事業別の件数（降順）")
    charts["units_stacked"] = _spec("units_stacked", "stacked", units, "事業", ("2019年", "2020年"))
    charts["units_line"] = _spec("units_line", "line", units, "事業", ("2019年", "2020年"))
    charts["share_pie"] = _spec("share_pie", "pie", share, "地域", ("比率",), unit="", highlight="中国")
    charts["share_donut"] = _spec("share_donut", "donut", share, "地域", ("比率",), unit="")
    blocks = base.blocks + (
        TableBlock(units, RichText.of("事業別の件数"), CellRef("content", "C30")),
        ChartBlock(charts["units_barh"], CellRef("content", "C31")),
        ChartBlock(charts["share_pie"], CellRef("content", "C32")),
    )
    tables = {**base.tables, units.name: units, share.name: share, "unused": dataclasses.replace(share, name="unused")}
    return dataclasses.replace(base, blocks=blocks, tables=MappingProxyType(tables), charts=MappingProxyType(charts))


def data_sheet(wb, table: str):
    """The appendix sheet of the model table named `table` (sheets are named after their
    captions; the Excel table inside keeps the model name, `layout.table_name`)."""
    from reportgen.render.xlsx.layout import table_name

    for index, ws in enumerate(wb.worksheets[1:], start=1):
        if table_name(index, table) in ws.tables:
            return ws
    raise KeyError(table)
