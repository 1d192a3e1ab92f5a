"""Column widths of a data table, the same for the PDF, the DOCX and the appendix.

In the spirit of CSS automatic table layout. Per column, in em at 1 pt (widths scale
with the type size): the **minimum** is its widest unbreakable piece (a whole figure or
date in a number or date column; in text, a Latin word, a URL segment, or a Japanese
phrase (budoux) up to `PHRASE_CAP` em, a longer phrase cut where JIS X 4051 allows), the
**preferred** width its widest cell on one line; the header counts, but may wrap at its
phrase boundaries. Every column gets its minimum, the rest is shared in proportion to
(preferred − minimum), so short columns never wrap and text columns take the slack. When
the minimums do not fit, the type size steps down to `MIN_SIZE`; when they still do not
fit, the columns are narrowed in proportion (figures may then break): each compromise is
named in `Fit.compromises` for the renderer's located warning.

`solve` is pure (text widths come from the caller); `column_contents`, `alignment` and
`table_measure` read a model table block and `reportgen.metrics` for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from reportgen.i18n import tr
from reportgen.ja.breaks import break_opportunities
from reportgen.ja.phrases import phrases
from reportgen.metrics import metrics
from reportgen.model import Column, TableBlock, Theme
from reportgen.model.blocks import Align

PHRASE_CAP = 7.0     # em: a Japanese phrase wider than this may be cut inside
MIN_SIZE = 7.0       # pt: the smallest type a table is set in
SIZE_STEP = 0.5      # pt
WORD_FLOOR = 4.0     # em: a text column's narrowest before words are broken
TIGHT_PAD = 0.5      # the padding's share kept when the columns do not fit at MIN_SIZE
HARD_TEXT = 3.0      # em: a text column's narrowest, words broken, when nothing else fits
GREEDY = 24.0        # em: a column wider than this on one line claims slack as if it were this wide
SLACK = 0.3          # em added to every measured piece (¼ em spacing between scripts, rounding)
_SPACES = re.compile(r"\s+")
_URL_CUT = re.compile(r"(?<=[/?&#=_.-])(?=[^/?&#=_.-])")

# (text, bold, figures) → width in em at 1 pt
Measure = Callable[[str, bool, bool], float]


@dataclass(frozen=True)
class ColumnContent:
    """What one column holds: its header, its distinct body texts (`strong`: those set in
    bold, the total rows), whether a cell is one unbreakable figure or date, whether its
    figures are set in the tabular font, and the workbook's width hint (a share)."""

    header: str
    texts: tuple[str, ...]
    strong: tuple[str, ...] = ()
    unbreakable: bool = False
    figures: bool = False
    share: float | None = None


@dataclass(frozen=True)
class Fit:
    """The solved table: widths in points (padding included), the type size, each
    column's minimum at that size, what had to give, and the padding on each side."""

    widths: tuple[float, ...]
    size: float
    minimums: tuple[float, ...]
    compromises: tuple[str, ...] = ()
    pad: float = 0.0


@dataclass(frozen=True)
class Extent:
    """A column's content widths in em at 1 pt: `minimum` (no phrase, word or figure
    broken), `word` (Japanese text broken anywhere JIS allows, no word or figure broken),
    `hard` (only figures and dates kept whole) and `preferred` (every cell on one line)."""

    minimum: float
    preferred: float
    word: float
    hard: float


def extents(column: ColumnContent, measure: Measure) -> Extent:
    """The column's minimum and preferred widths (header included)."""
    head_min = max((measure(p, True, False) for p in _header_pieces(column.header)), default=0.0)
    head_pref = measure(column.header, True, False)
    minimum, preferred, word = head_min, head_pref, 0.0
    for texts, bold in ((column.texts, False), (column.strong, True)):
        whole = sorted(((measure(t, bold, column.figures), t) for t in set(texts)), reverse=True)
        if whole:
            preferred = max(preferred, whole[0][0])
        for width, text in whole:
            if width <= minimum:
                break  # no piece of a narrower text can be wider
            phrase, atom = _widest_piece(text, width, column, bold, measure)
            minimum, word = max(minimum, phrase), max(word, atom)
    if column.unbreakable:
        word = hard = minimum
    else:  # narrower, a header still wraps between phrases, a text column keeps a few characters
        word = min(minimum, max(word, head_min, WORD_FLOOR))
        hard = min(word, max(HARD_TEXT, min(head_min, HARD_TEXT)))
    return Extent(minimum + SLACK, preferred + SLACK, word + SLACK, hard + SLACK)


def _widest_piece(text: str, width: float, column: ColumnContent, bold: bool,
                  measure: Measure) -> tuple[float, float]:
    """The widest phrase (capped) and the widest atom (word, figure, URL segment) of `text`."""
    if column.unbreakable:
        whole = max(measure(p, bold, column.figures) for p in _SPACES.split(text) if p) if " " in text else width
        return whole, whole
    phrase = atom = 0.0
    for piece, atoms in text_pieces(text):
        widths = [measure(a, bold, False) for a in atoms]
        w = measure(piece, bold, False)
        phrase = max(phrase, min(w, max(PHRASE_CAP, *widths)) if w > PHRASE_CAP else w)
        atom = max(atom, *widths)
    return phrase, atom


