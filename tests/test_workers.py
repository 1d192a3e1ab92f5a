"""Renderers in worker processes: same bytes as in-process, errors and warnings carried
back located, nothing left behind when a worker fails, workers reused across builds."""

from __future__ import annotations

import pickle
import warnings

import pytest
from wbfactory import make_workbook

from reportgen import workers
from reportgen.diagnostics import CellRef, Diagnostic, ReportError, ReportWarning
from reportgen.pipeline import FORMATS, Build, read, run
from reportgen.workers import RendererCrash, Workers


def _build(wb, out, **kw) -> Build:
    return Build(wb, out, log=lambda line: None, warn=kw.pop("warn", lambda line: None), **kw)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    return make_workbook(tmp_path_factory.mktemp("wb") / "book.xlsx")


def _files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_outputs_are_the_same_bytes_in_workers_and_in_process(workbook, tmp_path):
    build = _build(workbook, tmp_path / "w")
    with Workers(FORMATS) as pool:
        run(build, pool)
    run(_build(workbook, tmp_path / "s", jobs=1))
    forked, serial = _files(tmp_path / "w"), _files(tmp_path / "s")
    assert sorted(forked) == sorted(p.name for p in build.outputs) and len(forked) == 3
    assert forked == serial


def test_the_model_survives_the_trip_to_a_worker(workbook):
    doc = read(_build(workbook, workbook.parent))
    back = pickle.loads(workers._dumps((doc, {})))[0]
    assert back == doc
    assert type(back.charts) is type(doc.charts)  # still read-only


def test_workers_stay_warm_across_builds(workbook, tmp_path):
    with Workers(("pdf",)) as pool:
        pids = [p.pid for p in pool._procs]
        for i in range(2):
            build = _build(workbook, tmp_path / str(i), formats=("pdf",))
            run(build, pool)
            assert [p.name for p in build.outputs] == ["factsheet.pdf"]
        assert [p.pid for p in pool._procs] == pids and all(p.is_alive() for p in pool._procs)


def _failing_renderer(kind):
    def renderer(fmt):
        def write(doc, charts, job):
            job.path.write_bytes(b"half")
            if kind == "error":
                raise ReportError(Diagnostic(CellRef("content", "B7"), "cannot be drawn"))
            if kind == "warning":
                warnings.warn(ReportWarning(Diagnostic(CellRef("content", "C2"), "prints at 28 dpi")))
                return
            raise ZeroDivisionError("a bug")
        return write
    return renderer


def test_a_located_error_in_a_worker_is_the_users_and_nothing_is_written(workbook, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_START_METHOD", "fork")  # the patched renderer reaches forked workers only
    monkeypatch.setattr(workers, "_renderer", _failing_renderer("error"))  # before the fork
    with Workers(FORMATS) as pool, pytest.raises(ReportError) as caught:
        run(_build(workbook, tmp_path), pool)
    assert [str(d) for d in caught.value.diagnostics] == ["content!B7: cannot be drawn"]
    assert list(tmp_path.iterdir()) == []  # no output, no temporary, no charts folder


def test_a_bug_in_a_worker_is_an_internal_error_with_its_traceback(workbook, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_START_METHOD", "fork")  # the patched renderer reaches forked workers only
    monkeypatch.setattr(workers, "_renderer", _failing_renderer("crash"))
    with Workers(("pdf", "xlsx")) as pool, pytest.raises(RendererCrash) as caught:
        run(_build(workbook, tmp_path, formats=("pdf", "xlsx")), pool)
    assert str(caught.value) == "ZeroDivisionError: a bug"
    assert "Traceback" in caught.value.details and "_failing_renderer" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_worker_that_dies_is_reported_not_waited_for(workbook, tmp_path):
    with Workers(("xlsx",)) as pool:
        pool._procs[0].kill()
        with pytest.raises(RendererCrash, match="xlsx renderer process ended unexpectedly"):
            run(_build(workbook, tmp_path, formats=("xlsx",)), pool)
    assert list(tmp_path.iterdir()) == []


def test_warnings_raised_in_a_worker_reach_the_user(workbook, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_START_METHOD", "fork")  # the patched renderer reaches forked workers only
    monkeypatch.setattr(workers, "_renderer", _failing_renderer("warning"))
    seen = []
    with Workers(("docx",)) as pool:
        build = _build(workbook, tmp_path, formats=("docx",), warn=seen.append)
        run(build, pool)
    assert seen == ["warning: content!C2: prints at 28 dpi"]
    assert build.outputs[0].read_bytes() == b"half"


def test_report_errors_cross_processes_whole():
    exc = ReportError([Diagnostic(CellRef("data_x", "C5"), "expected a number"), Diagnostic("meta", "no title")])
    back = pickle.loads(pickle.dumps(exc))
    assert back.diagnostics == exc.diagnostics and str(back) == str(exc)


def test_a_table_crosses_column_wise_and_comes_back_equal():
    import datetime as dt

    from reportgen.model.data import Column, Table, Value

    raws = [1, 2.5, "東京", None, dt.date(2020, 3, 31), dt.datetime(2020, 5, 15, 9, 30), True]
    rows = tuple((Value(raw, "General", str(raw), CellRef("data", f"A{i + 2}")),
                  Value(i, "#,##0", f"{i:,}", CellRef("data", f"B{i + 2}"))) for i, raw in enumerate(raws))
    table = Table("data", (Column("a", "text", "General", CellRef("data", "A1")),
                           Column("b", "number", "#,##0", CellRef("data", "B1"))), rows, CellRef("data"))
    back = pickle.loads(workers._dumps(table))
    assert back == table
    assert [type(row[0].raw) for row in back.rows] == [type(r) for r in raws]
    assert back.rows[0][0].ref == CellRef("data", "A2") and hash(back.rows[0][0]) == hash(rows[0][0])
    assert pickle.loads(workers._dumps(Table("empty", (), (), CellRef("empty")))).rows == ()


def test_an_interrupted_build_leaves_no_file_a_worker_would_write_later(workbook, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_START_METHOD", "fork")  # the patched renderer reaches forked workers only
    import signal
    import time

    def slow(fmt):
        def write(doc, charts, job):
            time.sleep(2)
            job.path.write_bytes(b"late")
        return write

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    monkeypatch.setattr(workers, "_renderer", slow)
    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        with Workers(("pdf",)) as pool:
            signal.alarm(1)  # Ctrl-C while the parent waits for the worker
            with pytest.raises(KeyboardInterrupt):
                run(_build(workbook, tmp_path, formats=("pdf",)), pool)
            assert not any(p.is_alive() for p in pool._procs)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    time.sleep(2.5)  # past the moment the worker would have written
    assert list(tmp_path.iterdir()) == []
