"""Contract of reportgen.adapters.docx: the python-docx internals it relies on still
behave as the installed, tested python-docx (1.x) does. A failure here after an upgrade
names the private part that changed: adapt reportgen/adapters/docx.py (and only it),
then widen the bound in pyproject.toml."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from reportgen.adapters import docx as wordlib

def _png() -> io.BytesIO:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4)).save(out, "PNG")
    out.seek(0)
    return out


def _word():
    word = docx.Document()
    p = word.add_paragraph("text")
    table = word.add_table(rows=1, cols=1)
    shape = word.add_paragraph().add_run().add_picture(_png())
    return word, p, table, shape


@pytest.mark.parametrize("which, tag", [
    ("paragraph", "w:p"), ("run", "w:r"), ("table", "w:tbl"), ("row", "w:tr"), ("cell", "w:tc"),
    ("section", "w:sectPr"), ("inline", "wp:inline"),
])
def test_each_proxy_gives_its_element(which, tag):
    word, p, table, shape = _word()
    proxy = {"paragraph": p, "run": p.runs[0], "table": table, "row": table.rows[0], "cell": table.cell(0, 0),
             "section": word.sections[0], "inline": shape}[which]
    try:
        el = wordlib.element(proxy)
    except AttributeError as exc:
        pytest.fail(f"python-docx changed: {type(proxy).__name__} no longer holds its element as {exc.name} "
                    "(adapters.docx.element)")
    assert el.tag == qn(tag), f"python-docx changed: {type(proxy).__name__}'s element is {el.tag}"


def test_a_parts_blob_can_be_replaced():
    word = docx.Document()
    theme = next(rel.target_part for rel in word.part.rels.values() if rel.reltype == RT.THEME)
    wordlib.set_blob(theme, b"<new/>")
    assert theme.blob == b"<new/>", "python-docx changed: Part._blob is no longer what Part.blob returns"


def test_content_types_are_written_as_python_docx_saves_them():
    word = docx.Document()
    saved = io.BytesIO()
    word.save(saved)
    with zipfile.ZipFile(saved) as z:
        theirs = z.read("[Content_Types].xml")
    assert wordlib.content_types_xml(list(word.part.package.parts)) == theirs, \
        "python-docx changed: docx.opc.pkgwriter._ContentTypesItem"


def test_style_ids_are_answered_from_the_table_and_the_rest_by_python_docx():
    word = docx.Document()
    wordlib.answer_style_ids(word.part, {("heading 1", WD_STYLE_TYPE.PARAGRAPH): "Mine"})
    p = word.add_paragraph("x", style="Heading 1")
    assert wordlib.element(p).pPr.pStyle.val == "Mine", "python-docx changed: style assignment no longer asks part.get_style_id"
    assert word.part.get_style_id("Title", WD_STYLE_TYPE.PARAGRAPH) == "Title"
    assert word.part.get_style_id(None, WD_STYLE_TYPE.PARAGRAPH) is None
    with pytest.raises(KeyError):  # python-docx's own lookup, raising as it does
        word.part.get_style_id("No Such Style", WD_STYLE_TYPE.PARAGRAPH)
