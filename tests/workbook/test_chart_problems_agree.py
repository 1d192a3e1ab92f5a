"""`validate`, `build` and `build --only xlsx` report the same chart problems (issue 22):
every chart check that needs only the workbook is the reader's, so none waits for drawing."""

from __future__ import annotations

import pytest

from reportgen.cli import main
from wbfactory import CHARTS, TABLES, make_workbook

HEADER = (*CHARTS[0], "caption", "sort", "highlight", "width", "options")
GOOD = (*CHARTS[1], None, None, None, None, None)
CONTENT = [("type", "text", "ref"), ("section", "概要"), ("chart", None, "a"), ("chart", None, "b"),
           ("chart", None, "c")]
TABLES_WITH = {**TABLES, "mixed": [("名", "額"), ("a", 3.0), ("b", -1.0)], "empty": [("名", "額")]}


def chart(id: str, **cells) -> tuple:
    row = dict(zip(HEADER, GOOD), id=id)
    row.update(cells)
    return tuple(row[k] for k in HEADER)


CASES = {
    "bad options": [chart("a", options="legend=left; colour=red"), chart("b", options="percent=both"),
                    chart("c", options="min=3; max=1")],
    "pies": [chart("a", type="pie", table="mixed", category="名", series="額"),
             chart("b", type="donut", table="mixed", category="名", series="額", options="scale=億"),
             chart("c", title="{missing}")],
    "no rows": [chart("a", table="empty", category="名", series="額"), chart("b", highlight="なし"),
                chart("c", width="third", sort="up")],
}


def problems(capsys, argv: list[str]) -> set[str]:
    assert main(argv) == 2
    return {line for line in capsys.readouterr().err.splitlines() if line.startswith("error: ")}


@pytest.mark.parametrize("case", CASES)
def test_validate_and_build_report_the_same_chart_problems(tmp_path, capsys, case):
    book = make_workbook(tmp_path / "wb.xlsx", content=CONTENT, tables=TABLES_WITH, charts=[HEADER, *CASES[case]])
    validated = problems(capsys, ["validate", str(book)])
    built = problems(capsys, ["build", str(book), "-o", str(tmp_path / "out"), "-j", "1"])
    appendix = problems(capsys, ["build", str(book), "-o", str(tmp_path / "out"), "--only", "xlsx"])
    assert len(validated) >= 3 and validated == built == appendix
    assert all("charts!" in line or "mixed!" in line for line in validated)
