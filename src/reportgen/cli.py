"""Command line: `reportgen build|validate|watch|batch|init|mail`. Thin: parses arguments,
calls the pipeline, turns `ReportError` into located messages.

Exit codes: 0 done; 1 internal error (a bug of ours); 2 the workbook has problems
(nothing was written); 3 built, but `build --strict` met a layout warning; 64 the command
line is wrong (EX_USAGE); 130 interrupted."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import traceback
from pathlib import Path

from reportgen import __version__, i18n
from reportgen.diagnostics import CellRef, Diagnostic, ReportError
from reportgen.i18n import tr

EXIT_INTERNAL, EXIT_WORKBOOK, EXIT_WARNINGS, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 3, 64, 130
FORMATS = ("pdf", "docx", "xlsx")  # as pipeline.FORMATS, without importing the pipeline for --help
MAX_BLEED_MM = 10.0

REPO_SAMPLE = Path(__file__).resolve().parents[2] / "data" / "factsheet.xlsx"



def epilog() -> str:
    return tr("""examples:
  reportgen build                          build the sample (data/factsheet.xlsx) into build/
  reportgen build report.xlsx -o out/      build all three outputs of report.xlsx into out/
  reportgen build report.xlsx --only pdf   only the PDF
  reportgen build report.xlsx --bleed 3    PDF with 3 mm bleed and crop marks for print
  reportgen watch report.xlsx              rebuild into build/ every time report.xlsx is saved
  reportgen validate report.xlsx           check the workbook, list every problem, exit 2 if any
  reportgen batch reports/ -o out/ -j 2    build every .xlsx in reports/ into out/<name>/, 2 at a time
  reportgen init new.xlsx                  write a template workbook with instructions
  reportgen mail report.xlsx               build, then write the mail sheet's messages as .eml to check
  reportgen mail report.xlsx --send        ... and send them (server: README, mailing the appendix)
""")


def tr_done() -> str:
    return tr("done")


def chosen_language(argv: list[str]) -> str:
    """`--lang ja|en` wherever it stands on the command line, else the locale's language:
    known before the parser is built, so that its help is in that language too."""
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        elif arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        else:
            continue
        if value in i18n.LANGUAGES:
            return value
    return i18n.detect()


def default_workbook() -> Path:
    local = Path("data/factsheet.xlsx")
    return local if local.exists() else REPO_SAMPLE


class Parser(argparse.ArgumentParser):
    """argparse, with a wrong command line ending in EX_USAGE (64) rather than 2, which
    this tool gives to a workbook with problems."""

    def error(self, message: str):  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, tr("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message})


def formats_arg(text: str) -> tuple[str, ...]:
    """`--only pdf,docx`: known formats, each once, in the order given."""
    formats = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise argparse.ArgumentTypeError(tr("--only takes {formats}, found {text!r}").format(
            formats=",".join(FORMATS), text=text))
    return formats


def bleed_arg(text: str) -> float:
    """`--bleed MM`: a finite number of millimetres from 0 to 10."""
    try:
        mm = float(text)
    except ValueError:
        mm = math.nan
    if not (math.isfinite(mm) and 0 <= mm <= MAX_BLEED_MM):
        raise argparse.ArgumentTypeError(tr("--bleed takes millimetres from 0 to {most:g} (e.g. 3), found {text!r}")
                                         .format(most=MAX_BLEED_MM, text=text))
    return mm


def jobs_arg(text: str) -> int:
    """`-j N`: a whole number of processes, at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(tr("-j takes a whole number of processes, 1 or more, found {text!r}")
                                         .format(text=text))
    return int(text)


