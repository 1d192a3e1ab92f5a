"""Drawing many charts in forked workers: the same files as drawing them one by one, and
no pool where a pool may not or need not be made."""

from __future__ import annotations

import multiprocessing
import threading

import reportgen.charts.parallel as parallel
from chart_samples import document_with, every_kind
from reportgen.charts import render_charts


def files_of(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_charts_drawn_by_workers_are_byte_identical_to_serial_ones(tmp_path, monkeypatch):
    doc = document_with(*every_kind())
    monkeypatch.setattr(parallel, "worker_count", lambda charts: 1)
    render_charts(doc, tmp_path / "serial")
    monkeypatch.setattr(parallel, "worker_count", lambda charts: 2)
    render_charts(doc, tmp_path / "pooled")
    serial, pooled = files_of(tmp_path / "serial"), files_of(tmp_path / "pooled")
    assert len(serial) == 2 * len(every_kind())
    assert pooled == serial


def test_a_worker_error_reaches_the_caller(tmp_path, monkeypatch):
    doc = document_with(*every_kind()[:2])
    monkeypatch.setattr(parallel, "worker_count", lambda charts: 2)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "bar.svg").mkdir()  # a folder where the SVG should go
    try:
        render_charts(doc, tmp_path / "out")
    except IsADirectoryError as exc:
        assert "bar.svg" in str(exc)
    else:
        raise AssertionError("the worker's error was lost")


def test_one_chart_or_one_cpu_means_no_pool(monkeypatch):
    monkeypatch.setattr(parallel, "available_cpus", lambda: 2)
    assert parallel.worker_count(1) == 1
    assert parallel.worker_count(50) == 2
    monkeypatch.setattr(parallel, "available_cpus", lambda: 1)
    assert parallel.worker_count(50) == 1


def _report_count(queue) -> None:
    queue.put(parallel.worker_count(50))


def test_a_daemon_process_draws_without_a_pool():
    """A `reportgen batch` worker is a daemon, which may not start processes of its own."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    worker = ctx.Process(target=_report_count, args=(queue,), daemon=True)
    worker.start()
    assert queue.get(timeout=30) == 1
    worker.join()


def test_a_process_running_other_threads_draws_without_a_forked_pool(monkeypatch):
    monkeypatch.setenv("REPORTGEN_START_METHOD", "fork")
    monkeypatch.setattr(parallel, "available_cpus", lambda: 2)
    started, stop = threading.Event(), threading.Event()
    other = threading.Thread(target=lambda: (started.set(), stop.wait(30)))
    other.start()
    try:
        started.wait(5)
        assert parallel.worker_count(50) == 1
    finally:
        stop.set()
        other.join()
    assert parallel.worker_count(50) == 2


def test_spawned_workers_draw_the_same_bytes(tmp_path, monkeypatch):
    """Windows and macOS spawn workers: each enters the matplotlib session itself."""
    doc = document_with(*every_kind())
    monkeypatch.setattr(parallel, "worker_count", lambda charts: 1)
    render_charts(doc, tmp_path / "serial")
    monkeypatch.setattr(parallel, "worker_count", lambda charts: 2)
    monkeypatch.setenv("REPORTGEN_START_METHOD", "spawn")
    render_charts(doc, tmp_path / "spawned")
    assert files_of(tmp_path / "spawned") == files_of(tmp_path / "serial")
