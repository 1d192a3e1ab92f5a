"""Category labels that fit their slots, decided before matplotlib loads.

In: the category texts, the room per label (a slot's width on a horizontal axis, the
label column's width beside horizontal bars), the font size and its floor, the fonts.
Out: `Ticks`: the labels as printed (wrapped, shortened or thinned), their size and angle.

The strategies, in order: wrap at phrase boundaries (budoux, `measure.wrap`) to at most
`MAX_LINES` lines; the same at smaller sizes down to the floor; then the caller may
change the chart (vertical bars turn horizontal); dates and numbers are thinned (every
k-th label) or turned (the `rotate` option); names that still do not fit are shortened
with "…" (the full names go to the alternative text). Widths are the bundled fonts'
advance widths (`measure`); `mpl.collide` checks the result on the drawn figure.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportgen.charts.dates import date_format
from reportgen.charts.measure import line_width, phrase_wrap, text_width, wrap
from reportgen.model import ChartSpec
from reportgen.numfmt import format_value

MAX_LINES = 3
UPRIGHT_CHARS = 6
STEP = 0.5
LINE = 1.15  # line spacing of tick labels, in font sizes
ELLIPSIS = "…"


@dataclass(frozen=True)
class Fonts:
    main: Path
    fallback: Path

    def width(self, text: str, size: float) -> float:
        return text_width(text, size, self.main, self.fallback)

    def wrap(self, text: str, width: float, size: float) -> str:
        return wrap(text, width, size, self.main, self.fallback)

    def phrases(self, text: str, width: float, size: float) -> str | None:
        return phrase_wrap(text, width, size, self.main, self.fallback)


@dataclass(frozen=True)
class Ticks:
    """Category labels as printed: "" where a label is thinned out; `short` pairs each
    shortened label with the full name."""

    labels: tuple[str, ...]
    size: float
    rotation: int = 0
    short: tuple[tuple[str, str], ...] = ()

    @property
    def lines(self) -> int:
        return max((label.count("\n") + 1 for label in self.labels), default=1)


def category_texts(spec: ChartSpec) -> tuple[str, ...]:
    """The category cells' texts; dates in `date_format`'s format when it gives one."""
    cells = spec.ordered_rows_column(spec.category)
    code = date_format(spec)
    if code is None:
        return tuple(v.text for v in cells)
    return tuple(format_value(v.raw, code) if v.raw is not None else v.text for v in cells)


def sizes(base: float, floor: float) -> list[float]:
    count = int(round((base - floor) / STEP))
    return [base - STEP * i for i in range(count + 1)]


def fit_wrapped(texts: tuple[str, ...], room: float, base: float, floor: float, fonts: Fonts,
                max_lines: int = MAX_LINES) -> Ticks | None:
    """Labels wrapped between whole phrases to `room` points in at most `max_lines` lines,
    at the largest size from `base` down to `floor` where all fit; None when none does."""
    for size in sizes(base, floor):
        wrapped = [fonts.phrases(t, room, size) for t in texts]
        if all(w is not None and w.count("\n") < max_lines for w in wrapped):
            return Ticks(tuple(wrapped), size)  # type: ignore[arg-type]
    return None


def upright(texts: tuple[str, ...], slot: float, base: float, floor: float, fonts: Fonts) -> Ticks | None:
    """Short Japanese names set one character under another (縦書き), as Japanese charts
    label narrow columns: only names of at most `UPRIGHT_CHARS` characters, none Latin or
    figures, and only when one character fits the slot."""
    if not all(0 < len(t) <= UPRIGHT_CHARS and all(_is_wide(ch) for ch in t) for t in texts):
        return None
    for size in sizes(base, floor):
        if max(fonts.width(ch, size) for t in texts for ch in t) <= slot * 0.9:
            return Ticks(tuple("\n".join(t) for t in texts), size)
    return None


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def thinned(texts: tuple[str, ...], slot: float, base: float, fonts: Fonts, rotation: int = 0) -> Ticks:
    """Ordered labels (dates, numbers) on one line each, every k-th shown so that none
    touches the next; `rotation` degrees turn them (their footprint is then narrower)."""
    widest = max((fonts.width(t, base) for t in texts), default=0.0)
    footprint = widest if rotation == 0 else min(widest, base * LINE / math.sin(math.radians(rotation)))
    step = max(1, math.ceil((footprint + 1.5 * base) / max(slot, 1e-6)))
    keep = set(range(len(texts) - 1, -1, -step))  # counted back from the latest, which is always shown
    return Ticks(tuple(t if i in keep else "" for i, t in enumerate(texts)), base, rotation)


def shortened(texts: tuple[str, ...], room: float, size: float, fonts: Fonts,
              max_lines: int = MAX_LINES) -> Ticks:
    """Labels wrapped at `size` and cut after `max_lines` lines with "…"; pieces that
    cannot break (a long Latin word) are cut too."""
    labels, short = [], []
    for text in texts:
        whole = fonts.wrap(text, room, size).split("\n")
        lines = [line if fonts.width(line, size) <= room else _ending(line, room, size, fonts) for line in whole]
        if len(lines) > max_lines:
            lines = [*lines[:max_lines - 1], _ending(lines[max_lines - 1].rstrip(ELLIPSIS), room, size, fonts)]
        cut = lines != whole
        label = "\n".join(lines)
        labels.append(label)
        if cut:
            short.append((label.replace("\n", ""), text))
    return Ticks(tuple(labels), size, 0, tuple(short))


def _ending(line: str, room: float, size: float, fonts: Fonts) -> str:
    """As much of `line` as fits before a "…"."""
    body = line
    while body and fonts.width(body + ELLIPSIS, size) > room:
        body = body[:-1]
    return body.rstrip() + ELLIPSIS


def widest_line(ticks: Ticks, fonts: Fonts) -> float:
    return max((line_width(line, ticks.size, fonts.main, fonts.fallback)
                for label in ticks.labels for line in label.split("\n")), default=0.0)
