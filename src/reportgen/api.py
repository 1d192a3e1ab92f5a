"""The Python API: what the command line does, as calls that return data.

`build` writes the outputs and answers with their paths and the located warnings;
`validate` reads the workbook and answers with its located problems. Both raise nothing
for a bad workbook: its diagnostics are in the result. The CLI is a thin layer over these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from reportgen.diagnostics import Diagnostic, ReportError

FORMATS = ("pdf", "docx", "xlsx")


@dataclass(frozen=True)
class Result:
    """What one build or validation of a workbook gave."""

    workbook: Path
    outputs: tuple[Path, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    problems: tuple[Diagnostic, ...] = ()  # the workbook's errors: nothing was written
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def build(workbook: str | Path, out_dir: str | Path = "build", formats: Iterable[str] = FORMATS, *,
          bleed_mm: float = 0.0, jobs: int | None = None, quiet: bool = True) -> Result:
    """Build `formats` of `workbook` into `out_dir` (`pdf`, `docx`, `xlsx`)."""
    from reportgen.pipeline import Build, run

    silent = (lambda line: None) if quiet else print
    job = Build(Path(workbook), Path(out_dir), tuple(formats), bleed_mm, jobs,
                log=silent, warn=silent)
    try:
        run(job)
    except ReportError as exc:
        return Result(job.workbook, (), tuple(job.warnings), tuple(exc.diagnostics), dict(job.timings))
    return Result(job.workbook, tuple(job.outputs), tuple(job.warnings), (), dict(job.timings))


def validate(workbook: str | Path) -> Result:
    """Read and check `workbook` without writing anything."""
    from reportgen.pipeline import Build, read

    job = Build(Path(workbook), Path("."), log=lambda line: None, warn=lambda line: None)
    try:
        read(job)
    except ReportError as exc:
        return Result(job.workbook, (), tuple(job.warnings), tuple(exc.diagnostics))
    return Result(job.workbook, (), tuple(job.warnings))
