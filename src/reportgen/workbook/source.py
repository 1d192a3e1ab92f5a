"""Open an .xlsx file safely and give cell access with resolved values.

In: a path. Out: a `Book` that answers "what is the value of sheet!A1" using the saved
value, or evaluates a formula that has none. Everything that can go wrong with the file
itself (not a zip, encrypted, zip bomb, old .xls) becomes a located `ReportError`.
openpyxl (read-only: names, styles, shared strings) parses the XML through defusedxml,
and the sheet parser (`sheets`) refuses what defusedxml refuses, so entity expansion and
external entities are refused by the parser.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from contextlib import contextmanager
from typing import Iterator
from xml.parsers.expat import ExpatError

from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText
from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter
from openpyxl.workbook.workbook import Workbook

from reportgen.adapters import openpyxl as xl
from reportgen.diagnostics import CellRef, Collector, Diagnostic, ReportError
from reportgen.i18n import tr
from reportgen.numfmt import builtin_format, is_date_format
from reportgen.workbook.sheets import Cell, Sheet, Styles, TooManyCells, normal_text, parse_sheet

# A real fact-sheet workbook is a few hundred KB; these bounds refuse zip bombs before
# anything is inflated (sizes come from the zip directory).
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 500 * 1024 * 1024
MAX_RATIO = 200
MAX_ROWS = 100_000  # used range of one sheet: ten times the largest table a fact sheet appendix holds
MAX_CELLS = 2_000_000
MAX_WORKBOOK_CELLS = 150_000
"""Cells of all sheets together (empty formatted cells count): what a build turns into a
PDF, a DOCX and an appendix in under 2 minutes and 1 GB on a 2-CPU machine (bench/limits.md).
Counted while the sheets are parsed, so that a larger workbook is refused in seconds."""
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
EXCEL_ERRORS = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"))

Raw = float | int | str | bool | dt.date | dt.datetime | dt.time | None


class CellProblem(Exception):
    """A problem with one cell's value; the caller knows the cell and reports it. `where`
    names the cell the problem lies in when that is another one (a formula's reference),
    so a chain of references names its origin once."""

    def __init__(self, message: str, where: CellRef | None = None):
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


def check_container(path: Path) -> None:
    """Refuse what is not a plain, reasonable .xlsx before openpyxl touches it."""
    where = str(path)
    if not path.is_file():
        raise ReportError(Diagnostic(where, tr("file not found (expected an .xlsx workbook)")))
    with path.open("rb") as fh:
        head = fh.read(512)
    if head.startswith(OLE_MAGIC):
        raise ReportError(Diagnostic(where, _ole_kind(path)))
    if not zipfile.is_zipfile(path):
        raise ReportError(Diagnostic(where, _not_zip(head)))
    try:
        with zipfile.ZipFile(path) as zf:
            _check_members(zf, where)
            _check_xml(zf, where)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ReportError(Diagnostic(where, tr("damaged .xlsx (truncated or corrupt zip: {exc}); save it again from Excel").format(exc=exc))) from None


def _ole_kind(path: Path) -> str:
    """An OLE compound file is an encrypted .xlsx or an old .xls: tell which by its streams.
    Stream names are stored UTF-16LE in the file's directory (hand-written: no library
    for this is a dependency; msoffcrypto-tool would be one just for a message)."""
    data = path.read_bytes()
    if "EncryptedPackage".encode("utf-16-le") in data:
        return tr("this is an encrypted (password-protected) workbook; remove the password "
                  "(File > Info > Protect Workbook) and save it as .xlsx")
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return tr("this is an old Excel 97-2003 .xls file; open it in Excel and save it as .xlsx")
    return tr("this is an OLE compound file (an encrypted workbook or an old .xls), not an .xlsx; "
              "save it as an unprotected .xlsx")


def _not_zip(head: bytes) -> str:
    if head.startswith(b"PK"):
        return tr("damaged .xlsx (truncated or corrupt zip: the end of the file is missing); save it again from Excel")
    if not head:
        return tr("empty file (expected an .xlsx workbook)")
    try:
        head.decode("utf-8")
        text = True
    except UnicodeDecodeError as exc:  # a cut multi-byte character at the end is still text
        text = exc.start > len(head) - 4
    if text:
        return tr("not an .xlsx workbook: this is a text file (a CSV renamed to .xlsx?); "
                  "open it in Excel and save it as an Excel workbook (.xlsx)")
    return tr("not an .xlsx workbook (expected a zip container)")


_OTHER_PACKAGES = (  # a part that names what another office format's zip is
    ("word/document.xml", lambda: tr("this is a Word document, not an Excel workbook")),
    ("ppt/presentation.xml", lambda: tr("this is a PowerPoint presentation, not an Excel workbook")),
)


def _other_zip(zf: zipfile.ZipFile, names: set[str]) -> str:
    """What a zip that is no .xlsx is, said so its owner knows what to do: an OpenDocument
    file names its type in its `mimetype` part; Word and PowerPoint by their main part."""
    mimetype = zf.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    if mimetype.startswith("application/vnd.oasis.opendocument.spreadsheet"):
        return tr("this is an OpenDocument spreadsheet (.ods), not an .xlsx; in LibreOffice Calc or Excel "
                  "choose Save As and save it as an Excel workbook (.xlsx)")
    what = next((say() for part, say in _OTHER_PACKAGES if part in names), "")
    if mimetype.startswith("application/vnd.oasis.opendocument."):
        what = tr("this is an OpenDocument file, not an Excel workbook")
    what = what or tr("this zip file is not an Excel workbook")
    return tr("{what}; save the workbook as .xlsx (Excel workbook)").format(what=what)


def _check_members(zf: zipfile.ZipFile, where: str) -> None:
    infos = zf.infolist()
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise ReportError(Diagnostic(where, _other_zip(zf, names)))
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ReportError(Diagnostic(where, tr("part {filename} is encrypted inside the zip; save the workbook again from Excel without a password").format(filename=info.filename)))
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES or (
            info.file_size > 10 * 1024 * 1024 and ratio > MAX_RATIO
        ):
            raise ReportError(Diagnostic(where, tr("refused: {part_label} would inflate to {file_size:,} bytes (zip bomb?); limit {MAX_MEMBER_BYTES:,} bytes per part, {MAX_TOTAL_BYTES:,} in all, compression ratio {MAX_RATIO} above 10 MB").format(part_label=_part_label(zf, info.filename), file_size=info.file_size, MAX_MEMBER_BYTES=MAX_MEMBER_BYTES, MAX_TOTAL_BYTES=MAX_TOTAL_BYTES, MAX_RATIO=MAX_RATIO)))


# Excel never writes a DTD (and OPC forbids one, ECMA-376 Part 2 §8.1.4), so any part that
# declares one is refused before parsing: this is where entity expansion ("billion laughs")
# and external entities live. Hand-written scan: defusedxml would refuse too, but only in the
# parts openpyxl parses with it (openpyxl parses workbook.xml with lxml, entities unresolved).
# Parts are told apart by content, not by name: [Content_Types].xml can declare any name
# (workbook.bin) as the workbook, and every part that reads as XML is scanned.
_DTD_MARKS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _check_xml(zf: zipfile.ZipFile, where: str) -> None:
    for info in zf.infolist():
        if info.is_dir() or not _reads_as_xml(zf, info):
            continue
        if _declares_dtd(zf, info):
            raise ReportError(Diagnostic(where, tr("refused: {part_label} declares a DTD (<!DOCTYPE>/<!ENTITY>), which Excel never writes: a possible XML attack (entity expansion or external entity); save the workbook again from Excel").format(part_label=_part_label(zf, info.filename))))


def _reads_as_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """True when the part starts like XML (after a byte-order mark and white space), as
    any XML parser would accept it; images and other binary parts do not."""
    with zf.open(info) as fh:
        head = fh.read(256)
    for bom in _BOMS:
        head = head.removeprefix(bom)
    return head.lstrip(b" \t\r\n\x00").startswith(b"<")  # UTF-16 too: its zero bytes are stripped


def _declares_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    tail = b""
    with zf.open(info) as fh:  # reads at most file_size bytes (already checked)
        while chunk := fh.read(1 << 20):
            window = tail + chunk
            if any(mark in window for mark in _DTD_MARKS):
                return True
            tail = window[-32:]
    return False


def _part_label(zf: zipfile.ZipFile, part: str) -> str:
    """'sheet 'content' (part xl/worksheets/sheet2.xml)' when the part is a worksheet."""
    sheet = _sheet_parts(zf).get(part)
    return f"sheet '{sheet}' (part {part})" if sheet else f"part {part}"


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """{part path: sheet name}, read with defusedxml; {} when that is not possible."""
    from defusedxml.ElementTree import fromstring

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    try:
        rels = fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target", "") for r in rels}
        book = fromstring(zf.read("xl/workbook.xml"))
        sheets = book.iter(f"{main}sheet")
        return {_part_path(targets.get(s.get(f"{rel_ns}id"), "")): s.get("name", "") for s in sheets}
    except Exception:  # the label is a courtesy; the refusal stands without it
        return {}


def _part_path(target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _load(path: Path) -> Workbook:
    """The workbook's parts but its worksheets (names, styles, shared strings), read by
    openpyxl in read-only mode: the worksheets are read by `sheets.parse_sheet`."""
    # no size scan: openpyxl's read-only worksheets parse a sheet without <dimension>
    # whole to find their size, a second parse before the cell limit can refuse it; the
    # size is never used here (`parse_sheet` finds it)
    with _readable(path), warnings.catch_warnings(), xl.no_size_scan():
        warnings.simplefilter("ignore")  # openpyxl warns about unsupported extensions
        return load_workbook(path, read_only=True, rich_text=True)


@contextmanager
def _readable(path: Path) -> Iterator[None]:
    """Whatever openpyxl or the sheet parser raises for a damaged file, as a ReportError."""
    try:
        yield
    except ReportError:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ReportError(Diagnostic(str(path), _load_problem(exc))) from None


def _load_problem(exc: BaseException) -> str:
    """The most telling exception in openpyxl's chain, in words."""
    from defusedxml import DefusedXmlException

    chain = [exc]
    while (nxt := chain[-1].__cause__ or chain[-1].__context__) is not None and len(chain) < 10:
        chain.append(nxt)
    for e in chain:
        if isinstance(e, DefusedXmlException):
            return (f"refused: the workbook's XML declares entities or a DTD ({type(e).__name__}: {e}); "
                    "a possible XML attack; save the workbook again from Excel")
        if isinstance(e, (zipfile.BadZipFile, zlib.error, EOFError)):
            return f"damaged .xlsx (corrupt zip data: {e}); save it again from Excel"
    root = chain[-1]
    if isinstance(root, ExpatError):  # the name ElementTree gives the same expat error
        return f"cannot read the workbook (ParseError: {root}); save it again from Excel"
    return f"cannot read the workbook ({type(root).__name__}: {root}); save it again from Excel"


