"""Same document in, same bytes out: fixed zip entry times, fixed core-property dates."""

from __future__ import annotations

import zipfile

from docx_helpers import chart_images, write_docx


def test_two_builds_in_different_folders_are_byte_identical(tmp_path, factory_doc):
    outputs = []
    for name in ("one", "two"):
        folder = tmp_path / name
        folder.mkdir()
        write_docx(factory_doc, chart_images(folder), folder / "out.docx")
        outputs.append((folder / "out.docx").read_bytes())
    assert outputs[0] == outputs[1]


def test_zip_entries_carry_the_document_date(built):
    with zipfile.ZipFile(built.path) as z:
        stamps = {info.date_time for info in z.infolist()}
        first = z.namelist()[0]
    assert stamps == {(2020, 5, 15, 9, 0, 0)}
    assert first == "[Content_Types].xml"
