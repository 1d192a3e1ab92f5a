"""Table cells written as XML by hand (`sheetdata.SheetRows`) read back exactly like cells
that openpyxl wrote through `cells.write_value`: value, type, number format, style and
quote prefix; and they merge with the rows openpyxl writes in the same sheet."""

from __future__ import annotations

import datetime as dt
import zipfile
from copy import copy

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.styles import Alignment

from reportgen.diagnostics import CellRef
from reportgen.model import Theme, Value
from reportgen.render.xlsx import styles
from reportgen.render.xlsx.cells import write_value
from reportgen.render.xlsx.package import save
from reportgen.render.xlsx.sheetdata import ALIGNMENTS, SheetRows

WHEN = dt.datetime(2020, 5, 15, 9)
FORMATS = ["General", "#,##0", '0.0"億元"', "yyyy/mm/dd", "0%"]
_texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_raws = st.one_of(
    st.none(), st.booleans(), st.integers(-10**15, 10**15),
    st.floats(allow_nan=False, allow_infinity=False), st.dates(dt.date(1901, 1, 1), dt.date(2099, 12, 31)),
    st.datetimes(dt.datetime(1901, 1, 1), dt.datetime(2099, 12, 31)),
    st.builds(str.__add__, st.sampled_from(["", "=", "+", "-", "@", "＝", " ", "\r", "\t", "&<>"]), _texts),
)
_cells = st.tuples(_raws, st.sampled_from(FORMATS), st.sampled_from([styles.CELL, styles.CELL_WRAP]),
                   st.sampled_from([None, *ALIGNMENTS]))


def _value(raw, fmt: str) -> Value:
    return Value(raw, fmt, str(raw), CellRef("t", "A1"))


def _styled_book() -> Workbook:
    wb = Workbook()
    styles.install(wb, Theme())
    return wb


def _read(path, row: int, cols: int) -> list[tuple]:
    ws = openpyxl.load_workbook(path).active
    return [(c.value, c.data_type, c.number_format, c.quotePrefix, copy(c.font), copy(c.border), copy(c.alignment))
            for c in (ws.cell(row, col) for col in range(1, cols + 1))]


@pytest.mark.filterwarnings("ignore:Cell .* is marked as a date")  # big numbers in a date format
@settings(max_examples=50, deadline=None)
@given(cells=st.lists(_cells, min_size=1, max_size=6))
def test_a_hand_written_cell_reads_back_as_openpyxl_would_write_it(tmp_path_factory, cells):
    folder = tmp_path_factory.mktemp("cells")
    by_openpyxl, by_hand = _styled_book(), _styled_book()
    rows = SheetRows(by_hand.active)
    specs = []
    for col, (raw, fmt, style, align) in enumerate(cells, start=1):
        cell = by_openpyxl.active.cell(3, col)
        cell.style = style
        write_value(cell, _value(raw, fmt))
        if align:
            cell.alignment = ALIGNMENTS[align]
        specs.append((col, _value(raw, fmt), style, align))
    rows.add_row(3, specs)
    save(by_openpyxl, folder / "a.xlsx", WHEN)
    save(by_hand, folder / "b.xlsx", WHEN, [rows])
    assert _read(folder / "a.xlsx", 3, len(cells)) == _read(folder / "b.xlsx", 3, len(cells))
    with zipfile.ZipFile(folder / "b.xlsx") as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_rows_openpyxl_also_wrote_keep_their_height_and_get_both_rows_cells(tmp_path):
    wb = _styled_book()
    ws = wb.active
    ws["A1"] = "heading"
    ws.row_dimensions[5].height = 33
    ws["E5"] = "caption beside the table"
    ws["E5"].alignment = Alignment(wrap_text=True)
    rows = SheetRows(ws)
    rows.add_row(5, [(1, _value("first", "General"), styles.CELL, "text"), (2, _value(2.5, "0.0"), styles.CELL, None)])
    rows.add_row(9, [(3, _value(dt.date(2020, 3, 31), "General"), styles.CELL, None)])
    save(wb, tmp_path / "m.xlsx", WHEN, [rows])
    back = openpyxl.load_workbook(tmp_path / "m.xlsx").active
    assert [c.value for c in back[5]][:5] == ["first", 2.5, None, None, "caption beside the table"]
    assert back.row_dimensions[5].height == 33 and back["E5"].alignment.wrap_text
    assert back["C9"].value == dt.datetime(2020, 3, 31) and back["C9"].number_format == "yyyy/mm/dd"
    assert back["A1"].value == "heading" and back.dimensions == "A1:E9"
    with zipfile.ZipFile(tmp_path / "m.xlsx") as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert xml.index('r="A5"') < xml.index('r="B5"') < xml.index('r="E5"') < xml.index('r="C9"')


def test_a_sheet_with_hand_written_rows_saves_to_the_same_bytes_twice(tmp_path):
    paths = []
    for name in ("a.xlsx", "b.xlsx"):
        wb = _styled_book()
        wb.properties.created = wb.properties.modified = WHEN  # as package.set_properties does
        rows = SheetRows(wb.active)
        rows.add_row(2, [(1, _value("テキスト", "General"), styles.CELL, "text-wrap"), (2, _value(7, "#,##0"), styles.CELL, None)])
        save(wb, tmp_path / name, WHEN, [rows])
        paths.append((tmp_path / name).read_bytes())
    assert paths[0] == paths[1]


def test_times_of_day_are_excel_serials_read_back_as_times(tmp_path):
    import datetime as dt

    import openpyxl
    from wbfactory import CONTENT, make_workbook

    from reportgen.pipeline import Build, run

    tables = {"contributions": [("拠出主体", "拠出額（億元）", "時刻"), ("アリババグループ", 27.63, dt.time(12, 30)),
                                ("アントグループ", 5.93, dt.time(8, 0))]}
    book = make_workbook(tmp_path / "book.xlsx", tables=tables,
                         content=[*CONTENT, ("table", None, "contributions", "拠出と時刻")])
    build = Build(book, tmp_path / "out", formats=("xlsx",), jobs=1, log=lambda line: None)
    run(build)
    ws = openpyxl.load_workbook(build.outputs[0])["拠出と時刻"]
    times = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, dt.time)]
    assert times == [dt.time(12, 30), dt.time(8, 0)]
