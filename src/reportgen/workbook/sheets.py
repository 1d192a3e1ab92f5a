"""One worksheet part's XML → a `Sheet`: every cell as typed and as saved, its style,
the hidden rows and columns and the merged ranges.

In: the part's bytes, the workbook's shared strings (already unescaped), the style ids
that show dates or durations, the date epoch. Out: a `Sheet`, read in one pass.

Hand-written over pyexpat: openpyxl's worksheet reader builds an element tree and a
`Cell` object per cell, and the formula and saved-value views of a book were two such
loads (1 s of CPU for a 10,000-row table, most of a build's read stage). This reads the
same XML once and keeps what the contract needs; each cell's value follows openpyxl's
`WorkSheetParser.parse_cell` (numbers, dates by style, shared and inline strings,
booleans, ISO dates, errors, shared and array formulas), using openpyxl's own rich-text,
formula-translation and date helpers. The parser carries defusedxml's refusals (entity
declarations and external references raise defusedxml's exceptions), as openpyxl's
defused parser did.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import xml.parsers.expat
from dataclasses import dataclass
from functools import lru_cache
from typing import BinaryIO, Mapping, NamedTuple, Sequence
from xml.etree.ElementTree import TreeBuilder

from defusedxml import EntitiesForbidden, ExternalReferenceForbidden
from openpyxl.cell.rich_text import CellRichText
from openpyxl.formula.translate import Translator
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.utils.escape import unescape
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from reportgen.adapters import openpyxl as xl

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main}"  # expat's "uri}name" form
_C, _V, _F, _IS, _T = _NS + "c", _NS + "v", _NS + "f", _NS + "is", _NS + "t"
_ROW, _COL, _MERGE = _NS + "row", _NS + "col", _NS + "mergeCell"
_FALSE = ("false", "f", "0")  # openpyxl's Bool descriptor: any other non-empty text is true


class Cell(NamedTuple):
    """One cell. `value` is what Excel shows in the formula bar (a formula as "=…",
    rich text as `CellRichText`); `saved` the value Excel stored (a formula's last
    result, else the same value)."""

    value: object
    saved: object
    style: int
    formula: bool = False
    error: bool = False  # the saved value is an Excel error (#DIV/0!, …)


EMPTY = Cell(None, None, 0)
_new_cell = tuple.__new__  # Cell(...) without the Python-level __new__ of a NamedTuple (once per cell)


@dataclass(frozen=True)
class Sheet:
    """A parsed worksheet. Cells are keyed by (row, column), 1-based; `max_row` and
    `max_column` are the used range (at least 1), merged ranges included."""

    name: str
    state: str
    cells: Mapping[tuple[int, int], Cell]
    max_row: int
    max_column: int
    hidden_rows: frozenset[int]
    hidden_columns: frozenset[int]
    merged: tuple[CellRange, ...]

    @classmethod
    def empty(cls, name: str, state: str) -> Sheet:
        return cls(name, state, {}, 1, 1, frozenset(), frozenset(), ())

    def cell(self, row: int, column: int) -> Cell:
        return self.cells.get((row, column), EMPTY)

    def value(self, row: int, column: int) -> object:
        """The cell as typed (None when empty)."""
        return self.cells.get((row, column), EMPTY).value

    def visible_rows(self) -> list[int]:
        """Row numbers 1..max_row that are not hidden."""
        hidden = self.hidden_rows
        return [r for r in range(1, self.max_row + 1) if r not in hidden]


@dataclass(frozen=True)
class Styles:
    """What a cell's style id says about its value: dates, durations, the epoch."""

    dates: frozenset[int]
    durations: frozenset[int]
    epoch: dt.datetime


class TooManyCells(Exception):
    """A sheet holds more cells than `parse_sheet` was allowed: raised while parsing, at
    the row where the count passed the budget, so that a huge sheet costs little to refuse."""

    def __init__(self, row: int, cells: int):
        super().__init__(f"{cells:,} cells by row {row}")
        self.row, self.cells = row, cells


