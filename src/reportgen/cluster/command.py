"""`reportgen batch --broker URL` and `reportgen worker`: command-line arguments → cluster.
Returns exit codes as the CLI does; the broker URL is printed without its password."""

from __future__ import annotations

import argparse
import importlib.util
import os
import time
from contextlib import nullcontext

from reportgen.cli import EXIT_WORKBOOK, Console
from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.i18n import tr


def batch(args: argparse.Namespace, console: Console) -> int:
    require_extra()
    from kombu.utils.url import maybe_sanitize_url

    from reportgen.batch import expand
    from reportgen.cluster.submit import Progress, collect, connect, send_jobs, write_summary

    workbooks = expand(args.workbooks)
    if not workbooks:
        raise ReportError(Diagnostic(", ".join(map(str, args.workbooks)), tr("no workbooks to build (no .xlsx there)")))
    start = time.monotonic()
    app = connect(args.broker)
    jobs = send_jobs(app, workbooks, args.out, args.only, args.bleed)
    console.progress(f"sent     {len(jobs)} jobs to {maybe_sanitize_url(args.broker)}")
    with open(os.devnull, "w") if args.quiet else nullcontext(None) as sink:  # --quiet: no progress at all
        outcomes = collect(app, jobs, Progress(len(jobs), out=sink))
    for o in outcomes:
        for problem in o.batch.problems:
            if o.status == "problems":
                console.problem(f"error: {o.workbook.name}: {problem}")
            else:
                console.problem(f"internal error: {o.workbook.name}: {problem} (traceback in the summary)")
    took = time.monotonic() - start
    summary = args.summary or args.out / "batch-summary.json"
    write_summary(outcomes, summary, took)
    console.progress(f"done     {took:6.2f} s  {len(outcomes)} workbooks, {len(outcomes) / took:.2f} per second; "
                     f"summary: {summary}")
    return 0 if all(o.ok for o in outcomes) else EXIT_WORKBOOK


def worker(args: argparse.Namespace, console: Console) -> int:
    require_extra()
    from reportgen.cluster.worker import run_worker
    from reportgen.processes import available_cpus

    run_worker(args.broker, args.concurrency or available_cpus(), args.name)
    return 0


def require_extra() -> None:
    """The core install has no celery: say how to get it rather than fail on an import."""
    missing = [m for m in ("celery", "redis") if importlib.util.find_spec(m) is None]
    if missing:
        raise ReportError(Diagnostic("--broker", tr("the cluster needs {missing}: pip install 'reportgen[cluster]'").format(missing=' and '.join(missing))))
