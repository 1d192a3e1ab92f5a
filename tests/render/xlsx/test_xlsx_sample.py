"""The appendix of the real sample workbook (data/factsheet.xlsx, through the reader):
small, one sheet per used table, one native chart per chart spec of those tables, every
figure a typed number in its source format, and derived yen columns stated."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from reportgen.render.xlsx import write_xlsx
from reportgen.render.xlsx.appendix import charts_of, sheet_title, used_tables
from reportgen.render.xlsx.layout import sheet_name
from reportgen.workbook import read_workbook

SAMPLE = Path(__file__).resolve().parents[3] / "data" / "factsheet.xlsx"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    doc = read_workbook(SAMPLE)
    path = tmp_path_factory.mktemp("sample") / "factsheet-appendix.xlsx"
    write_xlsx(doc, path)
    return doc, path


def test_the_sample_appendix_is_small_and_complete(built):
    doc, path = built
    assert path.stat().st_size < 100_000
    wb = openpyxl.load_workbook(path)
    tables = used_tables(doc)
    assert tables and wb.sheetnames[1:] == [sheet_name(sheet_title(doc, t), set()) for t in tables]
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == sum(len(charts_of(doc, t)) for t in tables) > 0


def test_every_sample_figure_is_a_number_in_its_source_format(built):
    doc, path = built
    wb = openpyxl.load_workbook(path)
    for table in used_tables(doc):
        ws = wb[sheet_name(sheet_title(doc, table), set())]
        for r, row in enumerate(table.rows, start=5):
            for c, value in enumerate(row, start=1):
                if value.is_number:
                    cell = ws.cell(r, c)
                    assert cell.value == pytest.approx(value.raw) and cell.number_format == value.number_format


def test_sample_derived_columns_are_stated(built):
    doc, path = built
    wb = openpyxl.load_workbook(path)
    for table in used_tables(doc):
        notes = " ".join(str(c.value) for c in wb[sheet_name(sheet_title(doc, table), set())]["A"] if c.value)
        for column in (c for c in table.columns if c.formula):
            assert f"{column.name}: 算出値 = " in notes
