"""Line-break opportunities (JLREQ 3.1, JIS X 4051 kinsoku shori).

In: text (or the classes of two neighbouring characters). Out: whether a line may break
between them. A break may fall next to any Japanese character, never inside a run of
Western characters (a word, `6,300`, `4.39`), never before a character that may not start a
line, after one that may not end a line, between a currency sign and its number, a number
and its `%`/`℃`, or inside doubled dashes and leaders. A space is a break opportunity.
"""

from __future__ import annotations

from reportgen.ja.classes import (
    COUNT, INSEPARABLE, NOT_END, WIDE, classes, not_start,
)


def _pair_breakable(a: int, b: int, strict: bool) -> bool:
    if a in NOT_END or b in not_start(strict):
        return False
    if a == b and a in INSEPARABLE:
        return False
    return a in WIDE or b in WIDE


def _table(strict: bool) -> tuple[bool, ...]:
    return tuple(_pair_breakable(a, b, strict) for a in range(COUNT) for b in range(COUNT))


# Flat pair tables indexed by a * COUNT + b, read in the composer's inner loop.
PAIR_STRICT = _table(True)
PAIR_LOOSE = _table(False)


def pair_table(strict: bool = True) -> tuple[bool, ...]:
    return PAIR_STRICT if strict else PAIR_LOOSE


def space_breakable(a: int, b: int, strict: bool = True) -> bool:
    """A break at a typed space between classes `a` and `b` (the space is dropped)."""
    return a not in NOT_END and b not in not_start(strict)


def break_opportunities(text: str, strict: bool = True) -> list[int]:
    """Indices i (0 < i < len(text)) where a line may begin with text[i].

    Spaces stay on the previous line (a break falls after a run of spaces, never before it).
    """
    cls = classes(text)
    table = pair_table(strict)
    out: list[int] = []
    last = -1  # index of the last non-space character before i
    for i, ch in enumerate(text):
        if ch == " ":
            continue
        if last >= 0 and (
            space_breakable(cls[last], cls[i], strict) if last != i - 1
            else table[cls[last] * COUNT + cls[i]]
        ):
            out.append(i)
        last = i
    return out
