"""Renderers in their own warm processes: one per output, started before the workbook is read.

Why: the PDF, DOCX and XLSX renderers read only the model, never each other, so on a
machine with two or more CPUs they can run side by side. Each worker is forked when a
build starts and spends the time the parent takes to read the workbook importing its
renderer and parsing the fonts (most of a cold start); it then receives the model,
writes its output to the staged path it is given, and answers with the time taken and
any located warnings. The parent still owns the staging: nothing moves into place until
every worker has answered.

Workers outlive a build when the caller keeps them (`Workers` as a context manager around
several `pipeline.run` calls), so a rebuild in the same process finds them warm.
Forking is used only where `processes.can_fork` says it is safe (Linux, 2+ CPUs, no daemon such as
a `reportgen batch` worker, no other thread); elsewhere `pipeline.run` renders in its own
process.
"""

from __future__ import annotations

import copyreg
import io
import multiprocessing
import os
import pickle
import signal
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from reportgen.diagnostics import Diagnostic, ReportError, collected_warnings
from reportgen.model import Document
from reportgen.output import unwritable
from reportgen.processes import lifeline, start_method, watch_parent, worker_context


class RendererCrash(RuntimeError):
    """A renderer process failed on a bug of ours: its last line as the message, the whole
    traceback in `details` (printed by `--debug`)."""

    def __init__(self, details: str):
        self.details = details
        lines = [line for line in details.strip().splitlines() if line.strip()]
        super().__init__(lines[-1] if lines else "renderer failed")


@dataclass(frozen=True)
class Job:
    """What a renderer needs besides the model: where to write, and the options."""

    path: Path
    bleed_mm: float = 0.0
    embed_fonts: bool = False


@dataclass(frozen=True)
class Outcome:
    """A renderer's answer: seconds taken and the warnings it raised, or what went wrong."""

    seconds: float
    warnings: tuple[Diagnostic, ...] = ()
    error: ReportError | None = None
    crash: str = ""  # the traceback of a bug of ours, shown as an internal error


def render(fmt: str, doc: Document, charts: Mapping[str, object], job: Job) -> Outcome:
    """Render one output in this process; warnings and located errors are returned."""
    start = time.perf_counter()
    with collected_warnings() as found:
        try:
            _renderer(fmt)(doc, charts, job)
        except ReportError as exc:
            return Outcome(time.perf_counter() - start, error=exc)
        except OSError as exc:
            refused = unwritable(exc, job.path.parent)
            if refused is None:
                raise
            return Outcome(time.perf_counter() - start, error=refused)
    return Outcome(time.perf_counter() - start, tuple(found))


def _renderer(fmt: str):
    """The renderer of `fmt`, imported on first use (`validate` never loads reportlab)."""
    if fmt == "pdf":
        from reportgen.render.pdf import write_pdf

        return lambda doc, charts, job: write_pdf(doc, charts, job.path, bleed_mm=job.bleed_mm)
    if fmt == "docx":
        from reportgen.render.docx import write_docx

        return lambda doc, charts, job: write_docx(doc, charts, job.path, embed_fonts=job.embed_fonts)
    from reportgen.render.xlsx import write_xlsx

    return lambda doc, charts, job: write_xlsx(doc, job.path)


def warm(formats: tuple[str, ...]) -> None:
    """Import what rendering `formats` needs and parse the default fonts, once per process
    (the fallback font is parsed only if a document needs it)."""
    from reportgen.fonts import codepoints
    from reportgen.model import Theme

    theme = Theme()
    for fmt in formats:
        _renderer(fmt)
    if "pdf" in formats:
        from reportgen.render.pdf.fonts import register_fonts

        register_fonts(theme)
    if {"docx", "xlsx"} & set(formats):  # they pick a font per character from the cmap
        codepoints(theme.font_regular)


class Workers:
    """One warm renderer process per format; `submit` the model, then `collect` the outcomes."""

    def __init__(self, formats: tuple[str, ...]):
        context = worker_context() or multiprocessing.get_context(start_method())
        self.formats = formats
        self._conns: dict[str, Connection] = {}
        self._procs: list[multiprocessing.process.BaseProcess] = []
        for fmt in formats:
            parent, child = context.Pipe()
            proc = context.Process(target=_serve, args=(child, fmt, lifeline(), os.getpid()), name=f"reportgen-{fmt}",
                                   daemon=True)
            proc.start()
            child.close()
            self._conns[fmt] = parent
            self._procs.append(proc)

    def submit(self, doc: Document, charts: Mapping[str, object], jobs: Mapping[str, Job]) -> None:
        """Send the model once pickled (it can hold 10,000-row tables) to each worker named in `jobs`."""
        model = _dumps((doc, dict(charts)))
        for fmt, job in jobs.items():
            try:
                self._conns[fmt].send((model, job))
            except OSError:  # the worker is gone: `collect` says so
                pass

    def collect(self, fmt: str) -> Outcome:
        """Wait for `fmt`'s answer; a worker that died is a bug of ours, reported as such.
        Interrupted (Ctrl-C), the workers are stopped at once: the caller then removes the
        staged files, and no worker may write one again after that."""
        try:
            return self._conns[fmt].recv()
        except (EOFError, OSError):
            return Outcome(0.0, crash=f"the {fmt} renderer process ended unexpectedly")
        except BaseException:
            self.kill()
            raise

    def kill(self) -> None:
        for proc in self._procs:
            proc.kill()
        for proc in self._procs:
            proc.join()

    def close(self) -> None:
        for conn in self._conns.values():
            try:
                conn.send(None)
            except OSError:
                pass
            conn.close()
        for proc in self._procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _dumps(obj: object) -> bytes:
    """Pickle the model: its read-only mappings (MappingProxyType) travel as plain dicts
    and come back read-only; a local dispatch table, not a global copyreg registration."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, MappingProxyType: _reduce_proxy}
    pickler.dump(obj)
    return buffer.getvalue()


def _reduce_proxy(proxy: MappingProxyType) -> tuple:
    return _proxy, (dict(proxy),)


def _proxy(mapping: dict) -> MappingProxyType:
    return MappingProxyType(mapping)


def _serve(conn: Connection, fmt: str, line: Connection, parent: int) -> None:
    """A worker's life: warm up, then render each model it is sent until told to stop.
    Ctrl-C is the parent's to handle: it stops the workers by closing their pipes; the
    worker exits by itself when the parent ends without doing so (`watch_parent`)."""
    watch_parent(line, parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        warm((fmt,))
    except Exception:  # noqa: BLE001 - the first job reports it with its traceback
        pass
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        model, job = message
        doc, charts = pickle.loads(model)
        try:
            outcome = render(fmt, doc, charts, job)
        except Exception:  # noqa: BLE001 - a bug of ours: the parent shows it
            outcome = Outcome(0.0, crash=traceback.format_exc())
        conn.send(outcome)
