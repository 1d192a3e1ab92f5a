"""The limits benchmark (issue 21): long tables of 20 columns, built by the real CLI.

    python -m bench.limits                      # the tables of TABLES → bench/limits.md
    python -m bench.limits --tables 2000x20,10000x14 --work /tmp/limits

For each row count: the workbook is made by `synth.write_long_table`, then one
`reportgen build` runs as a child process in its own session. Measured: wall time, CPU
time and the largest single process's peak RSS (`os.wait4`, as bench/measure.py), and
the whole build's peak memory: the sum of the proportional set size (PSS: shared pages
counted once) of every process of the session, sampled from /proc every 0.1 s (Linux).
A workbook beyond the documented limits must be refused up front: its row says how long
the refusal took and what it said.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from bench.synth import write_long_table

REPO = Path(__file__).resolve().parents[1]
TABLES = "7000x20,10000x14,10000x20,100000x20"
"""At the cell limit (150,000: 7,000 × 20, 10,000 × 14), then 10,000 and 100,000 rows of 20
columns, which must be refused up front."""


@dataclass(frozen=True)
class Result:
    rows: int
    columns: int
    wall: float
    cpu: float
    max_rss_mb: float
    peak_pss_mb: float
    code: int
    said: str
    pages: int


def session_pss_kb(sid: int) -> int:
    """The summed PSS of the live processes of session `sid`, in kB."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            if int(stat[stat.rindex(")") + 2:].split()[3]) != sid:
                continue
            for line in Path(f"/proc/{entry}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except (OSError, ValueError, IndexError):
            continue
    return total


def build(workbook: Path, out: Path, rows: int, columns: int) -> Result:
    argv = [sys.executable, "-m", "reportgen", "build", str(workbook), "-o", str(out)]
    with tempfile.TemporaryFile("w+") as log:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        peak, done = [0], threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], session_pss_kb(child.pid))
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        log.seek(0)
        text = log.read()
    code = os.waitstatus_to_exitcode(status)
    said = next((line for line in text.splitlines() if line.startswith(("error:", "internal error:"))), "")
    pdfs = list(out.glob("*.pdf")) if code == 0 else []
    return Result(rows, columns, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0] / 1024,
                  code, said, _pages(pdfs[0]) if pdfs else 0)


def _pages(pdf: Path) -> int:
    try:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return 0
    return next((int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:")), 0)


def report(results: list[Result]) -> str:
    lines = ["# Limits benchmark (issue 21)", "",
             f"`python -m bench.limits` on {platform.node() or 'this machine'}, {os.cpu_count()} CPUs, "
             f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {os.getloadavg()[0]:.1f}. "
             "One long data table (numbers, texts, dates), printed in the PDF and DOCX and "
             "copied to the appendix; the chart cache plays no part. Goal: under 2 minutes and 1 GB, or "
             "refused up front naming the limit (docs/errors.md, Limits).", "",
             "| rows × columns | exit | wall s | CPU s | largest process MB | whole build MB (PSS) | PDF pages | what it said |",
             "|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r.rows:,} × {r.columns} | {r.code} | {r.wall:.1f} | {r.cpu:.1f} | {r.max_rss_mb:.0f} | "
                     f"{r.peak_pss_mb:.0f} | {r.pages or ''} | {r.said.replace('|', '/')[:160]} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.limits")
    parser.add_argument("--tables", default=TABLES, help="comma-separated ROWSxCOLUMNS")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "limits.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="reportgen-limits-") as scratch:
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        results = []
        for spec in args.tables.split(","):
            rows, columns = (int(n) for n in spec.split("x"))
            workbook = work / f"table-{rows}x{columns}.xlsx"
            if not workbook.exists():
                write_long_table(workbook, rows, columns)
            results.append(build(workbook, work / f"out-{rows}x{columns}", rows, columns))
            print(report(results[-1:]).splitlines()[-1], flush=True)
    args.out.write_text(report(results), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
