"""Cell references ride on PDF flowables as one typed `Located`, and the wrappers built
later (a page-whole box, headings kept with what follows) keep them (issue 22)."""

from __future__ import annotations

from reportlab.platypus import Spacer

from reportgen.diagnostics import CellRef
from reportgen.render.pdf.flow import KeepWithNext, Whole
from reportgen.render.pdf.located import NOWHERE, Located, locate, located

TABLE = CellRef("content", "B7")
HEADING = CellRef("content", "B6")


def test_an_unmarked_flowable_is_nowhere():
    assert located(Spacer(1, 1)) is NOWHERE and located(None) is NOWHERE


def test_a_box_kept_whole_keeps_the_cell_of_what_it_holds():
    inner = locate(Spacer(10, 10), Located(TABLE, "table"))
    assert located(Whole(inner, 800)) == Located(TABLE, "table")


def test_headings_kept_with_a_block_are_named_by_the_blocks_cell():
    head = locate(Spacer(10, 10), Located(HEADING, "heading"))
    body = locate(Spacer(10, 10), Located(TABLE, "table"))
    kept = located(KeepWithNext([head], body))
    assert kept.cell == TABLE and "table" in kept.what and "heading" in kept.what
    assert located(KeepWithNext([body], locate(Spacer(1, 1), Located(TABLE, "table")))) == Located(TABLE, "table")
