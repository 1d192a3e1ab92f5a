"""Synthetic workbooks for the scaling benchmark: a fact sheet of about N pages.

In: a page count and a path. Out: a valid reportgen workbook (docs/workbook.md) whose
size grows linearly with the page count: about 5 long paragraphs per page, one data
table of 100 rows per page (10,000 rows at 100 pages) and one chart per two pages
(50 charts at 100 pages). Deterministic: the same page count gives the same cells.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl import Workbook

SENTENCES = (
    "アリババグループは、世界中の中小企業や医療機関による新型コロナウイルス感染症対策への支援を続けています。",
    "2020年3月31日時点で、拠出額は合計33.56億元（約503.40億円）に達しました。",
    "オンライン教育サービスは1億3,000万人の学生に利用され、教員の授業準備も支えました。",
    "物流支援ファンドは、サプライチェーンと物流を担う企業へ計3.6億元を届けています。",
    "ライブコマースの新規配信アカウント数は前月比719％増となり、店舗の売上回復に寄与しました。",
    "DingTalk（ディントーク）は「在宅勤務」「オンライン授業」の標準的な道具になりつつあります。",
    "医療現場には、日用品と食事が毎日届けられ、医療従事者の負担を和らげました。",
    "海外の華僑向けには、オンライン健康相談が24時間体制で提供されました。",
)
KINDS = ("bar", "barh", "line", "donut", "stacked", "pie")
REGIONS = ("北海道", "東北", "関東", "中部", "近畿", "中国", "四国", "九州・沖縄")
MONTHS = ("1月", "2月", "3月", "4月", "5月", "6月")

PARAGRAPHS_PER_PAGE = 5
ROWS_PER_PAGE = 100
PAGES_PER_CHART = 2


@dataclass(frozen=True)
class Size:
    """What a synthetic workbook of `pages` pages holds."""

    pages: int
    paragraphs: int
    table_rows: int
    charts: int

    @classmethod
    def of(cls, pages: int) -> Size:
        return cls(pages, PARAGRAPHS_PER_PAGE * pages, ROWS_PER_PAGE * pages, max(1, pages // PAGES_PER_CHART))


def paragraph(i: int) -> str:
    """A long paragraph (about 300 characters) of rotating sentences."""
    return "".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(6))


def write_synthetic(path: Path, pages: int) -> Size:
    """Write a workbook of about `pages` pages to `path`; returns what it holds."""
    from openpyxl import Workbook  # here, so that the bench process itself stays small

    size = Size.of(pages)
    wb = Workbook()
    wb.remove(wb.active)
    _meta(wb, pages)
    _content(wb, size)
    _values(wb)
    _charts(wb, size)
    _records(wb, size.table_rows)
    _trend(wb)
    wb.properties.created = dt.datetime(2020, 5, 15)
    wb.save(path)
    return size


def _meta(wb: Workbook, pages: int) -> None:
    ws = wb.create_sheet("meta")
    for row in (("key", "value"), ("title", f"ベンチマーク用ファクトシート（約{pages}ページ）"),
                ("organisation", "ベンチマーク株式会社"), ("date", dt.datetime(2020, 5, 15)),
                ("output_name", f"synthetic-{pages}")):
        ws.append(row)
    ws["B4"].number_format = "yyyy/mm/dd"


def _content(wb: Workbook, size: Size) -> None:
    ws = wb.create_sheet("content")
    ws.append(("type", "text", "ref", "caption", "options"))
    ws.append(("lead", "合計{total}を拠出したと発表しました。" + paragraph(0)))
    for label, name in (("拠出総額", "total"), ("利用者数", "users")):
        ws.append(("kpi", label, name))
    per_section = max(1, size.paragraphs // max(size.charts, 1))
    chart = 0
    for i in range(size.paragraphs):
        if i % per_section == 0:
            ws.append(("section", f"第{i // per_section + 1}節 取り組みの概要"))
        ws.append(("paragraph", paragraph(i)))
        if i % per_section == per_section - 1 and chart < size.charts:
            ws.append(("chart", None, f"c{chart}"))
            chart += 1
    for rest in range(chart, size.charts):
        ws.append(("chart", None, f"c{rest}"))
    ws.append(("table", None, "records", f"地域別の記録（{size.table_rows:,}行）"))
    ws.append(("note", "数値は合成データです。"))


def _values(wb: Workbook) -> None:
    ws = wb.create_sheet("values")
    ws.append(("name", "value", "note"))
    ws.append(("total", 33.56))
    ws["B2"].number_format = '#,##0.00"億元"'
    ws.append(("users", 130000000))
    ws["B3"].number_format = '#,##0"人"'


def _charts(wb: Workbook, size: Size) -> None:
    ws = wb.create_sheet("charts")
    ws.append(("id", "type", "table", "category", "series", "title", "unit", "caption", "sort", "highlight", "width"))
    for i in range(size.charts):
        kind = KINDS[i % len(KINDS)]
        series = "売上,利益" if kind in ("stacked", "line") else "売上"
        ws.append((f"c{i}", kind, "trend", "月", series, f"月別の売上（図{i + 1}）", "億円",
                   "出典：合成データ", "none", MONTHS[i % len(MONTHS)] if kind in ("bar", "barh") else None,
                   "half" if i % 3 == 2 else "full"))


def _records(wb: Workbook, rows: int) -> None:
    ws = wb.create_sheet("records")
    ws.append(("番号", "地域", "件数", "金額（億円）", "日付"))
    for i in range(rows):
        ws.append((i + 1, REGIONS[i % len(REGIONS)], (i * 37) % 1000 + 1, round((i * 7.31) % 100, 2),
                   dt.datetime(2020, 1, 1) + dt.timedelta(days=i % 365)))
    for col, fmt in (("C", "#,##0"), ("D", "0.00"), ("E", "yyyy/mm/dd")):
        for cell in ws[col][1:]:
            cell.number_format = fmt


def _trend(wb: Workbook) -> None:
    ws = wb.create_sheet("trend")
    ws.append(("月", "売上", "利益"))
    for i, month in enumerate(MONTHS):
        ws.append((month, 10 + 3 * i, 2 + i))


def write_long_table(path: Path, rows: int, columns: int = 20) -> None:
    """A workbook that is one long data table (`rows` x `columns`: numbers, short texts
    and dates in turn), for the limits benchmark (docs/errors.md, Limits). Written with
    openpyxl's streaming writer, so that 100,000 rows take seconds and little memory."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    meta = wb.create_sheet("meta")
    for row in (("key", "value"), ("title", f"長い表（{rows:,}行 × {columns}列）"),
                ("organisation", "ベンチマーク株式会社"), ("date", dt.datetime(2020, 5, 15)),
                ("output_name", f"table-{rows}x{columns}")):
        meta.append(row)
    body = wb.create_sheet("content")
    body.append(("type", "text", "ref", "caption"))
    body.append(("paragraph", paragraph(0)))
    body.append(("table", None, "records", f"記録（{rows:,}行）"))
    values = wb.create_sheet("values")
    values.append(("name", "value"))
    data = wb.create_sheet("records")
    data.append([f"列{c + 1}" for c in range(columns)])
    formats = ("#,##0", "0.00", None, "yyyy/mm/dd")
    for i in range(rows):
        cells = []
        for c in range(columns):
            kind = c % 4
            value = ((i * 37 + c) % 100000 if kind == 0 else round((i * 7.31 + c) % 1000, 2) if kind == 1
                     else REGIONS[(i + c) % len(REGIONS)] if kind == 2
                     else dt.datetime(2020, 1, 1) + dt.timedelta(days=(i + c) % 365))
            cell = WriteOnlyCell(data, value)
            if formats[kind]:
                cell.number_format = formats[kind]
            cells.append(cell)
        data.append(cells)
    wb.save(path)


