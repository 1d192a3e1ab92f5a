"""Cluster benchmark (issue 20): `reportgen batch --broker` with 1 and 2 Celery workers
against the local `reportgen batch -j N`, on the same distinct workbooks, in one run; and
the broker's own cost per job.

    python -m bench.cluster [--books 12] [--out bench/cluster-results.md]

Starts a redis-server on a free loopback port and the workers as child processes (each
`reportgen worker -c 1`, as one-CPU machines would be). Every configuration builds the
books twice into a fresh output root: first with every chart drawn, then again with the
charts cached in that root. The per-job overhead is measured with jobs that end at once
(a workbook path that does not exist: a located "file not found" result), so their round
trip is the broker, the result backend and the client, nothing else. Needs the cluster
extra and redis-server; nothing in it asserts a time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.measure import check, python, run

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "data" / "factsheet.xlsx"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_redis(folder: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(folder)], stdout=subprocess.DEVNULL)
    for _ in range(100):
        if subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True).stdout.strip() == "PONG":
            return proc, f"redis://127.0.0.1:{port}/0"
        time.sleep(0.1)
    raise RuntimeError("redis-server did not start")


def start_workers(url: str, count: int, work: Path) -> list[subprocess.Popen]:
    procs = []
    for i in range(count):
        log = work / f"worker{i}.log"
        procs.append(subprocess.Popen(python("-m", "reportgen", "worker", "--broker", url, "-c", "1", "-n", f"w{i}@bench"),
                                      stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True))
    for i in range(count):
        log = work / f"worker{i}.log"
        while f"w{i}@bench ready." not in log.read_text(errors="replace"):
            time.sleep(0.2)
    return procs


def stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        proc.wait(60)


def two_passes(argv: list[str], out: Path) -> tuple[float, float]:
    """Wall seconds of a first pass (charts drawn) and a second (charts cached) into `out`."""
    shutil.rmtree(out, ignore_errors=True)
    first = check(run(argv + ["-o", str(out)], timeout=3600), " ".join(argv[:4]))
    again = check(run(argv + ["-o", str(out)], timeout=3600), " ".join(argv[:4]))
    return first.wall, again.wall


def overhead(url: str, work: Path, jobs: int) -> float:
    """Seconds per job of jobs that end at once (1 worker): a batch of `jobs` less a batch
    of one, over `jobs - 1`, so the client's start-up cancels out."""
    def batch(n: int) -> float:
        books = [str(work / "missing" / f"none{i:03d}.xlsx") for i in range(n)]
        return run(python("-m", "reportgen", "batch", *books, "-o", str(work / "overhead-out"), "--broker", url,
                          "-q")).wall

    return (batch(jobs) - batch(1)) / (jobs - 1)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--books", type=int, default=12)
    p.add_argument("--out", type=Path, default=REPO / "bench" / "cluster-results.md")
    a = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="reportgen-cluster-bench-") as tmp:
        work = Path(tmp)
        books = work / "books"
        check(run(python("-m", "bench.synth", "variants", str(SAMPLE), str(books), str(a.books)), cwd=REPO), "books")
        rows = []
        for jobs in (1, 2):
            drawn, cached = two_passes(python("-m", "reportgen", "batch", str(books), "-j", str(jobs), "-q"),
                                       work / f"local{jobs}")
            rows.append((f"local `batch -j {jobs}`", drawn, cached))
        redis, url = start_redis(work)
        try:
            for count in (1, 2):
                workers = start_workers(url, count, work)
                try:
                    drawn, cached = two_passes(python("-m", "reportgen", "batch", str(books), "--broker", url, "-q"),
                                               work / f"cluster{count}")
                    per_job = overhead(url, work, 50) if count == 1 else None
                finally:
                    stop(workers)
                rows.append((f"cluster, {count} worker{'s' if count > 1 else ''} (-c 1 each)", drawn, cached))
                if per_job is not None:
                    broker_cost = per_job
        finally:
            redis.terminate()
            redis.wait(10)
    lines = [f"# Cluster benchmark ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} CPUs, "
             f"load {os.getloadavg()[0]:.1f} at the end)", "",
             f"`python -m bench.cluster --books {a.books}`: {a.books} distinct fact sheets (bench.synth variants of "
             "the sample), all three outputs; the broker and the workers on this one machine.", "",
             "| configuration | charts drawn: s | fact sheets/s | charts cached: s | fact sheets/s |",
             "|---|---|---|---|---|"]
    lines += [f"| {name} | {d:.1f} | {a.books / d:.2f} | {c:.1f} | {a.books / c:.2f} |" for name, d, c in rows]
    lines += ["", f"Broker overhead per job (50 jobs that end at once, 1 worker, less a batch of one): "
              f"{broker_cost * 1000:.0f} ms.", "",
              "The local rows include starting and warming the batch's processes (spawned per run); the "
              "workers were started and warm before the cluster rows were timed, as they are in use. "
              "Wall times on a shared machine: compare the rows of one run, not runs of different days.", ""]
    a.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