def parse_sheet(name: str, state: str, xml_bytes: bytes | BinaryIO, strings: Sequence[object], styles: Styles,
                budget: int | None = None) -> Sheet:
    """The worksheet part `xml_bytes` (its bytes, or a stream of them: parsed a megabyte at
    a time) as a `Sheet`; malformed XML raises ExpatError,
    a DTD entity defusedxml's exceptions, a bad cell value ValueError/IndexError, more
    than `budget` cells TooManyCells."""
    reader = _SheetReader(strings, styles, budget)
    reader.feed(xml_bytes)
    reader.check_budget()
    return reader.sheet(name, state)


def normal_text(value: object) -> object:
    """Text as Excel shows it, in one Unicode form: OOXML `_xHHHH_` escapes undone in text
    and in each run of rich text (ECMA-376 Part 1 §22.9.2.19 ST_Xstring; Excel writes
    control characters this way), so a control character is caught at its cell; then NFC
    (a macOS file name or a PDF copy gives か + U+3099 and e + U+0301, which fonts draw
    as separate marks: composed, they are が and é). openpyxl already turns Excel's escaped
    underscore `_x005F_` into `_` (so a literal `_x0041_` typed in Excel, which is very
    rare, becomes `A`). Rich text is changed in place: each value comes from one parse
    and is made normal once."""
    if isinstance(value, str):
        return _nfc(_unescaped(value))
    if isinstance(value, CellRichText):
        for i, block in enumerate(value):
            if isinstance(block, str):
                value[i] = _nfc(_unescaped(block))
            else:
                block.text = _nfc(_unescaped(block.text))
    return value


def _unescaped(text: str) -> str:
    """`_xHHHH_` escapes undone, and a Windows line break (CR LF, escaped `_x000D_` before
    the LF; or a lone CR) made one LF: Excel shows one line break, so do the renderers."""
    text = unescape(text) if "_x" in text else text
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _nfc(text: str) -> str:
    return text if text.isascii() or unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


