"""Bookmarks follow the heading ranks (part > chapter > section > unit) whatever the order
of the rows, and the PDF outline and the DOCX navigation pane show the same tree."""

from __future__ import annotations

import pytest

from composekit import build, docx_outline, pdf_outline
from reportgen.diagnostics import CellRef
from reportgen.model import Heading, Paragraph, RichText, outline_depths


def _heads(*levels: int):
    return [Heading(lv, RichText.of(f"h{i}"), CellRef("content", f"B{i + 2}")) for i, lv in enumerate(levels)]


@pytest.mark.parametrize("levels, depths", [
    ((1, 2, 1, 1), [0, 1, 0, 0]),                 # no parts: chapters are top entries, siblings
    ((2, 2, 1, 2), [0, 0, 0, 1]),                 # a section before any chapter is a top entry
    ((0, 1, 3, 2, 3), [0, 1, 2, 2, 3]),           # a unit directly under a chapter
    ((0, 1, 2, 0, 2), [0, 1, 2, 0, 1]),           # a new part closes everything
    ((3, 3, 2), [0, 0, 0]),
])
def test_each_heading_nests_under_the_nearest_heading_of_higher_rank(levels, depths):
    assert list(outline_depths(_heads(*levels)).values()) == depths


def test_blocks_between_headings_do_not_count():
    blocks = [*_heads(1), Paragraph(RichText.of("x"), CellRef("content", "B9")), *_heads(2)]
    assert outline_depths(blocks) == {0: 0, 2: 1}


def test_pdf_outline_and_docx_navigation_pane_show_the_same_tree(tmp_path):
    rows = [("section", "節A"), ("paragraph", "本文。"), ("chapter", "章1"), ("unit", "単位1"),
            ("section", "節B"), ("unit", "単位2"), ("chapter", "章2"), ("chapter", "章3"),
            ("part", "部2"), ("section", "節C")]
    out, _ = build(tmp_path, rows, formats=("pdf", "docx"))
    expected = [("節A", 0), ("章1", 0), ("単位1", 1), ("節B", 1), ("単位2", 2), ("章2", 0), ("章3", 0),
                ("部2", 0), ("節C", 1)]
    assert pdf_outline(out["pdf"]) == expected
    assert docx_outline(out["docx"]) == expected