CONTRACT_SHEETS = ("meta", "content", "values", "charts")


def write_variants(sample: Path, folder: Path, count: int) -> list[Path]:
    """`count` distinct fact sheets made from `sample`, for the batch benchmark: each with
    its own title and every typed number of its data sheets scaled by 1 + i/100, so that
    no two books share an output or a chart (formulas are left as they are)."""
    from openpyxl import load_workbook

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        wb = load_workbook(sample)
        for ws in wb.worksheets:
            if ws.title == "meta":
                for key, value in ws.iter_rows(min_col=1, max_col=2):
                    if key.value == "title":
                        value.value = f"{value.value}（第{i + 1}版）"
            elif ws.title not in CONTRACT_SHEETS:
                for row in ws.iter_rows(min_row=2):
                    for cell in row:
                        if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                            cell.value = round(cell.value * (1 + i / 100), 4)
        path = folder / f"book{i:02d}.xlsx"
        wb.save(path)
        paths.append(path)
    return paths


if __name__ == "__main__":  # python -m bench.synth PAGES PATH | variants SAMPLE DIR N | table ROWS PATH
    if sys.argv[1] == "variants":
        write_variants(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
    elif sys.argv[1] == "table":
        write_long_table(Path(sys.argv[3]), int(sys.argv[2]))
    else:
        write_synthetic(Path(sys.argv[2]), int(sys.argv[1]))
