"""The proof that a drawn chart prints no text over another and none off the figure.

In: a laid-out figure and its axes. Out: every shown text's extent (`texts`), and
`settle`, which hides what cannot be shown, least important first (data labels, then
category and value tick labels; the unit label and the legend are never hidden), and
returns a message per kind of text it hid. `overlaps` is what the tests assert on.
Hand-written: matplotlib measures every text (`get_window_extent`) but resolves no
collision.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.axis import Axis
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text
from matplotlib.ticker import FixedLocator
from matplotlib.transforms import Bbox

PRIORITY = {"unit": 0, "legend": 1, "inside": 2, "category": 3, "value": 4, "slice": 5, "data": 6}
"""Lower is more important; on a collision the less important text is hidden."""
HIDDEN_WORDS = {"category": "category labels", "value": "value-axis numbers", "slice": "slice labels",
                "data": "data labels"}
SLACK_PX = 0.5


@dataclass(frozen=True)
class Placed:
    text: Text | Legend
    kind: str
    box: Bbox

    @property
    def words(self) -> str:
        texts = self.text.get_texts() if isinstance(self.text, Legend) else [self.text]
        return " / ".join(t.get_text() for t in texts)


class LayoutProblem(Exception):
    """Texts that must be shown (the unit label, legend entries) collide or leave the figure."""


def texts(fig: Figure, ax: Axes) -> list[Placed]:
    """Every shown, non-empty text of the chart with its kind and extent in pixels."""
    renderer = fig.canvas.get_renderer()
    found: list[tuple[Text, str]] = [(t, _kind(t.get_gid())) for t in ax.get_children() if isinstance(t, Text)]
    found += [(t, "category" if isinstance(axis.get_major_locator(), FixedLocator) else "value")
              for axis in (ax.xaxis, ax.yaxis) if axis.get_visible() for t in _shown_ticks(ax, axis)]
    placed = [Placed(t, kind, t.get_window_extent(renderer)) for t, kind in found
              if t.get_visible() and t.get_text().strip()]
    # A legend is one box: matplotlib packs its entries apart, and places them only when
    # drawing (measuring the box costs nothing; drawing the figure to place them, ~10 ms).
    return placed + [Placed(legend, "legend", legend.get_window_extent(renderer))
                     for legend in [*fig.legends, ax.get_legend()] if legend is not None]


GID_KINDS = {"unit": "unit", "inside": "inside", "pct": "slice"}


def _kind(gid: str | None) -> str:
    """A text's kind from the start of its SVG id (`unit`, `inside-0`, `pct-3`; data labels otherwise)."""
    return GID_KINDS.get((gid or "").split("-")[0], "data")


def _shown_ticks(ax: Axes, axis: Axis) -> list[Text]:
    """Tick labels whose tick lies inside the view (the locator also returns some beyond it)."""
    low, high = sorted(axis.get_view_interval())
    ticks = axis.get_major_ticks()
    locs = axis.get_majorticklocs()
    return [tick.label1 for tick, loc in zip(ticks, locs) if low - 1e-9 <= loc <= high + 1e-9]


def settle(fig: Figure, ax: Axes) -> list[str]:
    """Hide texts that overlap a more important one or leave the figure; raise
    `LayoutProblem` for the unit label and legend. Returns what was hidden, in words."""
    frame = fig.bbox.padded(SLACK_PX)
    placed: list[Placed] = []
    hidden: Counter[str] = Counter()
    for item in sorted(texts(fig, ax), key=lambda p: PRIORITY[p.kind]):
        clear = _inside(item.box, frame) and not any(_touch(item.box, p.box) for p in placed)
        if clear:
            placed.append(item)
        elif item.kind in HIDDEN_WORDS:
            item.text.set_visible(False)
            hidden[item.kind] += 1
        else:
            raise LayoutProblem(f"the {item.kind} '{item.words}' does not fit")
    return [f"{n} {HIDDEN_WORDS[kind]} left out where they would overprint or leave the chart"
            for kind, n in sorted(hidden.items(), key=lambda kv: PRIORITY[kv[0]])]


def _inside(box: Bbox, frame: Bbox) -> bool:
    return frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1


def _touch(a: Bbox, b: Bbox) -> bool:
    """Overlap by more than the slack (boxes that only share an edge are fine)."""
    return (min(a.x1, b.x1) - max(a.x0, b.x0) > SLACK_PX) and (min(a.y1, b.y1) - max(a.y0, b.y0) > SLACK_PX)


def overlaps(fig: Figure, ax: Axes) -> list[tuple[str, str]]:
    """Pairs of shown texts that overlap, and texts that leave the figure (paired with ""),
    measured on the figure as drawn (every legend entry and tick label in its final place)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    shown = [(t.get_text(), t.get_window_extent(renderer)) for t in _every_text(fig, ax)]
    frame = fig.bbox.padded(SLACK_PX)
    out = [(text, "") for text, box in shown if not _inside(box, frame)]
    out += [(a, b) for i, (a, abox) in enumerate(shown) for b, bbox in shown[i + 1:] if _touch(abox, bbox)]
    return out


def _every_text(fig: Figure, ax: Axes) -> list[Text]:
    found = [t for t in ax.get_children() if isinstance(t, Text)]
    found += [t for legend in [*fig.legends, ax.get_legend()] if legend is not None for t in legend.get_texts()]
    found += [t for axis in (ax.xaxis, ax.yaxis) if axis.get_visible() for t in _shown_ticks(ax, axis)]
    return [t for t in found if t.get_visible() and t.get_text().strip()]
