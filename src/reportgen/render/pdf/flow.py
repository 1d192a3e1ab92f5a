"""Generic flowables the fact-sheet blocks are built from.

In: other flowables. Out: reportlab Flowables that stack children (`Stack`), keep
headings with the start of what follows (`KeepWithNext`), keep a box whole (`Whole`), leave an outline bookmark
where a heading is drawn (`Bookmark`) and mark where a part begins (`PartStart`). Hand-written because reportlab's `KeepTogether`
either moves the whole group or nothing, and its `keepWithNext` can leave a heading
alone at the foot of a page when the next paragraph cannot split into the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from reportgen.adapters import reportlab as rl
from reportgen.i18n import tr
from reportgen.render.pdf.located import Located, locate, located

Decorate = Callable[[Canvas, float, float], None]
"""Draws under a stack's children: (canvas, width, height), origin at the bottom left."""


@dataclass(frozen=True)
class Bookmark:
    """An outline entry: `level` is already normalised (at most one deeper than the last)."""

    key: str
    title: str
    level: int


def space_before(flowable: Flowable, points: float) -> Flowable:
    """Set the gap above `flowable` (dropped by the frame at the top of a page)."""
    flowable.spaceBefore = points
    return flowable


class PartStart(Flowable):
    """An empty flowable where a part (level-0 heading) begins; the document template
    notes its `title` for the running header of the pages that follow."""

    def __init__(self, title: str):
        super().__init__()
        self.title = title
        self.width = self.height = 0.0

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        pass


class Spaced(Flowable):
    """A splittable flowable with a gap above it that its first piece keeps when split
    (the composer's split pieces are new flowables that know nothing of the gap)."""

    def __init__(self, inner: Flowable, before: float):
        super().__init__()
        self.inner = inner
        self.spaceBefore = before

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(aw, ah)
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        pieces = self.inner.split(aw, ah)
        return [Spaced(pieces[0], self.spaceBefore), *pieces[1:]] if pieces else []

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)


class Whole(Flowable):
    """A boxed element kept on one page (a contact box, a short list, a row of figures):
    moved whole to the next page rather than split. With `rows`, a table (a long list)
    that splits between its rows only. A box or row taller than a whole page
    (`page_height`), which no page could hold, splits inside as its content does."""

    def __init__(self, inner: Flowable, page_height: float, rows: bool = False):
        super().__init__()
        self.inner, self.page_height, self.rows = inner, page_height, rows
        self.spaceBefore, self.spaceAfter = inner.getSpaceBefore(), inner.getSpaceAfter()
        locate(self, located(inner))

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(aw, ah)
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        if not self.rows and self.height <= self.page_height:
            return []
        # reportlab splits inside a row whenever it cannot split between rows (leaving a
        # box's last line or a lone marker on a page): allowed only for a row no page holds
        rows = rl.row_heights(self.inner) or [self.height]
        self.inner.splitInRow = int(max(rows) > self.page_height)
        pieces = self.inner.split(aw, ah)
        return [*pieces[:1], *(Whole(p, self.page_height, self.rows) for p in pieces[1:])]

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)


class Stack(Flowable):
    """Children one under the other, each indented by its own amount, with a decoration
    drawn first. Never splits: headings, cards and figures are small."""

    def __init__(self, children: Sequence[tuple[Flowable, float, float]], *, pad_bottom: float = 0.0,
                 decorate: Decorate | None = None, bookmark: Bookmark | None = None):
        super().__init__()
        self.children = list(children)  # (flowable, indent, gap above)
        self.pad_bottom = pad_bottom
        self.decorate = decorate
        self.bookmark = bookmark
        self._sizes: list[float] = []

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._sizes = [f.wrap(aw - indent, ah)[1] for f, indent, _ in self.children]
        gaps = sum(gap for _, _, gap in self.children)
        self.width, self.height = aw, sum(self._sizes) + gaps + self.pad_bottom
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        if self.decorate:
            self.decorate(canvas, self.width, self.height)
        y = self.height
        for (f, indent, gap), h in zip(self.children, self._sizes):
            y -= gap + h
            f.drawOn(canvas, indent, y)
        if self.bookmark:
            _mark(canvas, self.bookmark, self.height)


def _mark(canvas: Canvas, b: Bookmark, top: float) -> None:
    canvas.bookmarkHorizontal(b.key, 0, top + 6)
    canvas.addOutlineEntry(b.title, b.key, level=b.level, closed=False)


class KeepWithNext(Flowable):
    """Headings (or a caption) kept on the same page as at least the first piece of `nxt`.

    When the whole does not fit, `nxt` is split into the space left under the headings;
    if it cannot split there, everything moves to the next page together.
    """

    def __init__(self, heads: Sequence[Flowable], nxt: Flowable):
        super().__init__()
        self.heads = list(heads)
        self.nxt = nxt
        self.spaceBefore = heads[0].getSpaceBefore()
        head, body = located(heads[0]), located(nxt)
        cell, what = body.cell or head.cell, body.what or tr("block")
        if head.cell != cell:
            what = tr("{what} with the {heading} above it").format(what=what, heading=head.what or tr("heading"))
        locate(self, Located(cell, what))

    def _gap(self, i: int, f: Flowable) -> float:
        return f.getSpaceBefore() if i else 0.0

    def _heads_height(self, aw: float, ah: float) -> float:
        return sum(self._gap(i, f) + f.wrap(aw, ah)[1] for i, f in enumerate(self.heads))

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        heads = self._heads_height(aw, ah)
        gap = self.nxt.getSpaceBefore()
        self.width, self.height = aw, heads + gap + self.nxt.wrap(aw, max(ah - heads - gap, 0))[1]
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        heads = self._heads_height(aw, ah)
        room = ah - heads - self.nxt.getSpaceBefore()
        pieces = self.nxt.split(aw, room) if room > 0 else []
        if len(pieces) < 2:
            return []
        return [KeepWithNext(self.heads, pieces[0]), *pieces[1:]]

    def draw(self) -> None:
        y = self.height
        for i, f in enumerate([*self.heads, self.nxt]):
            _, h = f.wrap(self.width, self.height)
            y -= self._gap(i, f) + h
            f.drawOn(self.canv, 0, y)


def keep_chains(items: Sequence[tuple[Flowable, bool]]) -> list[Flowable]:
    """Join each run of keep-with-next flowables to the flowable after it."""
    out: list[Flowable] = []
    heads: list[Flowable] = []
    for flowable, keep in items:
        if keep:
            heads.append(flowable)
            continue
        out.append(KeepWithNext(heads, flowable) if heads else flowable)
        heads = []
    out.extend(heads)
    return out


def grid(rows: Sequence[Sequence[object]], col_widths: Sequence[float], commands: Sequence[tuple],
         font: str, repeat_rows: int = 0, kind: type[Table] = Table) -> Table:
    """A reportlab Table whose cell font is ours (reportlab selects Helvetica for every
    cell otherwise, which would leave an unembedded font in the file) and whose rows may
    split inside when one alone is taller than a page (a very long list item or cell).
    `kind` is the Table class to make (a subclass that splits by its own rules)."""
    table = kind([list(r) for r in rows], colWidths=list(col_widths), repeatRows=repeat_rows, splitInRow=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), *commands]))
    return table
