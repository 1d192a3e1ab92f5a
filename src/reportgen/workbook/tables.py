"""Data sheets → `Table`s, and the `values` sheet → named `Value`s.

A data sheet has a header row and one record per row. A column's kind comes from its
first non-empty cell; a later cell of another kind is an error at that cell. A nil mark
(－, —, ―, …, a lone -) in a number or date column is "no figure": empty, printed as written.
A row whose first cell is 合計, 計, 総計 or 総合計 is a total row.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_to_tuple

from reportgen.diagnostics import CellRef, Collector
from reportgen.i18n import tr
from reportgen.model import Column, Table, Value
from reportgen.model.data import ColumnKind, is_nil_mark, is_total_label
from reportgen.workbook.cells import read_value, value_at
from reportgen.workbook.sheets import Sheet
from reportgen.workbook.source import Book, CellProblem, is_blank, key_rows, shown

VALUES = "values"


def read_table(book: Book, name: str, diag: Collector) -> Table | None:
    """The sheet as a table, or None (with diagnostics) when it cannot be one."""
    ws = book.sheet(name)
    if ws.merged:
        first = min(ws.merged, key=lambda m: (m.min_row, m.min_col))
        diag.add(CellRef(name, first.coord.split(":")[0]),
                 tr("merged cells {coord} in a data table (unmerge them: one value per cell)").format(coord=first.coord))
        return None
    rows = ws.visible_rows()
    if not rows:
        diag.add(CellRef(name, "A1"), tr("empty data sheet (expected a header row and data rows)"))
        return None
    cols = [c for c in range(1, ws.max_column + 1) if c not in ws.hidden_columns]
    header = _header(book, ws, rows[0], cols, diag)
    letters = [get_column_letter(c) for c in cols]
    values = [_record(book, ws, r, cols, letters, diag) for r in _records(ws, rows[1:], cols)]
    columns = tuple(_column(ws, hname, c, rows[0], [row[i] for row in values], diag)
                    for i, (c, hname) in enumerate(zip(cols, header)))
    records = tuple(tuple(_no_figures(row, columns)) for row in values)
    return Table(name, columns, records, CellRef(name, "A1"), totals_of(records))


def totals_of(rows: tuple[tuple[Value, ...], ...]) -> tuple[int, ...]:
    """The rows whose first cell is a total label (合計, 計, 総計, 総合計)."""
    return tuple(i for i, row in enumerate(rows)
                 if row and isinstance(row[0].raw, str) and is_total_label(row[0].raw))


def _no_figures(row: list[Value], columns: tuple[Column, ...]) -> list[Value]:
    """Nil marks in number and date columns as empty values that keep their text."""
    out = row
    for i, (v, col) in enumerate(zip(row, columns)):
        if col.kind != "text" and isinstance(v.raw, str) and is_nil_mark(v.raw):
            if out is row:
                out = list(row)
            out[i] = Value(None, v.number_format, v.raw.strip(), v.ref)
    return out


def _header(book: Book, ws: Sheet, row: int, cols: list[int], diag: Collector) -> list[str]:
    names: list[str] = []
    for c in cols:
        raw = shown(book, ws, row, c, diag)
        name = "" if raw is None else str(raw).strip()
        if not name:
            diag.add(CellRef(ws.name, f"{get_column_letter(c)}{row}"), tr("empty column header (expected a column name)"))
        elif name in names:
            diag.add(CellRef(ws.name, f"{get_column_letter(c)}{row}"), tr("duplicate column name '{name}'").format(name=name))
        names.append(name)
    return names


def _records(ws: Sheet, rows: list[int], cols: list[int]) -> list[int]:
    """The rows among `rows` with a non-blank cell in one of `cols` (one pass over the cells)."""
    shown = set(cols)
    filled = {r for (r, c), cell in ws.cells.items() if c in shown and not is_blank(cell.value)}
    return [r for r in rows if r in filled]


def _record(book: Book, ws: Sheet, row: int, cols: list[int], letters: list[str], diag: Collector) -> list[Value]:
    """One row's values; a cell that cannot be read is reported and left empty."""
    out = []
    for col, letter in zip(cols, letters):
        ref = CellRef(ws.name, f"{letter}{row}")
        try:
            out.append(value_at(book, ws, row, col, ref))
        except CellProblem as exc:
            diag.add(ref, str(exc))
            out.append(Value(None, "General", "", ref))
    return out


_KIND_OF_TYPE: dict[type, ColumnKind] = {int: "number", float: "number", bool: "text",
                                         dt.date: "date", dt.datetime: "date", dt.time: "date"}


def _kind(raw: object) -> ColumnKind | None:
    """A value's column kind (None for a blank); the common types by one lookup."""
    kind = _KIND_OF_TYPE.get(type(raw))
    if kind is not None:
        return kind
    if raw is None or (isinstance(raw, str) and (not raw.strip() or is_nil_mark(raw))):
        return None
    if isinstance(raw, bool) or isinstance(raw, str):
        return "text"
    if isinstance(raw, (dt.date, dt.datetime, dt.time)):
        return "date"
    return "number"


def _column(ws: Sheet, name: str, col: int, header_row: int, cells: list[Value], diag: Collector) -> Column:
    letter = get_column_letter(col)
    kinds = [(v, _kind(v.raw)) for v in cells]
    first = next(((v, k) for v, k in kinds if k), None)
    kind: ColumnKind = first[1] if first else "text"
    for v, k in kinds:
        if k and k != kind:
            diag.add(v.ref, tr("found {k} {raw!r} in {kind} column '{name}' (expected a {kind}, like {ref})").format(k=k, raw=v.raw, kind=kind, name=name, ref=first[0].ref))  # type: ignore[index]
    fmt = first[0].number_format if first else "General"
    formula = None
    if first:
        typed = ws.value(*coordinate_to_tuple(first[0].ref.cell))
        formula = typed if isinstance(typed, str) and typed.startswith("=") else None
    return Column(name, kind, fmt, CellRef(ws.name, f"{letter}{header_row}"), formula)


def read_values(book: Book, diag: Collector) -> dict[str, Value]:
    """The `values` sheet: name (A), value (B), note (C); a header row is skipped."""
    if VALUES not in book.sheetnames:
        return {}
    out: dict[str, Value] = {}
    for name, coord in key_rows(book, VALUES, "name", "value name", diag).items():
        try:
            value = read_value(book, VALUES, coord)
        except CellProblem as exc:
            diag.add(CellRef(VALUES, coord), str(exc))
            continue
        if value.raw is None:
            diag.add(CellRef(VALUES, coord), tr("empty value for '{name}' (expected a number, date or text)").format(name=name))
            continue
        out[name] = value
    return out
