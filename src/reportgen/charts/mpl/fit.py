"""Keeping data labels readable after drawing: inside the plot, not on top of each other,
and inside their bar segment when they are printed on the bar.

In: a drawn figure's axes and label `Text`s. Out: adjusted axis limits, and labels that
cannot be placed hidden. Hand-written: matplotlib places labels but never resolves their
collisions.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox

PAD_PT = 3.0


def _extent(text: Text) -> Bbox:
    return text.get_window_extent(text.figure.canvas.get_renderer())


def _px(text: Text, pt: float) -> float:
    """`pt` points in the figure's display units (pixels at its dpi)."""
    return pt * text.figure.dpi / 72


def lay_out(fig: Figure) -> None:
    """Place the axes by constrained layout, without drawing every artist: text extents
    and axis limits are then what the files will show. The engine is run here, not set on
    the figure (see `figure.save`)."""
    ConstrainedLayoutEngine().execute(fig)


def make_room(ax: Axes, texts: Sequence[Text], rounds: int = 2) -> None:
    """Widen the axis limits until every visible label lies inside the plot area.

    Layout changes the plot size, so this measures, widens and lays out again a few times;
    the figure is left laid out for the final limits. The labels end inside the plot, so
    the layout engine need not measure them (fitting them afterwards moves nothing), and
    new limits need a new layout only when they change a shown axis's ticks (a category
    axis keeps its ticks; bars hide their value axis).
    """
    for text in texts:
        text.set_in_layout(False)
    laid_out = None
    for _ in range(rounds):
        laid_out = _relaid(ax, laid_out)
        boxes = [_extent(t).padded(_px(t, PAD_PT)) for t in texts if t.get_visible() and t.get_text()]
        if not boxes or all(ax.bbox.contains(*b.p0) and ax.bbox.contains(*b.p1) for b in boxes):
            return
        corners = ax.transData.inverted().transform(np.vstack([b.get_points() for b in boxes]))
        _widen(ax, "x", corners[:, 0])
        _widen(ax, "y", corners[:, 1])
    _relaid(ax, laid_out)


def _relaid(ax: Axes, laid_out: tuple | None) -> tuple:
    """Lay the figure out unless the shown ticks are those of the last layout (`laid_out`);
    returns the ticks the layout now stands for."""
    ticks = tuple(tuple(axis.get_majorticklocs()) for axis in (ax.xaxis, ax.yaxis) if axis.get_visible())
    if ticks != laid_out:
        lay_out(ax.figure)
    return ticks


def _widen(ax: Axes, axis: str, values: np.ndarray) -> None:
    get, set_ = (ax.get_xlim, ax.set_xlim) if axis == "x" else (ax.get_ylim, ax.set_ylim)
    a, b = get()
    lo, hi = min(a, b, values.min()), max(a, b, values.max())
    set_((lo, hi) if a <= b else (hi, lo))


LabelBox = tuple[Text, Bbox]


def label_boxes(texts: Sequence[Text]) -> list[LabelBox]:
    """Each shown label with its extent, padded by 1 pt."""
    return [(t, _extent(t).padded(_px(t, 1.0))) for t in texts if t.get_visible() and t.get_text()]


def shrink_to_fit(texts: Sequence[Text], smallest: float, step: float = 0.5) -> list[LabelBox]:
    """Make all labels smaller together, down to `smallest` pt, until none overlap.
    Returns their final boxes, so that `drop_overlaps` need not measure them again."""
    boxes = label_boxes(texts)
    while _overlapping(boxes) and texts[0].get_fontsize() - step >= smallest - 1e-9:
        for text in texts:
            text.set_fontsize(text.get_fontsize() - step)
        boxes = label_boxes(texts)
    return boxes


def _overlapping(boxes: Sequence[LabelBox]) -> bool:
    return any(a.overlaps(b) for i, (_, a) in enumerate(boxes) for _, b in boxes[i + 1:])


def drop_overlaps(boxes: Sequence[LabelBox]) -> None:
    """Hide each label that overlaps one placed before it (earlier labels win)."""
    placed: list[Bbox] = []
    for text, box in boxes:
        if any(box.overlaps(p) for p in placed):
            text.set_visible(False)
        else:
            placed.append(box)


def drop_unfit(texts: Sequence[Text], bars: Sequence[Rectangle]) -> None:
    """Hide each label that does not fit inside its own bar segment."""
    for text, bar in zip(texts, bars):
        box, room = _extent(text), bar.get_window_extent()
        if box.width + _px(text, 2.0) > room.width or box.height + _px(text, 1.0) > room.height:
            text.set_visible(False)
