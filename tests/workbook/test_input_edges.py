"""Inputs PR staff produce without meaning to: an empty meta value, an .ods or other
office zip, output names Windows cannot use, a folder with Japanese and spaces in its
name, Windows line breaks inside a cell."""

from __future__ import annotations

import zipfile

import pytest
from PIL import Image

import reportgen
from reportgen.diagnostics import ReportError
from reportgen.workbook import read_workbook
from wbfactory import CONTENT, META, make_workbook


def problems(path) -> list[str]:
    with pytest.raises(ReportError) as exc:
        read_workbook(path)
    return [str(d) for d in exc.value.diagnostics]


def test_an_empty_meta_value_names_its_key(tmp_path):
    meta = [("organisation", None) if key == "organisation" else (key, value) for key, value in META]
    found = problems(make_workbook(tmp_path / "wb.xlsx", meta=meta))
    assert any(p.startswith("meta!B2: empty value for 'organisation'") for p in found), found


def office_zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_an_ods_file_is_told_to_be_saved_as_xlsx(tmp_path):
    path = office_zip(tmp_path / "wb.xlsx", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                                             "content.xml": b"<office:document-content/>"})
    found = problems(path)
    assert "OpenDocument spreadsheet (.ods)" in found[0] and "save it as an Excel workbook (.xlsx)" in found[0]
    assert "xl/workbook.xml" not in found[0]


def test_a_word_document_is_named_as_such(tmp_path):
    path = office_zip(tmp_path / "wb.xlsx", {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
    assert "this is a Word document, not an Excel workbook; save the workbook as .xlsx" in problems(path)[0]


@pytest.mark.parametrize("name", ["CON", "con", "Nul", "aux", "PRN", "COM1", "com9", "LPT1", "lpt3", "report.",
                                  "CON.txt"])
def test_an_output_name_windows_cannot_use_is_a_located_error(tmp_path, name):
    found = problems(make_workbook(tmp_path / "wb.xlsx", meta=META + [("output_name", name)]))
    assert any(p.startswith(f"meta!B5: output_name '{name}'") for p in found), found


@pytest.mark.parametrize("name", ["CONTACT", "console", "COM10x", "report_2024", "報告"])
def test_a_name_that_only_looks_reserved_is_fine(tmp_path, name):
    read_workbook(make_workbook(tmp_path / "wb.xlsx", meta=META + [("appendix_name", name)]))


def test_a_workbook_in_a_folder_with_japanese_and_spaces_builds(tmp_path):
    folder = tmp_path / "広報 資料 2024" / "ファクト シート"
    folder.mkdir(parents=True)
    Image.new("RGB", (1200, 600), "#1F3A5F").save(folder / "ロゴ 画像.png")
    path = make_workbook(folder / "年次 報告 書.xlsx", content=[CONTENT[0], ("image", None, "ロゴ 画像.png", "図")])
    result = reportgen.build(path, folder / "出力 先", formats=("pdf", "docx", "xlsx"))
    assert result.ok, result.problems
    assert all(p.exists() and p.stat().st_size for p in result.outputs)


def test_a_windows_line_break_in_a_cell_is_one_line_break(tmp_path):
    doc = read_workbook(make_workbook(
        tmp_path / "wb.xlsx", content=[CONTENT[0], ("paragraph", "一行目\r\n二行目\r三行目")],
        tables={"contributions": [("拠出主体", "拠出額（億元）"), ("アリババ\r\nグループ", 27.63)]}))
    assert doc.blocks[-1].text.plain == "一行目\n二行目\n三行目"
    assert doc.tables["contributions"].rows[0][0].text == "アリババ\nグループ"
