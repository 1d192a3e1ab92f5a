"""Bad workbooks made in the test, never stored: byte-level edits of a valid workbook
from `wbfactory.make_workbook`, and a way to run the CLI in-process and read what it said."""

from __future__ import annotations

import contextlib
import io
import re
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from reportgen import cli

MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass(frozen=True)
class Run:
    """What one CLI run returned and printed."""

    code: int
    out: str
    err: str

    @property
    def errors(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("error: ")]


def run_cli(argv: list[str]) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main([str(a) for a in argv])
    return Run(code, out.getvalue(), err.getvalue())


def rezip(src: Path, dst: Path, edit: Callable[[str, bytes], bytes | None],
          extra: dict[str, bytes] | None = None) -> Path:
    """Copy the zip `src` to `dst`, passing every member through `edit(name, data)`
    (None drops the member), then add `extra` members."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = edit(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return dst


def sheet_part(path: Path, sheet: str) -> str:
    """The zip member holding `sheet` (e.g. xl/worksheets/sheet2.xml)."""
    from defusedxml.ElementTree import fromstring

    with zipfile.ZipFile(path) as zf:
        rels = {r.get("Id"): r.get("Target") for r in fromstring(zf.read("xl/_rels/workbook.xml.rels"))}
        for s in fromstring(zf.read("xl/workbook.xml")).iter(f"{MAIN_NS}sheet"):
            if s.get("name") == sheet:
                target = rels[s.get(f"{REL_NS}id")]
                return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    raise KeyError(sheet)


def edit_sheet(src: Path, dst: Path, sheet: str, edit: Callable[[bytes], bytes]) -> Path:
    """Rewrite one sheet's XML; the edit must change it."""
    part = sheet_part(src, sheet)

    def one(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        new = edit(data)
        assert new != data, f"edit of {part} changed nothing"
        return new

    return rezip(src, dst, one)


def set_cell_xml(src: Path, dst: Path, sheet: str, coord: str, cell_xml: str) -> Path:
    """Replace the `<c r="coord">` element of a sheet with `cell_xml` (saved values that
    openpyxl cannot write, such as cached error values)."""
    pattern = re.compile(rb'<c r="' + coord.encode() + rb'"[^>]*?(/>|>.*?</c>)')
    return edit_sheet(src, dst, sheet, lambda d: pattern.sub(cell_xml.encode(), d, count=1))


def with_shared_string(src: Path, dst: Path, sheet: str, coord: str, sst_xml: bytes) -> Path:
    """Point one cell at shared string 0 of a sharedStrings.xml part given as bytes."""
    ctype = b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-' \
            b'officedocument.spreadsheetml.sharedStrings+xml"/>'
    rel = b'<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/' \
          b'relationships/sharedStrings" Target="sharedStrings.xml"/>'
    part = sheet_part(src, sheet)
    cell = re.compile(rb'<c r="' + coord.encode() + rb'"[^>]*?(/>|>.*?</c>)')

    def edit(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return data.replace(b"</Types>", ctype + b"</Types>")
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(b"</Relationships>", rel + b"</Relationships>")
        if name == part:
            return cell.sub(f'<c r="{coord}" t="s"><v>0</v></c>'.encode(), data, count=1)
        return data

    return rezip(src, dst, edit, {"xl/sharedStrings.xml": sst_xml})


def claim_size(path: Path, member: str, size: int) -> Path:
    """Rewrite the uncompressed size of `member` in the zip's central directory (and its
    local header), as a zip bomb would claim it; the data itself is unchanged."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    start = 0
    while (central := data.find(b"PK\x01\x02", start)) != -1:
        n = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46:central + 46 + n]) == name:
            struct.pack_into("<I", data, central + 24, size)
            local = struct.unpack_from("<I", data, central + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
            path.write_bytes(bytes(data))
            return path
        start = central + 4
    raise KeyError(member)


def png_header(width: int, height: int) -> bytes:
    """A PNG signature and IHDR chunk claiming `width`×`height` (no pixel data needed for a
    decompression-bomb check, which must refuse before decoding)."""
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def xlsxwriter_book(path: Path, meta: list, content: list, values: list, formats: dict[str, str] | None = None) -> Path:
    """A workbook written by XlsxWriter (pandas' usual engine): every formula saved with a
    cached result of 0 and the workbook marked fullCalcOnLoad, as XlsxWriter does."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    date_format = book.add_format({"num_format": "yyyy/m/d"})
    for name, rows in (("meta", meta), ("content", content), ("values", values)):
        ws = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                fmt = (book.add_format({"num_format": formats[row[0]]})
                       if name == "values" and c == 1 and formats and row[0] in formats else None)
                if hasattr(value, "year"):
                    ws.write_datetime(r, c, value, date_format)
                elif isinstance(value, str) and value.startswith("{="):
                    ws.write_array_formula(r, c, r, c, value, fmt)
                elif isinstance(value, str) and value.startswith("="):
                    ws.write_formula(r, c, value, fmt)
                elif value is not None:
                    ws.write(r, c, value, fmt)
    book.close()
    return path
