"""Layout checks over a built PDF, measured on what the PDF draws (pypdfium2 character
boxes, page objects, outline), so they hold for any renderer: the PDF and the DOCX's
LibreOffice rendering alike.

In: a PDF path (read once with `read_pdf`), the page margins (`Margins.of(theme)`) and,
for the outline and page-fill checks, the headings and accepted page starts taken from
the model. Out: a list of `Violation`s, each naming the page and the text.

Terms. A *glyph* is one drawn character (of the characters pdfium infers, word spaces
are kept as zero-width glyphs and line ends dropped). A *line* is a maximal run of
glyphs, consecutive in content-stream order, on one baseline and moving right. A *segment* is a piece of a line
between horizontal gaps wider than `SEGMENT_GAP` em (table cells on one baseline, a
left and a right header item). Content-stream order is drawing order, which every
renderer we meet keeps in reading order within a text block.
"""

from __future__ import annotations

import ctypes
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

MM = 72 / 25.4
SEGMENT_GAP = 0.8  # em: a wider gap on one baseline separates two things (cells, header items)
TOL = 0.75  # pt: drawing tolerance at a margin
TOL_SHAPE = 1.25  # pt: a rule's stroke reaches half its width past its ends
OVERLAP_SHARE = 0.2  # of the smaller glyph's ink box: more is "drawn over each other"
MIN_FILL = 0.55  # of the body height, on every page but the last


@dataclass(frozen=True)
class Violation:
    check: str
    page: int  # 1-based
    text: str
    detail: str

    def __str__(self) -> str:
        return f"p.{self.page} {self.detail}: «{self.text}»"


@dataclass(frozen=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float  # top-down page coordinates, points

    @property
    def area(self) -> float:
        return max(0.0, self.x1 - self.x0) * max(0.0, self.bottom - self.top)

    def intersection(self, other: "Box") -> float:
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.bottom, other.bottom) - max(self.top, other.top)
        return w * h if w > 0 and h > 0 else 0.0


@dataclass(frozen=True)
class Glyph:
    char: str
    ink: Box  # tight box of the drawn shape
    advance: Box  # pdfium's loose box: the advance width by the font's ascent and descent
    baseline: float
    size: float


@dataclass(frozen=True)
class Shape:
    kind: str  # "path", "image", "shading" (form XObjects are read through to their contents)
    box: Box


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    trim: Box
    glyphs: tuple[Glyph, ...]
    shapes: tuple[Shape, ...]


@dataclass(frozen=True)
class Bookmark:
    depth: int
    title: str
    page: int  # 1-based, 0 when the bookmark has no page


@dataclass(frozen=True)
class Pdf:
    pages: tuple[Page, ...]
    outline: tuple[Bookmark, ...]


@dataclass(frozen=True)
class Margins:
    """Page margins in points, measured from the trim box."""

    top: float
    bottom: float
    left: float
    right: float

    @classmethod
    def of(cls, theme) -> "Margins":
        """From a reportgen Theme (margins in mm)."""
        return cls(theme.margin_top * MM, theme.margin_bottom * MM, theme.margin_left * MM,
                   theme.margin_right * MM)

    def body(self, page: Page) -> Box:
        t = page.trim
        return Box(t.x0 + self.left, t.top + self.top, t.x1 - self.right, t.bottom - self.bottom)


# ------------------------------------------------------------------------ reading
_SHAPES = {pdfium_c.FPDF_PAGEOBJ_PATH: "path", pdfium_c.FPDF_PAGEOBJ_IMAGE: "image",
           pdfium_c.FPDF_PAGEOBJ_SHADING: "shading"}


def read_pdf(path: Path) -> Pdf:
    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = tuple(_read_page(pdf[i], i + 1) for i in range(len(pdf)))
        outline = tuple(Bookmark(b.level, b.get_title(), _dest_page(b)) for b in pdf.get_toc())
    finally:
        pdf.close()
    return Pdf(pages, outline)


def _dest_page(bookmark) -> int:
    dest = bookmark.get_dest()
    index = dest.get_index() if dest is not None else None
    return index + 1 if index is not None else 0


