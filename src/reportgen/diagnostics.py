"""Located problems: every message a user sees names the sheet and the cell.

Stages collect `Diagnostic`s instead of raising on the first problem, so that
`reportgen validate` can report everything that is wrong in one run.
"""

from __future__ import annotations

import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator


@dataclass(frozen=True, order=True)
class CellRef:
    """Where something came from: a sheet and a cell in A1 notation ("" for the whole sheet)."""

    sheet: str
    cell: str = ""

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet


@dataclass(frozen=True)
class Diagnostic:
    """One problem: where, what was found, what was expected."""

    where: CellRef | str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class ReportWarning(UserWarning):
    """A located problem that does not stop the build (e.g. an image too coarse for print);
    renderers raise it with `warnings.warn`, the pipeline prints it."""

    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic
        super().__init__(str(diagnostic))


@contextmanager
def collected_warnings() -> Iterator[list[Diagnostic]]:
    """The `ReportWarning`s raised inside the block, as diagnostics in the list it yields
    (filled when the block ends); every other warning goes on to Python's usual handling."""
    found: list[Diagnostic] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReportWarning)
        yield found
    for w in caught:
        if isinstance(w.message, ReportWarning):
            found.append(w.message.diagnostic)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)


class ReportError(Exception):
    """A user-facing failure carrying one or more located diagnostics (exit code 2)."""

    def __init__(self, diagnostics: list[Diagnostic] | Diagnostic):
        if isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    def __reduce__(self) -> tuple:
        # Rebuilt from its diagnostics when it crosses from a renderer process.
        return ReportError, (self.diagnostics,)


@dataclass
class Collector:
    """Accumulates diagnostics during a stage; `raise_if_any` ends the stage."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, where: CellRef | str, message: str) -> None:
        self.diagnostics.append(Diagnostic(where, message))

    def raise_if_any(self) -> None:
        if self.diagnostics:
            raise ReportError(self.diagnostics)
