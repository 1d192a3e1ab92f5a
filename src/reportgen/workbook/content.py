"""The `content` sheet → blocks in reading order.

Each row is one block; consecutive highlight, bullet, kpi and contact rows are grouped
into one list, KPI row or contact box. Every block keeps the cell it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Mapping

from openpyxl.utils import get_column_letter

from reportgen.diagnostics import CellRef, Collector
from reportgen.i18n import tr
from reportgen.model import (
    Block, ChartBlock, ChartSpec, ContactBox, Heading, ImageBlock, Kpi, KpiRow, ListBlock, ListItem,
    Note, PageBreak, Paragraph, RichText, Table, TableBlock, Value,
)
from reportgen.workbook.charts import header_map
from reportgen.workbook.inline import InlineError, figure_text, known_names, to_rich_text
from reportgen.workbook.source import Book, CellProblem, is_blank
from reportgen.workbook.suggest import did_you_mean
from reportgen.workbook.tableopts import shape_table

SHEET = "content"
COLUMNS = ("type", "text", "ref", "caption", "options")
HEADINGS = {"part": 0, "chapter": 1, "section": 2, "unit": 3}
ROLES = {"lead": "lead", "paragraph": "body", "headline": "headline", "quote": "quote"}
GROUPED = ("highlight", "bullet", "kpi", "contact")
TYPES = (*HEADINGS, *ROLES, *GROUPED, "chart", "table", "image", "note", "pagebreak")
NEEDS_TEXT = (*HEADINGS, *ROLES, "highlight", "bullet", "kpi", "note", "contact")
NEEDS_REF = ("kpi", "chart", "table", "image")


@dataclass(frozen=True)
class Row:
    """One content row, with the cell of each column for messages."""

    kind: str
    cells: Mapping[str, object]
    refs: Mapping[str, CellRef]
    options: Mapping[str, str]

    def text(self, col: str) -> str:
        v = self.cells.get(col)
        return "" if v is None else str(v).strip()


@dataclass
class Context:
    """What the content rows may refer to."""

    book: Book
    tables: Mapping[str, Table]
    charts: Mapping[str, ChartSpec]
    lookup: Callable[[str], Value | None]
    resolve_image: Callable[[str, CellRef], Path | None]
    diag: Collector
    # Tables whose total rows or number formats a table row's options changed, with the
    # options cell: the reader gives charts and the appendix the same table.
    shaped: dict[str, tuple[Table, CellRef]] = field(default_factory=dict)
    broken_charts: frozenset[str] = frozenset()  # rows of 'charts' already reported


def read_content(ctx: Context) -> tuple[Block, ...]:
    rows = _rows(ctx)
    if not rows and not ctx.diag.diagnostics:
        ctx.diag.add(CellRef(SHEET, "A2"), tr("no content rows (expected one block per row below the header)"))
    blocks: list[Block] = []
    i = 0
    while i < len(rows):
        j = i + 1
        if rows[i].kind in GROUPED:
            while j < len(rows) and rows[j].kind == rows[i].kind:
                j += 1
        block = _group(rows[i:j], ctx) if rows[i].kind in GROUPED else _single(rows[i], ctx)
        if block is not None:
            blocks.append(block)
        i = j
    return tuple(blocks)


def _rows(ctx: Context) -> list[Row]:
    cols = header_map(ctx.book, SHEET, COLUMNS, ("type",), ctx.diag)
    if "type" not in cols:
        return []
    ws = ctx.book.sheet(SHEET)
    rows: list[Row] = []
    for r in ws.visible_rows()[1:]:
        refs = {k: CellRef(SHEET, f"{get_column_letter(c)}{r}") for k, c in cols.items()}
        cells = {k: _cell(ctx, ref) for k, ref in refs.items()}
        if _BROKEN in cells.values():
            continue
        if all(is_blank(str(v) if v is not None else None) for v in cells.values()):
            continue
        kind = str(cells.get("type") or "").strip().lower()
        row = Row(kind, cells, refs, _options(str(cells.get("options") or ""), refs.get("options"), ctx))
        if kind not in TYPES:
            ctx.diag.add(refs["type"], tr("unknown block type '{kind}' (expected one of {TYPES})").format(kind=kind or '(empty)', TYPES=', '.join(TYPES))
                         + did_you_mean(kind, TYPES))
            continue
        if kind in NEEDS_TEXT and not row.text("text"):
            ctx.diag.add(refs.get("text", refs["type"]), tr("empty text for a '{kind}' block (expected "
                                                            "text)").format(kind=kind))
            continue
        if kind in NEEDS_REF and not row.text("ref"):
            ctx.diag.add(refs.get("ref", refs["type"]), tr("empty ref for a '{kind}' block (expected "
                                                           "{REF_HELP})").format(kind=kind, REF_HELP=_REF_HELP[kind]))
            continue
        rows.append(row)
    return rows


_BROKEN = object()  # a cell whose value could not be read (reported at the cell)


def _cell(ctx: Context, ref: CellRef) -> object:
    """The cell as shown (a formula's result); a problem is reported at the cell."""
    try:
        return ctx.book.rich(SHEET, ref.cell)
    except CellProblem as exc:
        ctx.diag.add(ref, str(exc))
        return _BROKEN


_REF_HELP = {"kpi": "a value name", "chart": "a chart id", "table": "a data sheet name",
             "image": "an image path relative to the workbook"}


def _options(text: str, ref: CellRef | None, ctx: Context) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        key, eq, value = part.partition("=")
        if not eq:
            ctx.diag.add(ref or CellRef(SHEET), tr("option '{part}' is not key=value").format(part=part))
        out[key.strip()] = value.strip()
    return out


def _rich(row: Row, col: str, ctx: Context) -> RichText:
    try:
        return to_rich_text(row.cells.get(col), ctx.lookup)  # type: ignore[arg-type]
    except InlineError as exc:
        ctx.diag.add(row.refs[col], str(exc))
        return RichText()


def _single(row: Row, ctx: Context) -> Block | None:
    at = row.refs.get("text", row.refs["type"])
    kind = row.kind
    if kind in HEADINGS:
        return Heading(HEADINGS[kind], _rich(row, "text", ctx), at,
                       subtitle=_rich(row, "caption", ctx) if "caption" in row.refs else RichText())
    if kind in ROLES:
        return Paragraph(_rich(row, "text", ctx), at, role=ROLES[kind])  # type: ignore[arg-type]
    if kind == "note":
        return Note(row.text("ref") or "*", _rich(row, "text", ctx), at)
    if kind == "pagebreak":
        return PageBreak(row.refs["type"])
    return _referenced(row, ctx)


def _referenced(row: Row, ctx: Context) -> Block | None:
    ref, at = row.text("ref"), row.refs["ref"]
    caption = _rich(row, "caption", ctx) if "caption" in row.refs else RichText()
    if row.kind == "chart":
        if ref not in ctx.charts:
            if ref in ctx.broken_charts:
                return None
            ctx.diag.add(at, tr("no chart with id '{ref}' in 'charts' (known: {charts})").format(ref=ref, charts=', '.join(ctx.charts) or 'none')
                         + did_you_mean(ref, ctx.charts))
            return None
        return ChartBlock(ctx.charts[ref], at)
    if row.kind == "table":
        if ref not in ctx.tables:
            ctx.diag.add(at, tr("no data sheet named '{ref}' (known: {tables})").format(ref=ref, tables=', '.join(ctx.tables) or 'none')
                         + did_you_mean(ref, ctx.tables))
            return None
        return _table_block(row, ctx.tables[ref], caption, ctx)
    path = ctx.resolve_image(ref, at)
    if path is None:
        return None
    width = row.options.get("width", "full")
    if width not in ("full", "half"):
        ctx.diag.add(row.refs["options"], tr("width '{width}' (expected full or half)").format(width=width))
        width = "full"
    return ImageBlock(path, caption, at, width)  # type: ignore[arg-type]


def _table_block(row: Row, table: Table, caption: RichText, ctx: Context) -> TableBlock:
    where = row.refs.get("options", row.refs["type"])
    shaped, styles = shape_table(table, row.options, where, ctx.diag)
    earlier = ctx.shaped.get(table.name)
    if earlier is None:
        if _data_of(shaped) != _data_of(table):
            ctx.shaped[table.name] = (shaped, where)
    elif _data_of(shaped) != _data_of(earlier[0]):
        ctx.diag.add(where, tr("table '{name}' is shown with other total or format options at {earlier} "
                               "(give them once: the appendix and the charts have one table)").format(name=table.name, earlier=earlier[1]))
    return TableBlock(shaped, caption, row.refs["ref"], styles, row.options.get("sheet_title", "").strip())


def _data_of(table: Table) -> tuple:
    """What the options may change in the data: the total rows and the number formats."""
    return table.totals, tuple(c.number_format for c in table.columns)


def _group(rows: list[Row], ctx: Context) -> Block | None:
    first = rows[0].refs.get("text", rows[0].refs["type"])
    kind = rows[0].kind
    if kind in ("highlight", "bullet"):
        items = tuple(ListItem(_rich(r, "text", ctx), r.refs["text"], _number(r, i, ctx) if kind == "highlight" else None)
                      for i, r in enumerate(rows, start=1))
        return ListBlock("numbered" if kind == "highlight" else "bullet", items, first)
    if kind == "kpi":
        kpis = [Kpi(value, _rich(r, "text", ctx), r.refs["text"]) for r in rows if (value := _kpi_value(r, ctx))]
        return KpiRow(tuple(kpis), first) if kpis else None
    title = _rich(rows[0], "caption", ctx) if "caption" in rows[0].refs else RichText()
    return ContactBox(title, tuple(_rich(r, "text", ctx) for r in rows), first)


def _kpi_value(row: Row, ctx: Context) -> Value | None:
    """The value a KPI card shows: `name`, or `name:億万` (also written `{name:億万}`) for
    the figure in 億/万 wording, as inline markup gives it."""
    ref = row.text("ref").strip()
    name, _, style = ref.strip("{}").partition(":")
    value = ctx.lookup(name)
    if value is None:
        ctx.diag.add(row.refs["ref"], tr("no value named '{name}' (a row of 'values' or a defined name)").format(name=name)
                      + did_you_mean(name, known_names(ctx.lookup)))
        return None
    if not style:
        return value
    try:
        return replace(value, text=figure_text(name, style, ctx.lookup))
    except InlineError as exc:
        ctx.diag.add(row.refs["ref"], str(exc))
        return None


def _number(row: Row, default: int, ctx: Context) -> int:
    text = row.text("ref")
    if not text:
        return default
    try:
        return int(float(text))
    except ValueError:
        ctx.diag.add(row.refs["ref"], tr("found '{text}', expected a list number (or leave it empty)").format(text=text))
        return default
