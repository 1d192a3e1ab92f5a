"""Japanese phrase boundaries (budoux), for headings, labels and captions that must not
break mid-word. The parser is loaded once per process."""

from __future__ import annotations

from functools import lru_cache

import budoux


@lru_cache(maxsize=1)
def _parser() -> budoux.Parser:
    return budoux.load_default_japanese_parser()


@lru_cache(maxsize=4096)
def phrases(text: str) -> tuple[str, ...]:
    """`text` cut into phrases; joining them gives `text` back."""
    return tuple(_parser().parse(text)) if text else ()
