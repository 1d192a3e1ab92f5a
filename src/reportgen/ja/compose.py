"""The Japanese line composer: styled runs in, lines of positioned segments out.

In: `Run`s (text plus an opaque style key), a `Widths` measurer (advance width of a
character in a style) and `Options` (width, alignment, rules). Out: `Line`s, each a tuple of
`Segment`s: a run of characters of one style with one x position and one uniform character
spacing, ready for a PDF text object (`Tc`). Pure: no renderer imports here.

Steps: prepare (drop typed spaces and newlines, keeping them as gap flags; classes and
widths), glue (the spacing between each pair of neighbours: nothing inside a Latin word,
¼ em between Japanese and Latin, compression of consecutive full-width punctuation),
breaks (greedy, JLREQ kinsoku, phrase boundaries for headings), set (justify or align
one line) and segment (group characters that share a style and a spacing).
No library composes Japanese lines for reportlab; this module is written by hand.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import reduce
from itertools import accumulate
from operator import add
from typing import Callable, Hashable, Literal, Protocol, Sequence

from reportgen.ja.breaks import pair_table, space_breakable
from reportgen.ja.classes import (
    CLASSES, CLOSING_WIDE, CLW, COUNT, JAPANESE, NOT_END, NU, OPENING_WIDE, OPW, STOP, STOPS, WESTERN, WIDE,
    classes, not_start,
)
from reportgen.ja.phrases import phrases

Align = Literal["justify", "left", "center", "right"]

# Kinds of gap between two neighbouring characters; each stretches differently.
FIXED, JA, MIXED, SPACE, HARD = 0, 1, 2, 3, 4
_CLOSERS = frozenset({CLW, STOP})
_SEPARATOR = re.compile(r"[ \n]+")
_PUNCTUATION = re.compile("[" + re.escape(OPENING_WIDE + CLOSING_WIDE + STOPS) + "]")


@dataclass(frozen=True)
class Run:
    """A run of text in one style. `key` is passed back to the measurer; `size` is its em."""

    text: str
    key: Hashable
    size: float


@dataclass(frozen=True)
class Options:
    """How to set a paragraph. `em` is the body size (¼ em spacing is relative to it)."""

    width: float
    em: float
    align: Align = "justify"
    first_indent: float = 0.0
    strict: bool = True
    hanging: bool = False
    mixed_spacing: bool = True
    phrase_breaks: bool = False
    balance: bool = False


@dataclass(frozen=True)
class Segment:
    """Characters of run `run` drawn from x with `char_space` added after each one."""

    run: int
    text: str
    x: float
    char_space: float
    width: float


@dataclass(frozen=True)
class Line:
    """One set line. `start`/`end` index the runs' joined text; `final` lines are ragged."""

    segments: tuple[Segment, ...]
    start: int
    end: int
    width: float
    final: bool
    hanging: bool = False
    flaw: str = ""
    """A compromise made on this line: "short" (justified, but left short of the margin,
    since filling it would open gaps over `MAX_STRETCH`), "broken" (a word or number broken
    with no break opportunity), or ""."""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


class Widths(Protocol):
    def widths(self, key: Hashable, text: str) -> list[float]: ...


class CachedWidths:
    """Advance widths per (style key, character), measured once by `measure(key, ch)`."""

    def __init__(self, measure: Callable[[Hashable, str], float]):
        self._measure = measure
        self._tables: dict[Hashable, dict[str, float]] = {}

    def widths(self, key: Hashable, text: str) -> list[float]:
        table = self._tables.get(key)
        if table is None:
            table = self._tables[key] = _WidthTable(self._measure, key)
        return list(map(table.__getitem__, text))


class _WidthTable(dict):
    def __init__(self, measure: Callable[[Hashable, str], float], key: Hashable):
        super().__init__()
        self._measure, self._key = measure, key

    def __missing__(self, ch: str) -> float:
        w = self[ch] = self._measure(self._key, ch)
        return w


@dataclass(frozen=True)
class _Prepared:
    """The paragraph without typed spaces and newlines, with per-character data."""

    text: str                 # joined run text (the coordinates of Line.start/end)
    chars: str                # `text` without spaces and newlines
    removed: list[int]        # index in `chars` of each dropped space/newline run
    removed_cum: list[int]    # characters dropped up to and including that run
    spaced: dict[int, str]    # chars index -> the dropped run before it
    cls: list[int]
    width: list[float]
    run: list[int]
    size: list[float]
    keys: tuple[Hashable, ...]  # style key per run


