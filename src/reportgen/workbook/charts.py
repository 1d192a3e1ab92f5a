"""The `charts` sheet → `ChartSpec`s, checked against the tables they plot.

Every check a chart needs that the workbook alone can answer is made here, through the
`Collector`, so `reportgen validate` and `build --only xlsx` report what `build` would:
columns, options (`chartoptions`), `{name}` figures in the title, unit and caption, a
table with rows to plot, and a pie's parts (none negative, one above zero).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, get_args

from openpyxl.utils import get_column_letter

from reportgen.diagnostics import CellRef, Collector
from reportgen.i18n import tr
from reportgen.model import ChartSpec, Table, Value
from reportgen.model.data import ChartKind
from reportgen.workbook.chartoptions import parse_options
from reportgen.workbook.inline import InlineError, to_rich_text
from reportgen.workbook.source import Book, is_blank, shown
from reportgen.workbook.suggest import did_you_mean

SHEET = "charts"
COLUMNS = ("id", "type", "table", "category", "series", "title", "unit", "caption", "sort", "highlight", "width",
           "options")
REQUIRED = ("id", "type", "table", "category", "series", "title")
KINDS = get_args(ChartKind)
FIGURED = ("title", "unit", "caption")
"""Columns whose text may hold `{name}` figures, expanded as in headings."""
Lookup = Callable[[str], Value | None]


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
                     tr("unknown column '{raw}' (expected {known})").format(raw=raw, known=', '.join(known)))
        found.setdefault(name, c)
    for name in required:
        if name not in found:
            diag.add(CellRef(sheet, "A1"), tr("missing column '{name}' in the header row").format(name=name))
    return found


def read_charts(book: Book, tables: Mapping[str, Table], lookup: Lookup,
                diag: Collector) -> tuple[dict[str, ChartSpec], frozenset[str]]:
    """The valid charts by id, and the ids of rows that had problems (already reported:
    a content row citing one needs no second message)."""
    if SHEET not in book.sheetnames:
        return {}, frozenset()
    cols = header_map(book, SHEET, COLUMNS, REQUIRED, diag)
    if any(c not in cols for c in REQUIRED):
        return {}, frozenset()
    ws = book.sheet(SHEET)
    charts: dict[str, ChartSpec] = {}
    broken: set[str] = set()
    for r in ws.visible_rows()[1:]:
        cell = {k: shown(book, ws, r, c, diag) for k, c in cols.items()}
        if all(is_blank(v) for v in cell.values()):
            continue
        text = {k: "" if v is None else str(v).strip() for k, v in cell.items()}
        spec = _spec(text, r, cols, tables, charts, lookup, diag)
        if spec:
            charts[spec.id] = spec
        elif text.get("id"):
            broken.add(text["id"])
    return charts, frozenset(broken - set(charts))


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
            self.bad(column, tr("found '{value}', expected {allowed} or {allowed2}").format(value=value, allowed=', '.join(allowed[:-1]), allowed2=allowed[-1]))
        return value


def _spec(t: dict[str, str], r: int, cols: dict[str, int], tables: Mapping[str, Table],
          seen: Mapping[str, ChartSpec], lookup: Lookup, diag: Collector) -> ChartSpec | None:
    row = _Row(t, r, cols, diag)
    for name in FIGURED:
        t[name] = _figures(row, name, lookup)
    for name in REQUIRED:
        if not t.get(name):
            row.bad(name, tr("empty '{name}' (required)").format(name=name))
    if not row.ok:
        return None
    if t["id"] in seen:
        row.bad("id", tr("duplicate chart id '{id}' (first at {ref})").format(id=t['id'], ref=seen[t['id']].ref))
    if t["type"] not in KINDS:
        row.bad("type", tr("unknown chart type '{type}' (expected {KINDS})").format(type=t['type'], KINDS=', '.join(KINDS)))
    table = tables.get(t["table"])
    if table is None:
        row.bad("table", tr("no data sheet named '{table}' (expected one of {tables})").format(table=t['table'], tables=', '.join(tables) or 'none')
                + did_you_mean(t['table'], tables))
        return None
    series = _series(row, table)
    sort, width = row.choice("sort", ("none", "asc", "desc")), row.choice("width", ("full", "half"))
    highlight = t.get("highlight") or None
    if row.ok and highlight and highlight not in [v.text for v in table.column_values(t["category"])]:
        row.bad("highlight", tr("'{highlight}' is not a category of column '{category}' in '{name}'").format(highlight=highlight, category=t['category'], name=table.name))
    options, problems = parse_options(t.get("options", ""), t["type"])
    for message in problems:
        row.bad("options", message)
    if not row.ok:
        return None
    spec = ChartSpec(id=t["id"], kind=t["type"], table=table, category=t["category"], series=series,  # type: ignore[arg-type]
                     title=t["title"], unit=t.get("unit", ""), caption=t.get("caption", ""),
                     ref=CellRef(SHEET, f"A{r}"), sort=sort, highlight=highlight, width=width,  # type: ignore[arg-type]
                     options=options)
    return spec if _plottable(spec, row) else None


def _figures(row: _Row, column: str, lookup: Lookup) -> str:
    """The column's text with `{name}` figures written out, as headings have them."""
    text = row.text.get(column, "")
    if "{" not in text and "}" not in text:
        return text
    try:
        return to_rich_text(text, lookup).plain
    except InlineError as exc:
        row.bad(column, str(exc))
        return text


def _plottable(spec: ChartSpec, row: _Row) -> bool:
    """Rows to plot, a date format only for dates, and a pie's parts: none negative, one above zero."""
    if not spec.ordered_rows():
        row.bad("table", tr("chart '{id}': table '{name}' has no rows to plot").format(id=spec.id, name=spec.table.name))
        return False
    category = spec.table.columns[spec.table.index(spec.category)]
    if spec.options.date_format and category.kind != "date":
        row.bad("options", tr("option 'date_format': column '{category}' holds {kind}, not dates").format(category=spec.category, kind=category.kind))
    if spec.kind in ("pie", "donut"):
        cells = spec.ordered_rows_column(spec.series[0])
        for v in cells:
            if v.is_number and float(v.raw) < 0:  # type: ignore[arg-type]
                row.ok = False
                row.diag.add(v.ref, tr("chart '{id}': a {kind} chart cannot show the negative value {text}").format(id=spec.id, kind=spec.kind, text=v.text))
        if row.ok and not any(v.is_number and float(v.raw) > 0 for v in cells):  # type: ignore[arg-type]
            row.bad("series", tr("chart '{id}': a {kind} chart needs a value above zero").format(id=spec.id, kind=spec.kind))
    return row.ok


def _series(row: _Row, table: Table) -> tuple[str, ...]:
    """The category and series columns, checked against the table."""
    names = [c.name for c in table.columns]
    if row.text["category"] not in names:
        row.bad("category", tr("no column '{category}' in '{name}' (columns: {names})").format(category=row.text['category'], name=table.name, names=', '.join(names))
                + did_you_mean(row.text['category'], names))
    series = tuple(s.strip() for s in row.text["series"].split(",") if s.strip())
    for s in series:
        if s not in names:
            row.bad("series", tr("no column '{s}' in '{name}' (columns: {names})").format(s=s, name=table.name, names=', '.join(names))
                    + did_you_mean(s, names))
        elif table.rows and (kind := table.columns[names.index(s)].kind) != "number":  # no rows: said below
            row.bad("series", tr("column '{s}' of '{name}' holds {kind}, expected numbers").format(s=s, name=table.name, kind=kind))
    return series
