"""The DOCX and the XLSX appendix of every gallery workbook as office programs read them
(issue 17): no finding of the OOXML check (openxml-audit, where it installs), LibreOffice
opens and prints the appendix, every sheet is named after its table's caption or
sheet_title, and every native chart carries cached values."""

from __future__ import annotations

import re
import zipfile

import pytest

import gallerybuild as gb
import libreoffice
from reportgen.render.xlsx.appendix import sheet_title, used_tables
from reportgen.render.xlsx.layout import sheet_name


@pytest.mark.parametrize("name", gb.WORKBOOKS)
def test_office_files_of_the_gallery(gallery, name):
    built = gallery[name]  # the session's build (tests/gallery/conftest.py)
    doc = built.doc
    docx, xlsx = (built.folder / doc.meta.file_name(fmt) for fmt in ("docx", "xlsx"))
    audit = pytest.importorskip("openxml_audit")
    for path in (docx, xlsx):
        found = [f"{e.id} {e.part_uri}: {e.description}"
                 for e in audit.OpenXmlValidator(max_errors=0).validate(str(path)).errors]
        assert found == [], f"{path.name}: {found}"
    with zipfile.ZipFile(xlsx) as z:
        workbook = z.read("xl/workbook.xml").decode()
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    taken = {"表紙"}
    expected = [sheet_name(sheet_title(doc, t), taken) for t in used_tables(doc)]
    assert re.findall(r'<sheet [^>]*name="([^"]+)"', workbook)[1:] == [_xml(n) for n in expected]
    for chart in charts:
        assert chart.count("<numCache>") >= chart.count("<numRef>") > 0
    if libreoffice.soffice():
        pdf = libreoffice.convert(xlsx, "pdf", built.folder / "libreoffice-appendix")
        assert pdf.stat().st_size > 0


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