@dataclass(frozen=True)
class _Glue:
    """Per gap i (before character i): natural, minimum width, kind and break flag."""

    natural: list[float]
    minimum: list[float]
    kind: list[int]
    breaks: list[int]         # sorted gap indices where a line may break
    break_set: frozenset[int]
    hard: list[int]           # sorted gap indices where a line must break
    quarter: float            # ¼ em: the natural Japanese–Latin spacing


def compose(runs: Sequence[Run], measure: Widths, opts: Options) -> tuple[Line, ...]:
    """Break and set the runs into lines of at most `opts.width` points."""
    line = _plain_line(runs, measure, opts)
    return (line,) if line else _compose(runs, measure, opts)


def _compose(runs: Sequence[Run], measure: Widths, opts: Options) -> tuple[Line, ...]:
    prep = _prepare(runs, measure)
    if not prep.chars:
        return ()
    glue = _glue(prep, measure, opts)
    preferred = _phrase_breaks(prep, glue) if opts.phrase_breaks else glue.breaks
    width = _balanced_width(prep, glue, preferred, opts) if opts.balance else opts.width
    spans = _break_lines(prep, glue, preferred, opts, width)
    return tuple(_set_line(prep, glue, opts, width, *span) for span in spans)


def wrap_text(text: str, width: float, char_width: Callable[[str], float], em: float,
              phrase_breaks: bool = False, balance: bool = False) -> tuple[str, ...]:
    """`text` broken into lines at most `width` wide, as source text (for chart labels and
    table cells drawn by other renderers). `char_width(ch)` is a character's advance."""
    opts = Options(width=width, em=em, align="left", phrase_breaks=phrase_breaks, balance=balance)
    lines = compose([Run(text, None, em)], CachedWidths(lambda _key, ch: char_width(ch)), opts)
    return tuple(text[line.start:line.end] for line in lines)


# -- the short cut -------------------------------------------------------------------

class _Plain(dict):
    """Memo: is a character Western and not a space, so that it needs no glue next to
    any other such character (its class has no spacing rule)?"""

    def __missing__(self, ch: str) -> bool:
        plain = self[ch] = ch not in " \t\r\n" and CLASSES[ch] not in WIDE | JAPANESE
        return plain


_PLAIN = _Plain()


def _plain_line(runs: Sequence[Run], measure: Widths, opts: Options) -> Line | None:
    """The one line of a single run of Western characters without spaces that fits
    (a number, a date, a code: most table cells), set as `_compose` would set it, or
    None for anything else. Between such characters every gap is fixed and zero, so
    there is nothing to glue, break, stretch or shrink: the line is one segment.
    Widths are summed in the order `_line_end`, `_set_line` and `_segments` sum them."""
    if len(runs) != 1 or not runs[0].text or not all(map(_PLAIN.__getitem__, runs[0].text)):
        return None
    text = runs[0].text
    widths = measure.widths(runs[0].key, text)
    avail = opts.width - opts.first_indent
    if reduce(add, widths) > avail + 1e-6:
        return None
    shift = avail - sum(widths)
    if opts.align == "center":
        shift /= 2
    elif opts.align != "right":
        shift = 0.0
    x0 = opts.first_indent + max(0.0, shift)
    right = reduce(add, widths[:-1], x0) + widths[-1]
    return Line((Segment(0, text, x0, 0.0, right - x0),), 0, len(text), right, True)


# -- prepare -------------------------------------------------------------------------

def _prepare(runs: Sequence[Run], measure: Widths) -> _Prepared:
    text = "".join(r.text for r in runs).replace("\t", " ").replace("\r", "\n")
    removed, cum, spaced, total = [], [], {}, 0
    for m in _SEPARATOR.finditer(text):
        at = m.start() - total
        total += m.end() - m.start()
        removed.append(at)
        cum.append(total)
        spaced[at] = m.group()
    chars = _SEPARATOR.sub("", text)
    width: list[float] = []
    run: list[int] = []
    size: list[float] = []
    for i, r in enumerate(runs):
        piece = _SEPARATOR.sub("", r.text.replace("\t", " ").replace("\r", "\n"))
        width += measure.widths(r.key, piece)
        run += [i] * len(piece)
        size += [r.size] * len(piece)
    keys = tuple(r.key for r in runs)
    return _Prepared(text, chars, removed, cum, spaced, classes(chars), width, run, size, keys)


