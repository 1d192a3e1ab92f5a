"""Label widths and phrase-aware wrapping (no matplotlib)."""

from __future__ import annotations

import pytest

from reportgen.charts.measure import text_width, wrap
from reportgen.ja.breaks import break_opportunities
from reportgen.ja.phrases import phrases
from reportgen.model import Theme

THEME = Theme()
LONG = "天猫のマーチャント（出店企業）のプラットフォームサービス料免除"


def width(text: str, size: float = 7.5) -> float:
    return text_width(text, size, THEME.font_regular, THEME.font_fallback)


def wrapped(text: str, limit: float, size: float = 7.5) -> list[str]:
    return wrap(text, limit, size, THEME.font_regular, THEME.font_fallback).split("\n")


def test_measures_proportional_glyphs_and_the_widest_line():
    assert width("国") == pytest.approx(7.5, rel=0.02)  # a kanji is one em
    assert width("ア") < width("国")  # BIZ UDPGothic is proportional: kana are narrower
    assert width("1") < width("国")
    assert width("国国\n国") == pytest.approx(width("国国"))


def test_measures_fallback_characters_with_the_fallback_font():
    assert width("鸟") == pytest.approx(7.5, rel=0.05)


@pytest.mark.parametrize("limit", [40.0, 60.0, 95.0, 140.0])
def test_breaks_only_between_phrases_when_each_phrase_fits(limit):
    text = "マイバンク（網商銀行）がマーチャントに無料の売掛金即時前入金サービスを提供"
    lines = wrapped(text, limit)
    assert "".join(lines) == text
    bounds = {sum(len(p) for p in phrases(text)[:k]) for k in range(len(phrases(text)) + 1)}
    cuts = {sum(len(line) for line in lines[:k]) for k in range(1, len(lines))}
    long_phrase = any(width(p) > limit for p in phrases(text))
    assert long_phrase or cuts <= bounds
    assert all(width(line) <= limit for line in lines) or long_phrase


def test_keeps_a_label_that_fits_on_one_line():
    assert wrapped("アリババグループ", 200.0) == ["アリババグループ"]


def cut_points(lines: list[str]) -> set[int]:
    return {sum(len(line) for line in lines[:k]) for k in range(1, len(lines))}


@pytest.mark.parametrize("limit", [40.0, 60.0, 80.0])
def test_cuts_an_over_long_phrase_evenly_and_only_where_a_break_is_legal(limit):
    lines = wrapped(LONG, limit)
    assert "".join(lines) == LONG
    assert all(width(line) <= limit for line in lines)
    assert all(len(line) >= 2 for line in lines)  # no lone character
    assert cut_points(lines) <= set(break_opportunities(LONG))
    assert not any(line[0] in "ーァィゥェォッャュョ）」" for line in lines)


def test_never_cuts_inside_a_figure_even_where_budoux_would():
    assert phrases("2020年1月")[0] == "202"  # budoux's own cut
    assert all("202" != line for line in wrapped("2020年1月", 30.0))
    assert "2020" in "".join(l for l in wrapped("2020年1月", 30.0) if l.startswith("2"))


def test_wraps_the_long_label_into_readable_phrases():
    assert wrapped(LONG, 95.0, 7.0)[:2] == ["天猫のマーチャント", "（出店企業）の"]
