"""The corpus of bad inputs (docs/errors.md lists it): each case is made here, run through
the CLI in-process, and must exit 2 with a message that names the place (the file, a sheet
and cell in A1 notation, or a font and character) and no traceback."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from PIL import Image

from reliability.badbooks import (
    claim_size, edit_sheet, png_header, rezip, run_cli, set_cell_xml, sheet_part, with_shared_string,
    xlsxwriter_book,
)
from wbfactory import CONTENT, META, VALUES, make_workbook

HEADER = CONTENT[0]
CHART_HEADER = ("id", "type", "table", "category", "series", "title")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "errors.md"


@dataclass(frozen=True)
class Case:
    """One bad input: how to make it, where the message must point, what it must say."""

    id: str
    make: Callable[[Path], Path]
    where: str  # "sheet!A1", a sheet name, or "FILE" for the workbook's own path
    says: str


def wb(**kw) -> Callable[[Path], Path]:
    return lambda d: make_workbook(d / "wb.xlsx", **kw)


def content(*rows) -> Callable[[Path], Path]:
    return wb(content=[HEADER, *rows])


def raw_file(data: bytes, name: str = "wb.xlsx") -> Callable[[Path], Path]:
    def make(d: Path) -> Path:
        (d / name).write_bytes(data)
        return d / name
    return make


def truncated(d: Path) -> Path:
    full = make_workbook(d / "full.xlsx").read_bytes()
    (d / "wb.xlsx").write_bytes(full[: len(full) // 2])
    return d / "wb.xlsx"


def corrupt_member(d: Path) -> Path:
    """Directory intact, one member's compressed bytes overwritten: found when inflated."""
    path = make_workbook(d / "wb.xlsx", content=[HEADER, *[("paragraph", f"段落{i}です。" * 20) for i in range(50)]])
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(sheet_part(path, "content"))
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 10:start + 200] = bytes(190)
    path.write_bytes(bytes(data))
    return path