def _original(prep: _Prepared, j: int) -> int:
    """Index in `prep.text` of `prep.chars[j]` (or of the end, for j == len(chars))."""
    k = bisect_right(prep.removed, j)
    return j + (prep.removed_cum[k - 1] if k else 0)


# -- glue ----------------------------------------------------------------------------

def _kind(a: int, b: int, mixed_spacing: bool) -> int:
    if mixed_spacing and ((a in JAPANESE and b in WESTERN) or (a in WESTERN and b in JAPANESE)):
        return MIXED
    return JA if (a in WIDE or b in WIDE) else FIXED


def _kind_tables() -> dict[bool, tuple[int, ...]]:
    return {on: tuple(_kind(a, b, on) for a in range(COUNT) for b in range(COUNT))
            for on in (True, False)}


_KINDS = _kind_tables()


def _glue(prep: _Prepared, measure: Widths, opts: Options) -> _Glue:
    cls, n = prep.cls, len(prep.chars)
    pairs = [0] + [a * COUNT + b for a, b in zip(cls, cls[1:])]
    kind = list(map(_KINDS[opts.mixed_spacing].__getitem__, pairs))
    table = pair_table(opts.strict)
    can = list(map(table.__getitem__, pairs))
    quarter = opts.em / 4
    natural = [quarter if k == MIXED else 0.0 for k in kind]
    minimum = [opts.em / 8 if k == MIXED else 0.0 for k in kind]
    hard: list[int] = []
    for j, sep in prep.spaced.items():
        if 0 < j < n:
            _typed_gap(prep, measure, opts, j, sep, (natural, minimum, kind, can, hard))
    _compress(prep, kind, natural, minimum)
    kind[0], can[0] = FIXED, False
    breaks = [j for j in range(1, n) if can[j]]
    return _Glue(natural, minimum, kind, breaks, frozenset(breaks), sorted(hard), quarter)


def _typed_gap(prep: _Prepared, measure: Widths, opts: Options, j: int, sep: str,
               arrays: tuple[list[float], list[float], list[int], list[bool], list[int]]) -> None:
    """A gap where the source had spaces or a newline: a forced break, ¼ em or a space."""
    natural, minimum, kind, can, hard = arrays
    a, b = prep.cls[j - 1], prep.cls[j]
    if "\n" in sep:
        kind[j], natural[j], minimum[j], can[j] = HARD, 0.0, 0.0, True
        hard.append(j)
        return
    can[j] = space_breakable(a, b, opts.strict)
    if opts.mixed_spacing and (a in WIDE) != (b in WIDE):
        return  # Japanese–Latin boundary: the typed space becomes that boundary's spacing
    space = measure.widths(prep.keys[prep.run[j - 1]], " ")[0]
    kind[j], natural[j], minimum[j] = SPACE, space, space * 0.75


def _compress(prep: _Prepared, kind: list[int], natural: list[float],
              minimum: list[float]) -> None:
    """Consecutive full-width punctuation (」、 。」 」「 （「) loses one half-em blank."""
    cls, width, size = prep.cls, prep.width, prep.size
    for m in _PUNCTUATION.finditer(prep.chars, 1):
        j = m.start()
        a = cls[j - 1]
        if kind[j] != JA:
            continue
        if a in _CLOSERS and width[j - 1] >= 0.9 * size[j - 1]:
            natural[j] = minimum[j] = -0.5 * size[j - 1]
        elif a == OPW and cls[j] == OPW and width[j] >= 0.9 * size[j]:
            natural[j] = minimum[j] = -0.5 * size[j]


# -- breaks --------------------------------------------------------------------------

def _phrase_breaks(prep: _Prepared, glue: _Glue) -> list[int]:
    """Break opportunities that are also budoux phrase boundaries or typed spaces; a
    number stays with the counter or unit after it (budoux splits `第4|四半期`)."""
    bounds, at = set(), 0
    for phrase in phrases(prep.text)[:-1]:
        at += len(phrase)
        bounds.add(_stripped(prep, at))
    cls, spaced = prep.cls, prep.spaced
    return [j for j in glue.breaks if j in spaced or (j in bounds and cls[j - 1] != NU)]


def _stripped(prep: _Prepared, original: int) -> int:
    """Index in `prep.chars` of the character at (or the first after) `original`."""
    dropped = 0
    for at, cum in zip(prep.removed, prep.removed_cum):
        if at + cum > original:
            return min(at, original - dropped)
        dropped = cum
    return original - dropped


