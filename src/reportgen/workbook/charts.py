"""The `charts` sheet → `ChartSpec`s, checked against the tables they plot."""

from __future__ import annotations

from typing import Mapping, get_args

from openpyxl.utils import get_column_letter

from reportgen.diagnostics import CellRef, Collector
from reportgen.model import ChartSpec, Table
from reportgen.model.data import ChartKind
from reportgen.workbook.source import Book, is_blank, visible_rows

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
        raw = ws.cell(1, c).value
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
    for r in visible_rows(ws)[1:]:
        cell = {k: ws.cell(r, c).value for k, c in cols.items()}
        if all(is_blank(v) for v in cell.values()):
            continue
        text = {k: "" if v is None else str(v).strip() for k, v in cell.items()}
        spec = _spec(text, r, cols, tables, charts, diag)
        if spec:
            charts[spec.id] = spec
    return charts


def _spec(t: dict[str, str], r: int, cols: dict[str, int], tables: Mapping[str, Table],
          seen: Mapping[str, ChartSpec], diag: Collector) -> ChartSpec | None:
    def at(name: str) -> CellRef:
        return CellRef(SHEET, f"{get_column_letter(cols.get(name, 1))}{r}")

    ok = True

    def bad(name: str, message: str) -> None:
        nonlocal ok
        ok = False
        diag.add(at(name), message)

    for name in REQUIRED:
        if not t.get(name):
            bad(name, f"empty '{name}' (required)")
    if not ok:
        return None
    if t["id"] in seen:
        bad("id", f"duplicate chart id '{t['id']}' (first at {seen[t['id']].ref})")
    if t["type"] not in KINDS:
        bad("type", f"unknown chart type '{t['type']}' (expected {', '.join(KINDS)})")
    table = tables.get(t["table"])
    if table is None:
        bad("table", f"no data sheet named '{t['table']}' (expected one of {', '.join(tables) or 'none'})")
        return None
    names = [c.name for c in table.columns]
    series = tuple(s.strip() for s in t["series"].split(",") if s.strip())
    if t["category"] not in names:
        bad("category", f"no column '{t['category']}' in '{table.name}' (columns: {', '.join(names)})")
    for s in series:
        if s not in names:
            bad("series", f"no column '{s}' in '{table.name}' (columns: {', '.join(names)})")
        elif table.columns[names.index(s)].kind != "number":
            bad("series", f"column '{s}' of '{table.name}' holds {table.columns[names.index(s)].kind}, expected numbers")
    sort = t.get("sort") or "none"
    if sort not in ("none", "asc", "desc"):
        bad("sort", f"found '{sort}', expected none, asc or desc")
    width = t.get("width") or "full"
    if width not in ("full", "half"):
        bad("width", f"found '{width}', expected full or half")
    highlight = t.get("highlight") or None
    if ok and highlight and highlight not in [v.text for v in table.column_values(t["category"])]:
        bad("highlight", f"'{highlight}' is not a category of column '{t['category']}' in '{table.name}'")
    if not ok:
        return None
    return ChartSpec(id=t["id"], kind=t["type"], table=table, category=t["category"], series=series,  # type: ignore[arg-type]
                     title=t["title"], unit=t.get("unit", ""), caption=t.get("caption", ""),
                     ref=CellRef(SHEET, f"A{r}"), sort=sort, highlight=highlight, width=width)  # type: ignore[arg-type]