def _read_sheets(path: Path, wb: Workbook, formats: tuple[str, ...]) -> dict[str, Sheet]:
    """Every sheet of the workbook, parsed once (chart sheets are empty sheets). A style
    shows dates when openpyxl says so or its format (as `_number_formats` reads it: the
    Japanese built-in date ids openpyxl does not know) is a date format."""
    strings = [normal_text(s) for s in xl.shared_strings(wb)]
    dates = xl.date_style_ids(wb) | {i for i, fmt in enumerate(formats) if is_date_format(fmt)}
    styles = Styles(dates, xl.timedelta_style_ids(wb), wb.epoch)
    sheets: dict[str, Sheet] = {}
    used = 0
    with _readable(path):
        for ws, part in xl.sheet_parts(wb):
            if part is None:
                sheets[ws.title] = Sheet.empty(ws.title, ws.sheet_state)
                continue
            try:
                with xl.archive(wb).open(part) as xml:  # streamed: a sheet over the limit is refused early
                    sheet = parse_sheet(ws.title, ws.sheet_state, xml, strings, styles, MAX_WORKBOOK_CELLS - used)
            except TooManyCells as exc:
                raise ReportError(Diagnostic(CellRef(ws.title, f"A{exc.row}"), too_many_cells(used + exc.cells))) from None
            sheets[ws.title] = sheet
            used += len(sheet.cells)
    return sheets


