"""`reportgen mail`: command-line arguments → prepare → dry run (the default) or send.
Returns the exit code; located problems go through the CLI's usual `ReportError` path,
lines through its `Console`."""

from __future__ import annotations

import argparse

from reportgen.cli import EXIT_WORKBOOK, Console, default_workbook
from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.i18n import tr
from reportgen.mail.outgoing import Overrides, prepare, send_all, summary, warnings, write_eml
from reportgen.model.mail import ATTACHABLE
from reportgen.workbook.mail import MailProblem, addresses


def mail(args: argparse.Namespace, console: Console) -> int:
    workbook = args.workbook or default_workbook()
    outgoing = prepare(workbook, args.out, _overrides(args), log=console.progress, warn=console.problem)
    for n, out in enumerate(outgoing, start=1):
        for line in summary(n, out):  # printed even with --quiet: a person checks it before sending
            print(line, flush=True)
        for line in warnings(n, out):
            console.problem(line)
    if not args.send:
        folder = args.dry_run or args.out / "mail"
        paths = write_eml(outgoing, folder)
        console.progress(f"dry run: {len(paths)} message(s) written to {folder}, nothing sent (--send sends them)")
        return 0
    from reportgen.mail.config import load_server

    server = load_server()
    failures = send_all(outgoing, server, args.out, log=console.progress)
    for d in failures:
        console.problem(f"error: {d}")
    console.progress(f"sent {len(outgoing) - len(failures)} of {len(outgoing)} message(s) through {server}; "
                     f"log: {args.out / 'mail-log.jsonl'}")
    return EXIT_WORKBOOK if failures else 0


def _overrides(args: argparse.Namespace) -> Overrides:
    def listed(flag: str) -> tuple[str, ...] | None:
        given = getattr(args, flag)
        if given is None:
            return None
        try:
            return tuple(a for text in given for a in addresses(text))
        except MailProblem as exc:
            raise ReportError(Diagnostic(f"--{flag}", str(exc))) from None

    attach = None
    if args.attach is not None:
        attach = tuple(dict.fromkeys(f.strip() for f in args.attach.split(",") if f.strip()))
        if not attach or any(f not in ATTACHABLE for f in attach):
            raise ReportError(Diagnostic("--attach", tr("found {attach!r}, expected a subset of {ATTACHABLE}").format(attach=args.attach, ATTACHABLE=','.join(ATTACHABLE))))
    return Overrides(listed("to") or (), listed("cc"), listed("bcc"), attach)
