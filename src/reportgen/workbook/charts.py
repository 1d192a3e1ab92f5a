"""The `charts` sheet → `ChartSpec`s, checked against the tables they plot."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, get_args

from openpyxl.utils import get_column_letter

from reportgen.diagnostics import CellRef, Collector
from reportgen.model import ChartSpec, Table
from reportgen.model.data import ChartKind
from reportgen.workbook.source import Book, is_blank, shown

SHEET = "charts"
COLUMNS = ("id", "type", "table", "category", "series", "title", "unit", "caption", "sort", "highlight", "width")
REQUIRED = ("id", "type", "table", "category", "series", "title")
KINDS = get_args(ChartKind)


def header_map(book: Book, sheet: str, known: tuple[str, ...], required: tuple[str, ...],
               diag: Collector) -> dict[str, int]:
    """Column name → index from row 1; unknown and missing required columns are reported."""
    ws = book.sheet(sheet)
    found: dict[str, int] = {}
    for c in range(1, ws.max_column + 1):
        raw = shown(book, ws, 1, c, diag)
        if is_blank(raw):
            continue
        name = str(raw).strip().lower()
        if name not in known:
            diag.add(CellRef(sheet, f"{get_column_letter(c)}1"),
                     f"unknown column '{raw}' (expected {', '.join(known)})")
        found.setdefault(name, c)
    for name in required:
        if name not in found:
            diag.add(CellRef(sheet, "A1"), f"missing column '{name}' in the header row")
    return found


def read_charts(book: Book, tables: Mapping[str, Table], diag: Collector) -> dict[str, ChartSpec]:
    if SHEET not in book.sheetnames:
        return {}
    cols = header_map(book, SHEET, COLUMNS, REQUIRED, diag)
    if any(c not in cols for c in REQUIRED):
        return {}
    ws = book.sheet(SHEET)
    charts: dict[str, ChartSpec] = {}
    for r in ws.visible_rows()[1:]:
        cell = {k: shown(book, ws, r, c, diag) for k, c in cols.items()}
        if all(is_blank(v) for v in cell.values()):
            continue
        text = {k: "" if v is None else str(v).strip() for k, v in cell.items()}
        spec = _spec(text, r, cols, tables, charts, diag)
        if spec:
            charts[spec.id] = spec
    return charts


@dataclass
class _Row:
    """One charts row being checked: its cells' text and where each column is."""

    text: dict[str, str]
    row: int
    cols: dict[str, int]
    diag: Collector
    ok: bool = True

    def bad(self, column: str, message: str) -> None:
        self.ok = False
        self.diag.add(CellRef(SHEET, f"{get_column_letter(self.cols.get(column, 1))}{self.row}"), message)

    def choice(self, column: str, allowed: tuple[str, ...]) -> str:
        value = self.text.get(column) or allowed[0]
        if value not in allowed:
            self.bad(column, f"found '{value}', expected {', '.join(allowed[:-1])} or {allowed[-1]}")
        return value


def _spec(t: dict[str, str], r: int, cols: dict[str, int], tables: Mapping[str, Table],
          seen: Mapping[str, ChartSpec], diag: Collector) -> ChartSpec | None:
    row = _Row(t, r, cols, diag)
    for name in REQUIRED:
        if not t.get(name):
            row.bad(name, f"empty '{name}' (required)")
    if not row.ok:
        return None
    if t["id"] in seen:
        row.bad("id", f"duplicate chart id '{t['id']}' (first at {seen[t['id']].ref})")
    if t["type"] not in KINDS:
        row.bad("type", f"unknown chart type '{t['type']}' (expected {', '.join(KINDS)})")
    table = tables.get(t["table"])
    if table is None:
        row.bad("table", f"no data sheet named '{t['table']}' (expected one of {', '.join(tables) or 'none'})")
        return None
    series = _series(row, table)
    sort, width = row.choice("sort", ("none", "asc", "desc")), row.choice("width", ("full", "half"))
    highlight = t.get("highlight") or None
    if row.ok and highlight and highlight not in [v.text for v in table.column_values(t["category"])]:
        row.bad("highlight", f"'{highlight}' is not a category of column '{t['category']}' in '{table.name}'")
    if not row.ok:
        return None
    return ChartSpec(id=t["id"], kind=t["type"], table=table, category=t["category"], series=series,  # type: ignore[arg-type]
                     title=t["title"], unit=t.get("unit", ""), caption=t.get("caption", ""),
                     ref=CellRef(SHEET, f"A{r}"), sort=sort, highlight=highlight, width=width)  # type: ignore[arg-type]


def _series(row: _Row, table: Table) -> tuple[str, ...]:
    """The category and series columns, checked against the table."""
    names = [c.name for c in table.columns]
    if row.text["category"] not in names:
        row.bad("category", f"no column '{row.text['category']}' in '{table.name}' (columns: {', '.join(names)})")
    series = tuple(s.strip() for s in row.text["series"].split(",") if s.strip())
    for s in series:
        if s not in names:
            row.bad("series", f"no column '{s}' in '{table.name}' (columns: {', '.join(names)})")
        elif (kind := table.columns[names.index(s)].kind) != "number":
            row.bad("series", f"column '{s}' of '{table.name}' holds {kind}, expected numbers")
    return series
