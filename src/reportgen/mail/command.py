"""`reportgen mail`: command-line arguments → prepare → dry run (the default) or send.
Returns the exit code; located problems go through the CLI's usual `ReportError` path."""

from __future__ import annotations

import argparse
import sys

from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.mail.outgoing import Overrides, prepare, send_all, summary, warnings, write_eml
from reportgen.model.mail import ATTACHABLE
from reportgen.workbook.mail import MailProblem, addresses


def mail(args: argparse.Namespace) -> int:
    from reportgen.cli import default_workbook

    workbook = args.workbook or default_workbook()
    outgoing = prepare(workbook, args.out, _overrides(args), log=lambda line: print(line, flush=True))
    for n, out in enumerate(outgoing, start=1):
        print("\n".join(summary(n, out)))
        for line in warnings(n, out):
            print(line, file=sys.stderr)
    if not args.send:
        folder = args.dry_run or args.out / "mail"
        paths = write_eml(outgoing, folder)
        print(f"dry run: {len(paths)} message(s) written to {folder}, nothing sent (--send sends them)")
        return 0
    from reportgen.mail.config import load_server

    server = load_server()
    failures = send_all(outgoing, server, args.out)
    for d in failures:
        print(f"error: {d}", file=sys.stderr)
    print(f"sent {len(outgoing) - len(failures)} of {len(outgoing)} message(s) through {server}; "
          f"log: {args.out / 'mail-log.jsonl'}")
    return 2 if failures else 0


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
            raise ReportError(Diagnostic("--attach", f"found {args.attach!r}, expected a subset of {','.join(ATTACHABLE)}"))
    return Overrides(listed("to") or (), listed("cc"), listed("bcc"), attach)
