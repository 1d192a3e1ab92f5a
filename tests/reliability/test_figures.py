"""No wrong figure passes silently (issue 21): stale cached values, formulas in text
cells, deep formula chains, decomposed text, rotated and CMYK photos, far-future dates.
Each test builds through the CLI and reads the outputs back."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PIL import Image

from readback import pdf_text
from reliability.badbooks import rezip, run_cli, set_cell_xml, xlsxwriter_book
from wbfactory import CONTENT, META, make_workbook

HEADER = CONTENT[0]


def build(path: Path, out: Path, *extra: str) -> Path:
    result = run_cli(["build", path, "-o", out, *extra])
    assert result.code == 0, result.err
    return out


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("word/document.xml").decode()
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def flat(text: str) -> str:
    return "".join(text.split())


def test_xlsxwriter_cached_zeros_are_recomputed(tmp_path):
    """XlsxWriter saves each formula with a cached 0 and fullCalcOnLoad: the build
    computes the figures instead of printing 0.00."""
    values = [("name", "value", "note"), ("total", "=SUM(B3:B4)"), ("a", 27.63), ("b", 5.93),
              ("total_jpy", "=B2*meta!B4")]
    content = [HEADER, ("paragraph", "合計 {total} を拠出した。円換算 {total_jpy}。")]
    path = xlsxwriter_book(tmp_path / "wb.xlsx", META, content, values,
                           {"total": '#,##0.00"億元"', "total_jpy": '#,##0.00"億円"'})
    with zipfile.ZipFile(path) as zf:
        assert b'fullCalcOnLoad="1"' in zf.read("xl/workbook.xml")
        assert b"<v>0</v>" in zf.read("xl/worksheets/sheet3.xml")  # the cached zeros this guards against
    out = build(path, tmp_path / "out")
    expected = "合計33.56億元を拠出した。円換算503.40億円。"
    assert expected in flat(pdf_text(out / "factsheet.pdf"))
    assert expected in flat(docx_text(out / "factsheet.docx"))


def saved_formula(src: Path, dst: Path, sheet: str, coord: str, formula: str, shown: str) -> Path:
    """A formula cell with its saved text result, as Excel writes it (no fullCalcOnLoad)."""
    cell = f'<c r="{coord}" t="str"><f>{escape(formula)}</f><v>{escape(shown)}</v></c>'
    mid = set_cell_xml(src, dst.with_name("mid.xlsx"), sheet, coord, cell)
    return rezip(mid, dst, lambda n, x: x.replace(b' fullCalcOnLoad="1"', b"") if n == "xl/workbook.xml" else x)


def test_a_formula_in_a_content_cell_prints_its_saved_value(tmp_path):
    src = make_workbook(tmp_path / "src.xlsx", content=[HEADER, ("paragraph", "MARK")])
    path = saved_formula(src, tmp_path / "wb.xlsx", "content", "B2", 'TEXT(values!B2,"0.0")&"億元を拠出"',
                         "33.6億元を拠出")
    out = build(path, tmp_path / "out", "--only", "pdf")
    text = flat(pdf_text(out / "factsheet.pdf"))
    assert "33.6億元を拠出" in text and "TEXT(" not in text


def test_every_sheet_follows_the_formula_rules(tmp_path):
    """Formulas in chart rows, table headers and meta keys are evaluated like values."""
    def formulas(w):
        w["charts"]["F2"] = '="拠出"&"主体別"'
        w["contributions"]["B1"] = '="拠出額（億元）"'
        w["meta"]["B1"] = '="テスト"&"ファクトシート"'

    from reportgen.workbook import read_workbook

    doc = read_workbook(make_workbook(tmp_path / "wb.xlsx", edit=formulas))
    assert doc.charts["by_entity"].title == "拠出主体別"
    assert doc.tables["contributions"].columns[1].name == "拠出額（億元）"
    assert doc.meta.title == "テストファクトシート"


def test_a_running_total_of_100_rows_on_a_hidden_sheet(tmp_path):
    """A formula chain deeper than Python's recursion allows is evaluated iteratively."""
    def chain(w):
        ws = w.create_sheet("calc")
        ws.sheet_state = "hidden"
        ws["A1"] = 1.5
        for r in range(2, 1001):
            ws[f"A{r}"] = f"=A{r - 1}+1.5"
        w["values"].append(("running", "=calc!A1000"))

    path = make_workbook(tmp_path / "wb.xlsx", edit=chain, content=[HEADER, ("paragraph", "累計{running}")])
    from reportgen.workbook import read_workbook

    assert read_workbook(path).values["running"].raw == 1500


