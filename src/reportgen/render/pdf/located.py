"""Where a flowable's content came from, typed (issue 22).

reportlab flowables carry no source location. The story gives each block's flowable a
`Located` (its cell, how the layout report names it, whether it is a half-width figure),
held in one attribute and read back through `located`, never as loose attributes; the
wrappers built around flowables later (`flow.Whole`, `flow.KeepWithNext`, a pair of half
figures) take theirs from what they wrap, so a regrouped block is still named by its cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from reportgen.diagnostics import CellRef

F = TypeVar("F")


@dataclass(frozen=True)
class Located:
    cell: CellRef | None = None
    what: str | None = None  # as the layout report names it; None: the reader's default
    half: bool = False  # a half-width figure, to pair with the next one


NOWHERE = Located()


def locate(flowable: F, where: Located) -> F:
    """`flowable`, marked as coming from `where`."""
    flowable.located = where  # type: ignore[attr-defined]
    return flowable


def located(flowable: object) -> Located:
    """Where `flowable` came from; NOWHERE for one the story never marked (a piece
    reportlab split off, a spacer)."""
    return getattr(flowable, "located", NOWHERE)
