"""The `mail` command's driver: workbook → built outputs → one composed message per
recipient list → `.eml` files and a summary (the dry run), or the server and the send log.

The outputs are built unless every attached file is already newer than the workbook (a
build of the same workbook is the same bytes, so reusing it changes nothing).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from email.message import EmailMessage
from pathlib import Path
from typing import Callable, Sequence

from reportgen.diagnostics import Diagnostic, ReportError
from reportgen.i18n import tr
from reportgen.mail.compose import compose
from reportgen.mail.config import Server
from reportgen.mail.send import MailError, log_line, send
from reportgen.model import Mail, Recipients
from reportgen.output import staged
from reportgen.pipeline import Build, read, run

SIZE_LIMIT = 10 * 1024 * 1024  # many servers refuse more; some refuse less


@dataclass(frozen=True)
class Outgoing:
    """One message, ready: what it is, to whom, with which files, from which cell."""

    message: EmailMessage
    mail: Mail
    recipients: Recipients
    files: tuple[Path, ...]

    @property
    def envelope(self) -> tuple[str, ...]:
        return self.mail.envelope(self.recipients)

    @property
    def size(self) -> int:
        return len(self.message.as_bytes())


@dataclass(frozen=True)
class Overrides:
    """What the command line says instead of the workbook (None: the workbook's)."""

    to: tuple[str, ...] = ()
    cc: tuple[str, ...] | None = None
    bcc: tuple[str, ...] | None = None
    attach: tuple[str, ...] | None = None


def prepare(workbook: Path, out_dir: Path, overrides: Overrides = Overrides(), when: dt.datetime | None = None,
            log: Callable[[str], None] = print, warn: Callable[[str], None] = print) -> list[Outgoing]:
    """Every message the workbook's mail sheet asks for, composed with the built outputs."""
    probe = Build(workbook, out_dir, log=_quiet, warn=_quiet)
    doc = read(probe)
    if doc.mail is None:
        raise ReportError(Diagnostic(str(workbook), tr("no 'mail' sheet: add one to say who gets the outputs and with which message (the `mail` table of the contract sheet in a template from `reportgen init`)")))
    mail = overridden(doc.mail, overrides)
    files = tuple(out_dir / doc.meta.file_name(fmt) for fmt in mail.attach)
    if up_to_date(files, workbook):
        log(f"reusing {', '.join(str(f) for f in files)} (newer than {workbook})")
        for diagnostic in probe.warnings:
            warn(tr("warning") + f": {diagnostic}")
    else:
        run(Build(workbook, out_dir, mail.attach, log=log, warn=warn))
    when = when or dt.datetime.now().astimezone().replace(microsecond=0)
    pairs = list(zip(mail.attach, files))
    return [Outgoing(compose(mail, r, pairs, when), mail, r, files) for r in mail.lists]


def up_to_date(files: Sequence[Path], workbook: Path) -> bool:
    """Every file there and newer than the workbook: a build would write the same bytes."""
    changed = workbook.stat().st_mtime
    return all(f.is_file() and f.stat().st_mtime >= changed for f in files)


def _quiet(line: str) -> None:
    pass


def overridden(mail: Mail, overrides: Overrides) -> Mail:
    """The workbook's mail with the command line's recipients and attachments."""
    mail = replace(
        mail, lists=(Recipients(overrides.to, "--to"),) if overrides.to else mail.lists,
        cc=mail.cc if overrides.cc is None else overrides.cc, bcc=mail.bcc if overrides.bcc is None else overrides.bcc,
        attach=overrides.attach or mail.attach)
    if not mail.lists:
        raise ReportError(Diagnostic(mail.ref, tr("no recipients: add a 'to' row to the mail sheet or give --to")))
    return mail


def write_eml(outgoing: Sequence[Outgoing], folder: Path) -> list[Path]:
    """The dry run: each message as `message-N.eml`, written together."""
    with staged(folder) as stage:
        paths = [folder / f"message-{n}.eml" for n in range(1, len(outgoing) + 1)]
        for out, final in zip(outgoing, paths):
            stage.file(final).write_bytes(out.message.as_bytes())
    return paths


def summary(n: int, out: Outgoing) -> list[str]:
    """What a person checks before sending: recipients, subject, attachments, sizes."""
    mail, msg = out.mail, out.message
    lines = [f"message {n} ({out.recipients.ref})", f"  from     {msg['From']}", f"  to       {', '.join(out.recipients.to)}"]
    lines += [f"  {key:<8} {', '.join(v)}" for key, v in (("cc", mail.cc), ("bcc", mail.bcc)) if v]
    lines += [f"  subject  {msg['Subject']}"]
    lines += [f"  attach   {f.name} ({_size(f.stat().st_size)})" for f in out.files]
    lines += [f"  size     {_size(out.size)}"]
    return lines


def warnings(n: int, out: Outgoing) -> list[str]:
    if out.size > SIZE_LIMIT:
        return [f"warning: {out.recipients.ref}: message {n} is {_size(out.size)}, over "
                f"{_size(SIZE_LIMIT)}: many servers refuse it (attach fewer outputs)"]
    return []


def send_all(outgoing: Sequence[Outgoing], server: Server, log_folder: Path,
             log: Callable[[str], None] = print) -> list[Diagnostic]:
    """Send each message; each result goes to the send log. The failures, located."""
    failures = []
    for n, out in enumerate(outgoing, start=1):
        envelope = out.envelope
        try:
            send(out.message, envelope, server)
        except MailError as exc:
            log_line(log_folder, out.message, envelope, out.files, "failed", str(exc))
            failures.append(Diagnostic(out.recipients.ref, tr("message {n}: {exc}").format(n=n, exc=exc)))
            continue
        log_line(log_folder, out.message, envelope, out.files, "sent")
        log(f"sent     message {n} to {len(envelope)} recipient(s), {out.message['Message-ID']}")
    return failures


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} KB"