def parser() -> argparse.ArgumentParser:
    p = Parser(prog="reportgen", description=tr("Build a Japanese fact sheet "
                                                "(PDF, DOCX, XLSX appendix) from one Excel workbook."),
               epilog=epilog(), formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"reportgen {__version__}")
    # options given before or after the subcommand: the subcommands' copies default to
    # SUPPRESS so that `reportgen --debug build` keeps what was given first
    common = argparse.ArgumentParser(add_help=False)
    _common_options(common, default=argparse.SUPPRESS)
    _common_options(p, default=None)
    outputs = argparse.ArgumentParser(add_help=False, parents=[common])
    outputs.add_argument("--only", type=formats_arg, default=FORMATS, metavar="FORMATS",
                         help=tr("comma-separated subset of pdf,docx,xlsx"))
    outputs.add_argument("--bleed", type=bleed_arg, default=0.0, metavar="MM",
                         help=tr("PDF bleed in mm (0-10), with crop marks (e.g. 3)"))
    outputs.add_argument("--embed-fonts", action="store_true",
                         help=tr("embed the fonts in the DOCX, subset to its characters (for Macs and "
                                 "older Windows without BIZ UD fonts)"))
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)
    b = sub.add_parser("build", help=tr("build the outputs"), epilog=epilog(), parents=[outputs],
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("workbook", nargs="?", type=Path, help=tr("the .xlsx (default: data/factsheet.xlsx)"))
    b.add_argument("-o", "--out", type=Path, default=Path("build"), help=tr("output folder (default: build/)"))
    b.add_argument("-j", "--jobs", type=jobs_arg, default=None,
                   help=tr("1: render the outputs one after another in this process "
                           "(default: side by side in worker processes when there are 2+ CPUs)"))
    b.add_argument("--open", action="store_true", help=tr("open the PDF (or the first output) when done"))
    b.add_argument("--strict", action="store_true",
                   help=tr("exit 3 when the build gives any warning (a layout compromise, a coarse image): for CI"))
    v = sub.add_parser("validate", help=tr("check a workbook and list every problem"), parents=[common])
    v.add_argument("workbook", type=Path)
    v.add_argument("--format", choices=("text", "json"), default="text",
                   help=tr("json: one object with every diagnostic (sheet, cell, code, message, severity)"))
    w = sub.add_parser("watch", help=tr("rebuild whenever the workbook is saved (renderers kept warm)"),
                       parents=[outputs])
    w.add_argument("workbook", nargs="?", type=Path, help=tr("the .xlsx (default: data/factsheet.xlsx)"))
    w.add_argument("-o", "--out", type=Path, default=Path("build"), help=tr("output folder (default: build/)"))
    w.add_argument("-j", "--jobs", type=jobs_arg, default=None, help=tr("1: render in this process"))
    m = sub.add_parser("batch", help=tr("build many workbooks over warm worker processes"), parents=[outputs])
    m.add_argument("workbooks", nargs="+", type=Path, help=tr(".xlsx files, or folders of them"))
    m.add_argument("-o", "--out", type=Path, default=Path("build"), help=tr("output root: one folder per workbook"))
    m.add_argument("-j", "--jobs", type=jobs_arg, default=None, help=tr("worker processes (default: one per CPU)"))
    m.add_argument("--broker", metavar="URL", help=tr("send the jobs to the reportgen workers behind this Redis "
                      "broker (redis://HOST:PORT/0) instead of building here; OUT must be shared storage"))
    m.add_argument("--summary", type=Path, metavar="FILE",
                   help=tr("with --broker: every result as .json or .csv (default: OUT/batch-summary.json)"))
    i = sub.add_parser("init", help=tr("write a template workbook with instructions"), parents=[common])
    i.add_argument("path", type=Path, help=tr("the new workbook (.xlsx is added when missing)"))
    i.add_argument("--force", action="store_true", help=tr("overwrite an existing file"))
    _mail_parser(sub, common)
    k = sub.add_parser("worker", help=tr("serve batch jobs from a Redis broker (needs reportgen[cluster])"),
                       parents=[common])
    k.add_argument("--broker", required=True, metavar="URL", help=tr("redis://HOST:PORT/0"))
    k.add_argument("-c", "--concurrency", type=jobs_arg, default=None,
                   help=tr("jobs at a time, one process each (default: one per CPU)"))
    k.add_argument("-n", "--name", help=tr("worker name (default: celery@HOSTNAME); unique per machine"))
    return p


def _mail_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    e = sub.add_parser("mail", help=tr("email the outputs with the workbook's mail sheet (dry run unless --send)"),
                       parents=[common])
    e.add_argument("workbook", nargs="?", type=Path, help=tr("the .xlsx (default: data/factsheet.xlsx)"))
    e.add_argument("-o", "--out", type=Path, default=Path("build"), help=tr("output folder (default: build/)"))
    for flag in ("to", "cc", "bcc"):
        e.add_argument(f"--{flag}", action="append", metavar="ADDRESSES",
                       help=tr("{field} addresses, comma-separated, instead of the workbook's").format(field=flag))
    e.add_argument("--attach", metavar="FORMATS",
                   help=tr("comma-separated subset of pdf,docx,xlsx (default: the workbook's, else xlsx)"))
    mode = e.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", type=Path, metavar="DIR",
                      help=tr("write the messages as .eml files into DIR (default: OUT/mail) and send nothing"))
    mode.add_argument("--send", action="store_true", help=tr("send the messages"))


def _common_options(p: argparse.ArgumentParser, default: object) -> None:
    p.add_argument("--debug", action="store_true", default=default, help=tr("show tracebacks"))
    p.add_argument("-q", "--quiet", action="store_true", default=default,
                   help=tr("print only warnings and errors"))
    p.add_argument("-v", "--verbose", action="store_true", default=default,
                   help=tr("say more: tracebacks of internal errors, every output's size"))
    p.add_argument("--color", choices=("auto", "always", "never"), default=default,
                   help=tr("colour errors and warnings (auto: on a terminal, unless NO_COLOR is set)"))
    p.add_argument("--lang", choices=i18n.LANGUAGES, default=default,
                   help=tr("language of the messages (default: from the locale, e.g. LANG=ja_JP.UTF-8)"))


