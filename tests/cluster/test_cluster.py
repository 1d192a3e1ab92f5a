"""The cluster for real: a redis-server on a loopback port, two Celery workers as separate
processes, the gallery's workbooks plus a bad one sent by `reportgen batch --broker`.
One worker is killed mid-job: late acknowledgement hands its job to the other."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("celery")
redis = pytest.importorskip("redis")
pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server not installed")

from reportgen.api import build  # noqa: E402
from reportgen.cli import main  # noqa: E402
from smtpserver import free_port  # noqa: E402
from wbfactory import CONTENT, make_workbook  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
GALLERY = sorted((ROOT / "data" / "gallery").glob("*.xlsx"))
VISIBILITY = "10"  # seconds before a dead worker's job is handed out again


@pytest.fixture(scope="module")
def broker(tmp_path_factory):
    folder = tmp_path_factory.mktemp("redis")
    port = free_port()
    server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no", "--dir", str(folder)], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0", client
    server.terminate()
    server.wait(10)


def start_worker(url: str, name: str, log: Path) -> subprocess.Popen:
    env = {**os.environ, "REPORTGEN_VISIBILITY_TIMEOUT": VISIBILITY}
    return subprocess.Popen([sys.executable, "-m", "reportgen", "worker", "--broker", url, "-c", "1", "-n", name],
                            stdout=log.open("w"), stderr=subprocess.STDOUT, env=env, start_new_session=True)


def wait_ready(log: Path, name: str, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while f"{name} ready." not in log.read_text(errors="replace"):
        assert time.monotonic() < deadline, log.read_text(errors="replace")
        time.sleep(0.2)


def started_on(client, name: str) -> str | None:
    """The id of a job that worker `name` is running now, from the result backend."""
    for key in client.scan_iter("celery-task-meta-*"):
        meta = json.loads(client.get(key) or "{}")
        if meta.get("status") == "STARTED" and meta.get("result", {}).get("hostname") == name:
            return meta["task_id"]
    return None


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


def test_gallery_on_two_workers_one_killed_mid_job(broker, tmp_path, capsys):
    url, client = broker
    (tmp_path / "bad").mkdir()
    bad = make_workbook(tmp_path / "bad" / "broken.xlsx", content=[CONTENT[0], ("figure", "x")])
    workbooks = GALLERY + [bad]
    logs = {name: tmp_path / f"{name.split('@')[0]}.log" for name in ("a@test", "b@test")}
    workers = {name: start_worker(url, name, log) for name, log in logs.items()}
    try:
        for name, log in logs.items():
            wait_ready(log, name)
        out = tmp_path / "out"
        code: list[int] = []
        batch = threading.Thread(target=lambda: code.append(main(
            ["batch", *map(str, workbooks), "-o", str(out), "--broker", url])))
        batch.start()
        killed = None
        while killed is None and batch.is_alive():
            killed = started_on(client, "a@test")
            time.sleep(0.05)
        assert killed, "worker a never started a job"
        os.killpg(workers["a@test"].pid, signal.SIGKILL)  # the worker and its pool process, mid-job
        # (unless the job ended in the instant between the look and the kill: then it proves nothing)
        mid_job = json.loads(client.get(f"celery-task-meta-{killed}"))["status"] == "STARTED"
        batch.join(300)
        assert not batch.is_alive() and code == [2]
    finally:
        for proc in workers.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(30)

    summary = json.loads((out / "batch-summary.json").read_text(encoding="utf-8"))
    assert (summary["total"], summary["completed"], summary["failed"]) == (len(workbooks), len(GALLERY), 1)
    jobs = {Path(j["workbook"]).name: j for j in summary["jobs"]}
    assert jobs["broken.xlsx"]["status"] == "problems"
    assert any(p.startswith("content!A2: unknown block type 'figure'") for p in jobs["broken.xlsx"]["problems"])
    rescued = next(j for j in summary["jobs"] if j["task_id"] == killed)
    assert rescued["status"] == "ok" and (rescued["worker"].startswith("b@test") or not mid_job)  # no job lost
    printed = capsys.readouterr()
    assert f"{len(GALLERY)} completed, 1 failed, 0 remaining" in printed.out
    assert "error: broken.xlsx: content!A2: unknown block type 'figure'" in printed.err

    for wb in GALLERY:  # the same bytes as a local build, every output
        local = build(wb, tmp_path / "local" / wb.stem)
        assert local.ok, local.problems
        job = jobs[wb.name]
        assert digests(Path(job["out_dir"])) == digests(local.outputs[0].parent)
        assert sorted(job["outputs"]) == sorted(f"{p.name}:{hashlib.sha256(p.read_bytes()).hexdigest()}"
                                                for p in local.outputs)


def test_an_internal_error_is_a_failure_with_its_traceback(broker, tmp_path):
    from reportgen.cluster.submit import Progress, collect, connect

    url, _ = broker
    log = tmp_path / "c.log"
    worker = start_worker(url, "c@test", log)
    try:
        wait_ready(log, "c@test")
        app = connect(url)
        wb = make_workbook(tmp_path / "wb.xlsx")
        sent = app.send_task("reportgen.build", kwargs={"out_root": str(tmp_path / "out"), "formats": ["pdf", "odt"],
                                                         "workbook": str(wb)})
        [outcome] = collect(app, [(wb, sent)], Progress(1, bar=False))
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(30)
    assert outcome.status == "internal error" and "in _check_options" in outcome.traceback
    assert outcome.batch.problems == ("ValueError: formats must be a non-empty subset of ('pdf', 'docx', 'xlsx'), "
                                      "got ['pdf', 'odt']",)