def encrypted(d: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = make_workbook(d / "plain.xlsx")
    with plain.open("rb") as src, (d / "wb.xlsx").open("wb") as dst:
        OOXMLFile(src).encrypt("secret", dst)
    return d / "wb.xlsx"


def old_xls(d: Path) -> Path:
    """A real Excel 97-2003 file, converted by LibreOffice, renamed .xlsx as users do."""
    from libreoffice import convert, require_soffice

    require_soffice()
    xls = convert(make_workbook(d / "src.xlsx"), "xls", d / "lo")
    return Path(os.replace(xls, d / "wb.xlsx") or d / "wb.xlsx")


def error_value(err: str, sheet: str, coord: str) -> Callable[[Path], Path]:
    """A saved error value (t="e"), as Excel writes it; openpyxl cannot write one."""
    def make(d: Path) -> Path:
        src = make_workbook(d / "src.xlsx", values=VALUES + [("bad", 1)])
        return set_cell_xml(src, d / "wb.xlsx", sheet, coord, f'<c r="{coord}" t="e"><f>1/0</f><v>{err}</v></c>')
    return make


def control_char(d: Path) -> Path:
    """BEL escaped as _x0007_, as Excel writes it (openpyxl refuses to write it)."""
    src = make_workbook(d / "src.xlsx", content=[HEADER, ("paragraph", "ベルMARKが鳴る")])
    return edit_sheet(src, d / "wb.xlsx", "content", lambda x: x.replace(b"MARK", b"_x0007_"))


def merged(d: Path) -> Path:
    return make_workbook(d / "wb.xlsx", edit=lambda w: w["contributions"].merge_cells("A2:A3"))


def image(name: str, prepare: Callable[[Path], None] = lambda d: None) -> Callable[[Path], Path]:
    def make(d: Path) -> Path:
        prepare(d)
        return make_workbook(d / "wb.xlsx", content=[HEADER, ("image", None, name, "図")])
    return make


def big_file(d: Path) -> None:
    """A small PNG padded past the byte limit (sparse: nothing is written but its size)."""
    with (d / "logo.png").open("wb") as fh:
        fh.write(png_header(100, 100))
        fh.truncate(30 * 1024 * 1024 + 1)


def symlink_out(d: Path) -> None:
    (d / "logo.png").symlink_to("/etc/passwd")


def corrupt_png(d: Path) -> None:
    Image.new("RGB", (64, 64), "red").save(d / "logo.png")
    data = (d / "logo.png").read_bytes()
    (d / "logo.png").write_bytes(data[:40])


def bomb_png(d: Path) -> None:
    (d / "logo.png").write_bytes(png_header(50_000, 50_000))


def gif(d: Path) -> None:
    Image.new("RGB", (8, 8), "red").save(d / "logo.png", format="GIF")


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
"""
XXE = b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
SST = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">' \
      b'<si><t>&xxe;</t></si></sst>'


def laughs_in_sheet(d: Path) -> Path:
    src = make_workbook(d / "src.xlsx")
    return edit_sheet(src, d / "wb.xlsx", "content",
                      lambda x: LAUGHS + x.replace("概要".encode(), b"&lol4;"))


def xxe_in_workbook(d: Path) -> Path:
    src = make_workbook(d / "src.xlsx", names={"leak": "meta!$B$1"})
    return rezip(src, d / "wb.xlsx", lambda n, x: XXE + x.replace(b"meta!$B$1", b"&xxe;")
                 if n == "xl/workbook.xml" else x)


def xxe_in_shared_strings(d: Path) -> Path:
    return with_shared_string(make_workbook(d / "src.xlsx"), d / "wb.xlsx", "content", "B2", XXE + SST)


def bomb_claimed(d: Path) -> Path:
    """The directory claims a 4 GB sheet: refused from the directory alone."""
    path = make_workbook(d / "wb.xlsx")
    return claim_size(path, sheet_part(path, "content"), 0xFFFF_FFF0)


def bomb_real(d: Path) -> Path:
    """A real member of 12 MB of zeros (about 12 KB compressed)."""
    src = make_workbook(d / "src.xlsx")
    part = sheet_part(src, "content")
    pad = b"<!--" + b" " * (12 * 1024 * 1024) + b"-->"
    return rezip(src, d / "wb.xlsx", lambda n, x: x.replace(b"<sheetData>", pad + b"<sheetData>") if n == part else x)


def _duration(w) -> None:
    w["contributions"]["B2"] = dt.timedelta(hours=36, minutes=30)
    w["contributions"]["B2"].number_format = "[h]:mm"


def stale_unevaluable(d: Path) -> Path:
    """XlsxWriter's cached 0 for a formula reportgen cannot evaluate: never printed as 0."""
    values = [("name", "value"), ("total", 33.56), ("found", '=VLOOKUP("a",meta!A1:B3,2,FALSE)')]
    return xlsxwriter_book(d / "wb.xlsx", META, [HEADER, ("paragraph", "{found}")], values)


def stale_array(d: Path) -> Path:
    values = [("name", "value"), ("total", 33.56), ("twice", "{=SUM(B2*2)}")]
    return xlsxwriter_book(d / "wb.xlsx", META, [HEADER, ("paragraph", "合計")], values)


def meta_text(key: str, value: str) -> Callable[[Path], Path]:
    """A meta row written as Excel escapes control characters (_x0001_), as the last row."""
    return wb(meta=META + [(key, value)])


def style_index(d: Path) -> Path:
    """A cell whose style index points past the workbook's styles (a crafted or damaged file)."""
    src = make_workbook(d / "src.xlsx")
    return set_cell_xml(src, d / "wb.xlsx", "values", "B2", '<c r="B2" s="4321"><v>33.56</v></c>')


def dtd_in_bin_part(d: Path) -> Path:
    """workbook.xml declared under a .bin name: the DTD scan must look at content, not names."""
    src = make_workbook(d / "src.xlsx", names={"leak": "meta!$B$1"})
    with zipfile.ZipFile(src) as zf:
        book = zf.read("xl/workbook.xml")
        rels = zf.read("xl/_rels/workbook.xml.rels")

    def edit(name: str, data: bytes) -> bytes | None:
        if name == "[Content_Types].xml":
            return data.replace(b'PartName="/xl/workbook.xml"', b'PartName="/xl/workbook.bin"')
        if name == "_rels/.rels":
            return data.replace(b"xl/workbook.xml", b"xl/workbook.bin")
        return data

    return rezip(src, d / "wb.xlsx", edit, {"xl/workbook.bin": XXE + book.replace(b"meta!$B$1", b"&xxe;"),
                                            "xl/_rels/workbook.bin.rels": rels})


def truncated_jpeg(d: Path) -> None:
    Image.new("RGB", (600, 400), "#1F3A5F").save(d / "photo.jpg", quality=90)
    data = (d / "photo.jpg").read_bytes()
    (d / "photo.jpg").write_bytes(data[: len(data) // 2])


def deep_cycle(w) -> None:
    """A 100-cell chain on a hidden sheet whose end refers back to its start."""
    ws = w.create_sheet("calc")
    ws.sheet_state = "hidden"
    ws["A1"] = "=A100+1"
    for r in range(2, 101):
        ws[f"A{r}"] = f"=A{r - 1}+1"
    w["values"].append(("deep", "=calc!A100"))


CASES = [
    # the file itself
    Case("file not found", lambda d: d / "wb.xlsx", "FILE", "file not found"),
    Case("not a zip", raw_file(png_header(10, 10) + bytes(range(256)) * 4), "FILE", "not an .xlsx workbook"),
    Case("empty file", raw_file(b""), "FILE", "empty file"),
    Case("truncated xlsx", truncated, "FILE", "damaged .xlsx (truncated or corrupt zip"),
    Case("corrupt zip member", corrupt_member, "FILE", "damaged .xlsx"),
    Case("encrypted xlsx", encrypted, "FILE", "encrypted (password-protected) workbook"),
    Case("old .xls", old_xls, "FILE", "old Excel 97-2003 .xls file"),
    Case("CSV renamed .xlsx", raw_file("拠出主体,拠出額\nアリババ,27.63\n".encode()), "FILE", "a CSV renamed to .xlsx"),
    # sheets and blocks
    Case("missing meta sheet", wb(meta=False), "FILE", "missing sheet 'meta'"),
    Case("missing content sheet", wb(content=False), "FILE", "missing sheet 'content'"),
    Case("empty content", content(), "content!A2", "no content rows"),
    Case("unknown block type", content(("figure", "x")), "content!A2", "unknown block type 'figure'"),
    Case("missing meta key", wb(meta=[m for m in META if m[0] != "organisation"]), "meta",
         "missing required key 'organisation'"),
    Case("missing type column", wb(content=[("kind", "text"), ("paragraph", "x")]), "content!A1",
         "missing column 'type'"),
    Case("block without its text", content(("paragraph", None)), "content!B2", "empty text for a 'paragraph' block"),
    Case("chart row without series", wb(charts=[CHART_HEADER, ("c", "bar", "contributions", "拠出主体", None, "t")]),
         "charts!E2", "series"),
    Case("duplicate chart id", wb(charts=[CHART_HEADER, ("c", "bar", "contributions", "拠出主体", "拠出額（億元）", "t"),
                                          ("c", "pie", "contributions", "拠出主体", "拠出額（億元）", "t")]),
         "charts!A3", "duplicate chart id 'c'"),
    Case("unknown chart option", wb(charts=[(*CHART_HEADER, "options"),
                                            ("c", "bar", "contributions", "拠出主体", "拠出額（億元）", "t", "colour=red")]),
         "charts!G2", "unknown option 'colour'"),
    Case("chart option the type cannot use", wb(charts=[(*CHART_HEADER, "options"),
                                                        ("c", "bar", "contributions", "拠出主体", "拠出額（億元）", "t",
                                                         "percent=both")]),
         "charts!G2", "option 'percent' applies to pie and donut charts only"),
    Case("negative pie slice", wb(tables={"contributions": [("拠出主体", "拠出額（億元）"), ("a", 3.0), ("b", -1.0)]},
                                  charts=[CHART_HEADER, ("c", "pie", "contributions", "拠出主体", "拠出額（億元）", "t")]),
         "contributions!B3", "a pie chart cannot show the negative value"),
    Case("unknown figure in a chart title", wb(charts=[CHART_HEADER, ("c", "bar", "contributions", "拠出主体",
                                                                      "拠出額（億元）", "{missing}")]),
         "charts!F2", "{missing} names no row of 'values'"),
    Case("duplicate value name", wb(values=VALUES + [("total", 2)]), "values!A3", "duplicate value name 'total'"),
    Case("duplicate meta key", wb(meta=META + [("title", "二つ目")]), "meta!A5", "duplicate key 'title'"),
    Case("duplicate column name", wb(tables={"contributions": [("a", "a"), ("x", 1)]}, charts=False),
         "contributions!B1", "duplicate column name 'a'"),
    Case("unknown chart", content(("chart", None, "nope")), "content!C2", "no chart with id 'nope'"),
    Case("unknown table", content(("table", None, "nope")), "content!C2", "no data sheet named 'nope'"),
    Case("unknown column", wb(charts=[CHART_HEADER, ("c", "bar", "contributions", "拠出主体", "額", "t")]),
         "charts!E2", "no column '額'"),
    Case("unknown value in text", content(("paragraph", "合計{nope}")), "content!B2", "{nope}"),
    Case("unknown KPI value", content(("kpi", "拠出", "nope")), "content!C2", "no value named 'nope'"),
    Case("output name leaving -o", wb(meta=META + [("output_name", "../../evil")]), "meta!B5", "output_name"),
    # cell values
    Case("text in number column", wb(tables={"contributions": [("主体", "額"), ("a", 1.5), ("b", "多い")]},
                                     charts=False), "contributions!B3", "found text '多い' in number column '額'"),
    Case("#DIV/0! saved", error_value("#DIV/0!", "values", "B3"), "values!B3", "Excel error value #DIV/0!"),
    Case("#REF! saved", error_value("#REF!", "values", "B3"), "values!B3", "Excel error value #REF!"),
    Case("#N/A saved in a table", error_value("#N/A", "contributions", "B2"), "contributions!B2",
         "Excel error value #N/A"),
    Case("formula without saved value", wb(values=VALUES + [("x", "=VLOOKUP(1,contributions!A1:B3,2,FALSE)")]),
         "values!B3", "has no saved value and cannot be evaluated"),
    Case("merged cells in a table", merged, "contributions!A2", "merged cells"),
    Case("stray cell at XFD1048576", wb(edit=lambda w: w["contributions"].cell(1_048_576, 16_384, "x")),
         "contributions!XFD1048576", "used range reaches XFD1048576 (1,048,576 rows, 17,179,869,184 cells"),
    Case("stray cell at A1048576", wb(edit=lambda w: w["content"].cell(1_048_576, 1, "x")),
         "content!E1048576", "used range reaches E1048576 (1,048,576 rows"),
    Case("duration cell", wb(edit=_duration), "contributions!B2", "a duration in number format '[h]:mm'"),
    # text
    Case("unknown table option", content(("table", None, "contributions", "表", "colour=red")), "content!E2",
         "unknown option 'colour' for a table (expected total, hide, sheet_title, align.COLUMN"),
    Case("table option on a missing column", content(("table", None, "contributions", "表", "align.金額=right")),
         "content!E2", "no column '金額' in table 'contributions' (columns: 拠出主体, 拠出額（億元）)"),
    Case("emoji", content(("paragraph", "支援👍🏽")), "content!B2", "'👍' (U+1F44D THUMBS UP SIGN)"),
    Case("character in no font", content(("paragraph", "ሰላም")), "content!B2", "(U+1230 ETHIOPIC SYLLABLE SA)"),
    Case("emoji in a table", wb(tables={"contributions": [("主体", "額"), ("😀社", 1.5)]}, charts=False),
         "contributions!A2", "U+1F600"),
    Case("emoji in the title", wb(meta=[("title", "支援😀"), *META[1:]]), "meta!B1", "U+1F600 GRINNING FACE"),
    Case("control character", control_char, "content!B2", "control character U+0007"),
    Case("Arabic (right-to-left)", content(("paragraph", "مرحبا")), "content!B2", "ARABIC LETTER"),
    Case("Hebrew (right-to-left)", content(("paragraph", "שלום")), "content!B2", "HEBREW LETTER"),
    # images
    Case("image path ../../etc/passwd", image("../../etc/passwd"), "content!C2", "leaves the workbook's folder"),
    Case("absolute image path", image("/etc/passwd"), "content!C2", "is absolute"),
    Case("image symlink leaving the folder", image("logo.png", symlink_out), "content!C2",
         "leaves the workbook's folder"),
    Case("missing image", image("nope.png"), "content!C2", "image 'nope.png' not found"),
    Case("corrupt image", image("logo.png", corrupt_png), "content!C2", "image 'logo.png' cannot be read"),
    Case("decompression bomb image", image("logo.png", bomb_png), "content!C2",
         "image 'logo.png' is far too large to open safely (Image size (2500000000 pixels)"),
    Case("image above the pixel limit", image("logo.png", lambda d: (d / "logo.png").write_bytes(png_header(9000, 9000))),
         "content!C2", "is 9000×9000 pixels (limit 25,000,000)"),
    Case("image of 6300×6300 pixels", image("logo.png", lambda d: (d / "logo.png").write_bytes(png_header(6300, 6300))),
         "content!C2", "is 6300×6300 pixels (limit 25,000,000); scale it down"),
    Case("image above the byte limit", image("logo.png", big_file), "content!C2",
         "image 'logo.png' is 31,457,281 bytes (limit 31,457,280); save it smaller (JPEG for photos)"),
    Case("GIF image", image("logo.png", gif), "content!C2", "is GIF (expected PNG or JPEG)"),
    # attacks on the container
    Case("billion laughs in a sheet", laughs_in_sheet, "FILE", "sheet 'content' (part xl/worksheets/"),
    Case("external entity in workbook.xml", xxe_in_workbook, "FILE", "part xl/workbook.xml declares a DTD"),
    Case("external entity in sharedStrings.xml", xxe_in_shared_strings, "FILE",
         "part xl/sharedStrings.xml declares a DTD"),
    Case("zip bomb (claimed size)", bomb_claimed, "FILE", "would inflate to 4,294,967,280 bytes (zip bomb?)"),
    Case("zip bomb (real member)", bomb_real, "FILE", "(zip bomb?)"),
    # figures that would print wrong (issue 21)
    Case("stale value that cannot be evaluated", stale_unevaluable, "values!B3",
         "formula =VLOOKUP(\"a\",meta!A1:B3,2,FALSE) cannot be evaluated here and its saved value is not "
         "trusted"),
    Case("stale array formula", stale_array, "values!B3",
         "array formula =SUM(B2*2) cannot be evaluated here and its saved value is not trusted"),
    Case("formula in a content cell", content(("paragraph", '=TEXT(values!B2,"0.0")')), "content!B2",
         "formula =TEXT(values!B2,\"0.0\") has no saved value and cannot be evaluated here"),
    Case("figure typed as text", wb(values=VALUES + [("people", "1,234")],
                                    value_formats={"total": '#,##0.00"億元"', "people": '#,##0"人"'}),
         "values!B3", "the number 1,234 is typed as text"),
    Case("circular chain of 100 cells", wb(edit=deep_cycle), "values!B3", "circular reference"),
    Case("crafted style index", style_index, "values!B2", "style 4321"),
    # meta values the outputs cannot hold
    Case("title over 255 characters", wb(meta=[("title", "長" * 300), *META[1:]]), "meta!B1",
         "title is 300 characters long"),
    Case("keywords over 255 characters", meta_text("keywords", ", ".join(["キーワード"] * 60)), "meta!B5",
         "keywords are 418 characters long"),
    Case("author over 255 characters", meta_text("author", "著" * 256), "meta!B5", "author is 256 characters long"),
    Case("subject over 255 characters", meta_text("subject", "件" * 400), "meta!B5", "subject is 400 characters long"),
    Case("control character in author", meta_text("author", "広報_x0001_部"), "meta!B5", "control character U+0001"),
    Case("control character in subject", meta_text("subject", "件名_x0002_"), "meta!B5", "control character U+0002"),
    Case("control character in keywords", meta_text("keywords", "支_x0001_援, 医療"), "meta!B5",
         "control character U+0001"),
    Case("control character in lang", meta_text("lang", "ja_x0003_JP"), "meta!B5", "control character U+0003"),
    Case("margins wider than the page", wb(meta=META + [("theme.margin_left", 150), ("theme.margin_right", 150)]),
         "meta!B5", "leave no room for the text"),
    Case("output_name of 80 kanji", meta_text("output_name", "漢" * 80), "meta!B5", "output_name is 80 characters"),
    Case("truncated JPEG", image("photo.jpg", truncated_jpeg), "content!C2", "image 'photo.jpg' is truncated"),
    Case("DTD in a part named .bin", dtd_in_bin_part, "FILE", "part xl/workbook.bin declares a DTD"),
]


def located(line: str, where: str) -> bool:
    return line.startswith(f"error: {where}: ")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_exits_2_with_a_located_message(tmp_path, case):
    path = case.make(tmp_path)
    where = str(path) if case.where == "FILE" else case.where
    result = run_cli(["validate", path])
    assert result.code == 2, result
    assert any(located(e, where) and case.says in e for e in result.errors), (where, case.says, result.err)
    assert "Traceback" not in result.err and "internal error" not in result.err
    assert all(re.match(r"error: (\S+!\$?[A-Z]+\$?\d+|[^:]+): ", e) for e in result.errors), result.errors


def test_build_says_the_same_as_validate(tmp_path):
    path = content(("figure", "x"), ("paragraph", "{nope}"))(tmp_path)
    built = run_cli(["build", path, "-o", tmp_path / "out"])
    assert built.code == 2 and built.errors == run_cli(["validate", path]).errors
    assert len(built.errors) == 2 and not (tmp_path / "out").exists()


def test_debug_shows_the_traceback_of_an_internal_error(tmp_path, monkeypatch):
    import reportgen.pipeline

    def broken(build):
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(reportgen.pipeline, "read", broken)
    path = make_workbook(tmp_path / "wb.xlsx")
    plain = run_cli(["validate", path])
    assert plain.code == 1 and "internal error: RuntimeError: a bug of ours" in plain.err
    assert "Traceback" not in plain.err
    debug = run_cli(["--debug", "validate", path])
    assert debug.code == 1 and "Traceback" in debug.err and "a bug of ours" in debug.err


@pytest.mark.parametrize("case_id", ["truncated xlsx", "billion laughs in a sheet"])
def test_a_real_process_exits_2_without_traceback(tmp_path, case_id):
    case = next(c for c in CASES if c.id == case_id)
    path = case.make(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "reportgen", "build", str(path), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert f"error: {path}: " in proc.stderr and case.says in proc.stderr
    assert "Traceback" not in proc.stderr and not (tmp_path / "out").exists()


def test_macro_workbook_is_read_and_its_macros_ignored(tmp_path):
    """.xlsm is accepted: the data is read, the VBA project is never loaded or run."""
    src = make_workbook(tmp_path / "src.xlsx")
    macro_type = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    vba = b'<Relationship Id="rIdVBA" Type="http://schemas.microsoft.com/office/2006/relationships/' \
          b'vbaProject" Target="vbaProject.bin"/>'

    def edit(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            data = data.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                macro_type)
            return data.replace(b"</Types>", b'<Default Extension="bin" ContentType='
                                b'"application/vnd.ms-office.vbaProject"/></Types>')
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(b"</Relationships>", vba + b"</Relationships>")
        return data

    path = rezip(src, tmp_path / "wb.xlsm", edit, {"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)})
    result = run_cli(["validate", path])
    assert result.code == 0, result.err
    assert f"{path}: OK (2 blocks, 1 tables, 1 charts)" in result.out


def test_hidden_table_rows_are_skipped(tmp_path):
    from reportgen.workbook import read_workbook

    rows = [("拠出主体", "拠出額（億元）"), ("見える", 1.0), ("隠す", "文字"), ("見える2", 2.0)]
    path = make_workbook(tmp_path / "wb.xlsx", tables={"contributions": rows}, charts=False,
                         edit=lambda w: setattr(w["contributions"].row_dimensions[3], "hidden", True))
    doc = read_workbook(path)
    assert [r[0].text for r in doc.tables["contributions"].rows] == ["見える", "見える2"]


def test_a_cell_of_32767_characters_is_built_whole(tmp_path):
    """Excel's longest cell: read whole, and every character reaches the PDF."""
    import pypdfium2 as pdfium

    from reportgen.workbook import read_workbook

    text = ("拠出額は前年を上回った。" * 3000)[:32_767]
    path = make_workbook(tmp_path / "wb.xlsx", content=[HEADER, ("paragraph", text)])
    assert read_workbook(path).blocks[0].text.plain == text
    result = run_cli(["build", path, "-o", tmp_path / "out"])
    assert result.code == 0, result.err
    pdf = pdfium.PdfDocument(str(tmp_path / "out" / "factsheet.pdf"))
    drawn = "".join("".join(page.get_textpage().get_text_range() for page in pdf).split())
    pdf.close()
    assert all(drawn.count(ch) >= text.count(ch) for ch in set(text))  # pages add headers (年 of the date)
    assert drawn.count("拠") == text.count("拠") == 2731


def test_a_table_of_10000_rows_is_read(tmp_path):
    from reportgen.workbook import read_workbook

    rows = [("拠出主体", "拠出額（億元）")] + [(f"主体{i}", i * 1.25) for i in range(10_000)]
    path = make_workbook(tmp_path / "wb.xlsx", tables={"contributions": rows},
                         content=[HEADER, ("table", None, "contributions", "全件")])
    table = read_workbook(path).tables["contributions"]
    assert len(table.rows) == 10_000
    assert table.rows[-1][0].text == "主体9999" and table.rows[-1][1].text == "12,498.75億元"


def long_table(path: Path, rows: int, columns: int = 20) -> Path:
    """A valid workbook whose one data sheet `big` holds rows × columns cells (written by
    openpyxl's streaming writer: seconds for 150,000 cells)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for name, sheet_rows in (("meta", META), ("content", [HEADER, ("paragraph", "本文")]), ("values", VALUES)):
        ws = book.create_sheet(name)
        for row in sheet_rows:
            ws.append(list(row))
    ws = book.create_sheet("big")
    ws.append([f"列{c}" for c in range(columns)])
    for r in range(rows):
        ws.append([r * columns + c for c in range(columns)])
    book.save(path)
    return path


def test_a_workbook_over_the_cell_limit_is_refused_while_read(tmp_path):
    """150,000 cells in all sheets (docs/errors.md, Limits): more is refused at the row
    where the count passes the limit, before the rest of the sheet is parsed."""
    from reportgen.workbook.source import MAX_WORKBOOK_CELLS

    path = long_table(tmp_path / "wb.xlsx", 8_000)
    result = run_cli(["build", path, "-o", tmp_path / "out"])
    assert result.code == 2 and len(result.errors) == 1
    match = re.fullmatch(r"error: big!A(\d+): the workbook holds more than 150,000 cells \(([\d,]+) by this row; "
                         r"limit 150,000 cells in all sheets together, empty formatted cells included, so that a "
                         r"build stays under 2 minutes and 1 GB\): keep only the rows the fact sheet needs, or split "
                         r"it into several workbooks", result.errors[0])
    assert match, result.errors
    row, cells = int(match[1]), int(match[2].replace(",", ""))
    assert MAX_WORKBOOK_CELLS < cells <= MAX_WORKBOOK_CELLS + 20 and 7_400 < row < 7_600
    assert not (tmp_path / "out").exists()


def test_a_workbook_at_the_cell_limit_is_read(tmp_path):
    from reportgen.workbook import read_workbook

    doc = read_workbook(long_table(tmp_path / "wb.xlsx", 7_400))
    assert len(doc.tables["big"].rows) == 7_400


def test_text_that_only_looks_escaped_is_kept(tmp_path):
    """Only `_xHHHH_` with four hex digits is an escape; other underscores are text."""
    from reportgen.workbook import read_workbook

    src = make_workbook(tmp_path / "src.xlsx", content=[HEADER, ("paragraph", "MARK")])
    text = "file_x_name _x00GG_ _x41_ タブ"
    doc = read_workbook(edit_sheet(src, tmp_path / "wb.xlsx", "content",
                                   lambda x: x.replace(b"MARK", (text + "_x0009_").encode())))
    assert doc.blocks[0].text.plain == text + "\t"
    assert doc.meta.date == dt.date(2020, 5, 15)


def test_docs_list_every_case():
    listed = DOCS.read_text(encoding="utf-8")
    missing = [c.id for c in CASES if f"| {c.id} |" not in listed]
    assert not missing, f"docs/errors.md lacks {missing}"


@pytest.mark.parametrize("make", [laughs_in_sheet, xxe_in_shared_strings, xxe_in_workbook])
def test_without_the_dtd_scan_defusedxml_still_refuses(tmp_path, monkeypatch, make):
    """The second line of defence: openpyxl parses sheets and shared strings with
    defusedxml, and the reader reads workbook.xml's calcPr with it too (openpyxl's own
    lxml parse leaves entities unexpanded); the refusal is turned into a clear message."""
    import reportgen.workbook.source as source

    monkeypatch.setattr(source, "_check_xml", lambda zf, where: None)
    path = make(tmp_path)
    result = run_cli(["validate", path])
    assert result.code == 2 and "Traceback" not in result.err
    assert result.errors[0].startswith(f"error: {path}: refused: the workbook's XML declares entities")
    assert "EntitiesForbidden" in result.errors[0]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_build_reports_the_problems_validate_reports(tmp_path, case):
    """Issue 22: every workbook problem is found by the read stage, so `validate` and
    `build` report the same set (build finding more would be a check validate misses)."""
    path = case.make(tmp_path)
    validated = run_cli(["validate", path])
    built = run_cli(["build", path, "-o", tmp_path / "out", "-j", "1"])
    assert built.code == validated.code == 2, built.err
    assert sorted(built.errors) == sorted(validated.errors)
    assert not (tmp_path / "out").exists()


def test_a_value_that_cannot_be_read_is_reported_once(tmp_path):
    """A sentence or KPI citing a broken `values` row does not report it again as unknown."""
    path = wb(values=VALUES + [("bad", "=VLOOKUP(1,contributions!A1:B3,2,FALSE)")],
              content=[HEADER, ("paragraph", "値は{bad}"), ("kpi", "値", "bad")])(tmp_path)
    result = run_cli(["validate", path])
    assert result.code == 2 and len(result.errors) == 1, result.err
    assert result.errors[0].startswith("error: values!B3: formula =VLOOKUP(")


def test_a_value_that_cannot_be_read_is_not_reported_again_in_oku_man_wording(tmp_path):
    """`{users:億万}` and a KPI `users:億万` citing a broken row say nothing more."""
    path = wb(values=VALUES + [("users", "=FOO(1)")],
              content=[HEADER, ("paragraph", "利用者{users:億万}人"), ("kpi", "利用者", "users:億万")])(tmp_path)
    result = run_cli(["validate", path])
    assert result.code == 2 and len(result.errors) == 1, result.err
    assert result.errors[0].startswith("error: values!B3: formula =FOO(1)")


def test_a_renamed_data_sheet_is_reported_at_the_chart_row_only(tmp_path):
    """The chart row naming the missing sheet is reported; the content row citing that chart
    (which exists in 'charts') is not reported again as an unknown chart."""
    def rename(book):
        book["contributions"].title = "拠出"

    path = make_workbook(tmp_path / "wb.xlsx", content=[HEADER, ("chart", None, "by_entity")], edit=rename)
    result = run_cli(["validate", path])
    assert result.code == 2 and len(result.errors) == 1, result.err
    assert "charts!C2: no data sheet named 'contributions'" in result.errors[0]
