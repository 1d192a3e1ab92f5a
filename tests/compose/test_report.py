"""The layout report: every compromise the layout makes is a located warning naming the
workbook cell, `build` prints them and `build --strict` exits 3 on any (issue 16)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from composekit import HEAD, build
from wbfactory import META, make_workbook
from reportgen.cli import EXIT_WARNINGS, main

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis"
ROWS = [
    ("section", "概要"),
    ("paragraph", "あ" * 30 + LONG_WORD + "という語の前の行は、ほかに切れ目がないので右端まで埋まらない。"),
    ("paragraph", "本文。" * 1200),
    ("contact", "電話：03-0000-0000"), ("contact", "メール：info@example.jp"), ("contact", "https://example.jp/"),
    ("contact", "住所：架空県架空市1-2-3"), ("contact", "受付：平日 9:00〜17:00"),
]
META_LONG = [*(row for row in META if row[0] != "title"),
             ("title", "テスト用ファクトシート：" + "架空の地域における経済と暮らしの動向" * 3),
             ("source_note", "出典：" + "架空市統計局「地域経済動向調査報告書」" * 8)]
CELL = re.compile(r"^(content|meta|values|charts|[^!]+)![A-Z]+[0-9]+: ")


def test_each_warning_kind_names_its_cell(tmp_path):
    _, found = build(tmp_path, ROWS, meta=META_LONG)
    kinds = {"left short of the right margin": "content!B3", "source note shortened": "meta!",
             "running header": "meta!"}
    for kind, cell in kinds.items():
        hits = [w for w in found if kind in w]
        assert hits and all(CELL.match(w) and w.startswith(cell) for w in hits), (kind, found)
    assert all(CELL.match(w) for w in found), found


def test_build_strict_exits_3_on_any_warning_and_writes_the_outputs(tmp_path, capsys):
    wb = make_workbook(tmp_path / "book.xlsx", content=[HEAD, *ROWS])
    assert main(["build", str(wb), "-o", str(tmp_path / "out"), "--only", "pdf", "-j", "1"]) == 0
    assert main(["build", str(wb), "-o", str(tmp_path / "out"), "--only", "pdf", "-j", "1", "--strict"]) == EXIT_WARNINGS
    err = capsys.readouterr().err
    assert "warning: content!B3: line 1" in err and "with --strict" in err
    assert (tmp_path / "out" / "factsheet.pdf").exists()


def test_a_clean_workbook_passes_strict(tmp_path):
    wb = make_workbook(tmp_path / "book.xlsx")
    assert main(["build", str(wb), "-o", str(tmp_path / "out"), "--only", "pdf", "-j", "1", "--strict"]) == 0
