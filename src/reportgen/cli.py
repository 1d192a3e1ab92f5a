"""Command line: `reportgen build|validate|init`. Thin: parses arguments, calls the
pipeline, turns `ReportError` into located messages and exit code 2."""

from __future__ import annotations

import argparse
import sys
import traceback
from dataclasses import replace
from functools import partial
from pathlib import Path

from reportgen.diagnostics import ReportError

REPO_SAMPLE = Path(__file__).resolve().parents[2] / "data" / "factsheet.xlsx"

EPILOG = """examples:
  reportgen build                          build the sample (data/factsheet.xlsx) into build/
  reportgen build report.xlsx -o out/      build all three outputs of report.xlsx into out/
  reportgen build report.xlsx --only pdf   only the PDF
  reportgen build report.xlsx --bleed 3    PDF with 3 mm bleed and crop marks for print
  reportgen watch report.xlsx             rebuild into build/ every time report.xlsx is saved
  reportgen validate report.xlsx           check the workbook, list every problem, exit 2 if any
  reportgen batch reports/ -o out/ -j 2    build every .xlsx in reports/ into out/<name>/, 2 at a time
  reportgen init new.xlsx                  write a template workbook with instructions
  reportgen mail report.xlsx               build, then write the mail sheet's messages as .eml to check
  reportgen mail report.xlsx --send        ... and send them (server: README, mailing the appendix)
"""


def default_workbook() -> Path:
    local = Path("data/factsheet.xlsx")
    return local if local.exists() else REPO_SAMPLE


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reportgen", description="Build a Japanese fact sheet "
                                "(PDF, DOCX, XLSX appendix) from one Excel workbook.",
                                epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    # the subcommands' --debug defaults to SUPPRESS so `reportgen --debug build` keeps it
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
    outputs = argparse.ArgumentParser(add_help=False, parents=[debug])
    outputs.add_argument("--only", default="pdf,docx,xlsx", help="comma-separated subset of pdf,docx,xlsx")
    outputs.add_argument("--bleed", type=float, default=0.0, metavar="MM",
                         help="PDF bleed in mm, with crop marks (e.g. 3)")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the outputs", epilog=EPILOG, parents=[outputs],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("workbook", nargs="?", type=Path, help="the .xlsx (default: data/factsheet.xlsx)")
    b.add_argument("-o", "--out", type=Path, default=Path("build"), help="output folder (default: build/)")
    b.add_argument("-j", "--jobs", type=int, default=None,
                   help="1: render the outputs one after another in this process "
                        "(default: side by side in worker processes when there are 2+ CPUs)")
    v = sub.add_parser("validate", help="check a workbook and list every problem", parents=[debug])
    v.add_argument("workbook", type=Path)
    w = sub.add_parser("watch", help="rebuild whenever the workbook is saved (renderers kept warm)",
                       parents=[outputs])
    w.add_argument("workbook", nargs="?", type=Path, help="the .xlsx (default: data/factsheet.xlsx)")
    w.add_argument("-o", "--out", type=Path, default=Path("build"), help="output folder (default: build/)")
    w.add_argument("-j", "--jobs", type=int, default=None, help="1: render in this process")
    m = sub.add_parser("batch", help="build many workbooks over warm worker processes", parents=[outputs])
    m.add_argument("workbooks", nargs="+", type=Path, help=".xlsx files, or folders of them")
    m.add_argument("-o", "--out", type=Path, default=Path("build"), help="output root: one folder per workbook")
    m.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: one per CPU)")
    i = sub.add_parser("init", help="write a template workbook with instructions", parents=[debug])
    i.add_argument("path", type=Path)
    _mail_parser(sub, debug)
    return p


def _mail_parser(sub: argparse._SubParsersAction, debug: argparse.ArgumentParser) -> None:
    e = sub.add_parser("mail", help="email the outputs with the workbook's mail sheet (dry run unless --send)",
                       parents=[debug])
    e.add_argument("workbook", nargs="?", type=Path, help="the .xlsx (default: data/factsheet.xlsx)")
    e.add_argument("-o", "--out", type=Path, default=Path("build"), help="output folder (default: build/)")
    for flag in ("to", "cc", "bcc"):
        e.add_argument(f"--{flag}", action="append", metavar="ADDRESSES",
                       help=f"{flag} addresses, comma-separated, instead of the workbook's")
    e.add_argument("--attach", help="comma-separated subset of xlsx,pdf,docx (default: the workbook's, else xlsx)")
    mode = e.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", type=Path, metavar="DIR",
                      help="write the messages as .eml files into DIR (default: OUT/mail) and send nothing")
    mode.add_argument("--send", action="store_true", help="send the messages")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return _dispatch(args)
    except ReportError as exc:
        for d in exc.diagnostics:
            print(f"error: {d}", file=sys.stderr)
        print(f"{len(exc.diagnostics)} problem(s) found; nothing was written.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours, not the user's: say so plainly
        if args.debug:
            traceback.print_exc()
            print(getattr(exc, "details", ""), file=sys.stderr, end="")
        else:
            # a renderer process's failure already reads "TypeName: message"
            what = str(exc) if hasattr(exc, "details") else f"{type(exc).__name__}: {exc}"
            print(f"internal error: {what} (run with --debug for the traceback)", file=sys.stderr)
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "init":
        from reportgen.workbook.template import write_template

        write_template(args.path)
        print(f"wrote {args.path}")
        return 0
    if args.command == "mail":
        from reportgen.mail.command import mail

        return mail(args)
    from reportgen.pipeline import FORMATS, Build, read, run

    if args.command == "validate":
        doc = read(Build(args.workbook, Path("."), log=lambda s: None))
        print(f"{args.workbook}: OK ({len(doc.blocks)} blocks, {len(doc.tables)} tables, {len(doc.charts)} charts)")
        return 0
    formats = tuple(f.strip() for f in args.only.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        print(f"error: --only takes {','.join(FORMATS)}, found {args.only!r}", file=sys.stderr)
        return 2
    if args.command == "batch":
        return _batch(args, formats)
    build = Build(args.workbook or default_workbook(), args.out, formats, args.bleed, args.jobs)
    if args.command == "watch":
        from reportgen.watch import watch

        print(f"watching {build.workbook} (Ctrl-C stops)", flush=True)
        try:
            watch(replace(build, log=partial(print, flush=True)))
        except KeyboardInterrupt:
            print("stopped")
        return 0
    run(build)
    print(f"done     {build.elapsed:6.2f} s  " + ", ".join(str(p) for p in build.outputs))
    return 0


def _batch(args: argparse.Namespace, formats: tuple[str, ...]) -> int:
    import time

    from reportgen.batch import build_many, expand

    start = time.perf_counter()
    results = build_many(expand(args.workbooks), args.out, formats, args.jobs, args.bleed)
    for r in results:
        print(f"{'ok' if r.ok else 'FAILED':<8} {r.seconds:6.2f} s  {r.workbook} -> {r.out_dir}")
        for problem in r.problems:
            print(f"error: {problem}", file=sys.stderr)
    took = time.perf_counter() - start
    print(f"done     {took:6.2f} s  {len(results)} workbooks, {len(results) / took:.2f} per second")
    return 0 if all(r.ok for r in results) else 2
