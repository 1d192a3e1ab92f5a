"""reportgen.build / reportgen.validate: the CLI's work as calls that return data."""

from __future__ import annotations

from PIL import Image

import reportgen
from reportgen.diagnostics import CellRef
from wbfactory import CONTENT, make_workbook


def test_build_returns_its_outputs_and_located_warnings(tmp_path):
    Image.new("RGB", (200, 100), "#1F3A5F").save(tmp_path / "logo.png")
    path = make_workbook(tmp_path / "wb.xlsx", content=[CONTENT[0], ("image", None, "logo.png", "粗い画像")])
    result = reportgen.build(path, tmp_path / "out", formats=("pdf", "xlsx"))
    assert result.ok
    assert [p.name for p in result.outputs] == ["factsheet.pdf", "factsheet-appendix.xlsx"]
    assert all(p.exists() for p in result.outputs)
    assert [w.where for w in result.warnings] == [CellRef("content", "C2")]


def test_a_bad_workbook_is_a_result_with_its_problems_not_an_exception(tmp_path):
    path = make_workbook(tmp_path / "wb.xlsx", content=[CONTENT[0], ("chart", None, "nosuch", None)])
    result = reportgen.build(path, tmp_path / "out")
    assert not result.ok and result.outputs == ()
    assert any("nosuch" in d.message for d in result.problems)
    assert not (tmp_path / "out" / "factsheet.pdf").exists()
    assert reportgen.validate(path).problems == result.problems