def text_pieces(text: str) -> list[tuple[str, list[str]]]:
    """`text` as the phrases a column may wrap it between (budoux phrases, joined where JIS
    X 4051 forbids a break), each with its atoms: the pieces between legal breaks inside
    it (a Latin word, a figure, a URL cut after its separators), where a phrase wider than
    `PHRASE_CAP` em may be cut."""
    legal = break_opportunities(text)
    legal_set = set(legal)
    cuts, at = [0], 0
    for phrase in phrases(text)[:-1]:
        at += len(phrase)
        if at in legal_set:
            cuts.append(at)
    cuts.append(len(text))
    out = []
    for a, b in zip(cuts, cuts[1:]):
        inner = [a, *(i for i in legal if a < i < b), b]
        atoms = [text[x:y].strip() for x, y in zip(inner, inner[1:])]
        atoms = [cut for atom in atoms if atom for cut in (_URL_CUT.split(atom) if "/" in atom else (atom,))]
        if text[a:b].strip():
            out.append((text[a:b].strip(), atoms))
    return out


def _header_pieces(header: str) -> list[str]:
    """A header wraps only between its phrases (and at spaces)."""
    legal = set(break_opportunities(header))
    pieces, start, at = [], 0, 0
    for phrase in phrases(header):
        at += len(phrase)
        if at in legal:
            pieces.append(header[start:at].strip())
            start = at
    pieces.append(header[start:].strip())
    return [p for p in pieces if p]


def solve(columns: Sequence[ColumnContent], width: float, size: float, measure: Measure,
          pad: Callable[[float], float]) -> Fit:
    """Widths that add up to `width` points for `columns` set at `size` pt (or smaller);
    `pad(size)` is the padding on each side of a cell (halved when nothing else fits)."""
    found = [extents(c, measure) for c in columns]
    first, notes = size, []

    def at(size: float, tier: str, padding: float) -> list[float]:
        return [getattr(e, tier) * size + 2 * padding for e in found]

    while sum(at(size, "minimum", pad(size))) > width + 1e-6 and size - SIZE_STEP >= MIN_SIZE - 1e-6:
        size = round(size - SIZE_STEP, 2)
    if size < first:
        notes.append(tr("set at {size:g} pt to fit {count} columns").format(size=size, count=len(columns)))
    padding = pad(size)
    mins = at(size, "minimum", padding)
    if sum(mins) > width + 1e-6:
        padding = pad(size) * TIGHT_PAD
        mins = at(size, "minimum", padding)
        notes.append(tr("{count} columns do not fit at {size:g} pt: cells padded tighter").format(
            count=len(columns), size=size))
    for tier, note in _TIERS:
        lower = at(size, tier, padding)
        if sum(mins) <= width + 1e-6:
            break
        if lower != mins:
            mins = _towards(mins, lower, width)
            notes.append(tr("{count} columns do not fit at {size:g} pt: {note}").format(
                count=len(columns), size=size, note=note()))
    if sum(mins) > width + 1e-6:
        notes.append(tr("{count} columns do not fit at {size:g} pt: figures are broken too (leave out "
                        "columns with `hide` or split the table)").format(count=len(columns), size=size))
        return Fit(tuple(m * width / sum(mins) for m in mins), size, tuple(mins), tuple(notes), padding)
    prefs = [max(p, m) for p, m in zip(at(size, "preferred", padding), mins)]
    greedy = GREEDY * size + 2 * padding
    claims = [max(min(p, greedy), m) for p, m in zip(prefs, mins)]
    return Fit(_share(mins, prefs, claims, [c.share for c in columns], width), size, tuple(mins), tuple(notes),
               padding)


def _towards(mins: list[float], lower: list[float], width: float) -> list[float]:
    """`mins` lowered towards `lower`, each column by the same share of its difference,
    just enough to fit `width` (all the way when even `lower` does not fit)."""
    give = sum(mins) - sum(lower)
    share = min(1.0, (sum(mins) - width) / give) if give > 0 else 1.0
    return [m - (m - lo) * share for m, lo in zip(mins, lower)]


# When the minimums do not fit at the smallest size with tight padding: what gives, in order.
_TIERS: tuple[tuple[str, Callable[[], str]], ...] = (  # notes in the language in use when warned
    ("word", lambda: tr("Japanese text wraps inside phrases")),
    ("hard", lambda: tr("long words and URLs are broken (leave out columns with `hide` or split the table)")),
)