class _SheetReader:
    """pyexpat callbacks that collect cells row by row (the state of one <c> at a time)."""

    def __init__(self, strings: Sequence[object], styles: Styles, budget: int | None = None):
        self.budget = budget
        self.strings = strings
        self.styles = styles
        self.dates = styles.dates
        self.cells: dict[tuple[int, int], Cell] = {}
        self.hidden_rows: set[int] = set()
        self.columns: dict[int, tuple[int, int]] = {}  # first column → (last, hidden); the last <col> wins
        self.merged: list[CellRange] = []
        self.shared: dict[str, Translator] = {}
        self.letters: dict[str, int] = {}  # column letters → index
        self.style_ids: dict[str, int] = {}  # "s" attribute → style id
        self.row = self.col = 0
        self.attrs: dict[str, str] = {}
        self.text: str | None = None  # collecting the text of <v> or <f>
        self.v: str | None = None
        self.f: str | None = None
        self.f_attrs: dict[str, str] = {}
        self.captured: list[tuple] = []  # the events inside an <is> inline string
        self.inline: object = None
        self.parser = xml.parsers.expat.ParserCreate(namespace_separator="}")

    def feed(self, data: bytes | BinaryIO) -> None:
        parser = self.parser
        parser.buffer_text = True
        self._listen(self.start, self.end, self.chars)
        parser.EntityDeclHandler = _refuse_entity
        parser.UnparsedEntityDeclHandler = _refuse_unparsed_entity
        parser.ExternalEntityRefHandler = _refuse_external
        if isinstance(data, bytes):
            parser.Parse(data, True)
            return
        while chunk := data.read(1 << 20):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)

    def _listen(self, start, end, chars) -> None:
        self.parser.StartElementHandler = start
        self.parser.EndElementHandler = end
        self.parser.CharacterDataHandler = chars

    def check_budget(self) -> None:
        if self.budget is not None and len(self.cells) > self.budget:
            raise TooManyCells(self.row, len(self.cells))

    def sheet(self, name: str, state: str) -> Sheet:
        self._merge()
        keys = self.cells.keys()
        max_row = max((k[0] for k in keys), default=1)
        max_col = max((k[1] for k in keys), default=1)
        hidden_cols = {c for first, (last, hidden) in self.columns.items() if hidden
                       for c in range(first, last + 1)}
        return Sheet(name, state, self.cells, max_row, max_col, frozenset(self.hidden_rows),
                     frozenset(hidden_cols), tuple(self.merged))

    # --- expat callbacks (the hot path: kept flat) -----------------------------

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == _C:
            self.attrs, self.v, self.f, self.inline = attrs, None, None, None
        elif tag == _V:
            self.text = ""
        elif tag == _ROW:
            self._row(attrs)
        elif tag == _F:
            self.text, self.f_attrs = "", attrs
        elif tag == _IS:
            self.captured = []
            self._listen(self._start_inline, self._end_inline, self._chars_inline)
        elif tag == _COL:
            self._column(attrs)
        elif tag == _MERGE:
            self.merged.append(CellRange(attrs.get("ref")))

    def end(self, tag: str) -> None:
        if tag == _C:
            self._cell()
        elif tag == _V:
            self.v, self.text = self.text, None
        elif tag == _F:
            self.f, self.text = self.text, None

    def chars(self, data: str) -> None:
        if self.text is not None:
            self.text += data  # usually one piece: "" + data is data

    # inside <is>: the events are kept until </is>, then read as one inline string

    def _start_inline(self, tag: str, attrs: dict[str, str]) -> None:
        self.captured.append((tag, attrs))

    def _chars_inline(self, data: str) -> None:
        self.captured.append(data)

    def _end_inline(self, tag: str) -> None:
        if tag != _IS:
            self.captured.append((tag,))
            return
        self.inline = _inline(self.captured)
        self._listen(self.start, self.end, self.chars)

    # --- elements -------------------------------------------------------------

    def _row(self, attrs: dict[str, str]) -> None:
        r = attrs.get("r")
        if r is None:
            self.row += 1
        else:
            try:
                self.row = int(r)
            except ValueError:
                number = float(r)
                if not number.is_integer():
                    raise ValueError(f"{r} is not a valid row number") from None
                self.row = int(number)
        self.col = 0
        hidden = attrs.get("hidden")
        if hidden and hidden not in _FALSE:
            self.hidden_rows.add(self.row)
        if self.budget is not None and len(self.cells) > self.budget:
            raise TooManyCells(self.row, len(self.cells))

    def _column(self, attrs: dict[str, str]) -> None:
        first = int(attrs["min"])
        last = int(attrs.get("max") or first)
        hidden = attrs.get("hidden", "")
        self.columns[first] = (last, bool(hidden) and hidden not in _FALSE)

    def _cell(self) -> None:
        attrs = self.attrs
        coord = attrs.get("r")
        if coord:
            letters = coord.rstrip("0123456789")
            col = self.letters.get(letters)
            digits = coord[len(letters):]
            if col is None or not digits or digits[0] == "0":
                row, col = self._position(coord, letters)
            else:
                row = int(digits)
            self.col = col
        else:
            self.col += 1
            row, col = self.row, self.col
        style = attrs.get("s")
        style = self.style_ids.get(style) if style else 0
        if style is None:
            style = self.style_ids[attrs["s"]] = int(attrs["s"])
        kind = attrs.get("t", "n")
        v = self.v or None
        if kind == "n" and v is not None and style not in self.dates:  # the most common cell
            saved, error = (float(v) if ("." in v or "E" in v or "e" in v) else int(v)), False
        else:
            saved, error = self._saved(kind, v, style)
        if self.f is None:
            self.cells[row, col] = _new_cell(Cell, (saved, saved, style, False, error))
        else:
            plain = str(saved) if isinstance(saved, CellRichText) else saved
            self.cells[row, col] = Cell(self._formula(coord), plain, style, True, error)

    def _position(self, coord: str, letters: str) -> tuple[int, int]:
        """(row, column) of "B12" by openpyxl's coordinate_to_tuple (which refuses bad
        ones), its column letters remembered: `_cell` looks known letters up itself."""
        row, col = coordinate_to_tuple(coord)
        if letters.isascii() and letters.isalpha():
            self.letters[letters] = col
        return row, col

    def _saved(self, kind: str, v: str | None, style: int) -> tuple[object, bool]:
        """The stored value and whether it is an Excel error (openpyxl's parse_cell)."""
        if kind == "inlineStr":
            return normal_text(self.inline), False
        if v is None:
            return None, kind == "e"
        if kind == "n":
            number = float(v) if ("." in v or "E" in v or "e" in v) else int(v)
            if style not in self.styles.dates:
                return number, False
            try:
                return _date(number, self.styles.epoch, style in self.styles.durations), False
            except (OverflowError, ValueError):  # a date serial past what a date can hold
                return "#VALUE!", True
        if kind == "s":
            return self.strings[int(v)], False
        if kind == "b":
            return bool(int(v)), False
        if kind == "d":
            return from_ISO8601(v), False
        return normal_text(v), kind == "e"  # "str" (a formula's text result), "e", or unknown

    def _formula(self, coord: str | None) -> object:
        """The formula as openpyxl's formula view holds it: "=…" text (a shared formula
        translated to this cell), or an array / data-table formula object."""
        attrs = self.f_attrs
        text = "=" + (self.f or "")
        kind = attrs.get("t")
        if kind == "array":
            return ArrayFormula(ref=attrs.get("ref"), text=text)
        if kind == "shared":
            index = attrs.get("si")
            if index in self.shared:
                text = self.shared[index].translate_formula(coord)
            elif text != "=":
                self.shared[index] = Translator(text, coord)
        elif kind == "dataTable":
            return DataTableFormula(**attrs)
        return normal_text(text)

    def _merge(self) -> None:
        """Merged ranges: every cell but the top-left one holds nothing (openpyxl's
        MergedCell), and each counts in the used range."""
        cells = self.cells
        for rng in self.merged:
            anchor = (rng.min_row, rng.min_col)
            if rng.size["rows"] * rng.size["columns"] <= len(cells) + 1:
                inside = [(r, c) for r in range(rng.min_row, rng.max_row + 1)
                          for c in range(rng.min_col, rng.max_col + 1)]
            else:  # a huge range: look only at the cells that exist, then its far corner
                inside = [k for k in cells if rng.min_row <= k[0] <= rng.max_row and rng.min_col <= k[1] <= rng.max_col]
                inside.append((rng.max_row, rng.max_col))
            for key in inside:
                if key != anchor:
                    cells[key] = EMPTY


