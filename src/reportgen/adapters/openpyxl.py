"""openpyxl's private parts reportgen relies on (openpyxl 3.1), behind named functions.

In: openpyxl objects. Out: what their public API does not offer: the read-only
workbook's shared strings, style tables, sheet parts and archive (the reader parses the
sheets itself, `workbook.sheets`), a load without the read-only size scan, the rich-text
parser, the default font, and a workbook written with each sheet's XML in memory
(`render.xlsx.package`).
tests/adapters/test_openpyxl_contract.py checks each of them on the installed openpyxl.
"""

from __future__ import annotations

import io
import zipfile
from contextlib import contextmanager
from typing import Callable, Iterator

from reportgen._openpyxl import import_openpyxl

import_openpyxl()

from openpyxl import Workbook  # noqa: E402
from openpyxl.chart._chart import ChartBase  # noqa: E402  (every chart type's base: a type for hints)
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing  # noqa: E402
from openpyxl.styles import Font  # noqa: E402
from openpyxl.utils.indexed_list import IndexedList  # noqa: E402
from openpyxl.worksheet._read_only import ReadOnlyWorksheet  # noqa: E402
from openpyxl.worksheet._reader import parse_richtext_string  # noqa: E402
from openpyxl.worksheet._writer import WorksheetWriter  # noqa: E402
from openpyxl.worksheet.worksheet import Worksheet  # noqa: E402
from openpyxl.writer.excel import ExcelWriter  # noqa: E402

__all__ = ["ChartBase", "parse_richtext_string", "no_size_scan", "shared_strings", "date_style_ids",
           "timedelta_style_ids", "sheet_parts", "archive", "style_format_ids", "custom_formats",
           "set_default_font", "write_workbook"]


@contextmanager
def no_size_scan() -> Iterator[None]:
    """While a read-only workbook loads, its worksheets do not parse themselves for their
    size (`ReadOnlyWorksheet._get_size`): a full parse of a sheet without <dimension>."""
    found = ReadOnlyWorksheet._get_size
    ReadOnlyWorksheet._get_size = lambda self: None
    try:
        yield
    finally:
        ReadOnlyWorksheet._get_size = found


def shared_strings(wb: Workbook) -> list:
    """The loaded workbook's shared-string table (one per load, held by each worksheet)."""
    return next((ws._shared_strings for ws in wb.worksheets), [])


def date_style_ids(wb: Workbook) -> frozenset[int]:
    """Cell style ids openpyxl reads as dates."""
    return frozenset(wb._date_formats)


def timedelta_style_ids(wb: Workbook) -> frozenset[int]:
    """Cell style ids openpyxl reads as durations."""
    return frozenset(wb._timedelta_formats)


def sheet_parts(wb: Workbook) -> Iterator[tuple[object, str | None]]:
    """Every sheet in workbook order (chart sheets too) with its worksheet part's zip
    name, None for a sheet without one (a chart sheet)."""
    for ws in wb._sheets:
        yield ws, getattr(ws, "_worksheet_path", None)


def archive(wb: Workbook) -> zipfile.ZipFile:
    """The read-only workbook's open zip file."""
    return wb._archive


def style_format_ids(wb: Workbook) -> list[int]:
    """The number format id of each cell style, by cell style id."""
    return [style.numFmtId for style in wb._cell_styles]


def custom_formats(wb: Workbook) -> list[str]:
    """The workbook's custom number format codes, by id - BUILTIN_FORMATS_MAX_SIZE."""
    return wb._number_formats


def set_default_font(wb: Workbook, base: Font) -> None:
    """`base` as font 0 (what unstyled cells use) and the Normal style's font (what Excel
    measures column widths with): openpyxl has no public setter for either."""
    wb._fonts = IndexedList([base])
    wb._named_styles["Normal"].font = base


def write_workbook(wb: Workbook, archive: zipfile.ZipFile, finish: Callable[[Worksheet, bytes], bytes]) -> None:
    """`wb` written into `archive` by openpyxl's `ExcelWriter` (without `save_workbook`,
    which overwrites properties.modified), each worksheet's XML passed through `finish`."""
    _Writer(wb, archive, finish).save()


class _Writer(ExcelWriter):
    """openpyxl's writer, each worksheet written in memory and passed through `finish`.

    openpyxl writes every worksheet to a temporary file first: creating and deleting it
    costs 0.5 ms of CPU and, on a disk mounted with discard, ~8 ms of waiting per sheet.
    `write_worksheet` is openpyxl 3.1's own but for where the XML goes (`WorksheetWriter`
    takes a BytesIO as its output)."""

    def __init__(self, wb: Workbook, archive: zipfile.ZipFile, finish: Callable[[Worksheet, bytes], bytes]) -> None:
        super().__init__(wb, archive)
        self._finish = finish

    def write_worksheet(self, ws: Worksheet) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = WorksheetWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], self._finish(ws, writer.read()))
        self.manifest.append(ws)
