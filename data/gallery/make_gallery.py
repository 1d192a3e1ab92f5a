"""Write the gallery: Japanese fact-sheet workbooks shaped like what users bring
(data/gallery/*.xlsx), each stressing the layout differently (see README.md, "Gallery").

Every organisation and figure here is invented: each workbook says so in its
source_note and in a note block. The workbooks follow docs/workbook.md as a user
writes them: figures live in one cell (data sheets or `values`), sentences cite them
with {name}, totals and ratios are formulas.

In: the specs below (plain Python data; generated rows use fixed arithmetic, no
randomness). Out: data/gallery/*.xlsx and stress-photo.png, the same bytes every run.

Run: python data/gallery/make_gallery.py [OUTPUT_DIR]
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
EXAMPLE = "本資料の団体名・数値はすべて架空の例です（reportgen ギャラリー用）。"

# Number formats, as a user picks them in Excel.
INT = "#,##0"
OKU = "#,##0.00"
PCT1 = "0.0%"
DATE = "yyyy/m/d"
MONTH = 'yyyy"年"m"月"'

Row = tuple[str, object, str, str, str]  # type, text, ref, caption, options


def b(kind: str, text: object = "", ref: str = "", caption: str = "", options: str = "") -> Row:
    return (kind, text, ref, caption, options)


@dataclass
class Sheet:
    """A data sheet: header, one number format per column, rows (a str starting with "="
    is a formula; "{r}" in it is the row's own number)."""

    header: tuple[str, ...]
    formats: tuple[str, ...]
    rows: list[tuple[object, ...]]


@dataclass
class Book:
    name: str
    meta: list[tuple[str, object, str | None]]
    content: list[Row]
    sheets: dict[str, Sheet] = field(default_factory=dict)
    values: list[tuple[str, object, str, str]] = field(default_factory=list)
    charts: list[tuple[str, ...]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # Excel defined names → meta key
    stamp: dt.datetime = dt.datetime(2024, 4, 1, 9, 0)


CHART_HEADER = ("id", "type", "table", "category", "series", "title", "unit", "caption", "sort",
                "highlight", "width")


def chart(cid: str, kind: str, table: str, category: str, series: str, title: str, unit: str = "",
          caption: str = "", sort: str = "", highlight: str = "", width: str = "") -> tuple[str, ...]:
    return (cid, kind, table, category, series, title, unit, caption, sort, highlight, width)


def cycle(items: list, i: int):
    return items[i % len(items)]


# ------------------------------------------------------------------ 1. municipality
REVENUE = [  # 款, 令和6年度, 令和5年度 (億円)
    ("市税", 412.35, 398.12), ("地方譲与税", 8.21, 8.05), ("利子割交付金", 0.32, 0.35),
    ("配当割交付金", 2.14, 1.98), ("株式等譲渡所得割交付金", 2.56, 2.31),
    ("法人事業税交付金", 6.48, 6.12), ("地方消費税交付金", 68.9, 66.4),
    ("ゴルフ場利用税交付金", 0.41, 0.43), ("環境性能割交付金", 1.37, 1.29),
    ("地方特例交付金", 3.05, 2.87), ("地方交付税", 96.5, 101.2),
    ("交通安全対策特別交付金", 0.38, 0.39), ("分担金及び負担金", 7.84, 7.91),
    ("使用料及び手数料", 21.62, 21.05), ("国庫支出金", 241.3, 232.8), ("県支出金", 88.45, 85.12),
    ("財産収入", 2.73, 3.11), ("寄附金", 12.5, 9.8), ("繰入金", 35.6, 41.2), ("繰越金", 10.0, 10.0),
    ("諸収入", 27.91, 26.44), ("市債", 74.62, 69.15),
]
EXPENDITURE = [
    ("議会費", 6.12, 6.08), ("総務費", 98.44, 92.1), ("民生費", 512.77, 497.35), ("衛生費", 101.35, 108.9),
    ("労働費", 2.05, 2.11), ("農林水産業費", 18.62, 17.95), ("商工費", 24.3, 22.84), ("土木費", 121.4, 118.62),
    ("消防費", 38.91, 37.2), ("教育費", 142.08, 131.77), ("災害復旧費", 0.5, 0.5), ("公債費", 88.6, 90.12),
    ("諸支出金", 12.2, 12.1), ("予備費", 1.0, 1.0),
]


def yoy_sheet(items: list[tuple[str, float, float]]) -> Sheet:
    rows: list[tuple[object, ...]] = [(name, now, before, "=B{r}-C{r}", "=B{r}/C{r}-1")
                                      for name, now, before in items]
    last = len(items) + 1
    rows.append(("合計", f"=SUM(B2:B{last})", f"=SUM(C2:C{last})", "=B{r}-C{r}", "=B{r}/C{r}-1"))
    return Sheet(("款", "令和6年度（億円）", "令和5年度（億円）", "増減（億円）", "前年度比"),
                 ("General", OKU, OKU, '+#,##0.00;-#,##0.00;0.00', '+0.0%;-0.0%;0.0%'), rows)


def municipality() -> Book:
    rev, exp = yoy_sheet(REVENUE), yoy_sheet(EXPENDITURE)
    rev_total, exp_total = len(REVENUE) + 2, len(EXPENDITURE) + 2
    # the chart reads its own sheet of formulas: the 合計 row is not a category
    share = Sheet(("款", "予算額（億円）"), ("General", OKU),
                  [(f"=歳出!A{r}", f"=歳出!B{r}") for r in range(2, exp_total)])
    return Book(
        "municipality-budget",
        meta=[
            ("title", "みどり市 令和6年度 一般会計当初予算の概要", None),
            ("subtitle", "一般会計の総額は{total}、前年度比{total_change}", None),
            ("organisation", "みどり市 財政部 財政課", None),
            ("doc_type", "予算の概要", None),
            ("date", dt.datetime(2024, 2, 16), "yyyy-mm-dd"),
            ("short_title", "令和6年度 当初予算の概要", None),
            ("keywords", "当初予算, 一般会計, 歳入, 歳出, みどり市", None),
            ("source_note", "出典：みどり市財政課（架空の自治体・数値の例。reportgen ギャラリー用）", None),
            ("output_name", "midori-budget", None),
            ("theme.primary", "#1B6E4A", None),
            ("theme.accent", "#8A5A00", None),
            ("theme.palette", "#1B6E4A, #8A5A00, #4F9A78, #C49A3A, #9CC7B2, #E4CF9B", None),
            ("theme.line_height", 1.8, None),
        ],
        sheets={"歳入": rev, "歳出": exp, "歳出構成": share},
        values=[
            ("total", f"=歳入!B{rev_total}", '#,##0.00"億円"', "一般会計の総額（歳入合計）"),
            ("total_prev", f"=歳入!C{rev_total}", '#,##0.00"億円"', "前年度の総額"),
            ("total_change", f"=歳入!E{rev_total}", '+0.0%;-0.0%', "前年度比"),
            ("total_diff", f"=歳入!D{rev_total}", '#,##0.00"億円"', "増減額"),
            ("expenditure_total", f"=歳出!B{exp_total}", '#,##0.00"億円"', "歳出合計（歳入合計と一致）"),
            ("city_tax", "=歳入!B2", '#,##0.00"億円"', "市税"),
            ("city_tax_change", "=歳入!E2", '+0.0%;-0.0%', "市税の前年度比"),
            ("city_tax_share", f"=歳入!B2/歳入!B{rev_total}", "0.0%", "歳入に占める市税の割合"),
            ("welfare", "=歳出!B4", '#,##0.00"億円"', "民生費"),
            ("welfare_share", f"=歳出!B4/歳出!B{exp_total}", "0.0%", "歳出に占める民生費の割合"),
            ("education", "=歳出!B11", '#,##0.00"億円"', "教育費"),
            ("education_change", "=歳出!E11", '+0.0%;-0.0%', "教育費の前年度比"),
            ("bonds", "=歳入!B23", '#,##0.00"億円"', "市債"),
            ("bond_balance", 812.4, '#,##0.0"億円"', "令和6年度末の市債残高見込み"),
            ("population", 187342, '#,##0"人"', "令和6年1月1日現在の住民基本台帳人口"),
            ("per_capita", "=B{total}*100000000/B{population}", '#,##0"円"', "市民1人当たりの予算額"),
            ("school_projects", 14, '#,##0"校"', "校舎改修の対象校"),
        ],
        charts=[
            chart("expenditure", "barh", "歳出構成", "款", "予算額（億円）", "目的別歳出（一般会計）", "億円",
                  "令和6年度当初予算。出典：みどり市財政課（架空の例）", "desc", "民生費"),
            chart("revenue_share", "donut", "歳入", "款", "令和6年度（億円）", "歳入の内訳", "億円",
                  "合計行を含む表をそのまま指定した例（架空の例）", "desc", "", "half"),
            chart("expenditure_share", "pie", "歳出構成", "款", "予算額（億円）", "歳出の内訳", "億円",
                  "出典：みどり市財政課（架空の例）", "desc", "", "half"),
        ],
        content=[
            b("lead", "みどり市は令和6年度の一般会計当初予算を編成しました。総額は{total}で、前年度の{total_prev}から"
                      "{total_diff}、{total_change}の増となります。市民1人当たりに換算すると{per_capita}です。"),
            b("kpi", "一般会計 総額", "total"),
            b("kpi", "前年度比", "total_change"),
            b("kpi", "市民1人当たり", "per_capita"),
            b("kpi", "市債残高見込み", "bond_balance"),
            b("chapter", "予算編成のポイント", "子育て・教育と防災への重点配分"),
            b("highlight", "**子育て・教育**：教育費は{education}（前年度比{education_change}）。{school_projects}の校舎改修に着手します。"),
            b("highlight", "**福祉**：民生費は{welfare}で、歳出全体の{welfare_share}を占めます。"),
            b("highlight", "**財政の健全性**：市債の発行は{bonds}にとどめ、年度末残高は{bond_balance}を見込みます。"),
            b("section", "歳入"),
            b("paragraph", "歳入の柱である市税は{city_tax}（前年度比{city_tax_change}）で、歳入全体の{city_tax_share}"
                           "を占めます。地方交付税は普通交付税の算定見込みにより減少しました。款別の内訳は次の表のとおりです。"),
            b("table", "", "歳入", "歳入（款別）　単位：億円、前年度比は令和5年度当初予算との比較"),
            b("chart", "", "revenue_share"),
            b("chart", "", "expenditure_share"),
            b("section", "歳出"),
            b("paragraph", "目的別では民生費が{welfare}で最も大きく、教育費、土木費が続きます。歳出合計は{expenditure_total}"
                           "で歳入合計と一致します。"),
            b("table", "", "歳出", "歳出（目的別・款別）　単位：億円"),
            b("chart", "", "expenditure"),
            b("note", "端数処理のため、内訳の合計が総額と一致しない場合があります。"),
            b("note", EXAMPLE, "※"),
            b("contact", "みどり市 財政部 財政課 予算係", caption="お問い合わせ"),
            b("contact", "電話：0000-00-0000（代表）　メール：zaisei@city.midori.example.jp"),
            b("contact", "https://www.city.midori.example.jp/shisei/zaisei/yosan/r6/index.html"),
        ],
        stamp=dt.datetime(2024, 2, 16, 9, 0),
    )


# ------------------------------------------------------------- 2. quarterly results
QUARTER_ENDS = [dt.datetime(2021 + (i + 1) // 4, (6, 9, 12, 3)[i % 4], (30, 30, 31, 31)[i % 4])
                for i in range(12)]  # 2021/6/30 … 2024/3/31
SEGMENTS = ["産業機器", "電子部品", "モビリティ", "ヘルスケア", "その他"]


def quarterly() -> Book:
    sales = [41230, 43870, 45120, 48950, 44310, 46720, 47980, 52310, 46050, 49880, 51240, 55670]
    op = [2410, 2780, 2950, 3320, 2530, 2990, 3140, 3870, 2890, 3410, 3620, 4210]
    ordinary = [v + 180 + (i * 37) % 90 for i, v in enumerate(op)]
    net = [round(v * 0.68) for v in ordinary]
    rows = []
    for i, end in enumerate(QUARTER_ENDS):
        r = i + 2
        yoy = f"=B{r}/B{r - 4}-1" if i >= 4 else None
        rows.append((end, sales[i], op[i], ordinary[i], net[i], "=C{r}/B{r}", yoy))
    q = Sheet(("四半期末", "売上高", "営業利益", "経常利益", "四半期純利益", "営業利益率", "売上高 前年同期比"),
              (DATE, INT, INT, INT, INT, PCT1, '+0.0%;-0.0%'), rows)
    seg_now = [21450, 15320, 9870, 6230, 2800]
    seg_prev = [19870, 14210, 8650, 5980, 3600]
    seg_op = [1820, 1240, 560, 480, 110]
    seg_rows: list[tuple[object, ...]] = [
        (n, a, p, "=B{r}/C{r}-1", o, "=E{r}/B{r}") for n, a, p, o in zip(SEGMENTS, seg_now, seg_prev, seg_op)]
    seg_rows.append(("合計", "=SUM(B2:B6)", "=SUM(C2:C6)", "=B{r}/C{r}-1", "=SUM(E2:E6)", "=E{r}/B{r}"))
    seg = Sheet(("セグメント", "売上高", "前年同期", "前年同期比", "営業利益", "営業利益率"),
                ("General", INT, INT, '+0.0%;-0.0%', INT, PCT1), seg_rows)
    mix_rows = []
    for i, end in enumerate(QUARTER_ENDS[4:]):
        scale = 0.86 + 0.02 * i
        mix_rows.append((end, *[round(v * scale) for v in seg_now]))
    mix = Sheet(("四半期末", *SEGMENTS), (DATE, *[INT] * 5), mix_rows)
    return Book(
        "quarterly-results",
        meta=[
            ("title", "サクラ精機株式会社 2024年3月期 第4四半期 決算ハイライト", None),
            ("subtitle", "第4四半期の売上高は{q4_sales}（前年同期比{q4_yoy}）、営業利益率{q4_margin}", None),
            ("organisation", "サクラ精機株式会社", None),
            ("doc_type", "決算ハイライト", None),
            ("date", dt.datetime(2024, 5, 10), "yyyy-mm-dd"),
            ("author", "サクラ精機株式会社 IR室", None),
            ("short_title", "2024年3月期 決算ハイライト", None),
            ("source_note", "出典：サクラ精機株式会社 決算短信（架空の会社・数値の例。reportgen ギャラリー用）", None),
            ("output_name", "sakura-q4-2024", None),
            ("theme.page_size", "B5", None),
            ("theme.primary", "#0B3D91", None),
            ("theme.accent", "#C8102E", None),
            ("theme.palette", "#0B3D91, #C8102E, #5B8BD9, #F2A900, #7A869A, #A3C4F3", None),
        ],
        sheets={"四半期業績": q, "セグメント別": seg, "セグメント推移": mix},
        values=[
            ("q4_sales", "=四半期業績!B13", '#,##0"百万円"', "第4四半期 売上高"),
            ("q4_yoy", "=四半期業績!G13", '+0.0%;-0.0%', "前年同期比"),
            ("q4_op", "=四半期業績!C13", '#,##0"百万円"', "第4四半期 営業利益"),
            ("q4_margin", "=四半期業績!F13", PCT1, "営業利益率"),
            ("fy_sales", "=SUM(四半期業績!B10:B13)", '#,##0"百万円"', "通期 売上高"),
            ("fy_prev_sales", "=SUM(四半期業績!B6:B9)", '#,##0"百万円"', "前期 売上高"),
            ("fy_yoy", "=B{fy_sales}/B{fy_prev_sales}-1", '+0.0%;-0.0%', "通期 前期比"),
            ("fy_op", "=SUM(四半期業績!C10:C13)", '#,##0"百万円"', "通期 営業利益"),
            ("dividend", 48.5, '#,##0.00"円"', "1株当たり年間配当金"),
            ("eps", 312.47, '#,##0.00"円"', "1株当たり当期純利益"),
            ("top_segment_yoy", "=セグメント別!D2", '+0.0%;-0.0%', "産業機器の前年同期比"),
            ("other_segment_yoy", "=セグメント別!D6", '+0.0%;-0.0%', "その他の前年同期比"),
        ],
        charts=[
            chart("quarterly_trend", "line", "四半期業績", "四半期末", "売上高, 営業利益", "四半期業績の推移",
                  "百万円", "2021年6月期〜2024年3月期の各四半期（架空の例）"),
            chart("segment_mix", "stacked", "セグメント推移", "四半期末", ", ".join(SEGMENTS),
                  "セグメント別売上高の推移", "百万円", "直近8四半期（架空の例）"),
            chart("segment_margin", "bar", "セグメント別", "セグメント", "営業利益率", "セグメント別 営業利益率", "%",
                  "第4四半期（架空の例）", "desc", "産業機器", "half"),
            chart("segment_sales", "donut", "セグメント推移", "四半期末", "産業機器", "産業機器の売上高",
                  "百万円", "直近8四半期（架空の例）", "", "", "half"),
        ],
        content=[
            b("lead", "サクラ精機株式会社（証券コード：0000）の2024年3月期の連結売上高は{fy_sales}（前期比{fy_yoy}）、"
                      "営業利益は{fy_op}となりました。第4四半期単独では売上高{q4_sales}、営業利益{q4_op}です。"),
            b("kpi", "通期 売上高", "fy_sales"),
            b("kpi", "通期 営業利益", "fy_op"),
            b("kpi", "1株当たり当期純利益（EPS）", "eps"),
            b("kpi", "年間配当金", "dividend"),
            b("section", "四半期業績の推移"),
            b("paragraph", "半導体製造装置向けの需要回復を受け、第4四半期の売上高は前年同期比{q4_yoy}となりました。"
                           "営業利益率は{q4_margin}で、12四半期で最も高い水準です。"),
            b("chart", "", "quarterly_trend"),
            b("table", "", "四半期業績", "四半期業績（単位：百万円）"),
            b("section", "セグメント別の状況"),
            b("paragraph", "産業機器は前年同期比{top_segment_yoy}と伸長した一方、その他は事業整理により{other_segment_yoy}"
                           "となりました。"),
            b("table", "", "セグメント別", "セグメント別 第4四半期（単位：百万円）"),
            b("chart", "", "segment_margin"),
            b("chart", "", "segment_sales"),
            b("chart", "", "segment_mix"),
            b("note", "本資料に記載の業績見通し等は、現時点で入手可能な情報に基づくものであり、実際の業績は様々な要因により"
                      "異なる可能性があります。"),
            b("note", EXAMPLE, "※"),
            b("contact", "サクラ精機株式会社 IR室", caption="本件に関するお問い合わせ"),
            b("contact", "ir@sakura-seiki.example.com　https://www.sakura-seiki.example.com/ir/"),
        ],
        stamp=dt.datetime(2024, 5, 10, 15, 0),
    )


# ------------------------------------------------------------------ 3. hospital
DEPARTMENTS = ["内科", "循環器内科", "消化器内科", "呼吸器内科", "腎臓内科", "神経内科", "小児科", "外科",
               "整形外科", "脳神経外科", "心臓血管外科", "皮膚科", "泌尿器科", "産婦人科", "眼科",
               "耳鼻いんこう科", "放射線科", "救急科"]


def hospital() -> Book:
    rows: list[tuple[object, ...]] = []
    for i, dep in enumerate(DEPARTMENTS):
        outpatients = 12000 + (i * 7919) % 41000
        inpatients = 1500 + (i * 3571) % 9000
        ops = 0 if i in (0, 5, 11, 16) else 120 + (i * 997) % 1400
        beds = cycle([42, 36, 40, 28, 18, 22, 30, 45, 40, 26, 16, 6, 20, 32, 8, 10, 0, 20], i)
        rows.append((dep, outpatients, inpatients, ops, beds))
    last = len(rows) + 1
    rows.append(("合計", f"=SUM(B2:B{last})", f"=SUM(C2:C{last})", f"=SUM(D2:D{last})", f"=SUM(E2:E{last})"))
    deps = Sheet(("診療科", "外来延べ患者数（人）", "入院延べ患者数（人）", "手術件数（件）", "病床数（床）"),
                 ("General", INT, INT, INT, INT), rows)
    years = Sheet(("年度", "病床稼働率", "平均在院日数（日）", "救急車受入件数（件）", "紹介率"),
                  ("General", PCT1, "0.0", INT, PCT1),
                  [(f"{y}年度", occ, los, amb, ref) for y, occ, los, amb, ref in [
                      (2019, 0.884, 11.8, 5120, 0.712), (2020, 0.792, 12.1, 4380, 0.688),
                      (2021, 0.815, 11.6, 4710, 0.701), (2022, 0.836, 11.2, 5290, 0.734),
                      (2023, 0.871, 10.9, 5860, 0.752)]])
    wards = Sheet(("病棟", "病床数（床）"), ("General", INT),
                  [("一般病棟", 372), ("地域包括ケア病棟", 48), ("回復期リハビリテーション病棟", 40),
                   ("緩和ケア病棟", 20), ("集中治療室（ICU・HCU）", 16), ("感染症病床", 6)])
    return Book(
        "hospital-annual",
        meta=[
            ("title", "市立みなと総合病院 病院年報 2023（ダイジェスト版）", None),
            ("subtitle", "救急車受入 {ambulance}、手術 {operations}", None),
            ("organisation", "市立みなと総合病院", None),
            ("doc_type", "病院年報", None),
            ("date", dt.datetime(2024, 7, 1), "yyyy-mm-dd"),
            ("short_title", "病院年報 2023", None),
            ("source_note", "出典：市立みなと総合病院 医事課（架空の病院・数値の例。reportgen ギャラリー用）", None),
            ("output_name", "minato-hospital-2023", None),
            ("theme.primary", "#00695C", None),
            ("theme.accent", "#AD1457", None),
            ("theme.body_size", 10.5, None),
            ("theme.palette", "#00695C, #AD1457, #4DB6AC, #F48FB1, #B2DFDB, #80CBC4", None),
        ],
        sheets={"診療科別": deps, "年度推移": years, "病棟": wards},
        values=[
            ("beds", f"=診療科別!E{last + 1}", '#,##0"床"', "許可病床数"),
            ("outpatients", f"=診療科別!B{last + 1}", '#,##0"人"', "外来延べ患者数"),
            ("inpatients", f"=診療科別!C{last + 1}", '#,##0"人"', "入院延べ患者数"),
            ("operations", f"=診療科別!D{last + 1}", '#,##0"件"', "手術件数"),
            ("ambulance", "=年度推移!D6", '#,##0"件"', "救急車受入件数（2023年度）"),
            ("ambulance_2020", "=年度推移!D3", '#,##0"件"', "救急車受入件数（2020年度）"),
            ("occupancy", "=年度推移!B6", PCT1, "病床稼働率"),
            ("stay", "=年度推移!C6", '0.0"日"', "平均在院日数"),
            ("staff", 1024, '#,##0"人"', "職員数（常勤換算）"),
            ("doctors", 168, '#,##0"人"', "医師数"),
            ("nurses", 541, '#,##0"人"', "看護職員数"),
            ("daily_outpatients", f"=ROUND(B{{outpatients}}/243,0)", '#,##0"人"', "1日平均外来患者数（診療日243日）"),
        ],
        charts=[
            chart("outpatients", "bar", "診療科別", "診療科", "外来延べ患者数（人）", "診療科別 外来延べ患者数", "人",
                  "2023年度（架空の例）", "desc"),
            chart("trend", "line", "年度推移", "年度", "病床稼働率, 紹介率", "病床稼働率と紹介率の推移", "%",
                  "2019〜2023年度（架空の例）", "", "", "half"),
            chart("wards", "donut", "病棟", "病棟", "病床数（床）", "病棟別 病床数", "床", "2024年4月1日現在（架空の例）",
                  "desc", "", "half"),
            chart("ambulance", "bar", "年度推移", "年度", "救急車受入件数（件）", "救急車受入件数", "件",
                  "2019〜2023年度（架空の例）", "", "2023年度"),
        ],
        content=[
            b("lead", "市立みなと総合病院は、{beds}を有する地域の基幹病院です。2023年度は外来延べ{outpatients:億万}、"
                      "入院延べ{inpatients}の患者さんを受け入れ、救急車の受入は{ambulance}と過去最多となりました。"),
            b("kpi", "許可病床数", "beds"),
            b("kpi", "職員数", "staff"),
            b("kpi", "手術件数", "operations"),
            b("kpi", "救急車受入件数", "ambulance"),
            b("chapter", "2023年度の診療実績"),
            b("section", "外来・入院"),
            b("paragraph", "1日平均の外来患者数は{daily_outpatients}、病床稼働率は{occupancy}、平均在院日数は{stay}でした。"
                           "医師{doctors}、看護職員{nurses}を含む職員{staff}が診療を支えています。"),
            b("chart", "", "outpatients"),
            b("table", "", "診療科別", "診療科別の実績（2023年度）"),
            b("section", "救急医療"),
            b("paragraph", "救急車の受入件数は、2020年度の{ambulance_2020}から回復し、2023年度は{ambulance}となりました。"),
            b("chart", "", "ambulance"),
            b("chart", "", "trend"),
            b("chart", "", "wards"),
            b("table", "", "年度推移", "主な指標の推移"),
            b("note", "延べ患者数は各日の患者数の年間合計です。手術件数は手術室で実施したものに限ります。"),
            b("note", EXAMPLE, "※"),
            b("contact", "市立みなと総合病院 経営企画課", caption="お問い合わせ"),
            b("contact", "〒000-0000 みなと市中央1-2-3　電話：000-000-0000"),
        ],
        stamp=dt.datetime(2024, 7, 1, 9, 0),
    )


# ------------------------------------------------------------------ 4. small NPO
def npo() -> Book:
    income = Sheet(("科目", "金額（万円）"), ("General", '#,##0'),
                   [("会費", 12), ("寄付金", 86), ("助成金", 150), ("事業収入", 23), ("合計", "=SUM(B2:B5)")])
    spending = Sheet(("科目", "金額（万円）"), ("General", '#,##0'),
                     [("食材費", 98), ("会場費", 36), ("人件費", 72), ("広報費", 9), ("合計", "=SUM(B2:B5)")])
    return Book(
        "npo-report",
        meta=[
            ("title", "こども食堂ひだまり 2023年度 活動報告", None),
            ("organisation", "NPO法人 ひだまりネット", None),
            ("doc_type", "活動報告", None),
            ("date", dt.datetime(2024, 6, 20), "yyyy-mm-dd"),
            ("source_note", "出典：NPO法人 ひだまりネット（架空の団体・数値の例。reportgen ギャラリー用）", None),
            ("output_name", "hidamari-2023", None),
            ("theme.page_size", "B5", None),
            ("theme.primary", "#B4235A", None),
            ("theme.accent", "#2F6F3E", None),
            ("theme.margin_left", 25, None),
            ("theme.margin_right", 25, None),
            ("theme.margin_top", 22, None),
            ("theme.margin_bottom", 22, None),
        ],
        sheets={"収入": income, "支出": spending},
        values=[
            ("meals_days", 48, '#,##0"回"', "開催回数"),
            ("children", 1203, '#,##0"人"', "延べ参加者数"),
            ("volunteers", 37, '#,##0"人"', "ボランティア登録者"),
            ("income_total", "=収入!B6", '#,##0"万円"', "収入合計"),
            ("spending_total", "=支出!B6", '#,##0"万円"', "支出合計"),
            ("grant", "=収入!B4", '#,##0"万円"', "助成金"),
            ("per_meal", "=B{spending_total}*10000/B{children}", '#,##0"円"', "1食当たりの費用"),
        ],
        charts=[chart("income", "pie", "収入", "科目", "金額（万円）", "収入の内訳", "万円", "2023年度（架空の例）", "desc")],
        content=[
            b("lead", "2023年度は{meals_days}の食堂を開き、延べ{children}の子どもたちと食卓を囲みました。"
                      "{volunteers}のボランティアの皆さま、ご寄付をくださった皆さまに心から感謝いたします。"),
            b("kpi", "開催回数", "meals_days"),
            b("kpi", "延べ参加者", "children"),
            b("kpi", "1食当たりの費用", "per_meal"),
            b("section", "会計報告"),
            b("paragraph", "収入は{income_total}、支出は{spending_total}でした。助成金{grant}が活動の半分以上を支えています。"),
            b("chart", "", "income"),
            b("table", "", "支出", "支出の内訳（単位：万円）"),
            b("section", "来年度に向けて"),
            b("bullet", "月4回から月6回へ開催を増やします"),
            b("bullet", "学習支援（宿題タイム）を始めます"),
            b("bullet", "フードバンクとの連携を広げます"),
            b("note", EXAMPLE, "※"),
            b("contact", "NPO法人 ひだまりネット　hello@hidamari.example.org", caption="ご寄付・ボランティアのお問い合わせ"),
        ],
        stamp=dt.datetime(2024, 6, 20, 10, 0),
    )


# ------------------------------------------------------- 5. manufacturer environment
SITES = ["本社（東京都中央区）", "鹿島工場", "四日市工場", "水島工場", "大分工場", "北九州工場", "千葉研究所",
         "Hokuto Chemical (Thailand) Co., Ltd.", "Hokuto Materials Vietnam Co., Ltd.", "北斗化学（蘇州）有限公司",
         "Hokuto Specialty Chemicals Europe GmbH", "Hokuto Chemical America, Inc."]


def environment() -> Book:
    ghg_rows = []
    for i, year in enumerate(range(2015, 2025)):
        s1 = 412000 - i * 14800 - (i * 3100) % 7000
        s2 = 286000 - i * 17200 - (i * 2300) % 5000
        ghg_rows.append((f"{year}年度", s1, s2, "=B{r}+C{r}", 2250 + i * 61))
    ghg = Sheet(("年度", "Scope1（t-CO2）", "Scope2（t-CO2）", "合計（t-CO2）", "売上高（億円）"),
                ("General", INT, INT, INT, INT), ghg_rows)
    energy = Sheet(("年度", "電力使用量（MWh）", "再エネ電力（MWh）", "再エネ比率", "水使用量（千m3）"),
                   ("General", INT, INT, PCT1, "#,##0.0"),
                   [(f"{y}年度", 612000 - i * 9100, 8200 + i * i * 2150, "=C{r}/B{r}", 18450.5 - i * 412.3)
                    for i, y in enumerate(range(2015, 2025))])
    sites = Sheet(("事業所", "Scope1+2（t-CO2）", "前年度比"), ("General", INT, '+0.0%;-0.0%'),
                  [(s, 8000 + (i * 15473) % 92000, ((i * 37) % 21 - 14) / 100) for i, s in enumerate(SITES)])
    return Book(
        "environment-data",
        meta=[
            ("title", "北斗化学工業 環境データブック 2024", None),
            ("subtitle", "温室効果ガス排出量（Scope1+2）は2015年度比{ghg_reduction}削減", None),
            ("organisation", "北斗化学工業株式会社", None),
            ("doc_type", "サステナビリティ", None),
            ("date", dt.datetime(2024, 9, 30), "yyyy-mm-dd"),
            ("short_title", "環境データブック 2024", None),
            ("keywords", "GHG, Scope1, Scope2, 再生可能エネルギー, TCFD", None),
            ("source_note", "出典：北斗化学工業 サステナビリティ推進部（架空の会社・数値の例。reportgen ギャラリー用）", None),
            ("output_name", "hokuto-env-2024", None),
            ("theme.page_size", "Letter", None),
            ("theme.primary", "#2E7D32", None),
            ("theme.accent", "#01579B", None),
            ("theme.text", "#1B1B1B", None),
            ("theme.palette", "#2E7D32, #01579B, #81C784, #4FC3F7, #C5E1A5, #B3E5FC", None),
        ],
        sheets={"GHG排出量": ghg, "エネルギー": energy, "事業所別": sites},
        values=[
            ("ghg_2024", "=GHG排出量!D11", '#,##0"t-CO2"', "2024年度 Scope1+2"),
            ("ghg_2015", "=GHG排出量!D2", '#,##0"t-CO2"', "2015年度 Scope1+2"),
            ("ghg_reduction", "=1-B{ghg_2024}/B{ghg_2015}", PCT1, "2015年度比の削減率"),
            ("intensity", "=GHG排出量!D11/GHG排出量!E11", '#,##0.0"t-CO2/億円"', "売上高原単位"),
            ("power", "=エネルギー!B11", '#,##0"MWh"', "電力使用量"),
            ("renewable", "=エネルギー!C11", '#,##0"MWh"', "再エネ電力"),
            ("renewable_share", "=エネルギー!D11", PCT1, "再エネ比率"),
            ("water", "=エネルギー!E11", '#,##0.0"千m3"', "水使用量"),
            ("target_2030", 0.5, "0%", "2030年度目標（2015年度比削減率）"),
        ],
        charts=[
            chart("ghg", "stacked", "GHG排出量", "年度", "Scope1（t-CO2）, Scope2（t-CO2）",
                  "温室効果ガス排出量（Scope1+2）の推移", "t-CO2", "算定基準：GHGプロトコル（架空の例）"),
            chart("renewable", "line", "エネルギー", "年度", "再エネ比率", "再生可能エネルギー電力の比率", "%",
                  "（架空の例）", "", "", "half"),
            chart("power", "bar", "エネルギー", "年度", "電力使用量（MWh）", "電力使用量", "MWh", "（架空の例）", "", "",
                  "half"),
            chart("sites", "barh", "事業所別", "事業所", "Scope1+2（t-CO2）", "事業所別 排出量（2024年度）", "t-CO2",
                  "海外拠点を含む（架空の例）", "desc"),
        ],
        content=[
            b("lead", "2024年度の温室効果ガス排出量（Scope1+2）は{ghg_2024}で、基準年の2015年度（{ghg_2015}）から"
                      "{ghg_reduction}削減しました。2030年度に{target_2030}削減する目標に向けて取り組みを進めています。"),
            b("kpi", "Scope1+2 排出量", "ghg_2024"),
            b("kpi", "2015年度比", "ghg_reduction"),
            b("kpi", "再エネ比率", "renewable_share"),
            b("kpi", "売上高原単位", "intensity"),
            b("chapter", "気候変動への対応"),
            b("section", "温室効果ガス排出量"),
            b("paragraph", "燃料転換と省エネルギー投資により、Scope1は着実に減少しています。売上高当たりの排出量は"
                           "{intensity}となりました。"),
            b("chart", "", "ghg"),
            b("table", "", "GHG排出量", "温室効果ガス排出量の推移"),
            b("section", "エネルギー"),
            b("paragraph", "電力使用量{power}のうち、再生可能エネルギー由来は{renewable}（{renewable_share}）です。"
                           "PPA（Power Purchase Agreement）とオンサイト太陽光発電を組み合わせています。"),
            b("chart", "", "renewable"),
            b("chart", "", "power"),
            b("table", "", "エネルギー", "エネルギー・水の使用量"),
            b("section", "事業所別の排出量"),
            b("chart", "", "sites"),
            b("table", "", "事業所別", "事業所別 Scope1+2 排出量（2024年度）"),
            b("note", "Scope2はマーケット基準。海外拠点は2019年度から集計範囲に含みます。"),
            b("note", EXAMPLE, "※"),
            b("contact", "北斗化学工業株式会社 サステナビリティ推進部", caption="お問い合わせ"),
            b("contact", "sustainability@hokuto-chem.example.co.jp"),
        ],
        stamp=dt.datetime(2024, 9, 30, 9, 0),
    )


# ------------------------------------------------------------------ 6. tourism
COUNTRIES = ["韓国", "台湾", "中国", "香港", "米国", "タイ", "オーストラリア", "シンガポール", "その他"]
BASE = [21000, 18500, 9800, 7600, 5200, 4100, 3300, 2500, 11200]
SEASON = [0.82, 0.95, 1.08, 1.12, 0.98, 0.9, 1.02, 1.15, 0.96, 1.05, 1.0, 1.18]


def tourism() -> Book:
    rows = []
    for i in range(24):
        month = dt.datetime(2023 + i // 12, i % 12 + 1, 1)
        growth = 1 + 0.012 * i
        counts = [round(base * SEASON[i % 12] * growth * (1 + ((c * 7 + i * 3) % 11 - 5) / 100))
                  for c, base in enumerate(BASE)]
        rows.append((month, *counts, "=SUM(B{r}:J{r})"))
    monthly = Sheet(("年月", *COUNTRIES, "合計"), (MONTH, *[INT] * 10), rows)
    by_country = Sheet(("国・地域", "2024年（人泊）", "2023年（人泊）", "前年比"),
                       ("General", INT, INT, '+0.0%;-0.0%'),
                       [(name, f"=SUM(月別国籍別!{col}14:{col}25)", f"=SUM(月別国籍別!{col}2:{col}13)",
                         "=B{r}/C{r}-1") for name, col in zip(COUNTRIES, "BCDEFGHIJ")])
    return Book(
        "tourism-statistics",
        meta=[
            ("title", "あおば県 外国人延べ宿泊者数 2024年（確定値）", None),
            ("subtitle", "年間{total_2024}人泊、前年比{total_yoy}", None),
            ("organisation", "あおば県 観光交流局", None),
            ("doc_type", "観光統計", None),
            ("date", dt.datetime(2025, 3, 14), "yyyy-mm-dd"),
            ("short_title", "外国人延べ宿泊者数 2024年", None),
            ("source_note", "出典：あおば県 観光交流局（架空の県・数値の例。reportgen ギャラリー用）", None),
            ("output_name", "aoba-tourism-2024", None),
            ("theme.primary", "#6A1B9A", None),
            ("theme.accent", "#E65100", None),
            ("theme.palette", "#6A1B9A, #E65100, #00897B, #3949AB, #C0CA33, #8D6E63, #D81B60, #546E7A", None),
        ],
        sheets={"月別国籍別": monthly, "国別": by_country},
        values=[
            ("total_2024", "=SUM(月別国籍別!K14:K25)", INT, "2024年 合計"),
            ("total_2023", "=SUM(月別国籍別!K2:K13)", INT, "2023年 合計"),
            ("total_yoy", "=B{total_2024}/B{total_2023}-1", '+0.0%;-0.0%', "前年比"),
            ("korea_2024", "=国別!B2", '#,##0"人泊"', "韓国"),
            ("korea_yoy", "=国別!D2", '+0.0%;-0.0%', "韓国 前年比"),
            ("peak", "=MAX(月別国籍別!K14:K25)", '#,##0"人泊"', "月間最多"),
            ("taiwan_2024", "=国別!B3", '#,##0"人泊"', "台湾"),
        ],
        charts=[
            chart("monthly", "line", "月別国籍別", "年月", "韓国, 台湾, 中国, 香港, 米国, タイ",
                  "主な国・地域別 外国人延べ宿泊者数の推移", "人泊", "2023年1月〜2024年12月（架空の例）"),
            chart("stacked", "stacked", "月別国籍別", "年月", ", ".join(COUNTRIES), "国・地域別の構成（月別）", "人泊",
                  "（架空の例）"),
            chart("countries", "barh", "国別", "国・地域", "2024年（人泊）", "国・地域別 2024年", "人泊", "（架空の例）",
                  "desc", "韓国"),
        ],
        content=[
            b("lead", "2024年のあおば県における外国人延べ宿泊者数は{total_2024}人泊で、前年比{total_yoy}となりました。"
                      "国・地域別では韓国が{korea_2024}（前年比{korea_yoy}）で最も多く、台湾の{taiwan_2024}が続きます。"),
            b("kpi", "外国人延べ宿泊者数", "total_2024"),
            b("kpi", "前年比", "total_yoy"),
            b("kpi", "月間最多", "peak"),
            b("section", "月別の推移"),
            b("chart", "", "monthly"),
            b("chart", "", "stacked"),
            b("section", "国・地域別"),
            b("chart", "", "countries"),
            b("table", "", "国別", "国・地域別 外国人延べ宿泊者数（人泊）"),
            b("pagebreak"),
            b("section", "月別・国籍別の詳細"),
            b("table", "", "月別国籍別", "月別・国籍別 外国人延べ宿泊者数（人泊）"),
            b("note", "従業者数10人以上の宿泊施設を対象とした調査です。"),
            b("note", EXAMPLE, "※"),
        ],
        stamp=dt.datetime(2025, 3, 14, 14, 0),
    )


# ------------------------------------------------------------------ 7. long list
PLACES = [("北海道", "札幌市中央区"), ("青森県", "弘前市"), ("岩手県", "盛岡市"), ("宮城県", "仙台市青葉区"),
          ("秋田県", "横手市"), ("山形県", "鶴岡市"), ("福島県", "会津若松市"), ("茨城県", "つくば市"),
          ("栃木県", "宇都宮市"), ("群馬県", "高崎市"), ("埼玉県", "さいたま市浦和区"), ("千葉県", "船橋市"),
          ("東京都", "世田谷区"), ("東京都", "八王子市"), ("神奈川県", "横浜市港北区"), ("神奈川県", "相模原市緑区"),
          ("新潟県", "長岡市"), ("富山県", "高岡市"), ("石川県", "金沢市"), ("福井県", "坂井市"),
          ("山梨県", "甲府市"), ("長野県", "松本市"), ("岐阜県", "大垣市"), ("静岡県", "浜松市中央区"),
          ("愛知県", "名古屋市千種区"), ("愛知県", "豊田市"), ("三重県", "四日市市"), ("滋賀県", "東近江市"),
          ("京都府", "京都市左京区"), ("大阪府", "堺市堺区"), ("大阪府", "東大阪市"), ("兵庫県", "神戸市灘区"),
          ("奈良県", "奈良市"), ("和歌山県", "田辺市"), ("鳥取県", "米子市"), ("島根県", "出雲市"),
          ("岡山県", "倉敷市"), ("広島県", "福山市"), ("山口県", "下関市"), ("徳島県", "阿南市"),
          ("香川県", "丸亀市"), ("愛媛県", "松山市"), ("高知県", "四万十市"), ("福岡県", "北九州市小倉北区"),
          ("佐賀県", "唐津市"), ("長崎県", "佐世保市"), ("熊本県", "八代市"), ("大分県", "別府市"),
          ("宮崎県", "都城市"), ("鹿児島県", "霧島市"), ("沖縄県", "那覇市")]
CATEGORIES = ["子ども", "高齢者", "環境", "防災", "文化", "まちづくり"]
GROUP_HEADS = ["みらい", "ひまわり", "あおぞら", "さくら", "つばさ", "わかば", "こもれび", "ふるさと"]
GROUP_TAILS = ["子ども会", "見守り隊", "自然学校", "防災クラブ", "文化協会", "まちづくり協議会", "食堂", "サロン"]


def long_list() -> Book:
    rows = []
    for i in range(236):
        pref, city = PLACES[(i * 17) % len(PLACES)]
        day = dt.datetime(2023, 6, 1) + dt.timedelta(days=(i * 11) % 280)
        cat = CATEGORIES[(i * 5) % len(CATEGORIES)]
        group = GROUP_HEADS[i % 8] + GROUP_TAILS[(i * 3) % 8]
        amount = (300 + (i * 7877) % 4700) * 1000
        rows.append((i + 1, day, pref, city, group, cat, amount))
    rows.sort(key=lambda r: (r[1], r[0]))
    rows = [(n + 1, *r[1:]) for n, r in enumerate(rows)]
    grants = Sheet(("No.", "交付決定日", "都道府県", "市区町村", "団体名", "区分", "交付額（円）"),
                   ("0", DATE, "General", "General", "General", "General", INT), rows)
    last = len(rows) + 1
    totals = {c: sum(r[6] for r in rows if r[5] == c) for c in CATEGORIES}  # a pivot table, pasted as values
    counts = {c: sum(1 for r in rows if r[5] == c) for c in CATEGORIES}
    pivot = Sheet(("区分", "件数", "交付額（円）"), ("General", INT, INT),
                  [(c, counts[c], totals[c]) for c in CATEGORIES])
    return Book(
        "grants-list",
        meta=[
            ("title", "令和5年度 地域活動助成 交付決定一覧", None),
            ("subtitle", "全国{grant_count}団体、総額{grant_total:億万}", None),
            ("organisation", "公益財団法人 あしたの地域財団", None),
            ("doc_type", "交付決定一覧", None),
            ("date", dt.datetime(2024, 4, 15), "yyyy-mm-dd"),
            ("short_title", "令和5年度 交付決定一覧", None),
            ("source_note", "出典：あしたの地域財団（架空の財団・団体・数値の例。reportgen ギャラリー用）", None),
            ("output_name", "ashita-grants-r5", None),
            ("theme.primary", "#37474F", None),
            ("theme.accent", "#D84315", None),
            ("theme.zebra", "#F1F4F6", None),
        ],
        sheets={"交付一覧": grants, "区分別": pivot},
        values=[
            ("grant_count", f"=MAX(交付一覧!A2:A{last})", INT, "交付件数"),
            ("grant_total", f"=SUM(交付一覧!G2:G{last})", '#,##0"円"', "交付総額"),
            ("grant_max", f"=MAX(交付一覧!G2:G{last})", '#,##0"円"', "最高額"),
            ("grant_avg", f"=ROUND(AVERAGE(交付一覧!G2:G{last}),0)", '#,##0"円"', "平均額"),
        ],
        charts=[chart("by_category", "barh", "区分別", "区分", "交付額（円）", "区分別の交付額", "円",
                      "令和5年度（架空の例）", "desc")],
        content=[
            b("lead", "あしたの地域財団は、令和5年度の地域活動助成として全国{grant_count}団体への交付を決定しました。"
                      "交付総額は{grant_total}、1件当たりの平均は{grant_avg}です。"),
            b("kpi", "交付件数", "grant_count"),
            b("kpi", "交付総額", "grant_total"),
            b("kpi", "平均交付額", "grant_avg"),
            b("chart", "", "by_category"),
            b("section", "交付決定一覧"),
            b("table", "", "交付一覧", "交付決定一覧（交付決定日順）"),
            b("note", "団体名は申請時の名称です。"),
            b("note", EXAMPLE, "※"),
            b("contact", "公益財団法人 あしたの地域財団 助成課　josei@ashita.example.or.jp", caption="お問い合わせ"),
        ],
        stamp=dt.datetime(2024, 4, 15, 9, 0),
    )


# ------------------------------------------------------------------ 8. stress
LONG_URL = ("https://www.example.co.jp/products/industrial-automation/controllers/hyperion-x2000-ultra/"
            "specifications/download?lang=ja&format=pdf&revision=2024-03-rev7")
PRODUCTS = ["Hyperion X-2000 Ultra", "CloudSync Enterprise Edition", "NanoEdge Sensor Kit Pro",
            "Quantum Flux Capacitor Mk.II", "AquaPure Filtration System 500", "SkyLink Satellite Modem",
            "TerraForm Soil Analyzer", "VoltMax Lithium Battery Pack 48V", "OptiView 8K Camera Module",
            "BioGuard Antimicrobial Coating", "SmartGrid Controller SGC-7", "FlexiArm Collaborative Robot",
            "ThermoCore Heat Exchanger HX-90", "ZenithOS Industrial Edition", "PulseWave Ultrasonic Cleaner"]
LONG_CATEGORIES = ["産業用オートメーション機器・制御装置", "クラウド型データ連携サービス（年間契約）",
                   "IoTセンサー・エッジコンピューティング機器", "研究開発用の特殊電子部品・試作品",
                   "水処理・ろ過システム（業務用大型設備）"]


def stress() -> Book:
    products = []
    for i, name in enumerate(PRODUCTS):
        products.append((name, LONG_CATEGORIES[i % 5], dt.datetime(2019 + i % 5, 1 + (i * 5) % 12, 1 + (i * 7) % 28),
                         19800 * (1 + i * 37 % 50), 120 + (i * 2371) % 98000, "=D{r}*E{r}",
                         ((i * 29) % 61 - 20) / 100, 1000 + (i * 991) % 50000, 3.1 + (i * 3 % 19) / 10,
                         f"https://www.example.co.jp/p/{name.lower().replace(' ', '-').replace('.', '')}",
                         cycle(["営業一部", "営業二部", "海外事業本部 北米営業部"], i),
                         cycle(["", "在庫僅少", "2025年3月で販売終了予定（後継機種あり）"], i)))
    product_sheet = Sheet(("製品名", "カテゴリ", "発売日", "単価（円）", "販売数", "売上高（円）", "前年比", "在庫",
                           "評価", "製品ページ", "担当部署", "備考"),
                          ("General", "General", DATE, INT, INT, INT, '+0.0%;-0.0%', INT, "0.0", "General",
                           "General", "General"), products)
    cities = [p[1] for p in PLACES[:30]]
    wide = Sheet(("市区町村", "出荷台数"), ("General", INT), [(c, 400 + (i * 3331) % 9000) for i, c in enumerate(cities)])
    months = [dt.datetime(2022 + i // 12, i % 12 + 1, 1) for i in range(36)]
    series_names = ["Hyperion X-2000", "CloudSync", "NanoEdge", "VoltMax 48V", "OptiView 8K", "FlexiArm"]
    multi = Sheet(("月", *series_names), (MONTH, *[INT] * 6),
                  [(m, *[200 + ((i * 13 + s * 41) % 37) * (s + 3) + i * (s + 1) * 4 for s in range(6)])
                   for i, m in enumerate(months)])
    half = Sheet(("地域", "国内向け出荷台数（前年同期比較用の参考値）", "海外向け出荷台数（北米・欧州・アジア合計）"),
                 ("General", INT, INT),
                 [("北海道・東北", 1200, 800), ("関東・甲信越", 5400, 3100), ("中部・北陸", 3300, 2600),
                  ("近畿", 2900, 1900), ("中国・四国", 1100, 700), ("九州・沖縄", 1500, 1200)])
    long_labels = Sheet(("カテゴリ", "売上構成比"), ("General", PCT1),
                        [(c, s) for c, s in zip(LONG_CATEGORIES, (0.34, 0.27, 0.18, 0.13, 0.08))])
    tiny = Sheet(("項目", "件数"), ("General", INT), [("A", 1), ("B", 0), ("C", 2)])
    kpis = [("kpi_one", 1, '#,##0"件"', "最小"), ("kpi_pct", 0.123, PCT1, "率"),
            ("kpi_big", 1234567890, '#,##0"円"', "最大"), ("kpi_people", 98765, '#,##0"人"', "人数"),
            ("kpi_negative", -0.042, '+0.0%;-0.0%', "マイナス"), ("kpi_decimal", 0.5, '0.00"倍"', "小数"),
            ("kpi_oku", 123456.78, '#,##0.00"億円"', "億円"), ("kpi_dollar", 2.5, '"US$"#,##0.0"bn"', "ドル")]
    long_heading = ("ハイペリオンX-2000 Ultra の量産開始と、国内外13拠点における生産体制の再編、"
                    "ならびに2030年度までの中期経営計画「Vision 2030 — Connect & Create」の進捗について")
    return Book(
        "stress-everything",
        meta=[
            ("title", "Hyperion Technologies 株式会社 統合報告ファクトシート 2024 — 全ブロック・極端値の確認用ドキュメント", None),
            ("subtitle", "売上高{kpi_big}、販売数{kpi_one}から、URL・長い見出し・英数字の混在まで", None),
            ("organisation", "Hyperion Technologies 株式会社（ハイペリオン・テクノロジーズ）", None),
            ("doc_type", "ファクトシート", None),
            ("date", dt.datetime(2024, 12, 24), "yyyy-mm-dd"),
            ("author", "Hyperion Technologies Corporate Communications", None),
            ("subject", "レイアウトの極端な場合をまとめて確かめるための架空の文書", None),
            ("keywords", "stress, gallery, Hyperion, 統合報告, テスト", None),
            ("short_title", "Hyperion Technologies 統合報告ファクトシート 2024（確認用）", None),
            ("source_note", "出典：Hyperion Technologies（架空の会社・数値の例。reportgen ギャラリー用）。"
                            "詳細は " + LONG_URL, None),
            ("output_name", "stress-everything", None),
            ("rate.USD_JPY", 151.4, '0.0"円"', ),
        ],
        names={"USD_JPY": "rate.USD_JPY"},
        sheets={"製品一覧": product_sheet, "市区町村別": wide, "月次販売": multi, "地域別出荷": half,
                "カテゴリ構成": long_labels, "最小": tiny},
        values=kpis + [
            ("kpi_big_usd", "=B{kpi_big}/USD_JPY", '#,##0"ドル"', "円をドルに換算"),
            ("top_product_sales", "=製品一覧!F2", '#,##0"円"', "Hyperion X-2000 Ultra の売上高"),
            ("units_total", "=SUM(製品一覧!E2:E16)", '#,##0"台"', "販売数合計"),
            ("launch", "=製品一覧!C2", 'yyyy"年"m"月"d"日"', "発売日"),
        ],
        charts=[
            chart("cities", "bar", "市区町村別", "市区町村", "出荷台数", "市区町村別 出荷台数（30市区町村）", "台",
                  "2024年1〜12月（架空の例）"),
            chart("multi", "line", "月次販売", "月", ", ".join(series_names), "主要6製品の月次販売台数（36か月）", "台",
                  "2022年1月〜2024年12月（架空の例）"),
            chart("half_bar", "bar", "地域別出荷", "地域", "国内向け出荷台数（前年同期比較用の参考値）, "
                  "海外向け出荷台数（北米・欧州・アジア合計）", "地域別の出荷台数（国内・海外）", "台", "（架空の例）",
                  "", "", "half"),
            chart("half_stacked", "stacked", "地域別出荷", "地域", "国内向け出荷台数（前年同期比較用の参考値）, "
                  "海外向け出荷台数（北米・欧州・アジア合計）", "地域別の出荷構成", "台", "（架空の例）", "", "", "half"),
            chart("long_labels", "barh", "カテゴリ構成", "カテゴリ", "売上構成比",
                  "カテゴリ別 売上構成比（ラベルが20文字を超える場合）", "%", "（架空の例）", "desc",
                  "産業用オートメーション機器・制御装置"),
            chart("long_pie", "pie", "カテゴリ構成", "カテゴリ", "売上構成比", "売上構成比（円グラフ）", "%", "（架空の例）",
                  "", "", "half"),
            chart("tiny", "bar", "最小", "項目", "件数", "最小の値（0・1・2件）", "件", "", "", "", "half"),
            chart("products", "barh", "製品一覧", "製品名", "売上高（円）", "製品別 売上高（英字の製品名15件）", "円",
                  "（架空の例）", "desc", "Hyperion X-2000 Ultra"),
        ],
        content=[
            b("lead", "Hyperion Technologies 株式会社（以下、当社）は、2024年度の売上高が{kpi_big}（約{kpi_big:億万}、"
                      "{kpi_big_usd}）となったことをお知らせします。主力の Hyperion X-2000 Ultra（{launch}発売）の売上高は"
                      "{top_product_sales}、全製品の販売数は{units_total}でした。仕様書は " + LONG_URL + " から入手できます。"),
            b("kpi", "最小の値", "kpi_one"),
            b("kpi", "率", "kpi_pct"),
            b("kpi", "最大の値（10桁）", "kpi_big"),
            b("kpi", "人数", "kpi_people"),
            b("paragraph", "KPIカードの2行目：負の値、小数、億円の大きな値、ドル表記が並びます。"),
            b("kpi", "前年比（マイナス）", "kpi_negative"),
            b("kpi", "倍率", "kpi_decimal"),
            b("kpi", "億円の大きな値", "kpi_oku"),
            b("kpi", "ドル表記の値", "kpi_dollar"),
            b("part", "第1部　事業の概況と主要製品の販売実績（Business Overview and Product Performance）",
              "Hyperion Technologies 株式会社"),
            b("chapter", long_heading, "サブタイトルも長い場合：生産体制の再編と中期経営計画の進捗を、数字と図表で説明します"),
            b("section", "主要製品（英字の製品名・長いカテゴリ名・URLを含む12列の表）"),
            b("paragraph", "CloudSync Enterprise Edition、NanoEdge Sensor Kit Pro、Quantum Flux Capacitor Mk.II、"
                           "AquaPure Filtration System 500 など、英字の製品名が続く段落です。internationalization、"
                           "electroencephalography、Massachusetts Institute of Technology のような長い単語が行末に来ても、"
                           "単語の途中で改行してはいけません。数値の例：1,234,567,890円、123,456.78億円、−4.2%、2024年12月24日、"
                           "2024/12/24、12:30、No.12345、ISO 14001:2015、3.14159。"),
            b("table", "", "製品一覧", "製品一覧（12列・15行、英字の製品名・長いカテゴリ名・URL・日付・率を含む）"),
            b("unit", "ハイペリオンX-2000 Ultra（産業用オートメーション・コントローラー）事業本部"),
            b("headline", "量産開始から18か月で累計販売数{units_total}、売上高{top_product_sales}を達成し、"
                          "国内シェア第1位を獲得"),
            b("paragraph", "グラフの極端な例：30市区町村の棒グラフ、6系列36か月の折れ線、長い系列名の半幅グラフ、20文字を超える"
                           "カテゴリ名、0と1と2だけの小さなグラフを続けて置きます。"),
            b("chart", "", "cities"),
            b("chart", "", "multi"),
            b("chart", "", "half_bar"),
            b("chart", "", "half_stacked"),
            b("chart", "", "long_labels"),
            b("chart", "", "long_pie"),
            b("chart", "", "tiny"),
            b("chart", "", "products"),
            b("unit", "CloudSync Enterprise Edition"),
            b("headline", "クラウド型データ連携サービスの契約社数が前年比{kpi_pct}増"),
            b("highlight", "**Hyperion X-2000 Ultra** の販売数は{units_total}、売上高は{top_product_sales}[^1]。"),
            b("highlight", "海外売上比率は{kpi_pct}。URL が長い場合の例：" + LONG_URL),
            b("highlight", "第10項として番号を明示した項目（2桁の番号のぶら下げを確かめる）。", "10"),
            b("bullet", "短い項目"),
            b("bullet", "Latin only: Quantum Flux Capacitor Mk.II and ZenithOS Industrial Edition are registered "
                        "trademarks of Hyperion Technologies Corporation."),
            b("bullet", "[リンク付きの項目](https://www.example.co.jp/ir/)と、mailto 形式の [問い合わせ先](mailto:ir@example.co.jp)"),
            b("note", "売上高は税抜。換算レートは1ドル={USD_JPY}。", "1"),
            b("section", "地域別の状況"),
            b("image", "", "stress-photo.png", "工場の外観（半幅の画像。画像は生成したグラデーション）", "width=half"),
            b("paragraph", "画像の横または下に続く本文です。半幅の画像と本文が並ぶときの余白と、キャプションの折り返しを確かめます。"),
            b("pagebreak"),
            b("part", "第2部　サステナビリティ", "Hyperion Technologies 株式会社"),
            b("chapter", "環境"),
            b("section", "気候変動"),
            b("unit", "国内工場"),
            b("paragraph", "見出しの階層（部・章・節・項）がしおり（PDFのブックマーク）の階層と一致することを確かめます。"),
            b("unit", "海外工場"),
            b("paragraph", "Hyperion Technologies (Thailand) Co., Ltd. と Hyperion Materials Vietnam Co., Ltd. の2拠点です。"),
            b("section", "資源循環"),
            b("paragraph", "短い節。"),
            b("chapter", "社会"),
            b("section", "人材"),
            b("paragraph", "従業員数は{kpi_people}です。"),
            b("quote", "つなぐ技術で、つくる未来を。— Connect & Create"),
            b("note", EXAMPLE, "※"),
            b("contact", "Hyperion Technologies 株式会社 コーポレート・コミュニケーション部", caption="＜本件に関するお問い合わせ先＞"),
            b("contact", "担当：山田・Smith　TEL：03-0000-0000　MAIL：press@hyperion-tech.example.co.jp"),
            b("contact", LONG_URL),
        ],
        stamp=dt.datetime(2024, 12, 24, 10, 0),
    )


BOOKS = [municipality, quarterly, hospital, npo, environment, tourism, long_list, stress]

# ---------------------------------------------------------------------------- writing
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="44546A")
WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = InlineFont(b=True)


def write_header(ws: Worksheet, names: tuple[str, ...]) -> None:
    ws.append(list(names))
    for cell in ws[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    ws.freeze_panes = "A2"


def excel_bold(text: object) -> object:
    """`**bold**` becomes Excel rich text, as a user would set it."""
    if not isinstance(text, str) or "**" not in text:
        return text
    parts = text.split("**")
    return CellRichText(*(TextBlock(BOLD, p) if i % 2 else p for i, p in enumerate(parts) if p))


def row_refs(text: str, rows: dict[str, int]) -> str:
    """"{name}" inside a values formula is that value's row."""
    return re.sub(r"\{(\w+)\}", lambda m: str(rows[m[1]]), text)


def build(book: Book) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    ws = wb.create_sheet("meta")
    write_header(ws, ("key", "value", "note"))
    for key, value, fmt in book.meta:
        ws.append([key, value])
        if fmt:
            ws.cell(ws.max_row, 2).number_format = fmt
        for name, meta_key in book.names.items():
            if meta_key == key:
                wb.defined_names[name] = DefinedName(name, attr_text=f"meta!$B${ws.max_row}")
    ws.append(["", None, None])  # a blank row, as users leave them
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 18, 70

    ws = wb.create_sheet("content")
    write_header(ws, ("type", "text", "ref", "caption", "options"))
    for kind, text, *rest in book.content:
        ws.append([kind, excel_bold(text) if text else None, *(cell or None for cell in rest)])
        ws.cell(ws.max_row, 2).alignment = WRAP
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 11, 100

    if book.values:
        ws = wb.create_sheet("values")
        write_header(ws, ("name", "value", "note"))
        rows = {name: i for i, (name, *_rest) in enumerate(book.values, start=2)}
        for name, value, fmt, note in book.values:
            ws.append([name, row_refs(value, rows) if isinstance(value, str) else value, note])
            ws.cell(ws.max_row, 2).number_format = fmt
        ws.column_dimensions["A"].width, ws.column_dimensions["C"].width = 22, 50

    if book.charts:
        ws = wb.create_sheet("charts")
        write_header(ws, CHART_HEADER)
        for row in book.charts:
            ws.append([cell or None for cell in row])

    for name, sheet in book.sheets.items():
        ws = wb.create_sheet(name)
        write_header(ws, sheet.header)
        for r, row in enumerate(sheet.rows, start=2):
            ws.append([v.format(r=r) if isinstance(v, str) and v.startswith("=") else v for v in row])
            for c, fmt in enumerate(sheet.formats, start=1):
                ws.cell(r, c).number_format = fmt
        ws.column_dimensions["A"].width = 28

    wb.properties.creator = "reportgen data/gallery/make_gallery.py"
    wb.properties.title = str(book.meta[0][1])
    wb.properties.created = book.stamp
    wb.calculation.fullCalcOnLoad = True  # formulas carry no saved values: compute on open
    return wb


def reproducible_bytes(wb: Workbook, stamp: dt.datetime) -> bytes:
    """The saved workbook with fixed timestamps.

    Hand-written (as in data/make_sample.py): openpyxl stamps docProps/core.xml with the
    current time and zipfile stamps each member; both are rewritten here.
    """
    raw = io.BytesIO()
    wb.save(raw)
    text = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + text, data)
            member = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, data)
    return out.getvalue()


def photo_png() -> bytes:
    """The stress workbook's image: a plain gradient, 1800 px wide (300 dpi at half width)."""
    import numpy as np
    from PIL import Image

    x = np.linspace(0, 1, 1800)[None, :, None]
    y = np.linspace(0, 1, 1200)[:, None, None]
    rgb = (np.array([27, 110, 74]) * (1 - x) + np.array([230, 200, 120]) * x) * (0.6 + 0.4 * y)
    out = io.BytesIO()
    Image.fromarray(rgb.astype("uint8"), "RGB").quantize(32).save(out, "PNG", dpi=(300, 300))
    return out.getvalue()


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else HERE
    out.mkdir(parents=True, exist_ok=True)
    (out / "stress-photo.png").write_bytes(photo_png())
    for make in BOOKS:
        book = make()
        (out / f"{book.name}.xlsx").write_bytes(reproducible_bytes(build(book), book.stamp))
        print(f"wrote {out / book.name}.xlsx ({len(book.content)} content rows, {len(book.sheets)} data sheets, "
              f"{len(book.charts)} charts)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
