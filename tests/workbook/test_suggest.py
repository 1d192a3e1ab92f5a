""""Did you mean …?" on every unknown name the reader reports."""

from __future__ import annotations

import pytest

from reportgen.diagnostics import ReportError
from reportgen.workbook import read_workbook
from reportgen.workbook.suggest import did_you_mean
from wbfactory import CHARTS, CONTENT, META, make_workbook

HEADER = CONTENT[0]


def test_the_closest_name_is_offered_without_case_and_nothing_when_none_is_close():
    assert did_you_mean("Titel", ["title", "date"]) == "; did you mean 'title'?"
    assert did_you_mean("拠出主", ["拠出主体", "拠出額"]) == "; did you mean '拠出主体'?"
    assert did_you_mean("zzz", ["title", "date"]) == ""


@pytest.mark.parametrize("kwargs, expected", [
    (dict(meta=META + [("titel", "x")]), "meta!A5: unknown key 'titel' (expected one of"),
    (dict(content=[HEADER, ("paragrph", "x")]), "content!A2: unknown block type 'paragrph'"),
    (dict(content=[HEADER, ("chart", None, "by_entiti")]), "content!C2: no chart with id 'by_entiti'"),
    (dict(content=[HEADER, ("table", None, "contribution")]), "content!C2: no data sheet named 'contribution'"),
    (dict(charts=[CHARTS[0], ("c", "bar", "contributons", "拠出主体", "拠出額（億元）", "t", "u")]),
     "charts!C2: no data sheet named 'contributons'"),
    (dict(charts=[CHARTS[0], ("c", "bar", "contributions", "拠出主", "拠出額（億元）", "t", "u")]),
     "charts!D2: no column '拠出主'"),
    (dict(content=[HEADER, ("kpi", "x", "totl")]), "content!C2: no value named 'totl'"),
    (dict(content=[HEADER, ("paragraph", "{totals}")]), "content!B2: {totals} names no row"),
])
def test_an_unknown_name_gets_the_closest_known_one(tmp_path, kwargs, expected):
    with pytest.raises(ReportError) as exc:
        read_workbook(make_workbook(tmp_path / "wb.xlsx", **kwargs))
    found = [str(d) for d in exc.value.diagnostics if expected in str(d)]
    assert found and "; did you mean '" in found[0], [str(d) for d in exc.value.diagnostics]
