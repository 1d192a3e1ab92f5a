"""workbook.source.Book: the saved-values view is parsed only when a formula needs it,
and a cell reads the same through either view."""

from __future__ import annotations

import reportgen.workbook.source as source
from reportgen.workbook import read_workbook
from wbfactory import make_workbook


def _count_loads(monkeypatch) -> list[dict]:
    calls: list[dict] = []
    real = source._load

    def counting(path, **kw):
        calls.append(kw)
        return real(path, **kw)

    monkeypatch.setattr(source, "_load", counting)
    return calls


def test_a_workbook_without_formulas_is_parsed_once(tmp_path, monkeypatch):
    calls = _count_loads(monkeypatch)
    doc = read_workbook(make_workbook(tmp_path / "plain.xlsx"))
    assert calls == [{"rich_text": True}]
    assert doc.values["total"].text == "33.56億元"


def test_a_formula_loads_the_saved_values_and_is_still_computed(tmp_path, monkeypatch):
    calls = _count_loads(monkeypatch)
    values = [("name", "value", "note"), ("total", 33.56), ("total_jpy", "=B2*CNY_JPY")]
    doc = read_workbook(make_workbook(tmp_path / "f.xlsx", values=values,
                                      value_formats={"total": "0.00", "total_jpy": '#,##0.00"億円"'}))
    assert calls == [{"rich_text": True}, {"data_only": True}]
    assert doc.values["total_jpy"].text == "503.40億円"
    assert doc.values["total"].text == "33.56"