@dataclass(frozen=True)
class _Sums:
    """Prefix sums over characters and the gaps before them, for O(1) line measures."""

    lo: list[float]       # widths with every gap at its minimum
    hi: list[float]       # widths with every gap at its natural width
    shrink: list[int]     # gaps that may shrink (¼ em spacing, spaces)
    stretch: list[int]    # gaps that may stretch (those and gaps between Japanese)

    @classmethod
    def of(cls, prep: _Prepared, glue: _Glue) -> "_Sums":
        def sums(values) -> list:
            return list(accumulate(values, initial=0))

        return cls(
            sums(map(add, prep.width, glue.minimum)), sums(map(add, prep.width, glue.natural)),
            sums(k in (MIXED, SPACE) for k in glue.kind), sums(k in (JA, MIXED, SPACE) for k in glue.kind),
        )

    def natural(self, glue: _Glue, s: int, e: int) -> float:
        return self.hi[e] - self.hi[s] - glue.natural[s]

    @staticmethod
    def gaps(counts: list[int], s: int, e: int) -> int:
        return max(1, counts[e] - counts[s + 1])


def _break_lines(prep: _Prepared, glue: _Glue, preferred: list[int], opts: Options,
                 width: float) -> list[tuple[int, int, bool]]:
    """Greedy JLREQ line breaking: (start, end, hanging) per line."""
    sums = _Sums.of(prep, glue)
    n, spans, s = len(prep.chars), [], 0
    while s < n:
        avail = width - (opts.first_indent if s == 0 else 0.0)
        e, hang = _line_end(prep, glue, preferred, opts, sums, s, avail)
        spans.append((s, e, hang))
        s = e
    return _avoid_runt(spans, glue, sums, preferred, opts, width)


RUNT = 4            # a paragraph's last line holds at least this many characters
RUNT_STRETCH = 0.2  # if the line before stretches by at most this many em per gap


def _avoid_runt(spans: list[tuple[int, int, bool]], glue: _Glue, sums: _Sums,
                breaks: list[int], opts: Options, width: float) -> list[tuple[int, int, bool]]:
    """A paragraph's last line shorter than `RUNT` characters (`い。`) takes units from the
    end of the line before, one break opportunity at a time (so kinsoku holds), while that
    line stretches by at most `RUNT_STRETCH` em per gap and the last line still fits."""
    if len(spans) < 2 or opts.align != "justify":
        return spans
    (s, e, hang), (_, n, _) = spans[-2], spans[-1]
    if hang or glue.kind[e] == HARD:
        return spans
    avail = width - (opts.first_indent if s == 0 else 0.0)
    end = e
    while n - end < RUNT:
        prev = _last_break(breaks, s, end - 1)
        if prev is None or sums.natural(glue, prev, n) > width:
            break
        stretch = (avail - sums.natural(glue, s, prev)) / sums.gaps(sums.stretch, s, prev)
        if stretch > RUNT_STRETCH * opts.em:
            break
        end = prev
    if end == e:
        return spans
    return spans[:-2] + [(s, end, False), (end, n, False)]


def _line_end(prep: _Prepared, glue: _Glue, preferred: list[int], opts: Options,
              sums: _Sums, s: int, avail: float) -> tuple[int, bool]:
    n, lo = len(prep.chars), sums.lo
    fit = bisect_right(lo, avail + lo[s] + glue.minimum[s] + 1e-6) - 1
    hard = glue.hard[bisect_right(glue.hard, s):][:1]
    if hard and hard[0] <= min(fit, n):
        return hard[0], False
    if fit >= n:
        return n, False
    if opts.hanging and prep.cls[fit] == STOP and (fit + 1 == n or fit + 1 in glue.break_set):
        return fit + 1, True
    best = _last_break(preferred, s, fit) or _last_break(glue.breaks, s, fit)
    if best is None or _overflows_after(glue, lo, s, best, avail):
        return _last_url_break(prep.chars, best or s, fit) or _forced_end(prep, opts, s, fit), False
    e = _push_in_or_out(glue, sums, preferred, s, best, avail)
    if opts.align == "justify" and _stretch_needed(glue, sums, s, e, avail) > MAX_STRETCH * opts.em:
        e = _inside_long_unit(prep, e, fit) or e
    return e, False


MAX_STRETCH = 0.5
"""The widest a justified line opens any gap between characters, in em."""
LONG_UNIT = 12
"""A run of Western characters at least this long (a URL, a long number) may break inside."""
_AFTER = frozenset("/.?&=")
_BEFORE = frozenset("-_&=")
_URL_MARKS = _AFTER | _BEFORE