def _inline(events: list[tuple | str]) -> object:
    """The text of an <is> inline string from the events inside it: a lone <t> is its
    text, anything else (runs) goes through openpyxl's parse_richtext_string."""
    if len(events) >= 3 and events[0][0] == _T and len(events[0]) == 2 and events[-1] == (_T,) \
            and all(isinstance(e, str) for e in events[1:-1]):
        text = "".join(events[1:-1])  # type: ignore[arg-type]
        if text:
            return text.replace("x005F_", "")  # as openpyxl's CellRichText.from_tree
    tree = TreeBuilder()
    tree.start("{" + _IS, {})
    for event in events:
        if isinstance(event, str):
            tree.data(event)
        elif len(event) == 2:
            tree.start(_et(event[0]), {_et(k): v for k, v in event[1].items()})
        else:
            tree.end(_et(event[0]))
    tree.end("{" + _IS)
    return xl.parse_richtext_string(tree.close())


@lru_cache(maxsize=4096)
def _date(serial: int | float, epoch: dt.datetime, duration: bool) -> dt.datetime | dt.timedelta:
    """openpyxl's from_excel, remembered: a date column repeats its dates."""
    return from_excel(serial, epoch, timedelta=duration)


def _et(name: str) -> str:
    """expat's "uri}name" → ElementTree's "{uri}name"."""
    return "{" + name if "}" in name else name


def _refuse_entity(name, is_parameter, value, base, sysid, pubid, notation):  # defusedxml's rule
    raise EntitiesForbidden(name, value, base, sysid, pubid, notation)


def _refuse_unparsed_entity(name, base, sysid, pubid, notation):
    raise EntitiesForbidden(name, None, base, sysid, pubid, notation)


def _refuse_external(context, base, sysid, pubid):
    raise ExternalReferenceForbidden(context, base, sysid, pubid)