def _read_page(page, number: int) -> Page:
    width, height = page.get_size()
    flip = lambda x0, y0, x1, y1: Box(x0, height - y1, x1, height - y0)  # noqa: E731
    trim = flip(*page.get_trimbox())
    text = page.get_textpage()
    glyphs: list[Glyph] = []
    for i in range(text.count_chars()):
        char = text.get_text_range(i, 1)
        if char in ("\x02", "\ufffe"):  # pdfium's mark for a hyphen at a line end
            char = "-"
        if not char or char in "\r\n":
            continue
        if pdfium_c.FPDFText_IsGenerated(text, i):
            if char == " " and glyphs:  # a word space shown by position only: kept for the text
                glyphs.append(_space_after(glyphs[-1]))
            continue
        glyphs.append(Glyph(char, flip(*text.get_charbox(i)), flip(*text.get_charbox(i, loose=True)),
                            height - _origin_y(text, i), pdfium_c.FPDFText_GetFontSize(text, i)))
    shapes = tuple(Shape(_SHAPES[o.type], flip(*o.get_bounds()))
                   for o in page.get_objects(max_depth=8) if o.type in _SHAPES and _visible(o))
    return Page(number, width, height, trim, tuple(glyphs), shapes)


def _space_after(glyph: Glyph) -> Glyph:
    x = glyph.advance.x1
    return Glyph(" ", Box(x, glyph.baseline, x, glyph.baseline), Box(x, glyph.advance.top, x, glyph.advance.bottom),
                 glyph.baseline, glyph.size)


def _origin_y(text, index: int) -> float:
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(text, index, x, y)
    return y.value


def _visible(obj) -> bool:
    """A path drawn neither filled nor stroked (a clip, an invisible frame) draws nothing."""
    if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
        return True
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, fill, stroke):
        return True
    return bool(fill.value) or bool(stroke.value)


# ------------------------------------------------------------------------ lines
@dataclass(frozen=True)
class Line:
    glyphs: tuple[Glyph, ...]

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)

    @property
    def size(self) -> float:
        return max(g.size for g in self.glyphs)

    @property
    def baseline(self) -> float:
        return self.glyphs[0].baseline

    @property
    def x0(self) -> float:
        return min(g.advance.x0 for g in self.glyphs)

    @property
    def x1(self) -> float:
        return max(g.advance.x1 for g in self.glyphs)


def lines(glyphs: Sequence[Glyph]) -> list[Line]:
    """Runs of glyphs on one baseline that move right, in content-stream order."""
    out: list[list[Glyph]] = []
    for g in glyphs:
        prev = out[-1][-1] if out else None
        same = (prev is not None and abs(g.baseline - prev.baseline) <= 0.25 * max(g.size, prev.size)
                and g.advance.x0 >= prev.advance.x0 - 0.1)
        if same:
            out[-1].append(g)
        else:
            out.append([g])
    return [Line(tuple(run)) for run in out]


def segments(line: Line) -> list[Line]:
    """The line cut at gaps wider than SEGMENT_GAP em (cells, left and right items)."""
    out: list[list[Glyph]] = [[line.glyphs[0]]]
    for g in line.glyphs[1:]:
        prev = out[-1][-1]
        if g.advance.x0 - prev.advance.x1 > SEGMENT_GAP * max(g.size, prev.size):
            out.append([g])
        else:
            out[-1].append(g)
    return [Line(tuple(run)) for run in out]


# ------------------------------------------------------------------------ check: breaks
_NUM_CHARS = r"[\d,.:/%％+\-−±¥$￥]"
_WELL_FORMED = re.compile(r"[+\-−±]?[¥$￥]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[%％]?"
                          r"|\d{4}/\d{1,2}(?:/\d{1,2})?|\d{1,2}/\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?")


