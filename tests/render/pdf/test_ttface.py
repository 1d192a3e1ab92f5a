"""render/pdf/ttface: the bulk-read reportlab font equals reportlab's own, attribute by attribute."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from reportgen.model import Theme
from reportgen.render.pdf.ttface import FastTTFont

FONTS = (Theme.font_regular, Theme.font_bold, Theme.font_fallback)


def _attributes(obj: object, skip: set[str]) -> dict[str, object]:
    return {k: v for k, v in vars(obj).items() if k not in skip}


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_fast_font_equals_reportlabs(path: Path) -> None:
    stock, fast = TTFont("F", str(path)), FastTTFont("F", str(path))
    assert _attributes(fast, {"face", "state", "encoding"}) == _attributes(stock, {"face", "state", "encoding"})
    want, got = _attributes(stock.face, {"_pdfScale"}), _attributes(fast.face, {"_pdfScale"})
    assert got.keys() == want.keys()
    for key, value in want.items():
        assert got[key] == value, key
        if isinstance(value, dict):  # same order too: reportlab iterates these
            assert list(got[key]) == list(value), key
        if isinstance(value, list):  # same types (ints, or floats scaled to 1/1000 em)
            assert [type(v) for v in got[key]] == [type(v) for v in value], key


def test_fast_font_embeds_the_same_subset() -> None:
    stock, fast = TTFont("F", str(Theme.font_regular)), FastTTFont("F", str(Theme.font_regular))
    subset = [ord(c) for c in "日本語のテキスト、ABC 123。鸟"]
    assert fast.face.makeSubset(subset) == stock.face.makeSubset(subset)
    assert fast.stringWidth("日本語 ABC", 10) == stock.stringWidth("日本語 ABC", 10)