def _url_break(chars: str, j: int) -> bool:
    """A break before chars[j] inside a URL or long number: after `/` (not inside `//`),
    `.` and `?` (which may not start a line), before `-` (a hyphen ending a line would
    read as a hyphenation) and `_`, before or after `&` and `=`."""
    a, b = chars[j - 1], chars[j]
    return (a in _AFTER and b not in _URL_MARKS) or (b in _BEFORE and a not in _URL_MARKS)


def _stretch_needed(glue: _Glue, sums: _Sums, s: int, e: int, avail: float) -> float:
    """The width each stretchable gap of line s..e takes to end flush."""
    return (avail - sums.natural(glue, s, e)) / sums.gaps(sums.stretch, s, e)


def _inside_long_unit(prep: _Prepared, e: int, fit: int) -> int | None:
    """Where to end a line that would otherwise stretch too far, when the unit after `e`
    is a long run of Western characters (a URL, a long number): at its last URL break
    (`_url_break`) that fits, no hyphen added. None when the unit is short or has none
    (a long word is not broken: its line is left short instead)."""
    chars, cls = prep.chars, prep.cls
    if fit <= e or cls[e] in WIDE:
        return None
    unit_end = e + 1
    while unit_end < len(chars) and cls[unit_end] not in WIDE and unit_end not in prep.spaced:
        unit_end += 1
    return _last_url_break(chars, e, min(fit, unit_end - 1)) if unit_end - e >= LONG_UNIT else None


def _last_url_break(chars: str, start: int, fit: int) -> int | None:
    """The last URL break j, start < j <= fit."""
    for j in range(fit, start, -1):
        if _url_break(chars, j):
            return j
    return None


def _push_in_or_out(glue: _Glue, sums: _Sums, breaks: list[int], s: int, e: int,
                    avail: float) -> int:
    """Keep `e` by shrinking the line (JLREQ oikomi), or end it at the break before and
    stretch instead (oidashi), whichever changes each gap less."""
    over = sums.natural(glue, s, e) - avail
    prev = _last_break(breaks, s, e - 1) if over > 0 else None
    if prev is None:
        return e
    shrink = over / sums.gaps(sums.shrink, s, e)
    stretch = (avail - sums.natural(glue, s, prev)) / sums.gaps(sums.stretch, s, prev)
    return prev if stretch < shrink else e


def _last_break(breaks: list[int], s: int, fit: int) -> int | None:
    k = bisect_right(breaks, fit) - 1
    return breaks[k] if k >= 0 and breaks[k] > s else None


def _overflows_after(glue: _Glue, lo: list[float], s: int, best: int, avail: float) -> bool:
    """True when breaking at `best` leaves a line under half full because the next
    unbreakable unit (a long word or URL) is wider than a whole line anyway."""
    if lo[best] - lo[s] >= avail / 2:
        return False
    k = bisect_left(glue.breaks, best + 1)
    nxt = glue.breaks[k] if k < len(glue.breaks) else len(lo) - 1
    return lo[nxt] - lo[best] - glue.minimum[best] > avail


def _forced_end(prep: _Prepared, opts: Options, s: int, fit: int) -> int:
    """Break a unit too long for the line, stepping back over kinsoku characters."""
    e, start_bad = max(fit, s + 1), not_start(opts.strict)
    while e > s + 1 and (prep.cls[e] in start_bad or prep.cls[e - 1] in NOT_END):
        e -= 1
    return e


def _balanced_width(prep: _Prepared, glue: _Glue, preferred: list[int], opts: Options) -> float:
    """The narrowest width that keeps the line count (lines of similar length) and breaks
    only where the full width breaks: at preferred breaks (phrases) when it does."""
    spans = _break_lines(prep, glue, preferred, opts, opts.width)
    count, allowed = len(spans), set(preferred) | {len(prep.chars)}
    if count < 2:
        return opts.width
    strict = all(e in allowed for _, e, _ in spans)
    lo, hi = opts.width / count, opts.width
    for _ in range(14):
        mid = (lo + hi) / 2
        trial = _break_lines(prep, glue, preferred, opts, mid)
        if len(trial) > count or (strict and any(e not in allowed for _, e, _ in trial)):
            lo = mid
        else:
            hi = mid
    return hi


# -- set -----------------------------------------------------------------------------

