"""Data cells, tables and chart specs, as read from the workbook's data sheets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from reportgen.diagnostics import CellRef

Raw = float | int | str | dt.date | dt.datetime | dt.time | None
ColumnKind = Literal["number", "text", "date"]
# First cells that make a row a total row (after removing spaces: "合　計" counts).
TOTAL_LABELS = ("合計", "計", "総計", "総合計")
# A cell holding only one of these in a number or date column means "no figure".
NIL_MARKS = ("－", "—", "―", "…", "-")
ChartKind = Literal["bar", "barh", "stacked", "line", "pie", "donut"]
Legend = Literal["bottom", "right", "top", "none"]
PercentLabels = Literal["value", "percent", "both"]


@dataclass(frozen=True)
class Value:
    """One cell: its raw value, its Excel number format and the text Excel would show."""

    raw: Raw
    number_format: str
    text: str
    ref: CellRef

    @property
    def is_number(self) -> bool:
        return isinstance(self.raw, (int, float)) and not isinstance(self.raw, bool)


@dataclass(frozen=True)
class Column:
    """A table column. `formula` is the first data cell's formula for derived columns."""

    name: str
    kind: ColumnKind
    number_format: str
    ref: CellRef
    formula: str | None = None


@dataclass(frozen=True)
class Table:
    """A data sheet: header row first, then rows of `Value`s, one per column. `totals`
    indexes the rows that are totals of the others (bold in print, kept out of charts)."""

    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    ref: CellRef
    totals: tuple[int, ...] = ()

    def index(self, column: str) -> int:
        return [c.name for c in self.columns].index(column)

    def is_total(self, row: int) -> bool:
        return row in self.totals

    @property
    def data_rows(self) -> tuple[tuple[Value, ...], ...]:
        """The records without the total rows: what a chart plots."""
        if not self.totals:
            return self.rows
        return tuple(row for i, row in enumerate(self.rows) if i not in self.totals)

    def column_values(self, column: str) -> tuple[Value, ...]:
        i = self.index(column)
        return tuple(row[i] for row in self.rows)

    def __reduce__(self) -> tuple:
        # Pickled as flat lists of the cells' fields (a renderer process receives the model
        # pickled): pickle's per-object protocol made a 10,000-row table ten times slower.
        cells = [v for row in self.rows for v in row]
        fields = ([v.raw for v in cells], [v.number_format for v in cells], [v.text for v in cells],
                  [v.ref.sheet for v in cells], [v.ref.cell for v in cells])
        return _table, (self.name, self.columns, self.ref, self.totals, [len(row) for row in self.rows], *fields)


def _table(name: str, columns: tuple[Column, ...], ref: CellRef, totals: tuple[int, ...], widths: list[int],
           raws: list[Raw], formats: list[str], texts: list[str], sheets: list[str], cells: list[str]) -> Table:
    """`Table.__reduce__` undone: the cells rebuilt as the frozen dataclasses' own pickling
    rebuilds them (a new object, its fields set in its __dict__)."""
    new = object.__new__
    values = []
    for raw, number_format, text, sheet, cell in zip(raws, formats, texts, sheets, cells):
        where = new(CellRef)
        where.__dict__.update(sheet=sheet, cell=cell)
        value = new(Value)
        value.__dict__.update(raw=raw, number_format=number_format, text=text, ref=where)
        values.append(value)
    rows, start = [], 0
    for width in widths:
        rows.append(tuple(values[start:start + width]))
        start += width
    return Table(name, columns, tuple(rows), ref, totals)


@dataclass(frozen=True)
class ChartOptions:
    """The `options` cell of a chart row (docs/workbook.md), checked by the reader.

    `scale` is a unit word (千, 万, 百万, 億, 兆) the values are divided by, "auto" for
    tick numbers written in myriads (10億, 20億) or "none"; `other` the share (0-1) under
    which pie slices join one その他 slice; `height_mm` 0 means the default height."""

    legend: Legend = "bottom"
    rotate: int = 0
    date_format: str = ""
    scale: str = "auto"
    min: float | None = None
    max: float | None = None
    labels: bool = True
    percent: PercentLabels = "both"
    other: float = 0.03
    height_mm: float = 0.0
    totals: bool = False


@dataclass(frozen=True)
class ChartSpec:
    """One row of the `charts` sheet: what to plot from which table, and how."""

    id: str
    kind: ChartKind
    table: Table
    category: str
    series: tuple[str, ...]
    title: str
    unit: str
    caption: str
    ref: CellRef
    sort: Literal["none", "asc", "desc"] = "none"
    highlight: str | None = None
    width: Literal["full", "half"] = "full"
    options: ChartOptions = ChartOptions()

    def categories(self) -> tuple[str, ...]:
        return tuple(v.text for v in self.ordered_rows_column(self.category))

    def ordered_rows(self) -> tuple[tuple[Value, ...], ...]:
        """Rows in display order, sorted by the first series when `sort` asks for it; the
        table's total rows left out unless the `totals` option includes them."""
        rows = self.table.rows if self.options.totals else self.table.data_rows
        if self.sort == "none":
            return rows
        i = self.table.index(self.series[0])
        return tuple(sorted(rows, key=lambda r: float(r[i].raw or 0), reverse=self.sort == "desc"))

    def ordered_rows_column(self, column: str) -> tuple[Value, ...]:
        i = self.table.index(column)
        return tuple(r[i] for r in self.ordered_rows())


def is_total_label(text: str) -> bool:
    """Whether a row's first cell marks it as a total row (合計, 計, 総計, 総合計)."""
    return "".join(text.split()) in TOTAL_LABELS


def is_nil_mark(text: str) -> bool:
    """Whether a text cell is a Japanese "no figure" mark (－, —, ―, …, a lone -)."""
    return text.strip() in NIL_MARKS