def _share(mins: list[float], prefs: list[float], claims: list[float], hints: list[float | None],
           width: float) -> tuple[float, ...]:
    """Minimums first; hinted columns at their share (never below their minimum); the
    rest in proportion to (claim − minimum), a claim being the preferred width up to
    `GREEDY` em; when every column fits on one line, each gets its preferred width and
    the rest in proportion to it."""
    out = list(mins)
    free = [i for i, h in enumerate(hints) if h is None]
    for i, h in enumerate(hints):
        if h is not None:
            out[i] = max(mins[i], h * width)
    room = width - sum(out)
    if room < 0:  # hints asked for more than there is: the hinted columns give way
        hinted = [i for i in range(len(out)) if i not in free]
        over = sum(out[i] - mins[i] for i in hinted)
        for i in hinted:
            out[i] -= (out[i] - mins[i]) * min(1.0, -room / over) if over else 0
        room = width - sum(out)
    if not free:
        free = list(range(len(out)))
    if sum(prefs[i] - mins[i] for i in free) <= room:
        for i in free:
            out[i] = prefs[i]
        room = width - sum(out)
        weights = [prefs[i] for i in free]
    else:
        weights = [claims[i] - mins[i] for i in free]
        if not any(weights):
            weights = [claims[i] for i in free]
    total = sum(weights) or 1.0
    for i, w in zip(free, weights):
        out[i] += room * w / total
    return tuple(out)


# ---- a model table block as column contents --------------------------------------------

LONG_TABLE = 30       # body rows: a table longer than this is a list, set densely
DENSE_SIZE = 8.0      # pt: the type size of a long list (at most)
PAD_EM = 0.6          # a cell's padding left and right, in em of the table's type size
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,11}")


def fit_block(block: TableBlock, theme: Theme, width: float, size: float) -> tuple[list[int], Fit]:
    """The shown columns of a table block and their widths within `width` points, set at
    `size` pt (a long list at `DENSE_SIZE`) or smaller: what the PDF and the DOCX both print."""
    shown = shown_columns(block)
    if len(block.table.rows) > LONG_TABLE:
        size = min(size, DENSE_SIZE)
    return shown, solve(column_contents(block, shown, _tabular(theme)), width, size, table_measure(theme), padding)


def padding(size: float) -> float:
    """A cell's padding on each side, in points, at type size `size`."""
    return PAD_EM * size


def shown_columns(block: TableBlock) -> list[int]:
    """The columns the PDF and DOCX print (the appendix keeps the hidden ones)."""
    return [i for i in range(len(block.table.columns)) if not block.style(i).hidden]


def column_contents(block: TableBlock, shown: Sequence[int], tabular: bool) -> list[ColumnContent]:
    """Each shown column's header, distinct texts (total rows apart) and width hint. With
    `tabular` digits (all of one width in the figures font) a figure column's texts are
    told apart by their shape only (every digit as 0): 10,000 figures measure as a few."""
    table = block.table
    out = []
    rows = table.data_rows
    for i in shown:
        column = table.columns[i]
        texts = {row[i].text for row in rows}
        strong = {table.rows[n][i].text for n in table.totals}
        if tabular and set_in_figures(column):
            texts, strong = {t.translate(_ZEROS) for t in texts}, {t.translate(_ZEROS) for t in strong}
        out.append(ColumnContent(column.name, tuple(sorted(texts)), tuple(sorted(strong)), column.kind != "text",
                                 set_in_figures(column), block.style(i).width))
    return out


_ZEROS = str.maketrans("123456789", "000000000")


def _tabular(theme: Theme) -> bool:
    """Whether the figures fonts' digits all have one width (regular and bold)."""
    return all(len({metrics(path, theme.font_fallback)[d] for d in "0123456789"}) == 1
               for path in (theme.font_figures, theme.font_figures_bold))


def set_in_figures(column: Column) -> bool:
    """Whether a column's cells are set in the tabular font (numbers and dates)."""
    return column.kind != "text"


def alignment(block: TableBlock, i: int) -> Align:
    """The workbook's `align.COLUMN`, else by type: numbers right, dates and short codes
    (every cell a code like A-01 or 0012) centred, text left."""
    chosen = block.style(i).align
    if chosen:
        return chosen
    kind = block.table.columns[i].kind
    if kind == "number":
        return "right"
    if kind == "date":
        return "center"
    texts = [row[i].text for row in block.table.rows if row[i].text]
    if texts and all(_CODE.fullmatch(t) for t in texts) and len({len(t) for t in texts}) == 1:
        return "center"
    return "left"


def table_measure(theme: Theme) -> Measure:
    """Widths in em at 1 pt from `reportgen.metrics`: regular or bold, figures in the
    tabular font."""
    fonts = {(False, False): theme.font_regular, (True, False): theme.font_bold,
             (False, True): theme.font_figures, (True, True): theme.font_figures_bold}
    by = {key: metrics(path, theme.font_fallback) for key, path in fonts.items()}

    def measure(text: str, bold: bool, figures: bool) -> float:
        return by[(bold, figures)].width(text, 1.0)

    return measure