def too_many_cells(cells: int) -> str:
    return (f"the workbook holds more than {MAX_WORKBOOK_CELLS:,} cells ({cells:,} by this row; limit "
            f"{MAX_WORKBOOK_CELLS:,} cells in all sheets together, empty formatted cells included, so that a "
            "build stays under 2 minutes and 1 GB): keep only the rows the fact sheet needs, or split it into "
            "several workbooks")


def _number_formats(wb: Workbook) -> tuple[str, ...]:
    """The number format of each cell style id (openpyxl's NumberFormatDescriptor, once
    per style instead of once per cell; built-in ids as Japanese Excel shows them)."""
    custom = xl.custom_formats(wb)
    formats = []
    for fid in xl.style_format_ids(wb):
        fmt = builtin_format(fid) if fid < BUILTIN_FORMATS_MAX_SIZE else custom[fid - BUILTIN_FORMATS_MAX_SIZE]
        formats.append(fmt or "General")
    return tuple(formats)


@dataclass
class Book:
    """One workbook, read once: each sheet's cells as typed (formulas, rich text) and as
    saved (a formula's last result), its defined names and number formats. A formula
    without a saved value is evaluated when read, and remembered; so is every formula of
    a workbook whose saved values are stale (`stale` says why)."""

    path: Path
    workbook: Workbook  # openpyxl's read-only workbook: defined names
    sheets: dict[str, Sheet]
    formats: tuple[str, ...]  # number format by cell style id
    stale: str | None = None  # why the saved formula results cannot be trusted, if they cannot
    _cache: dict[tuple[str, int, int], Raw | CellProblem] = field(default_factory=dict)
    _evaluating: set[tuple[str, int, int]] = field(default_factory=set)

    @classmethod
    def open(cls, path: Path) -> "Book":
        check_container(path)
        wb = _load(path)
        try:
            with _readable(path):
                formats = _number_formats(wb)
                stale = _stale_values(xl.archive(wb))
            return cls(path, wb, _read_sheets(path, wb, formats), formats, stale)
        finally:
            wb.close()

    @property
    def sheetnames(self) -> list[str]:
        return list(self.sheets)

    def sheet(self, name: str) -> Sheet:
        return self.sheets[name]

    def name_target(self, name: str) -> tuple[str, str] | None:
        """(sheet, cell) of a single-cell workbook-level defined name, else None."""
        dn = self.workbook.defined_names.get(name)
        if dn is None:
            return None
        dests = list(dn.destinations)
        if len(dests) != 1 or ":" in dests[0][1]:
            return None
        sheet, coord = dests[0]
        return sheet, coord.replace("$", "")

    def rich(self, sheet: str, coord: str) -> str | CellRichText | None:
        """The cell as shown: text, rich text, or None (numbers and a formula's result come
        back as str())."""
        row, col = coordinate_to_tuple(coord)
        cell = self.sheets[sheet].cells.get((row, col))
        if cell is None:
            return None
        v = cell.value
        if not cell.formula and (v is None or isinstance(v, (str, CellRichText))):
            return v
        raw = self.cell_raw(self.sheets[sheet], row, col, cell)
        if isinstance(raw, bool):
            return "TRUE" if raw else "FALSE"  # as Excel shows a logical value
        return None if raw is None else str(raw)

    def style_format(self, sheet: Sheet, row: int, col: int, cell: Cell) -> str:
        """The cell's number format; a style index the workbook does not have is a CellProblem."""
        if not 0 <= cell.style < len(self.formats):
            raise CellProblem(tr("the cell's style {style} is not among the workbook's {count} styles (a damaged or hand-made file); save the workbook again from Excel").format(style=cell.style, count=len(self.formats)))
        return self.formats[cell.style]

    def raw(self, sheet: str, coord: str) -> Raw:
        """The cell's value: saved value, else the formula evaluated; errors raise CellProblem."""
        if sheet not in self.sheets:
            raise CellProblem(tr("reference to a missing sheet '{sheet}'").format(sheet=sheet))
        return self.raw_at(self.sheets[sheet], *coordinate_to_tuple(coord))

    def raw_at(self, sheet: Sheet, row: int, col: int) -> Raw:
        """`raw` by position. A plain cell's value is its saved value; a formula's is
        resolved once and remembered."""
        cell = sheet.cells.get((row, col))
        if cell is None:
            return None
        return self.cell_raw(sheet, row, col, cell)

    def cell_raw(self, sheet: Sheet, row: int, col: int, cell: Cell) -> Raw:
        """`raw_at` for a cell already looked up."""
        if not cell.formula:
            return _plain(cell)
        key = (sheet.name, row, col)
        if key not in self._cache:
            try:
                self._cache[key] = self._formula_value(sheet, row, col, cell)
            except CellProblem as problem:
                self._cache[key] = problem
        value = self._cache[key]
        if isinstance(value, CellProblem):
            raise value
        return value

    def _needs_evaluation(self, cell: Cell) -> bool:
        return cell.formula and not cell.error and (cell.saved is None or self.stale is not None)

    def _formula_value(self, sheet: Sheet, row: int, col: int, cell: Cell) -> Raw:
        _check_error(cell)
        if not isinstance(cell.value, str):  # an array or data-table formula has only its saved value
            if self.stale:
                what = f"array formula {cell.value.text}" if hasattr(cell.value, "text") else "data table formula"
                raise CellProblem(tr("{what} cannot be evaluated here and its saved value is not trusted ({stale}); open and save the workbook in Excel").format(what=what, stale=self.stale))
            return cell.saved
        if not self._needs_evaluation(cell):
            return cell.saved
        key = (sheet.name, row, col)
        if key in self._evaluating:
            raise CellProblem(tr("circular reference in formula {value}").format(value=cell.value))
        self._evaluate_references_first(key)
        self._evaluating.add(key)
        try:
            return self._evaluate(sheet.name, cell.value, saved=cell.saved is not None)
        finally:
            self._evaluating.discard(key)

    def _evaluate_references_first(self, root: tuple[str, int, int]) -> None:
        """Evaluate the formulas `root` depends on, deepest first, with a stack of our own:
        a running total down 1,000 rows is a chain 1,000 formulas deep, past Python's
        recursion limit if each evaluation recursed into the next. A cycle is remembered as
        a problem of each of its cells."""
        stack = [(root, iter(self._unevaluated_references(root)))]
        active = {root: 0}
        while stack:
            key, references = stack[-1]
            ref = next(references, None)
            if ref is None:
                stack.pop()
                del active[key]
                if key != root and key not in self._cache:
                    sheet = self.sheets[key[0]]
                    try:
                        self.cell_raw(sheet, key[1], key[2], sheet.cells[key[1], key[2]])
                    except CellProblem:
                        pass  # remembered in the cache; reported where it is used
                continue
            if ref in active:
                for cycle_key, _ in stack[active[ref]:]:
                    formula = self.sheets[cycle_key[0]].cells[cycle_key[1], cycle_key[2]].value
                    self._cache.setdefault(cycle_key, CellProblem(tr("circular reference in formula {formula}").format(formula=formula),
                                                                  _ref(cycle_key)))
                continue
            if ref not in self._cache:
                active[ref] = len(stack)
                stack.append((ref, iter(self._unevaluated_references(ref))))

    def _unevaluated_references(self, key: tuple[str, int, int]) -> list[tuple[str, int, int]]:
        """The formula cells `key`'s formula refers to that still need evaluating."""
        from reportgen.workbook.formula import references

        name, row, col = key
        if key in self._cache:
            return []
        cell = self.sheets[name].cells.get((row, col))
        if cell is None or not isinstance(cell.value, str) or not self._needs_evaluation(cell):
            return []
        out = []
        for sheet, r, c in references(cell.value, name, self.name_target):
            target = self.sheets.get(sheet)
            found = target.cells.get((r, c)) if target is not None else None
            if found is not None and (sheet, r, c) not in self._cache and self._needs_evaluation(found):
                out.append((sheet, r, c))
        return out

    def _evaluate(self, sheet: str, formula: str, saved: bool) -> Raw:
        from reportgen.workbook.formula import FormulaError, evaluate

        try:
            value = evaluate(formula, sheet, self._resolve_ref, self.name_target)
        except FormulaError as exc:
            if saved:
                raise CellProblem(tr("formula {formula} cannot be evaluated here and its saved value is not trusted ({stale}): {exc}; open and save the workbook in Excel").format(formula=formula, stale=self.stale, exc=exc)) from None
            raise CellProblem(tr("formula {formula} has no saved value and cannot be evaluated here ({exc}); open and save the workbook in Excel").format(formula=formula, exc=exc)) from None
        return unicodedata.normalize("NFC", value) if isinstance(value, str) else value

    def _resolve_ref(self, sheet: str, coord: str) -> Raw:
        try:
            return self.raw(sheet, coord.replace("$", ""))
        except CellProblem as exc:
            if exc.where is not None:
                raise
            raise CellProblem(exc.message, CellRef(sheet, coord)) from None


