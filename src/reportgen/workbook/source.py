"""Open an .xlsx file safely and give cell access with resolved values.

In: a path. Out: a `Book` that answers "what is the value of sheet!A1" using the saved
value, or evaluates a formula that has none. Everything that can go wrong with the file
itself (not a zip, encrypted, zip bomb, old .xls) becomes a located `ReportError`.
openpyxl parses the XML through defusedxml when it is installed (it is a dependency), so
entity expansion and external entities are refused by the parser.
"""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText
from openpyxl.utils.cell import coordinate_from_string, column_index_from_string
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from reportgen.diagnostics import CellRef, Diagnostic, ReportError

# A real fact-sheet workbook is a few hundred KB; these bounds refuse zip bombs before
# anything is inflated (sizes come from the zip directory).
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 500 * 1024 * 1024
MAX_RATIO = 200
EXCEL_ERRORS = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA")

Raw = float | int | str | bool | dt.date | dt.datetime | dt.time | None


class CellProblem(Exception):
    """A problem with one cell's value; the caller knows the cell and reports it."""


def check_container(path: Path) -> None:
    """Refuse what is not a plain, reasonable .xlsx before openpyxl touches it."""
    where = str(path)
    if not path.is_file():
        raise ReportError(Diagnostic(where, "file not found (expected an .xlsx workbook)"))
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReportError(Diagnostic(where, "this is an encrypted (password-protected) workbook "
                                     "or an old .xls file; save it as an unprotected .xlsx"))
    if not zipfile.is_zipfile(path):
        raise ReportError(Diagnostic(where, "not an .xlsx workbook (expected a zip container; "
                                     "a CSV or another file renamed to .xlsx?)"))
    try:
        with zipfile.ZipFile(path) as zf:
            _check_members(zf, where)
    except zipfile.BadZipFile as exc:
        raise ReportError(Diagnostic(where, f"damaged .xlsx (truncated or corrupt zip: {exc})")) from None


def _check_members(zf: zipfile.ZipFile, where: str) -> None:
    infos = zf.infolist()
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise ReportError(Diagnostic(where, "not an Excel workbook: the zip has no xl/workbook.xml"))
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES or (
            info.file_size > 10 * 1024 * 1024 and ratio > MAX_RATIO
        ):
            raise ReportError(Diagnostic(where, f"refused: part {info.filename} would inflate to "
                                         f"{info.file_size:,} bytes (zip bomb?); limit "
                                         f"{MAX_MEMBER_BYTES:,} bytes per part"))


def _load(path: Path, **kw: object) -> Workbook:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about unsupported extensions
            return load_workbook(path, **kw)
    except ReportError:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ReportError(Diagnostic(str(path), f"cannot read the workbook: {type(exc).__name__}: {exc}")) from None


@dataclass
class Book:
    """Both views of one workbook: formulas + rich text, and the saved values."""

    path: Path
    formulas: Workbook
    values: Workbook
    _cache: dict[tuple[str, str], Raw] = field(default_factory=dict)
    _evaluating: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def open(cls, path: Path) -> "Book":
        check_container(path)
        return cls(path, _load(path, rich_text=True), _load(path, data_only=True))

    @property
    def sheetnames(self) -> list[str]:
        return self.formulas.sheetnames

    def sheet(self, name: str) -> Worksheet:
        return self.formulas[name]

    def name_target(self, name: str) -> tuple[str, str] | None:
        """(sheet, cell) of a single-cell workbook-level defined name, else None."""
        dn = self.formulas.defined_names.get(name)
        if dn is None:
            return None
        dests = list(dn.destinations)
        if len(dests) != 1 or ":" in dests[0][1]:
            return None
        sheet, coord = dests[0]
        return sheet, coord.replace("$", "")

    def rich(self, sheet: str, coord: str) -> str | CellRichText | None:
        """The cell as typed: a string, rich text, or None (numbers come back as str())."""
        v = self.formulas[sheet][coord].value
        if v is None or isinstance(v, (str, CellRichText)):
            return v
        return str(self.raw(sheet, coord))

    def number_format(self, sheet: str, coord: str) -> str:
        return self.formulas[sheet][coord].number_format or "General"

    def raw(self, sheet: str, coord: str) -> Raw:
        """The cell's value: saved value, else the formula evaluated; errors raise CellProblem."""
        key = (sheet, coord)
        if key not in self._cache:
            self._cache[key] = self._resolve(sheet, coord)
        return self._cache[key]

    def _resolve(self, sheet: str, coord: str) -> Raw:
        if sheet not in self.values.sheetnames:
            raise CellProblem(f"reference to a missing sheet '{sheet}'")
        saved = self.values[sheet][coord]
        typed = self.formulas[sheet][coord].value
        if saved.data_type == "e" or (isinstance(saved.value, str) and saved.value in EXCEL_ERRORS):
            raise CellProblem(f"Excel error value {saved.value} (fix the formula or the data it uses)")
        if isinstance(typed, CellRichText):
            return str(typed)
        is_formula = isinstance(typed, str) and typed.startswith("=")
        if not is_formula or saved.value is not None:
            return saved.value
        return self._evaluate(sheet, coord, typed)

    def _evaluate(self, sheet: str, coord: str, formula: str) -> Raw:
        from reportgen.workbook.formula import FormulaError, evaluate

        key = (sheet, coord)
        if key in self._evaluating:
            raise CellProblem(f"circular reference in formula {formula}")
        self._evaluating.add(key)
        try:
            return evaluate(formula, sheet, self._resolve_ref, self.name_target)
        except FormulaError as exc:
            raise CellProblem(f"formula {formula} has no saved value and cannot be evaluated "
                              f"here ({exc}); open and save the workbook in Excel") from None
        finally:
            self._evaluating.discard(key)

    def _resolve_ref(self, sheet: str, coord: str) -> Raw:
        try:
            return self.raw(sheet, coord.replace("$", ""))
        except CellProblem as exc:
            raise CellProblem(f"{CellRef(sheet, coord)}: {exc}") from None


def visible_rows(ws: Worksheet) -> list[int]:
    """Row numbers 1..max_row that are not hidden."""
    return [r for r in range(1, ws.max_row + 1) if not ws.row_dimensions[r].hidden]


def hidden_columns(ws: Worksheet) -> set[int]:
    """Column indexes hidden in the sheet (a dimension may cover a range min..max)."""
    hidden: set[int] = set()
    for key, dim in ws.column_dimensions.items():
        if dim.hidden:
            lo = dim.min or column_index_from_string(key)
            hi = dim.max or lo
            hidden.update(range(lo, hi + 1))
    return hidden


def split_coord(coord: str) -> tuple[str, int]:
    return coordinate_from_string(coord)
