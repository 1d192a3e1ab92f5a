"""Write small workbooks in tests: a valid minimal one by default, and any part replaced,
so each broken-input test states only what it breaks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.workbook.defined_name import DefinedName

META: list[tuple[str, Any]] = [
    ("title", "テスト用ファクトシート"),
    ("organisation", "テスト株式会社"),
    ("date", dt.date(2020, 5, 15)),
    ("rate.CNY_JPY", 15),
]
CONTENT: list[Sequence[Any]] = [
    ("type", "text", "ref", "caption", "options"),
    ("section", "概要"),
    ("paragraph", "合計 {total} を拠出した。"),
]
VALUES: list[Sequence[Any]] = [("name", "value", "note"), ("total", 33.56)]
VALUE_FORMATS = {"total": '#,##0.00"億元"'}
TABLES: dict[str, list[Sequence[Any]]] = {
    "contributions": [("拠出主体", "拠出額（億元）"), ("アリババグループ", 27.63), ("アントグループ", 5.93)],
}
CHARTS: list[Sequence[Any]] = [
    ("id", "type", "table", "category", "series", "title", "unit"),
    ("by_entity", "bar", "contributions", "拠出主体", "拠出額（億元）", "拠出主体別", "億元"),
]


def rows_to_sheet(ws, rows: Iterable[Sequence[Any]]) -> None:
    for row in rows:
        ws.append(list(row))


def make_workbook(path: Path, *, meta=None, content=None, values=None, tables=None, charts=None,
                  value_formats=None, names: dict[str, str] | None = None, edit=None) -> Path:
    """Write a workbook; `None` keeps the default part, `False` leaves the sheet out.
    `edit(wb)` may change anything before saving."""
    wb = Workbook()
    wb.remove(wb.active)
    meta = META if meta is None else meta
    if meta is not False:
        ws = wb.create_sheet("meta")
        rows_to_sheet(ws, meta)
        for r, (key, _) in enumerate(meta, start=1):
            if key == "rate.CNY_JPY":
                wb.defined_names["CNY_JPY"] = DefinedName("CNY_JPY", attr_text=f"meta!$B${r}")
    if content is not False:
        rows_to_sheet(wb.create_sheet("content"), CONTENT if content is None else content)
    if values is not False:
        ws = wb.create_sheet("values")
        rows_to_sheet(ws, VALUES if values is None else values)
        fmts = VALUE_FORMATS if value_formats is None else value_formats
        for row in ws.iter_rows(min_row=2):
            if row[0].value in fmts:
                row[1].number_format = fmts[row[0].value]
    for name, rows in (TABLES if tables is None else tables).items():
        ws = wb.create_sheet(name)
        rows_to_sheet(ws, rows)
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, float):
                    cell.number_format = '#,##0.00"億元"'
    if charts is not False:
        rows_to_sheet(wb.create_sheet("charts"), CHARTS if charts is None else charts)
    for name, target in (names or {}).items():
        wb.defined_names[name] = DefinedName(name, attr_text=target)
    if edit:
        edit(wb)
    wb.save(path)
    return path
