"""One cluster job: a workbook (a path on shared storage, or its bytes) → the outputs in a
folder named by content, and the result as plain data (JSON-ready for the broker).

Idempotent: the folder is `<out_root>/<stem>-<key>`, where the key is a digest of the
workbook's bytes and the build options, and every output is written aside and moved into
place (pipeline's staging). A job that runs twice (a retried task, a duplicate after a
worker died) writes the same bytes to the same names. A bad workbook is a normal result
(its located problems); only a bug of ours raises, so that Celery records the traceback.
No Celery here: the task in reportgen.tasks only calls `build_job`.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import tempfile
import time
from pathlib import Path
from typing import Any

from reportgen.diagnostics import CellRef, Diagnostic, ReportError
from reportgen.pipeline import FORMATS, Build, run

KEY_LENGTH = 12


def job_key(data: bytes, formats: tuple[str, ...], bleed_mm: float) -> str:
    """The content key of a job: same workbook bytes and options, same key, same folder."""
    h = hashlib.sha256(data)
    h.update(json.dumps([list(formats), bleed_mm]).encode())
    return h.hexdigest()[:KEY_LENGTH]


def build_job(out_root: str, formats: list[str], bleed_mm: float = 0.0, workbook: str | None = None,
              content: bytes | None = None, name: str = "workbook.xlsx", worker: str = "") -> dict[str, Any]:
    """Build one workbook given by path or by `content` (then called `name`; images beside
    a workbook need the path form). Returns `result(...)`'s dict; `worker` names who built it."""
    start = time.perf_counter()
    _check_options(formats, bleed_mm)
    source = Path(workbook) if workbook else None
    if content is None:
        content = source.read_bytes() if source and source.is_file() else b""
    name = source.name if source else Path(name).name
    key = job_key(content, tuple(formats), bleed_mm)
    out_dir = Path(out_root) / f"{Path(name).stem}-{key}"
    job = Build(source or Path(name), out_dir, tuple(formats), bleed_mm, jobs=1,
                cache_dir=Path(out_root) / ".cache", log=_quiet, warn=_quiet)
    try:
        if source is None:
            with tempfile.TemporaryDirectory(prefix="reportgen-job-") as tmp:
                job.workbook = Path(tmp) / name
                job.workbook.write_bytes(content)
                run(job)
        else:
            run(job)
    except ReportError as exc:
        problems = exc.diagnostics
    else:
        problems = []
    return result(name if source is None else str(source), key, out_dir, job, problems,
                  time.perf_counter() - start, worker or f"{socket.gethostname()}:{os.getpid()}")


def _check_options(formats: list[str], bleed_mm: float) -> None:
    """A job's options come from a program, not a person: wrong ones are its bug (a task
    failure with the traceback), not a problem of the workbook."""
    if not formats or not set(formats) <= set(FORMATS):
        raise ValueError(f"formats must be a non-empty subset of {FORMATS}, got {formats!r}")
    if isinstance(bleed_mm, bool) or not isinstance(bleed_mm, (int, float)) or not 0 <= bleed_mm <= 10:
        raise ValueError(f"bleed_mm must be a number of millimetres from 0 to 10, got {bleed_mm!r}")


def result(workbook: str, key: str, out_dir: Path, job: Build, problems: list[Diagnostic],
           seconds: float, worker: str) -> dict[str, Any]:
    """The job's outcome as data: outputs with their hashes, warnings and problems located."""
    return {
        "workbook": workbook,
        "key": key,
        "ok": not problems,
        "out_dir": str(out_dir),
        "outputs": [] if problems else [_output(p) for p in job.outputs],
        "warnings": [diagnostic_data(d) for d in job.warnings],
        "problems": [diagnostic_data(d) for d in problems],
        "seconds": round(seconds, 3),
        "worker": worker,
    }


def diagnostic_data(d: Diagnostic) -> dict[str, str]:
    where = d.where if isinstance(d.where, CellRef) else CellRef(str(d.where))
    return {"sheet": where.sheet, "cell": where.cell, "message": d.message, "text": str(d)}


def _output(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    return {"path": str(path), "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def _quiet(line: str) -> None:
    pass
