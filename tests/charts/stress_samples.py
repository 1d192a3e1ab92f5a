"""Chart specs that break naive charts: many dated points on a half-width line, long
series names, long Japanese and Latin category names, yen in the billions, a pie with a
total row, many categories, many series. For the fitting tests and for looking at."""

from __future__ import annotations

import datetime as dt

from reportgen.diagnostics import CellRef
from reportgen.model import ChartSpec, Column, Table, Value
from reportgen.numfmt import format_value

YEN = '#,##0"円"'
DATE = "yyyy/m/d"

LONG_NAMES = [
    "中小企業のデジタル化支援プログラム", "地方自治体向けクラウド導入補助", "オンライン教育プラットフォームの無償提供",
    "医療機関への遠隔診療システム支援", "物流網の再構築と配送効率化", "農産物のライブコマース販売支援",
    "飲食店向けデリバリー手数料の減免", "観光業の需要回復キャンペーン", "小規模事業者への無利子融資",
    "雇用維持のための共有従業員制度", "International Logistics Cooperation", "高齢者向け生活支援サービスの拡充",
    "海外からの医療物資調達と寄付",
]


def table(name: str, columns: list[tuple[str, str, str]], rows: list[tuple], totals: tuple[int, ...] = ()) -> Table:
    """A data table from (name, kind, number format) columns and rows of raw values."""
    cols = tuple(Column(c, kind, fmt, CellRef(name, f"{chr(65 + j)}1")) for j, (c, kind, fmt) in enumerate(columns))
    body = tuple(tuple(Value(raw, fmt, format_value(raw, fmt) if raw is not None else "", CellRef(name, f"{chr(65 + j)}{i}"))
                       for j, (raw, (_, _, fmt)) in enumerate(zip(row, columns)))
                 for i, row in enumerate(rows, start=2))
    return Table(name, cols, body, CellRef(name, "A1"), totals)


def chart(id: str, kind: str, tbl: Table, series: tuple[str, ...], **kw: object) -> ChartSpec:
    fields = dict(title=f"{id}の推移", unit="", caption="出典：テスト", ref=CellRef("charts", "A2"))
    fields.update(kw)
    return ChartSpec(id=id, kind=kind, table=tbl, category=tbl.columns[0].name, series=series, **fields)  # type: ignore[arg-type]


def dates12() -> ChartSpec:
    days = [dt.date(2011 + (9 + 6 * i) // 12, (9 + 6 * i) % 12 or 12, 1) for i in range(12)]
    ends = [(d.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1) for d in days]
    rows = [(d, 1200 + 137 * i + (i % 3) * 90) for i, d in enumerate(ends)]
    tbl = table("dates", [("日付", "date", DATE), ("件数", "number", '#,##0"件"')], rows)
    return chart("dates12", "line", tbl, ("件数",), width="half", unit="件")


def long_series() -> ChartSpec:
    names = ["オンライン学習サービスの利用者数", "遠隔医療相談サービスの利用件数", "フードデリバリーの注文件数"]
    rows = [(f"{m}月", *(1000 + 300 * m * (k + 1) for k in range(3))) for m in range(1, 7)]
    tbl = table("series3", [("月", "text", "General"), *((n, "number", "#,##0") for n in names)], rows)
    return chart("long_series", "line", tbl, tuple(names), width="half", unit="件")


def long_bars() -> ChartSpec:
    names = LONG_NAMES[:10] + ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefgh"] + LONG_NAMES[10:12]
    rows = [(n, 120 + 37 * i) for i, n in enumerate(names)]
    tbl = table("long", [("施策", "text", "General"), ("件数", "number", '#,##0"件"')], rows)
    return chart("long_bars", "bar", tbl, ("件数",), unit="件")


def stacked_yen() -> ChartSpec:
    rows = [(f"{y}年度", 1.2e9 + 1e8 * i, 8.5e8 - 3e7 * i, 4.1e8 + 6e7 * i) for i, y in enumerate(range(2016, 2021))]
    tbl = table("budget", [("年度", "text", "General"), ("人件費", "number", YEN), ("物件費", "number", YEN),
                           ("投資", "number", YEN)], rows)
    return chart("stacked_yen", "stacked", tbl, ("人件費", "物件費", "投資"), unit="円")


def pie_with_total() -> ChartSpec:
    parts = [("東日本", 420), ("西日本", 310), ("九州", 120), ("北海道", 60), ("四国", 14), ("沖縄", 9)]
    rows = parts + [("合計", sum(v for _, v in parts))]
    tbl = table("regions", [("地域", "text", "General"), ("売上", "number", '#,##0"億円"')], rows, (len(parts),))
    return chart("pie_total", "pie", tbl, ("売上",), width="half", unit="億円")


def many_categories(kind: str = "bar") -> ChartSpec:
    rows = [(f"{p}", 30 + (i * 37) % 90) for i, p in enumerate(PREFECTURES[:25])]
    tbl = table("prefs", [("都道府県", "text", "General"), ("件数", "number", "#,##0")], rows)
    return chart(f"many_{kind}", kind, tbl, ("件数",), unit="件")


def many_series(kind: str = "line") -> ChartSpec:
    names = ["東京都", "大阪府", "愛知県", "福岡県", "北海道", "宮城県"]
    rows = [(f"{y}年", *(100 + 13 * k + 7 * i * (k + 1) for k in range(len(names)))) for i, y in enumerate(range(2015, 2023))]
    tbl = table("cities", [("年", "text", "General"), *((n, "number", "#,##0") for n in names)], rows)
    return chart(f"series_{kind}", kind, tbl, tuple(names), unit="件")


PREFECTURES = ["北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
               "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
               "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県"]


def every_stress() -> list[ChartSpec]:
    return [dates12(), long_series(), long_bars(), stacked_yen(), pie_with_total(), many_categories("bar"),
            many_categories("line"), many_series("line"), many_series("bar"), many_series("stacked")]
