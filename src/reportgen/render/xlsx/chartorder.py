"""In which order a data sheet's Excel Table lists its rows, so that its charts can read it.

In: a model `Table` and the `ChartSpec`s drawn from it. Out: the rows in the order the
Table is written, and the chart whose order it takes (None: the workbook's own order).

A native chart plots cells in sheet order, so a chart sorted by value must read sorted
cells. When every chart of the table wants the same order (all sorted alike, total rows
left out), the Table itself is written in that order, total rows last, and every chart
reads the Table's own columns. When the charts disagree (one keeps the workbook's order,
another is sorted), the Table keeps the workbook's order and each chart that differs
reads a copy of its columns in its order, which the sheet labels with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.model import ChartSpec, Table, Value

Row = tuple[Value, ...]


@dataclass(frozen=True)
class TableOrder:
    rows: tuple[Row, ...]
    sorted_by: ChartSpec | None = None


def table_order(table: Table, specs: tuple[ChartSpec, ...]) -> TableOrder:
    """The Table's rows: in the charts' common sorted order, else as in the workbook."""
    sorted_specs = [s for s in specs if s.sort != "none"]
    if not sorted_specs:
        return TableOrder(table.rows)
    wanted = sorted_specs[0].ordered_rows()
    if any(s.ordered_rows() != wanted for s in specs):
        return TableOrder(table.rows)
    rest = [row for row in table.rows if row not in wanted]
    return TableOrder(wanted + tuple(rest), sorted_specs[0])


def reads_table(rows: tuple[Row, ...], spec: ChartSpec) -> bool:
    """Whether `spec`'s rows are the Table's first rows, in order (then the chart reads
    the Table's own columns; otherwise a copy)."""
    wanted = spec.ordered_rows()
    return rows[:len(wanted)] == wanted
