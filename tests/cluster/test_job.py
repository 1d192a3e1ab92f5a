"""Cluster jobs without a broker: content-keyed, idempotent, results as data; the summary
and the progress line; the core install without the cluster extra."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import pytest

from reportgen.cli import main
from reportgen.cluster.job import build_job
from wbfactory import CONTENT, make_workbook


def test_same_workbook_same_folder_same_bytes(tmp_path):
    wb = make_workbook(tmp_path / "wb.xlsx")
    first = build_job(str(tmp_path / "out"), ["pdf", "xlsx"], workbook=str(wb))
    again = build_job(str(tmp_path / "out"), ["pdf", "xlsx"], workbook=str(wb))  # a retried or duplicated job
    assert first["ok"] and first["out_dir"] == again["out_dir"] and Path(first["out_dir"]).name.startswith("wb-")
    assert [o["sha256"] for o in first["outputs"]] == [o["sha256"] for o in again["outputs"]]
    assert not [p for p in Path(first["out_dir"]).iterdir() if p.name.endswith(".tmp")]
    json.dumps(first)  # plain data: what the broker carries


def test_bytes_build_like_the_path(tmp_path):
    wb = make_workbook(tmp_path / "wb.xlsx")
    by_path = build_job(str(tmp_path / "a"), ["xlsx"], workbook=str(wb))
    by_bytes = build_job(str(tmp_path / "b"), ["xlsx"], content=wb.read_bytes(), name="wb.xlsx")
    assert by_bytes["ok"] and Path(by_bytes["out_dir"]).name == Path(by_path["out_dir"]).name
    assert by_bytes["outputs"][0]["sha256"] == by_path["outputs"][0]["sha256"]


def test_options_are_part_of_the_key(tmp_path):
    wb = make_workbook(tmp_path / "wb.xlsx")
    plain = build_job(str(tmp_path / "out"), ["xlsx"], workbook=str(wb))
    other = build_job(str(tmp_path / "out"), ["xlsx"], bleed_mm=3.0, workbook=str(wb))
    assert plain["out_dir"] != other["out_dir"]


def test_a_bad_workbook_is_a_normal_result_with_located_problems(tmp_path):
    wb = make_workbook(tmp_path / "bad.xlsx", content=[CONTENT[0], ("figure", "x")])
    result = build_job(str(tmp_path / "out"), ["pdf"], workbook=str(wb))
    assert not result["ok"] and result["outputs"] == []
    [problem] = result["problems"]
    assert (problem["sheet"], problem["cell"]) == ("content", "A2") and "unknown block type" in problem["message"]


def test_summary_as_csv_and_json(tmp_path):
    from reportgen.batch import BatchResult
    from reportgen.cluster.submit import Outcome, write_summary

    good = {"ok": True, "out_dir": "/o/a-1", "outputs": [{"path": "/o/a-1/a.pdf", "sha256": "ab", "bytes": 1}],
            "problems": [], "warnings": [{"text": "content!B2: low dpi"}], "seconds": 1.5, "worker": "w1"}
    outcomes = [Outcome(BatchResult(Path("a.xlsx"), Path("/o/a-1"), 1.5), "t1", good),
                Outcome(BatchResult(Path("b.xlsx"), Path(), 0.0, ("KeyError: 'x'",), "internal error"), "t2", None,
                        "Traceback ...\nKeyError: 'x'")]
    write_summary(outcomes, tmp_path / "s.csv", 3.0)
    rows = list(csv.DictReader((tmp_path / "s.csv").open(encoding="utf-8")))
    assert [r["status"] for r in rows] == ["ok", "internal error"] and rows[0]["outputs"] == "a.pdf:ab"
    assert rows[1]["traceback"].endswith("KeyError: 'x'")
    write_summary(outcomes, tmp_path / "s.json", 3.0)
    summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert (summary["total"], summary["completed"], summary["failed"]) == (2, 1, 1)


def test_progress_counts_and_throughput():
    from reportgen.batch import BatchResult
    from reportgen.cluster.submit import Outcome, Progress

    now = iter([0.0, 2.0, 4.0, 4.0])
    out = io.StringIO()
    progress = Progress(3, out, bar=False, clock=lambda: next(now))
    progress.finished(Outcome(BatchResult(Path("a.xlsx"), Path("a"), 1.0), "t1"))
    progress.finished(Outcome(BatchResult(Path("b.xlsx"), Path("b"), 1.0, ("meta: bad",), "problems"), "t2"))
    assert out.getvalue().splitlines() == [
        "ok       a.xlsx  [1 completed, 0 failed, 2 remaining, 0.50 per second]",
        "problems b.xlsx  [1 completed, 1 failed, 1 remaining, 0.50 per second]"]


def test_without_the_cluster_extra_the_broker_option_says_what_to_install(tmp_path, monkeypatch, capsys):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "celery" else real(name, *a))
    wb = make_workbook(tmp_path / "wb.xlsx")
    assert main(["batch", str(wb), "-o", str(tmp_path / "out"), "--broker", "redis://127.0.0.1:1/0"]) == 2
    assert "pip install 'reportgen[cluster]'" in capsys.readouterr().err


def test_wrong_options_are_the_callers_bug_not_the_workbooks(tmp_path):
    wb = make_workbook(tmp_path / "wb.xlsx")
    for formats, bleed in ((["html"], 0.0), (["pdf"], "3"), (["pdf"], 50)):
        with pytest.raises(ValueError):
            build_job(str(tmp_path / "out"), formats, bleed, workbook=str(wb))


def test_summary_goes_with_the_broker(tmp_path, capsys):
    wb = make_workbook(tmp_path / "wb.xlsx")
    assert main(["batch", str(wb), "-o", str(tmp_path / "out"), "--summary", str(tmp_path / "s.json")]) == 2
    assert "error: --summary: goes with --broker" in capsys.readouterr().err
