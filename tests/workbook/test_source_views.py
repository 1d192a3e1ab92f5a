"""workbook.source.Book: the workbook is parsed once (formulas and saved values come from
the same read of each sheet), and a formula without a saved value is still computed."""

from __future__ import annotations

import reportgen.workbook.source as source
from reportgen.workbook import read_workbook
from wbfactory import make_workbook


def _count_loads(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = source._load

    def counting(path):
        calls.append(path.name)
        return real(path)

    monkeypatch.setattr(source, "_load", counting)
    return calls


def test_a_workbook_without_formulas_is_parsed_once(tmp_path, monkeypatch):
    calls = _count_loads(monkeypatch)
    doc = read_workbook(make_workbook(tmp_path / "plain.xlsx"))
    assert calls == ["plain.xlsx"]
    assert doc.values["total"].text == "33.56億元"


def test_a_formula_is_computed_from_the_same_single_parse(tmp_path, monkeypatch):
    calls = _count_loads(monkeypatch)
    values = [("name", "value", "note"), ("total", 33.56), ("total_jpy", "=B2*CNY_JPY")]
    doc = read_workbook(make_workbook(tmp_path / "f.xlsx", values=values,
                                      value_formats={"total": "0.00", "total_jpy": '#,##0.00"億円"'}))
    assert calls == ["f.xlsx"]
    assert doc.values["total_jpy"].text == "503.40億円"
    assert doc.values["total"].text == "33.56"
