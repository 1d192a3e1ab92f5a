"""The chart stage alone: the sample's charts planned and drawn (SVG and PNG) in this
process, one at a time, no cache. CPU seconds (`time.process_time`), median of runs:
wall time on a shared machine measures the neighbours.

Run from the repository root:  .venv/bin/python -m bench.charts [--runs 7] [WORKBOOK]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("workbook", nargs="?", type=Path, default=REPO / "data" / "factsheet.xlsx")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from reportgen.charts.mpl.draw import draw_files
    from reportgen.charts.mpl.session import rendering
    from reportgen.charts.plan import make_plan
    from reportgen.workbook import read_workbook

    doc = read_workbook(args.workbook)
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp, rendering(doc.theme):
        for run in range(args.runs + 1):  # the first run warms matplotlib's caches, not counted
            start = time.process_time()
            for spec in doc.charts.values():
                draw_files(make_plan(spec, doc.theme), doc.theme, Path(tmp) / "c.svg", Path(tmp) / "c.png")
            if run:
                times.append(time.process_time() - start)
    print(f"{len(doc.charts)} charts, SVG+PNG, CPU s per run: median {statistics.median(times):.3f} "
          f"(min {min(times):.3f}, max {max(times):.3f}, {args.runs} runs)")


if __name__ == "__main__":
    main()
