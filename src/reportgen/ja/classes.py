"""Character classes for Japanese line composition (W3C JLREQ Appendix A, JIS X 4051).

In: characters. Out: a small integer class per character (`classes`, `CLASSES[ch]`)
and the class sets the line breaker and the composer ask about. Pure data, no I/O.
"""

from __future__ import annotations

import unicodedata

# Class numbers. "Wide" classes are Japanese characters (a break may fall next to them);
# "narrow" classes are Western characters (no break between two of them: a word).
ID = 0      # kanji, kana, full-width letters and digits
AL = 1      # Western letters and symbols
NU = 2      # ASCII digits
OPW = 3     # cl-01 wide opening brackets: not at line end
OPN = 4     # cl-01 narrow opening brackets
CLW = 5     # cl-02 wide closing brackets: not at line start
CLN = 6     # cl-02 narrow closing brackets
STOP = 7    # cl-06/07 wide 、。，．: not at line start, may hang, compressible
NSW = 8     # cl-03/04/05 wide not-starters (！？：；〜)
NSN = 9     # narrow not-starters (,.!?:; and hyphens)
NSK = 10    # small kana, ー and iteration marks: not at line start when strict only
MID = 11    # cl-05 middle dots ・･: not at line start when strict only
DASH = 12   # cl-08 dashes ——: inseparable from each other
LEADER = 13  # cl-08 leaders ……‥: inseparable from each other
PRE = 14    # cl-19 prefixed abbreviations ¥$€: not separated from what follows
POST = 15   # cl-20 postfixed abbreviations %℃: not separated from what precedes
SYM = 16    # narrow symbols (/ - & @ …): part of a word, but no ¼ em next to Japanese
COUNT = 17

OPENING_WIDE = "〔〈《「『【⦅〘〖〝（［｛｟｢"
OPENING_NARROW = "‘“([{«"
CLOSING_WIDE = "〕〉》」』】⦆〙〗〟）］｝｠｣"
CLOSING_NARROW = "’”)]}»"
STOPS = "、。，．､｡"
NOT_START_WIDE = "！？：；‼⁇⁈⁉〜～゠"
NOT_START_NARROW = "!?:;,.‐–*†‡"  # with footnote markers, which stay with their word
SMALL_KANA = (
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    + "".join(chr(c) for c in range(0x31F0, 0x3200))
    + "ｧｨｩｪｫｬｭｮｯ"
)
KANA_NOT_START = SMALL_KANA + "ーｰヽヾゝゞ々〻"
MIDDLE_DOTS = "・･"
DASHES = "—―"
LEADERS = "…‥"
PREFIXES = "¥$€£#￥＄￡№"
POSTFIXES = "%‰℃°′″¢％￠"
SYMBOLS = "\"'+-/<=>@\\^_`|~&"

_TABLE: dict[str, int] = {}
for _chars, _cls in (
    (OPENING_WIDE, OPW), (OPENING_NARROW, OPN), (CLOSING_WIDE, CLW), (CLOSING_NARROW, CLN),
    (STOPS, STOP), (NOT_START_WIDE, NSW), (NOT_START_NARROW, NSN), (KANA_NOT_START, NSK),
    (MIDDLE_DOTS, MID), (DASHES, DASH), (LEADERS, LEADER), (PREFIXES, PRE),
    (POSTFIXES, POST), (SYMBOLS, SYM), ("0123456789", NU),
):
    for _ch in _chars:
        _TABLE[_ch] = _cls

WIDE = frozenset({ID, OPW, CLW, STOP, NSW, NSK, MID, DASH, LEADER})
NOT_END = frozenset({OPW, OPN, PRE})
NOT_START_STRICT = frozenset({CLW, CLN, STOP, NSW, NSN, NSK, MID, POST})
NOT_START_LOOSE = NOT_START_STRICT - {NSK, MID}
JAPANESE = frozenset({ID, NSK})          # take ¼ em spacing next to Western text
WESTERN = frozenset({AL, NU, PRE, POST})  # ditto, from the other side
INSEPARABLE = frozenset({DASH, LEADER})


def _classify(ch: str) -> int:
    if ch in _TABLE:
        return _TABLE[ch]
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return ID
    return AL


class _Classes(dict):
    """Memo of `_classify`: a dict, so `map(CLASSES.__getitem__, text)` runs at C speed."""

    def __missing__(self, ch: str) -> int:
        cls = self[ch] = _classify(ch)
        return cls


CLASSES = _Classes()


def classes(text: str) -> list[int]:
    """The class number of every character of `text`."""
    return list(map(CLASSES.__getitem__, text))


def not_start(strict: bool = True) -> frozenset[int]:
    """Classes that may not begin a line."""
    return NOT_START_STRICT if strict else NOT_START_LOOSE


def may_start_line(ch: str, strict: bool = True) -> bool:
    return CLASSES[ch] not in not_start(strict)


def may_end_line(ch: str) -> bool:
    return CLASSES[ch] not in NOT_END