def _set_line(prep: _Prepared, glue: _Glue, opts: Options, width: float,
              s: int, e: int, hang: bool) -> Line:
    n = len(prep.chars)
    final = e == n or glue.kind[e] == HARD
    indent = opts.first_indent if s == 0 else 0.0
    avail = (width if opts.align == "justify" else opts.width) - indent
    body = e - 1 if hang else e
    natural = sum(prep.width[s:body]) + sum(glue.natural[s + 1:body])
    justify = opts.align == "justify" and not final
    adds = _adjustments(glue, s, body, avail - natural, stretch=justify)
    shift = {"center": (avail - natural) / 2, "right": avail - natural}.get(opts.align, 0.0)
    x0 = indent + max(0.0, shift)
    segments, right = _segments(prep, glue, s, e, x0, adds, body)
    flaw = _flaw(prep, glue, e, justify and right < width - 0.01)
    return Line(segments, _original(prep, s), _original(prep, e - 1) + 1, right, final, hang, flaw)


def _flaw(prep: _Prepared, glue: _Glue, e: int, short: bool) -> str:
    """"broken" when the line ends where no break may fall (a URL's breaks apart), "short"
    when a justified line could not be filled within `MAX_STRETCH`."""
    if e < len(prep.chars) and e not in glue.break_set and not _url_break(prep.chars, e):
        return "broken"
    return "short" if short else ""


def _adjustments(glue: _Glue, s: int, e: int, slack: float, stretch: bool) -> list[float]:
    """Extra width per gap kind (FIXED, JA, MIXED, SPACE, HARD) or, when shrinking, the
    fraction of their shrinkability that MIXED and SPACE gaps give up (as negatives)."""
    kinds = glue.kind[s + 1:e]
    if slack < 0:
        give = sum(glue.natural[j] - glue.minimum[j] for j in range(s + 1, e)
                   if glue.kind[j] in (MIXED, SPACE))
        ratio = min(1.0, -slack / give) if give > 0 else 0.0
        return [0.0, 0.0, -ratio, -ratio, 0.0]
    if not stretch or slack == 0:
        return [0.0] * 5
    return _stretch(kinds, slack, glue)


def _stretch(kinds: list[int], slack: float, glue: _Glue) -> list[float]:
    """Every gap opens by at most `MAX_STRETCH` em: a line that would need more is left
    short of the margin (the line breaker avoids that where a long unit may break)."""
    most = MAX_STRETCH * 4 * glue.quarter
    ja, mixed, space = kinds.count(JA), kinds.count(MIXED), kinds.count(SPACE)
    if ja + mixed + space == 0:
        fixed = kinds.count(FIXED)  # a broken long word: letter-space it as a last resort
        return [min(slack / fixed, most) if fixed else 0.0, 0.0, 0.0, 0.0, 0.0]
    share = slack / (ja + mixed + space)
    cap = _MIXED_STRETCH * glue.quarter
    if mixed and share > cap and ja + space:
        share = (slack - mixed * cap) / (ja + space)
        return [0.0, min(share, most), cap, min(share, most), 0.0]
    return [0.0, min(share, most), min(share, cap), min(share, most), 0.0]


_MIXED_STRETCH = 1.0  # ¼ em may stretch by another ¼ em, to ½ em


def _segments(prep: _Prepared, glue: _Glue, s: int, e: int, x0: float, adds: list[float],
              body: int) -> tuple[tuple[Segment, ...], float]:
    """Group characters sharing a run and a spacing; return them and the right edge."""
    shrinking = adds[MIXED] < 0
    width, run, chars, nat, lo, kind = (prep.width, prep.run, prep.chars, glue.natural,
                                        glue.minimum, glue.kind)
    out: list[Segment] = []
    start, sx, x, cs = s, x0, x0, None
    for j in range(s + 1, e):
        k = kind[j]
        if shrinking and k in (MIXED, SPACE):
            g = nat[j] + adds[k] * (nat[j] - lo[j])
        else:
            g = nat[j] + adds[k] if j < body else nat[j]
        x += width[j - 1] + g
        if run[j] == run[start] and (cs is None or abs(g - cs) < 1e-6):
            if cs is None:
                cs = g
            continue
        out.append(Segment(run[start], chars[start:j], sx, cs or 0.0, x - g - sx))
        start, sx, cs = j, x, None
    right = x + width[e - 1]
    out.append(Segment(run[start], chars[start:e], sx, cs or 0.0, right - sx))
    return tuple(out), right
