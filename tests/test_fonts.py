"""reportgen.fonts: which bundled font draws which character, read with the fast cmap path."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from reportgen.fonts import codepoints, font_for, missing_chars, open_font, split_by_font
from reportgen.model import Theme

FONTS = (Theme.font_regular, Theme.font_bold, Theme.font_fallback)


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_codepoints_are_the_fonts_own_best_cmap(path: Path) -> None:
    font = TTFont(str(path), lazy=True)
    try:
        expected = frozenset(font.getBestCmap())
    finally:
        font.close()
    assert codepoints(path) == expected


def test_index_named_glyphs_keep_the_fonts_advance_widths() -> None:
    plain, fast = TTFont(str(Theme.font_regular), lazy=True), open_font(Theme.font_regular)
    try:
        for ch in "0A漢あ、":
            real, indexed = plain.getBestCmap()[ord(ch)], fast.getBestCmap()[ord(ch)]
            assert plain.getGlyphID(real) == int(indexed[1:])
            assert plain["hmtx"][real] == fast["hmtx"][indexed]
    finally:
        plain.close()
        fast.close()


def test_fallback_draws_what_the_main_font_lacks() -> None:
    main, fallback = Theme.font_regular, Theme.font_fallback
    assert font_for("あ", main, fallback) == main
    assert font_for("鸟", main, fallback) == fallback
    assert split_by_font("中国の鸟です", main, fallback) == [("中国の", main), ("鸟", fallback), ("です", main)]
    assert missing_chars("abc\U000f0000", main, fallback) == ["\U000f0000"]