class Console:
    """Where the CLI's lines go: progress to stdout (none with --quiet), warnings and
    errors to stderr, coloured on a terminal as --color and NO_COLOR say."""

    def __init__(self, args: argparse.Namespace):
        self.quiet = bool(args.quiet)
        self._bar_shown = False  # a progress bar is drawn on the terminal's last line
        self.colors = {tr("error"): "31", tr("internal error"): "31", tr("warning"): "33"}
        choice = args.color or "auto"
        self.color = choice == "always" or (choice == "auto" and sys.stderr.isatty()
                                            and not os.environ.get("NO_COLOR"))

    def progress(self, line: str) -> None:
        if not self.quiet:
            print(line, flush=True)

    BAR_WIDTH = 30

    def bar(self, done: int, total: int) -> None:
        """A progress bar on the terminal's last line, redrawn in place (a terminal only:
        a pipe or a log file gets the per-workbook lines alone)."""
        if self.quiet or not total or not sys.stdout.isatty():
            return
        filled = round(self.BAR_WIDTH * done / total)
        print(f"\r[{'#' * filled}{'.' * (self.BAR_WIDTH - filled)}] {done}/{total}", end="", flush=True)
        self._bar_shown = True

    def clear_bar(self) -> None:
        """Wipe the bar so that a line printed next starts at the left edge."""
        if self._bar_shown:
            print("\r\033[K", end="", flush=True)
            self._bar_shown = False

    def problem(self, line: str) -> None:
        """A line starting `error:`, `warning:` or `internal error:`."""
        label, sep, rest = line.partition(":")
        code = self.colors.get(label) if self.color and sep else None
        print(f"\033[{code}m{label}:\033[0m{rest}" if code else line, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    from reportgen.processes import Stopped, die_of, stop_on_signals

    i18n.use(chosen_language(sys.argv[1:] if argv is None else argv))
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) or a wrong command line (64), as a return value
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    console = Console(args)
    try:
        with stop_on_signals():  # SIGTERM and the like clean up as Ctrl-C does
            return _dispatch(args, console)
    except Stopped as exc:  # temporaries and workers are gone: end as the signal would have
        die_of(exc.signum)
        return 128 + exc.signum
    except ReportError as exc:
        if getattr(args, "format", "text") == "json":
            print(json.dumps(_json(exc.diagnostics, "error"), ensure_ascii=False, indent=1))
            return EXIT_WORKBOOK
        for d in exc.diagnostics:
            console.problem(tr("error") + f": {d}")
        console.problem(i18n.ntr("{n} problem found; nothing was written.",
                                 "{n} problems found; nothing was written.", len(exc.diagnostics))
                        .format(n=len(exc.diagnostics)))
        return EXIT_WORKBOOK
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug of ours, not the user's: say so plainly
        if args.debug or args.verbose:
            traceback.print_exc()
            print(getattr(exc, "details", ""), file=sys.stderr, end="")
        else:
            # a renderer process's failure already reads "TypeName: message"
            what = str(exc) if hasattr(exc, "details") else f"{type(exc).__name__}: {exc}"
            console.problem(tr("internal error") + ": " +
                            tr("{what} (run with --debug for the traceback)").format(what=what))
        return EXIT_INTERNAL


def _dispatch(args: argparse.Namespace, console: Console) -> int:
    if args.command == "init":
        return _init(args, console)
    if args.command == "mail":
        from reportgen.mail.command import mail

        return mail(args, console)
    if args.command == "worker" or getattr(args, "broker", None):
        return _cluster(args, console)
    if getattr(args, "summary", None):
        raise ReportError(Diagnostic("--summary", tr("goes with --broker (a local batch prints each result)")))
    from reportgen.pipeline import Build, read, run

    if args.command == "validate":
        return _validate(args, console)
    if args.command == "batch":
        return _batch(args, console)
    build = Build(args.workbook or default_workbook(), args.out, args.only, args.bleed, args.jobs,
                  log=console.progress, warn=console.problem, embed_fonts=args.embed_fonts)
    if args.command == "watch":
        from reportgen.watch import watch

        console.progress(tr("watching {workbook} (Ctrl-C stops)").format(workbook=build.workbook))
        try:
            watch(build)
        except KeyboardInterrupt:
            console.progress(tr("stopped"))
        return 0
    run(build)
    console.progress(f"{tr_done():<8} {build.elapsed:6.2f} s  " + ", ".join(str(p) for p in build.outputs))
    if args.verbose:
        for path in build.outputs:
            console.progress(tr("{size:>12,} bytes  {path}").format(size=path.stat().st_size, path=path))
    if args.open and build.outputs:
        _open(next((p for p in build.outputs if p.suffix == ".pdf"), build.outputs[0]))
    if args.strict and build.warnings:
        console.problem(f"error: {len(build.warnings)} warning(s) with --strict (the outputs were written)")
        return EXIT_WARNINGS
    return 0


