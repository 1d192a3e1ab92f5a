"""`reportgen batch`: many workbooks over warm worker processes, each into its own
folder; a broken workbook is reported by name and does not stop the others."""

from __future__ import annotations

import zipfile
from pathlib import Path

from readback import pdf_text

from reportgen.batch import build_many, expand, out_dirs
from reportgen.cli import main
from wbfactory import META, make_workbook


def _titled(path: Path, title: str) -> Path:
    meta = [(k, title if k == "title" else v) for k, v in META]
    return make_workbook(path, meta=meta)


def test_folders_expand_to_their_workbooks_in_order(tmp_path):
    for name in ("b.xlsx", "a.xlsx", "~$a.xlsx", "notes.txt"):
        (tmp_path / name).write_bytes(b"")
    single = tmp_path / "x" / "c.xlsx"
    assert expand([tmp_path, single]) == [tmp_path / "a.xlsx", tmp_path / "b.xlsx", single]


def test_a_repeated_name_gets_its_own_folder(tmp_path):
    books = [Path("q1/report.xlsx"), Path("q2/report.xlsx"), Path("other.xlsx")]
    assert out_dirs(books, tmp_path) == [tmp_path / "report", tmp_path / "report-2", tmp_path / "other"]


def test_every_workbook_is_built_into_its_folder_and_a_broken_one_is_named(tmp_path):
    (tmp_path / "in").mkdir()
    one = _titled(tmp_path / "in" / "one.xlsx", "一つ目のファクトシート")
    two = _titled(tmp_path / "in" / "two.xlsx", "二つ目のファクトシート")
    broken = make_workbook(tmp_path / "in" / "broken.xlsx", meta=False)
    results = build_many([one, broken, two], tmp_path / "out", ("pdf", "xlsx"), jobs=2)
    assert [r.workbook for r in results] == [one, broken, two]
    assert [r.ok for r in results] == [True, False, True]
    assert "missing sheet 'meta'" in results[1].problems[0]
    for r, title in ((results[0], "一つ目のファクトシート"), (results[2], "二つ目のファクトシート")):
        assert r.out_dir == tmp_path / "out" / r.workbook.stem
        (pdf,) = r.out_dir.glob("*.pdf")
        assert title in pdf_text(pdf).replace("\r\n", "").replace("\n", "")
        (xlsx,) = r.out_dir.glob("*-appendix.xlsx")
        assert zipfile.is_zipfile(xlsx)
    assert not (tmp_path / "out" / "broken").exists() or not list((tmp_path / "out" / "broken").glob("*.pdf"))


def test_the_command_exits_2_when_a_workbook_fails(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    make_workbook(tmp_path / "in" / "good.xlsx")
    make_workbook(tmp_path / "in" / "bad.xlsx", content=False)
    code = main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1", "--only", "xlsx"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "FAILED" in out and "bad.xlsx" in out and "ok " in out and "2 workbooks" in out
    assert "missing sheet 'content'" in err
    assert list((tmp_path / "out" / "good").glob("*-appendix.xlsx"))


def test_books_share_one_chart_cache_under_the_output_root(tmp_path):
    content = [("type", "text", "ref"), ("section", "概要"), ("chart", "", "by_entity")]
    books = [make_workbook(tmp_path / f"{name}.xlsx", content=content,
                           meta=[(k, f"{name}のファクトシート" if k == "title" else v) for k, v in META])
             for name in ("one", "two")]
    results = build_many(books, tmp_path / "out", ("pdf",), jobs=1)
    assert all(r.ok for r in results)
    cached = sorted(p.suffix for p in (tmp_path / "out" / ".cache" / "charts").iterdir())
    assert cached == [".json", ".svg"]  # one chart (and what its drawing decided), drawn for the first book,
    # reused by the second (no PNG: no DOCX)
    svgs = [(r.out_dir / "charts" / "by_entity.svg").read_bytes() for r in results]
    assert svgs[0] == svgs[1] and b"<svg" in svgs[0]
    assert not list(r.out_dir / ".cache" for r in results if (r.out_dir / ".cache").exists())


def test_each_workbook_is_reported_as_it_finishes(tmp_path):
    """`done` hears of every workbook once, before build_many returns (the CLI prints its line then)."""
    books = [_titled(tmp_path / f"{name}.xlsx", f"{name}のファクトシート") for name in ("one", "two")]
    heard = []
    results = build_many(books, tmp_path / "out", ("xlsx",), jobs=1, done=heard.append)
    assert sorted(r.workbook for r in heard) == books and sorted(heard, key=lambda r: r.workbook) == results


def test_the_command_prints_a_line_per_workbook_and_a_bar_on_a_terminal(tmp_path, capsys, monkeypatch):
    (tmp_path / "in").mkdir()
    make_workbook(tmp_path / "in" / "a.xlsx")
    make_workbook(tmp_path / "in" / "b.xlsx")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1", "--only", "xlsx"]) == 0
    out = capsys.readouterr().out
    assert "[" + "." * 30 + "] 0/2" in out and "] 1/2" in out and "] 2/2" in out
    lines = [line.split("\r")[-1].replace("\033[K", "") for line in out.splitlines()]
    assert sum(line.startswith("ok ") for line in lines) == 2, out


def test_an_empty_folder_is_named_in_the_error(tmp_path, capsys):
    (tmp_path / "空の フォルダ").mkdir()
    (tmp_path / "空の フォルダ" / "~$lock.xlsx").write_bytes(b"")
    assert main(["batch", str(tmp_path / "空の フォルダ"), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"error: {tmp_path / '空の フォルダ'}: no .xlsx workbooks in this folder" in err
