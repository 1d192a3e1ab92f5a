"""The outline tree of the headings (PDF bookmarks, the DOCX navigation pane).

In: the blocks. Out: the depth of each heading in the tree, by block index. The rank of a
heading (part 0 > chapter 1 > section 2 > unit 3) decides its parent, whatever the order
of the rows: a heading is the child of the nearest heading above it of a higher rank, so a
document without parts starts at its chapters, a section before any chapter is a top
entry, and a unit directly under a chapter is that chapter's child.
"""

from __future__ import annotations

from typing import Sequence

from reportgen.model.blocks import Block, Heading


def outline_depths(blocks: Sequence[Block]) -> dict[int, int]:
    """Block index → depth (0 = top) of every heading."""
    depths: dict[int, int] = {}
    open_levels: list[int] = []  # ranks of the headings the next one may nest under
    for i, block in enumerate(blocks):
        if isinstance(block, Heading):
            while open_levels and open_levels[-1] >= block.level:
                open_levels.pop()
            depths[i] = len(open_levels)
            open_levels.append(block.level)
    return depths