def _ref(key: tuple[str, int, int]) -> CellRef:
    return CellRef(key[0], f"{get_column_letter(key[2])}{key[1]}")


# Writers that save formulas with placeholder results, as docProps/app.xml names them
# (libxlsxwriter, rust_xlsxwriter). XlsxWriter itself signs as "Microsoft Excel" but marks
# the workbook fullCalcOnLoad, the flag a writer sets when its results are not to be used.
# openpyxl saves no results at all, which the reader handles without this list.
_NON_CALCULATING = ("xlsxwriter",)


def _stale_values(archive: zipfile.ZipFile) -> str | None:
    """Why the saved formula results of this package cannot be trusted, or None: the
    workbook asks for a full recalculation on load, or a writer known not to calculate
    saved it. Read with defusedxml from the parts openpyxl found."""
    from defusedxml.ElementTree import fromstring

    names = set(archive.namelist())
    if "docProps/app.xml" in names:
        app = fromstring(archive.read("docProps/app.xml"))
        application = next((e.text or "" for e in app if e.tag.endswith("}Application")), "")
        if any(w in application.lower() for w in _NON_CALCULATING):
            return f"the workbook was written by {application.strip()}, which does not calculate formulas"
    for part in _workbook_parts(archive):
        for element in fromstring(archive.read(part)):
            if element.tag.endswith("}calcPr") and element.get("fullCalcOnLoad", "0").lower() in ("1", "true"):
                return ("the workbook asks to be recalculated on opening (fullCalcOnLoad, as XlsxWriter and "
                        "pandas write it), so its saved results may be placeholder zeros")
    return None


