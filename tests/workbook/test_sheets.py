"""workbook.sheets: one worksheet part's XML read in one pass, each cell as openpyxl's
formula view and its saved-value view would hold it."""

from __future__ import annotations

import datetime as dt

import pytest
from defusedxml import EntitiesForbidden
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.utils.datetime import WINDOWS_EPOCH
from openpyxl.worksheet.formula import ArrayFormula

from reportgen.workbook.sheets import EMPTY, Styles, parse_sheet

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
DATE_STYLE = 1
STYLES = Styles(frozenset({DATE_STYLE}), frozenset(), WINDOWS_EPOCH)


def sheet(body: str, before: str = "", after: str = "", strings=("共有", "二つ目")):
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}>{before}<sheetData>{body}</sheetData>'
           f'{after}</worksheet>')
    return parse_sheet("s", "visible", xml.encode(), list(strings), STYLES)


def test_values_are_typed_as_openpyxl_types_them():
    ws = sheet('<row r="1"><c r="A1"><v>3</v></c><c r="B1"><v>2.5</v></c><c r="C1" t="s"><v>1</v></c>'
               '<c r="D1" t="b"><v>1</v></c><c r="E1" s="1"><v>43831</v></c><c r="F1" t="str"><v>x</v></c></row>')
    assert [ws.value(1, c) for c in range(1, 7)] == [3, 2.5, "二つ目", True, dt.datetime(2020, 1, 1), "x"]
    assert ws.cell(1, 5).style == DATE_STYLE
    assert ws.cell(1, 9) is EMPTY and ws.max_row == 1 and ws.max_column == 6


def test_cells_without_a_reference_follow_their_row():
    ws = sheet('<row><c><v>1</v></c><c><v>2</v></c></row><row r="4"><c><v>3</v></c></row>')
    assert ws.cells.keys() == {(1, 1), (1, 2), (4, 1)}


def test_a_formula_keeps_its_text_and_its_saved_result():
    ws = sheet('<row r="2"><c r="A2"><f>B2*2</f><v>8</v></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
               '<c r="C2"><f>D2</f></c></row>')
    a2, b2, c2 = ws.cell(2, 1), ws.cell(2, 2), ws.cell(2, 3)
    assert (a2.value, a2.saved, a2.formula, a2.error) == ("=B2*2", 8, True, False)
    assert (b2.value, b2.saved, b2.error) == ("=1/0", "#DIV/0!", True)
    assert (c2.value, c2.saved) == ("=D2", None)


def test_a_shared_formula_is_translated_to_each_cell():
    ws = sheet('<row r="1"><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>'
               '<row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>'
               '<row r="3"><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>')
    assert [ws.value(r, 2) for r in (1, 2, 3)] == ["=A1*2", "=A2*2", "=A3*2"]


def test_an_array_formula_is_openpyxls_object_with_its_saved_value():
    ws = sheet('<row r="1"><c r="A1"><f t="array" ref="A1">SUM(B1:B2)</f><v>5</v></c></row>')
    cell = ws.cell(1, 1)
    assert isinstance(cell.value, ArrayFormula) and cell.value.text == "=SUM(B1:B2)" and cell.saved == 5


def test_inline_strings_plain_and_rich():
    ws = sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>ふつう_x0007_</t></is></c>'
               '<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>太字</t></r><r><t>と普通</t></r></is></c>'
               '<c r="C1" t="inlineStr"><is><t></t></is></c></row>')
    assert ws.value(1, 1) == "ふつう\x07"  # the _xHHHH_ escape undone
    rich = ws.value(1, 2)
    assert isinstance(rich, CellRichText) and str(rich) == "太字と普通"
    assert isinstance(rich[0], TextBlock) and rich[0].font.b
    assert ws.value(1, 3) == ""


def test_hidden_rows_and_columns_read_as_openpyxl_reads_the_flag():
    cols = ('<cols><col min="2" max="3" hidden="1"/><col min="4" max="4" hidden="false"/>'
            '<col min="6" max="6" hidden="true"/></cols>')
    ws = sheet('<row r="1" hidden="0"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"><c r="A2"><v>2</v></c></row>'
               '<row r="3" hidden="true"><c r="A3"><v>3</v></c></row><row r="4"><c r="A4"><v>4</v></c></row>', cols)
    assert ws.hidden_rows == {2, 3} and ws.visible_rows() == [1, 4]
    assert ws.hidden_columns == {2, 3, 6}


def test_merged_cells_keep_only_their_first_value_and_count_in_the_used_range():
    ws = sheet('<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>',
               after='<mergeCells count="1"><mergeCell ref="A2:C3"/></mergeCells>')
    assert ws.value(2, 1) == 1 and ws.value(2, 2) is None
    assert [m.coord for m in ws.merged] == ["A2:C3"] and (ws.max_row, ws.max_column) == (3, 3)


def test_an_entity_declaration_is_refused_as_defusedxml_refuses_it():
    xml = (f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol "lol">]>'
           f'<worksheet {NS}><sheetData><row r="1"><c r="A1" t="str"><v>&lol;</v></c></row></sheetData></worksheet>')
    with pytest.raises(EntitiesForbidden):
        parse_sheet("s", "visible", xml.encode(), [], STYLES)


@pytest.mark.parametrize("ref", ["1A", "$B$1"])
def test_a_cell_reference_openpyxl_cannot_read_is_refused(ref):
    """As openpyxl's coordinate_to_tuple refuses it (the reader says the file cannot be read)."""
    with pytest.raises(ValueError):
        sheet(f'<row r="1"><c r="B1"><v>1</v></c><c r="{ref}"><v>2</v></c></row>')


def test_column_letters_are_read_in_either_case_like_openpyxl():
    ws = sheet('<row r="1"><c r="b1"><v>1</v></c><c r="c1"><v>2</v></c></row><row r="2"><c r="b2"><v>3</v></c></row>')
    assert ws.cells.keys() == {(1, 2), (1, 3), (2, 2)}
