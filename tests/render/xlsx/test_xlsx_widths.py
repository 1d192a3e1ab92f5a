"""Column-width metrics: the advance widths the appendix measures text with are the
fonts' own (fontTools' hmtx), whether read from the font or restored from the user cache."""

from __future__ import annotations

import pytest

from reportgen.fonts import best_cmap, shared_font
from reportgen.model import Theme
from reportgen.render.xlsx import cells


@pytest.mark.parametrize("font", [Theme.font_regular, Theme.font_fallback], ids=["main", "fallback"])
def test_advances_match_the_font_and_survive_the_user_cache(tmp_path, monkeypatch, font):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    cells._advance_table.cache_clear()
    read = cells._advance_table(font)
    assert list((tmp_path / "cache" / "advances").iterdir())  # stored for the next process
    cells._advance_table.cache_clear()
    restored = cells._advance_table(font)
    cells._advance_table.cache_clear()
    assert restored == read
    per_em, advances = read
    ttf = shared_font(font)
    assert per_em == ttf["head"].unitsPerEm
    hmtx, cmap = ttf["hmtx"], best_cmap(font)
    assert advances.keys() == cmap.keys()
    assert all(advances[cp] == hmtx[glyph][0] for cp, glyph in cmap.items())