def _workbook_parts(archive: zipfile.ZipFile) -> list[str]:
    """The workbook part(s) [Content_Types].xml declares (any name, not only xl/workbook.xml)."""
    from defusedxml.ElementTree import fromstring

    types = fromstring(archive.read("[Content_Types].xml"))
    return [e.get("PartName", "").lstrip("/") for e in types
            if e.get("ContentType", "").endswith(("sheet.main+xml", "macroEnabled.main+xml", "template.main+xml"))
            and e.get("PartName", "").lstrip("/") in archive.namelist()]


def _plain(cell: Cell) -> Raw:
    """A cell without a formula: its value (rich text as plain text)."""
    value = cell.value
    if type(value) is str:  # the common case first: text
        if value in EXCEL_ERRORS or cell.error:
            _check_error(cell)
        return value
    _check_error(cell)
    return str(value) if isinstance(value, CellRichText) else value  # type: ignore[return-value]


def _check_error(cell: Cell) -> None:
    saved = cell.saved
    if cell.error or (isinstance(saved, str) and saved in EXCEL_ERRORS):
        raise CellProblem(tr("Excel error value {saved} (fix the formula or the data it uses)").format(saved=saved))


def shown(book: Book, sheet: Sheet, row: int, col: int, diag: Collector) -> Raw:
    """The cell's value with its formula resolved (rich text as plain text), for cells read
    as names and settings (headers, keys, chart rows); a problem is reported at the cell."""
    try:
        return book.raw_at(sheet, row, col)
    except CellProblem as exc:
        diag.add(CellRef(sheet.name, f"{get_column_letter(col)}{row}"), str(exc))
        return None


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def check_extent(book: Book, diag: Collector) -> None:
    """Report sheets whose used range is absurdly large (a stray cell at XFD1048576 makes
    every row and column count), at their far corner, before anything walks them."""
    for name, ws in book.sheets.items():
        cells = ws.max_row * ws.max_column
        if ws.max_row > MAX_ROWS or cells > MAX_CELLS:
            corner = f"{get_column_letter(ws.max_column)}{ws.max_row}"
            diag.add(CellRef(name, corner), tr("the sheet's used range reaches {corner} ({max_row:,} rows, {cells:,} cells; limit {MAX_ROWS:,} rows, {MAX_CELLS:,} cells): delete the stray cells or formatting far below or right of the data").format(corner=corner, max_row=ws.max_row, cells=cells, MAX_ROWS=MAX_ROWS, MAX_CELLS=MAX_CELLS))


def key_rows(book: Book, sheet: str, header: str, what: str, diag: Collector) -> dict[str, str]:
    """Column A name → coordinate of its value in column B, for key/value sheets (meta,
    values); a header row whose A1 is `header` is skipped, a repeated name reported."""
    ws = book.sheet(sheet)
    rows: dict[str, str] = {}
    for r in ws.visible_rows():
        key = shown(book, ws, r, 1, diag)
        if is_blank(key) or (r == 1 and str(key).strip().lower() == header):
            continue
        key = str(key).strip()
        if key in rows:
            diag.add(CellRef(sheet, f"A{r}"), tr("duplicate {what} '{key}' (first at A{rows})").format(what=what, key=key, rows=rows[key][1:]))
            continue
        rows[key] = f"B{r}"
    return rows