def _init(args: argparse.Namespace, console: Console) -> int:
    from reportgen.template import write_template

    path = args.path if args.path.suffix.lower() == ".xlsx" else args.path.with_name(args.path.name + ".xlsx")
    if path.is_dir():
        raise ReportError(Diagnostic(str(path), tr("is a folder: give the new workbook's file name "
                                                   "(e.g. report.xlsx)")))
    if path.exists() and not args.force:
        raise ReportError(Diagnostic(str(path), tr("already exists: choose another name, "
                                                   "or add --force to overwrite it")))
    write_template(path)
    console.progress(tr("wrote {path}").format(path=path))
    return 0


def _validate(args: argparse.Namespace, console: Console) -> int:
    from reportgen.pipeline import Build, read

    build = Build(args.workbook, Path("."), log=lambda line: None,
                  warn=(lambda line: None) if args.format == "json" else console.problem)
    doc = read(build)
    if args.format == "json":
        print(json.dumps(_json(build.warnings, "warning"), ensure_ascii=False, indent=1))
    else:
        console.progress(tr("{workbook}: OK ({blocks} blocks, {tables} tables, {charts} charts)").format(
            workbook=args.workbook, blocks=len(doc.blocks), tables=len(doc.tables), charts=len(doc.charts)))
    return 0


def _json(diagnostics: list[Diagnostic], severity: str) -> dict:
    """Diagnostics as data for other programs: `validate --format json`."""
    def one(d: Diagnostic) -> dict:
        where = d.where if isinstance(d.where, CellRef) else CellRef(str(d.where))
        return {"sheet": where.sheet, "cell": where.cell or None, "code": getattr(d, "code", None) or None,
                "message": d.message, "severity": severity}

    return {"ok": severity != "error", "diagnostics": [one(d) for d in diagnostics]}


def _open(path: Path) -> None:
    """Open `path` in the system's viewer (Windows, macOS, or xdg-open elsewhere)."""
    import subprocess

    if sys.platform == "win32":
        os.startfile(path)  # type: ignore[attr-defined]  # noqa: S606
    else:
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        try:
            subprocess.Popen([opener, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError:
            print(tr("cannot open {path}: no {opener} on this system").format(path=path, opener=opener),
                  file=sys.stderr)


def _cluster(args: argparse.Namespace, console: Console) -> int:
    from reportgen.cluster import command

    return command.worker(args, console) if args.command == "worker" else command.batch(args, console)


def _batch(args: argparse.Namespace, console: Console) -> int:
    import time

    from reportgen.batch import BatchResult, build_many, expand

    start = time.perf_counter()
    workbooks = expand(args.workbooks)
    labels = {"ok": tr("ok"), "problems": tr("FAILED"), "internal error": tr("CRASHED")}
    finished = 0

    def done(r: BatchResult) -> None:
        """One line per workbook as it finishes (its problems after it), then the bar."""
        nonlocal finished
        finished += 1
        console.clear_bar()
        console.progress(f"{labels[r.status]:<8} {r.seconds:6.2f} s  {r.workbook} -> {r.out_dir}")
        if r.status == "problems":
            for problem in r.problems:
                console.problem(tr("error") + f": {r.workbook.name}: {problem}")
        elif r.status == "internal error":
            console.problem(tr("internal error") + f": {r.workbook.name}: {r.problems[0]}")
            if (args.debug or args.verbose) and len(r.problems) > 1:
                print(r.problems[1], file=sys.stderr, end="")
        console.bar(finished, len(workbooks))

    console.bar(0, len(workbooks))
    try:
        results = build_many(workbooks, args.out, args.only, args.jobs, args.bleed, done=done)
    finally:
        console.clear_bar()
    took = time.perf_counter() - start
    failed = [r for r in results if not r.ok]
    console.progress(f"{tr_done():<8} {took:6.2f} s  " + tr(
        "{n} workbooks, {rate:.2f} per second; {ok} ok, {failed} failed").format(
        n=len(results), rate=len(results) / took, ok=len(results) - len(failed), failed=len(failed)))
    for r in failed:
        console.progress(f"  {labels[r.status]}: {r.workbook}")
    if any(r.status == "internal error" for r in results):
        return EXIT_INTERNAL
    return EXIT_WORKBOOK if failed else 0