def split_token(tail: str, head: str, source: str = "") -> str | None:
    """What a line break between `tail` and `head` splits ("Latin word", "number", "date"),
    or None when the break is allowed.

    Allowed: a break at a space (pdfium may show none at a line end, so a break is also
    allowed where `source`, the text the document was made from, has a space there),
    after a hyphen of the source (t-|CO2, X-|2000; one the renderer adds inside a word
    is not), between two complete figures (a legend's date over
    its value), and between the parts of a kanji date (2020年 | 12月). Not allowed: inside a run of Latin letters and
    digits, inside a figure (1,445,609,43 | 0円, 12.3 | %), between a sign and its
    figure, between a figure and its 年/月/日/度, and inside 年度.
    """
    if not tail or not head or tail[-1].isspace() or head[0].isspace():
        return None
    word_a = re.search(r"[A-Za-z0-9]*$", tail)[0]
    word_b = re.match(r"[A-Za-z0-9]*", head)[0]
    num_a = re.search(_NUM_CHARS + "*$", tail)[0]
    num_b = re.match(_NUM_CHARS + "*", head)[0]
    if _spaced(num_a or word_a, num_b or word_b, source):
        return None
    if word_a and word_b and re.search("[A-Za-z]", word_a + word_b):
        return "Latin word"
    if _hyphenated(tail, head, source):
        return "Latin word"
    hyphen = num_a == "-" and re.search("[A-Za-z0-9]-$", tail) is not None  # X-|2000: a word's hyphen
    if num_a and num_b and not hyphen and _split_figure(num_a, num_b):
        return "number"
    if (tail[-1].isdigit() and head[0] in "年月日度") or (tail[-1] == "年" and head[0] == "度"):
        return "date"
    return None


def _hyphenated(tail: str, head: str, source: str) -> bool:
    """A hyphen the renderer added inside a word (electroen-|cephalography): the source
    has the word whole and not with the hyphen."""
    a, b = re.search(r"[A-Za-z]+-$", tail), re.match(r"[A-Za-z]+", head)
    return bool(a and b and source) and a[0][:-1] + b[0] in source and a[0] + b[0] not in source


def _split_figure(a: str, b: str) -> bool:
    digits_a, digits_b = any(c.isdigit() for c in a), any(c.isdigit() for c in b)
    if not digits_a:
        return digits_b and a[-1] in "+-−±¥$￥"  # a sign or currency left alone
    if not digits_b:
        return b[0] in "%％‰"
    whole = lambda t: _WELL_FORMED.fullmatch(t) is not None  # noqa: E731
    return not whole(a) or not whole(b) or whole(a + b)


def _spaced(a: str, b: str, source: str) -> bool:
    return bool(a and b and source) and f"{a} {b}" in source


def line_breaks(pdf: Pdf, source: str = "") -> list[Violation]:
    """Line breaks inside a number, a date, a percentage or a Latin word (`split_token`).

    A break is a pair of lines consecutive in drawing order where the second continues the
    first's text block: it sits one line pitch lower (0.8-2.6 em), in the same size, and
    shares the first's left edge (or sits one em left of it: a first-line indent), right
    edge or centre. The last segment of the first line and the first segment of the second
    are compared, so a table row's last cell and the next row's first cell are not a break.
    `source` (all text of the workbook) tells a break at a space pdfium does not show.
    """
    source = _spaces(source)
    out = []
    for page in pdf.pages:
        found = lines(page.glyphs)
        for a, b in zip(found, found[1:]):
            tail, head = segments(a)[-1], segments(b)[0]
            if not _continues(tail, head):
                continue
            what = split_token(tail.text.rstrip(), head.text.lstrip(), source)
            if what:
                out.append(Violation("line-breaks", page.number, _context(tail.text, head.text),
                                     f"line break inside a {what}"))
    return out


