""""Did you mean …?" for a mistyped name: the closest known name, appended to the
located error that reports the unknown one (meta keys, block types, sheets, columns,
chart ids, value names)."""

from __future__ import annotations

import difflib
from typing import Iterable

from reportgen.i18n import tr

CUTOFF = 0.6
"""difflib's similarity ratio below which a name is not offered (its own default)."""


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """'; did you mean 'x'?' for the known name closest to `word` (compared without case,
    so `Title` finds `title`), else ''. difflib works on any script, Japanese too."""
    by_fold = {str(k).casefold(): str(k) for k in known}
    match = difflib.get_close_matches(word.strip().casefold(), list(by_fold), n=1, cutoff=CUTOFF)
    if not match or by_fold[match[0]] == word:
        return ""
    return tr("; did you mean '{name}'?").format(name=by_fold[match[0]])
