"""The metrics module: the advance widths every output measures text with are the fonts'
own (fontTools' hmtx), whether read from the font or restored from the user cache, and a
character measures as reportlab measures it."""

from __future__ import annotations

import pytest

from reportgen.fonts import best_cmap, shared_font
from reportgen.model import Theme
from reportgen import metrics


@pytest.mark.parametrize("font", [Theme.font_regular, Theme.font_fallback], ids=["main", "fallback"])
def test_advances_match_the_font_and_survive_the_user_cache(tmp_path, monkeypatch, font):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    metrics.advance_table.cache_clear()
    read = metrics.advance_table(font)
    assert list((tmp_path / "cache" / "advances").iterdir())  # stored for the next process
    metrics.advance_table.cache_clear()
    restored = metrics.advance_table(font)
    metrics.advance_table.cache_clear()
    assert restored == read
    per_em, advances = read
    ttf = shared_font(font)
    assert per_em == ttf["head"].unitsPerEm
    hmtx, cmap = ttf["hmtx"], best_cmap(font)
    assert advances.keys() == cmap.keys()
    assert all(advances[cp] == hmtx[glyph][0] for cp, glyph in cmap.items())


def test_a_character_measures_as_reportlab_measures_it():
    from reportgen.render.pdf.fonts import register_fonts
    from reportlab.pdfbase.pdfmetrics import stringWidth

    theme = Theme()
    fonts = register_fonts(theme)
    m = metrics.metrics(theme.font_regular, theme.font_fallback)
    for ch in "0１,.年度アァ漢字Ag（）％":
        assert m[ch] * 9.5 == stringWidth(ch, fonts.font_of(ch, False), 9.5)


def test_widths_take_the_widest_line_and_the_fallback_font():
    m = metrics.metrics(Theme.font_regular, Theme.font_fallback)
    assert m.width("漢字\n漢", 10) == pytest.approx(20)
    assert m.widest(["1", "22", "1"], 10) == m.width("22", 10)