def _spaces(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def _continues(a: Line, b: Line) -> bool:
    size = a.size
    if abs(b.size - size) > 0.3 or not 0.8 * size <= b.baseline - a.baseline <= 2.6 * size:
        return False
    tol = 0.3 * size
    indent = a.x0 - b.x0
    left = (abs(indent) <= tol or abs(indent - size) <= tol) and b.x1 <= a.x1 + tol
    right = abs(b.x1 - a.x1) <= tol
    centre = abs((b.x0 + b.x1) - (a.x0 + a.x1)) / 2 <= tol and b.x1 <= a.x1 + tol
    return left or right or centre


def _context(tail: str, head: str) -> str:
    return f"{tail[-14:]}|{head[:14]}"


# ------------------------------------------------------------------------ check: overlaps
def overlaps(pdf: Pdf) -> list[Violation]:
    """Two glyphs whose ink boxes share more than OVERLAP_SHARE of the smaller one."""
    out = []
    for page in pdf.pages:
        ink = [g for g in page.glyphs if not g.char.isspace() and g.ink.area > 0]
        for i, j in _close_pairs([g.ink for g in ink]):
            a, b = ink[i], ink[j]
            if a.ink.intersection(b.ink) > OVERLAP_SHARE * min(a.ink.area, b.ink.area):
                out.append(Violation("overlaps", page.number, f"{a.char}×{b.char}",
                                     f"glyphs drawn over each other at ({a.ink.x0:.0f}, {a.ink.top:.0f}) "
                                     f"[{_near(page, a)} × {_near(page, b)}]"))
    return out


def _close_pairs(boxes: Sequence[Box], cell: float = 24.0) -> Iterator[tuple[int, int]]:
    """Index pairs of boxes that share a grid cell (each pair once)."""
    grid: dict[tuple[int, int], list[int]] = {}
    for i, b in enumerate(boxes):
        for gx in range(int(b.x0 // cell), int(b.x1 // cell) + 1):
            for gy in range(int(b.top // cell), int(b.bottom // cell) + 1):
                grid.setdefault((gx, gy), []).append(i)
    seen = set()
    for members in grid.values():
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield i, j


def _near(page: Page, glyph: Glyph) -> str:
    """The line a glyph belongs to, for the message."""
    for line in lines(page.glyphs):
        if glyph in line.glyphs:
            return line.text[:30]
    return glyph.char


# ------------------------------------------------------------------------ check: margins
def margins(pdf: Pdf, margins: Margins) -> list[Violation]:
    """Anything drawn outside the body box, except what lies wholly in the top or bottom
    margin (header band, running header, footer) or outside the trim box (crop marks,
    slug), and filled shapes that run to the trim edge (bleed backgrounds)."""
    out = []
    for page in pdf.pages:
        body = margins.body(page)
        for line in lines(page.glyphs):
            for seg in segments(line):
                box = Box(min(g.ink.x0 for g in seg.glyphs), min(g.ink.top for g in seg.glyphs),
                          max(g.ink.x1 for g in seg.glyphs), max(g.ink.bottom for g in seg.glyphs))
                if seg.text.strip() and _outside(box, body, page.trim, TOL):
                    out.append(Violation("margins", page.number, seg.text[:40],
                                         f"text outside the margins {_where(box, body)}"))
        for shape in page.shapes:
            b = shape.box
            to_edge = b.x0 <= page.trim.x0 + TOL or b.x1 >= page.trim.x1 - TOL or b.top <= page.trim.top + TOL
            if not to_edge and _outside(b, body, page.trim, TOL_SHAPE):
                out.append(Violation("margins", page.number, f"{shape.kind} {b.x0:.0f},{b.top:.0f}–{b.x1:.0f},{b.bottom:.0f}",
                                     f"{shape.kind} outside the margins {_where(b, body)}"))
    return out


def _outside(b: Box, body: Box, trim: Box, tol: float) -> bool:
    if b.x1 <= trim.x0 or b.x0 >= trim.x1 or b.bottom <= trim.top or b.top >= trim.bottom:
        return False  # crop marks, slug
    if b.bottom <= body.top + tol or b.top >= body.bottom - tol:
        return False  # header band, running header, footer
    return b.x0 < body.x0 - tol or b.x1 > body.x1 + tol or b.top < body.top - tol or b.bottom > body.bottom + tol


def _where(b: Box, body: Box) -> str:
    sides = [(body.x0 - b.x0, "left"), (b.x1 - body.x1, "right"), (body.top - b.top, "top"),
             (b.bottom - body.bottom, "bottom")]
    over, side = max(sides)
    return f"({over:.1f} pt past the {side} margin)"


# ------------------------------------------------------------------------ check: justification
def justified_gaps(pdf: Pdf, margins: Margins, max_em: float = 1.0) -> list[Violation]:
    """Lines set to the full body width with a gap between two glyphs wider than 1 em.

    A full-width line starts within 3 em of the left margin and ends within TOL of the
    right one: a justified body line (a table row ends at least a cell padding short).
    Gaps are measured between the advance boxes of visible glyphs, spaces included in the gap.
    """
    out = []
    for page in pdf.pages:
        body = margins.body(page)
        for line in lines(page.glyphs):
            if line.baseline < body.top or line.baseline > body.bottom:
                continue
            if not (body.x0 - TOL <= line.x0 <= body.x0 + 3 * line.size and abs(line.x1 - body.x1) <= TOL):
                continue
            ink = [g for g in line.glyphs if not g.char.isspace()]
            for a, b in zip(ink, ink[1:]):
                gap = b.advance.x0 - a.advance.x1
                if gap > max_em * max(a.size, b.size):
                    i = line.glyphs.index(b)
                    out.append(Violation("justify", page.number, line.text[max(0, i - 10):i + 10],
                                         f"justified line with a {gap / b.size:.1f} em gap before «{b.char}»"))
    return out


# ------------------------------------------------------------------------ check: outline
@dataclass(frozen=True)
class Heading:
    level: int  # 0 part, 1 chapter, 2 section, 3 unit
    text: str


def expected_outline(headings: Iterable[Heading]) -> list[tuple[int, str, str]]:
    """(depth, title, parent title) per heading: a heading's parent is the nearest earlier
    heading of a lower level."""
    stack: list[Heading] = []
    out = []
    for h in headings:
        while stack and stack[-1].level >= h.level:
            stack.pop()
        out.append((len(stack), h.text, stack[-1].text if stack else ""))
        stack.append(h)
    return out


def outline(pdf: Pdf, headings: Sequence[Heading]) -> list[Violation]:
    """The bookmark tree has the headings' shape: every heading once, in order, under its
    parent. Headings and bookmarks are matched in order, so repeated titles (the same
    business unit in two sections) are told apart."""
    actual = []
    stack: list[Bookmark] = []
    for b in pdf.outline:
        del stack[b.depth:]
        actual.append((b, stack[-1].title if stack else ""))
        stack.append(b)
    out, matched, at = [], set(), 0
    for depth, title, parent in expected_outline(headings):
        found = next((i for i in range(at, len(actual)) if _norm(actual[i][0].title) == _norm(title)), None)
        if found is None:
            out.append(Violation("outline", 0, title[:60], "heading has no bookmark"))
            continue
        matched.add(found)
        at = found + 1
        bookmark, actual_parent = actual[found]
        if _norm(actual_parent) != _norm(parent):
            out.append(Violation("outline", bookmark.page, title[:60],
                                 f"bookmark under «{actual_parent[:30]}», expected under «{parent[:30]}»"))
    out += [Violation("outline", b.page, b.title[:60], "bookmark is not a heading (or out of order)")
            for i, (b, _) in enumerate(actual) if i not in matched]
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# ------------------------------------------------------------------------ check: page fill
@dataclass(frozen=True)
class PageStart:
    """A text that may open a page after a short one, and why (a part, a pagebreak row)."""

    reason: str
    text: str


def page_fill(pdf: Pdf, margins: Margins, starts: Sequence[PageStart]) -> list[Violation]:
    """Pages but the last that use less than MIN_FILL of the body height, unless the next
    page opens with one of `starts`."""
    out = []
    for page, following in zip(pdf.pages, pdf.pages[1:]):
        body = margins.body(page)
        used = _used_height(page, body) / (body.bottom - body.top)
        if used >= MIN_FILL:
            continue
        opening = _norm("".join(line.text for line in _body_lines(following, margins.body(following))[:4]))
        reason = next((s.reason for s in starts if _norm(s.text)[:16] and _norm(s.text)[:16] in opening), None)
        if reason is None:
            out.append(Violation("page-fill", page.number, opening[:30],
                                 f"page uses {used:.0%} of its body; the next page opens with"))
    return out


def _used_height(page: Page, body: Box) -> float:
    inside = [g.ink for g in page.glyphs] + [s.box for s in page.shapes]
    inside = [b for b in inside if b.top >= body.top - TOL and b.bottom <= body.bottom + TOL and b.area >= 0]
    inside = [b for b in inside if (b.top + b.bottom) / 2 > body.top]
    return max((b.bottom for b in inside), default=body.top) - body.top


def _body_lines(page: Page, body: Box) -> list[Line]:
    return [line for line in lines(page.glyphs) if body.top <= line.baseline <= body.bottom + TOL]