def test_decomposed_text_is_read_as_nfc(tmp_path):
    decomposed = "か\u3099ら cafe\u0301"
    assert unicodedata.normalize("NFC", decomposed) == "がら café"
    path = make_workbook(tmp_path / "wb.xlsx", meta=[("title", decomposed), *META[1:]],
                         content=[HEADER, ("paragraph", decomposed)],
                         tables={"contributions": [("拠出主体", "拠出額（億元）"), (decomposed, 1.5)]})
    from reportgen.workbook import read_workbook

    doc = read_workbook(path)
    assert doc.meta.title == doc.blocks[0].text.plain == doc.tables["contributions"].rows[0][0].text == "がら café"


def exif_photo(folder: Path, orientation: int = 6) -> None:
    """A 600×300 landscape sensor image that EXIF says to turn upright: a 300×600 portrait."""
    im = Image.new("RGB", (600, 300), "#1F3A5F")
    exif = im.getexif()
    exif[0x0112] = orientation
    im.save(folder / "photo.jpg", exif=exif, quality=90)


def pdf_image_sizes(path: Path) -> list[tuple[int, int]]:
    from pypdf import PdfReader

    return [(img.image.width, img.image.height) for page in PdfReader(path).pages for img in page.images]


def docx_extents(path: Path) -> list[tuple[int, int]]:
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("word/document.xml").decode()
    return [(int(cx), int(cy)) for cx, cy in re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"', xml)]


def test_exif_orientation_is_applied_in_the_pdf_and_the_docx(tmp_path):
    exif_photo(tmp_path)
    path = make_workbook(tmp_path / "wb.xlsx", content=[HEADER, ("image", None, "photo.jpg", "写真")])
    out = build(path, tmp_path / "out")
    assert pdf_image_sizes(out / "factsheet.pdf") == [(300, 600)]
    (cx, cy), = docx_extents(out / "factsheet.docx")
    assert cy == pytest.approx(2 * cx, rel=0.01)


def test_a_cmyk_jpeg_builds(tmp_path):
    Image.new("CMYK", (600, 400), (0, 100, 200, 0)).save(tmp_path / "cmyk.jpg", quality=90)
    path = make_workbook(tmp_path / "wb.xlsx", content=[HEADER, ("image", None, "cmyk.jpg", "印刷用")])
    out = build(path, tmp_path / "out")
    assert pdf_image_sizes(out / "factsheet.pdf") == [(600, 400)]
    (cx, cy), = docx_extents(out / "factsheet.docx")
    assert cx == pytest.approx(1.5 * cy, rel=0.01)


@pytest.mark.parametrize("year", [2108, 2500, 9999])
def test_a_date_past_the_zip_format_builds(tmp_path, year):
    """Zip entry times end in 2107: the packages are dated at that limit; the document keeps its date."""
    meta = [*META[:2], ("date", dt.date(year, 3, 1)), *META[3:]]
    out = build(make_workbook(tmp_path / "wb.xlsx", meta=meta), tmp_path / "out")
    assert f"{year}年3月1日" in flat(pdf_text(out / "factsheet.pdf"))
    for name in ("factsheet.docx", "factsheet-appendix.xlsx"):
        with zipfile.ZipFile(out / name) as zf:
            assert zf.infolist()[0].date_time[0] == 2107


def test_a_japanese_builtin_date_format_prints_a_date(tmp_path):
    """Japanese Excel saves 2020年5月15日 as built-in id 31, which openpyxl does not know
    (it reads General, which would print the serial 43966)."""
    values = [("name", "value", "note"), ("total", 33.56), ("day", dt.date(2020, 5, 15))]
    src = make_workbook(tmp_path / "src.xlsx", values=values,
                        value_formats={"total": '#,##0.00"億元"', "day": 'yyyy"年"m"月"d"日"'})
    with zipfile.ZipFile(src) as zf:
        custom = re.search(rb'<numFmt numFmtId="(\d+)" formatCode="yyyy&quot;', zf.read("xl/styles.xml")).group(1)
    path = rezip(src, tmp_path / "wb.xlsx", lambda n, x: x.replace(b'<xf numFmtId="' + custom + b'"',
                                                                  b'<xf numFmtId="31"') if n == "xl/styles.xml" else x)
    from reportgen.workbook import read_workbook

    day = read_workbook(path).values["day"]
    assert day.raw == dt.date(2020, 5, 15) and day.text == "2020年5月15日"
