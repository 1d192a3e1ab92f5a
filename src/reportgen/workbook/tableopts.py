"""A `table` row's `options` → the table as printed: its total rows, per-column number
formats (both change the data, so charts and the appendix follow) and per-column
alignment, visibility and width hints (how the PDF and DOCX print it). `sheet_title`
names the table's sheet in the XLSX appendix (read by `content`).

    total=last; align.金額=right; format.金額=#,##0"円"; hide=備考, メモ; width.名称=30%; sheet_title=拠出額
"""

from __future__ import annotations

import dataclasses
import re
from typing import Mapping, get_args

from reportgen.diagnostics import CellRef, Collector
from reportgen.i18n import tr
from reportgen.model import ColumnStyle, Table, Value
from reportgen.model.blocks import Align
from reportgen.numfmt import NumberFormatError, format_value
from reportgen.workbook.suggest import did_you_mean
from reportgen.workbook.tables import totals_of

TOTALS = ("auto", "last", "none")
PER_COLUMN = ("align", "format", "width")
KEYS = ("total", "hide", "sheet_title", *(f"{k}.COLUMN" for k in PER_COLUMN))
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")


def shape_table(table: Table, options: Mapping[str, str], where: CellRef,
                diag: Collector) -> tuple[Table, tuple[ColumnStyle, ...]]:
    """The table with its total rows and number formats as the options say, and one
    `ColumnStyle` per column (empty when no column option is given)."""
    names = [c.name for c in table.columns]
    align: dict[int, Align] = {}
    widths: dict[int, float] = {}
    formats: dict[int, str] = {}
    hidden: set[int] = set()
    total = "auto"
    for key, value in options.items():
        head, dot, column = key.partition(".")
        if key == "total":
            total = _choice(value, TOTALS, key, where, diag) or total
        elif key == "sheet_title":  # the appendix's tab name, read by `content`
            if not value.strip():
                diag.add(where, tr("sheet_title is empty (give the appendix sheet's tab name, or leave the option out)"))
        elif key == "hide":
            hidden |= {i for name in _names(value) if (i := _column(name, names, table, where, diag)) is not None}
        elif dot and head in PER_COLUMN:
            i = _column(column.strip(), names, table, where, diag)
            if i is None:
                continue
            if head == "align":
                if (choice := _choice(value, get_args(Align), key, where, diag)):
                    align[i] = choice  # type: ignore[assignment]
            elif head == "width":
                if (share := _share(value, key, where, diag)) is not None:
                    widths[i] = share
            elif _format_ok(table, i, value, key, where, diag):
                formats[i] = value
        else:
            diag.add(where, tr("unknown option '{key}' for a table (expected {KEYS})").format(key=key, KEYS=', '.join(KEYS)))
    if hidden and len(hidden) == len(names):
        diag.add(where, tr("hide names every column of the table (keep at least one to print)"))
        hidden = set()
    if sum(widths.values()) > 1:
        diag.add(where, tr("column widths add up to {sum:.0%} (expected at most 100%)").format(sum=sum(widths.values())))
        widths = {}
    table = _with_formats(table, formats)
    table = dataclasses.replace(table, totals=_totals(table, total))
    styles = tuple(ColumnStyle(align.get(i), i in hidden, widths.get(i)) for i in range(len(names)))
    return table, (styles if any(s != ColumnStyle() for s in styles) else ())


def _names(value: str) -> list[str]:
    return [n.strip() for n in re.split(r"[,、]", value) if n.strip()]


def _column(name: str, names: list[str], table: Table, where: CellRef, diag: Collector) -> int | None:
    if name in names:
        return names.index(name)
    diag.add(where, tr("no column '{name}' in table '{name2}' (columns: {names})").format(name=name, name2=table.name, names=', '.join(names))
             + did_you_mean(name, names))
    return None


def _choice(value: str, allowed: tuple[str, ...], key: str, where: CellRef, diag: Collector) -> str | None:
    if value in allowed:
        return value
    diag.add(where, tr("{key}={value} (expected {allowed} or {allowed2})").format(key=key, value=value, allowed=', '.join(allowed[:-1]), allowed2=allowed[-1]))
    return None


def _share(value: str, key: str, where: CellRef, diag: Collector) -> float | None:
    match = _PERCENT.fullmatch(value.strip())
    share = float(match.group(1)) / 100 if match else 0.0
    if 0 < share < 1:
        return share
    diag.add(where, tr("{key}={value} (expected a share of the table's width, like 30%)").format(key=key, value=value))
    return None


def _format_ok(table: Table, i: int, code: str, key: str, where: CellRef, diag: Collector) -> bool:
    column = table.columns[i]
    if column.kind == "text":
        diag.add(where, tr("{key}: column '{name}' holds text (a number format applies to numbers and dates)").format(key=key, name=column.name))
        return False
    if not code:
        diag.add(where, tr("{key} is empty (expected an Excel number format, like #,##0)").format(key=key))
        return False
    for row in table.rows:
        raw = row[i].raw
        try:
            format_value(raw, code)
        except NumberFormatError as exc:
            diag.add(where, tr("{key}={code}: cannot show {raw!r} ({ref}): {exc}").format(key=key, code=code, raw=raw, ref=row[i].ref, exc=exc))
            return False
    return True


def _with_formats(table: Table, formats: dict[int, str]) -> Table:
    if not formats:
        return table
    rows = tuple(tuple(_reformat(v, formats[i]) if i in formats else v for i, v in enumerate(row))
                 for row in table.rows)
    columns = tuple(dataclasses.replace(c, number_format=formats[i]) if i in formats else c
                    for i, c in enumerate(table.columns))
    return dataclasses.replace(table, columns=columns, rows=rows)


def _reformat(value: Value, code: str) -> Value:
    if value.raw is None:  # an empty cell or a nil mark prints as it was written
        return dataclasses.replace(value, number_format=code)
    return dataclasses.replace(value, number_format=code, text=format_value(value.raw, code))


def _totals(table: Table, total: str) -> tuple[int, ...]:
    if total == "none" or not table.rows:
        return ()
    if total == "last":
        return (len(table.rows) - 1,)
    return totals_of(table.rows)
