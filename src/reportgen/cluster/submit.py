"""`reportgen batch --broker URL`: send one job per workbook to the workers, follow them with
a progress line (completed, failed, remaining, throughput), and summarise every result.

In: workbook paths and an output root that every worker can reach under the same path
(shared storage). Out: one `Outcome` per workbook, in the order given, and the summary
file (CSV or JSON by its suffix). Results are read from the result backend in batches
(one round trip per interval, not one per job).
"""

from __future__ import annotations

import csv
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence, TextIO

from celery import Celery
from celery.result import AsyncResult

from reportgen.batch import BatchResult
from reportgen.cluster.settings import celery_config


@dataclass(frozen=True)
class Outcome:
    """One workbook's job: the local batch's `BatchResult` (status `ok`, `problems` for a
    bad workbook, `internal error` for a bug of ours), and what only the cluster knows: the
    task, the job's data (outputs with hashes, warnings, worker) and a failure's traceback."""

    batch: BatchResult
    task_id: str
    data: dict[str, Any] | None = None
    traceback: str = ""

    @property
    def workbook(self) -> Path:
        return self.batch.workbook

    @property
    def status(self) -> str:
        return self.batch.status

    @property
    def ok(self) -> bool:
        return self.batch.ok


def connect(broker: str) -> Celery:
    """The reportgen app pointed at `broker` (also its result backend)."""
    from reportgen.tasks import app

    app.conf.update(celery_config(broker))
    return app


def send_jobs(app: Celery, workbooks: Sequence[Path], out_root: Path, formats: tuple[str, ...],
              bleed_mm: float = 0.0) -> list[tuple[Path, AsyncResult]]:
    """One `reportgen.build` job per workbook, by absolute path (shared storage)."""
    root = str(out_root.resolve())
    return [(wb, app.send_task("reportgen.build", kwargs={
        "out_root": root, "formats": list(formats), "bleed_mm": bleed_mm, "workbook": str(wb.resolve())}))
        for wb in workbooks]


def collect(app: Celery, jobs: Sequence[tuple[Path, AsyncResult]], progress: "Progress",
            interval: float = 0.2) -> list[Outcome]:
    """Wait for every job; report each as it ends. Outcomes in the order of `jobs`."""
    by_id = {r.id: wb for wb, r in jobs}
    done: dict[str, Outcome] = {}
    for task_id, meta in app.backend.get_many(list(by_id), interval=interval, on_interval=progress.tick):
        done[task_id] = _outcome(by_id[task_id], task_id, meta)
        progress.finished(done[task_id])
    progress.close()
    return [done[r.id] for _, r in jobs]


def _outcome(workbook: Path, task_id: str, meta: dict[str, Any]) -> Outcome:
    if meta["status"] == "SUCCESS":
        data = meta["result"]
        problems = tuple(p["text"] for p in data["problems"])
        batch = BatchResult(workbook, Path(data["out_dir"]), data["seconds"], problems, "ok" if data["ok"] else "problems")
        return Outcome(batch, task_id, data)
    trace = meta.get("traceback") or str(meta.get("result"))
    last = trace.strip().splitlines()[-1] if trace.strip() else "no result"
    return Outcome(BatchResult(workbook, Path(), 0.0, (last,), "internal error"), task_id, None, trace)


class Progress:
    """completed / failed / remaining and jobs per second: one line redrawn on a terminal,
    one line per finished workbook otherwise."""

    def __init__(self, total: int, out: TextIO | None = None, bar: bool | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.total, self.out, self.clock = total, out or sys.stdout, clock
        self.bar = self.out.isatty() if bar is None else bar
        self.start = clock()
        self.completed = self.failed = 0

    def finished(self, outcome: Outcome) -> None:
        if outcome.ok:
            self.completed += 1
        else:
            self.failed += 1
        if not self.bar:
            self.out.write(f"{outcome.status:<8} {outcome.workbook}  [{self.line()}]\n")
        self.tick()

    def line(self) -> str:
        took = max(self.clock() - self.start, 1e-9)
        ended = self.completed + self.failed
        return (f"{self.completed} completed, {self.failed} failed, {self.total - ended} remaining, "
                f"{ended / took:.2f} per second")

    def tick(self) -> None:
        if self.bar:
            ended = self.completed + self.failed
            filled = round(30 * ended / max(self.total, 1))
            self.out.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.line()}")
        self.out.flush()

    def close(self) -> None:
        if self.bar:
            self.out.write("\n")
        self.out.flush()


def write_summary(outcomes: Sequence[Outcome], path: Path, seconds: float) -> None:
    """Every workbook's result: JSON (everything) or CSV (one row each), by `path`'s suffix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [_row(o) for o in outcomes]
    if path.suffix.lower() == ".csv":
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else ["workbook"])
            writer.writeheader()
            writer.writerows({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()} for row in rows)
        return
    summary = {"total": len(outcomes), "completed": sum(o.ok for o in outcomes),
               "failed": sum(not o.ok for o in outcomes), "seconds": round(seconds, 2),
               "jobs": [{**row, "result": o.data} for row, o in zip(rows, outcomes)]}
    path.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")


def _row(o: Outcome) -> dict[str, Any]:
    r = o.data or {}
    return {
        "workbook": str(o.workbook), "status": o.status, "task_id": o.task_id, "out_dir": r.get("out_dir", ""),
        "outputs": [f"{Path(x['path']).name}:{x['sha256']}" for x in r.get("outputs", [])],
        "problems": list(o.batch.problems),
        "warnings": [w["text"] for w in r.get("warnings", [])],
        "seconds": r.get("seconds", ""), "worker": r.get("worker", ""),
        "traceback": o.traceback,
    }
