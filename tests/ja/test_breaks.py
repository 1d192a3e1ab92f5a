"""Break opportunities per JLREQ rule class, on minimal strings."""

from __future__ import annotations

import pytest

from reportgen.ja.breaks import break_opportunities
from reportgen.ja.classes import may_end_line, may_start_line

NOT_START = "’”)〕]}〉》」』】⦆〙〗»〟‐〜゠–!?‼⁇⁈⁉・:;。.、,ヽヾゝゞ々〻ーぁっゃァッュㇰ！？）］｝：；，．｠｣､｡･"
NOT_END = "‘“(〔[{〈《「『【⦅〘〖«〝（［｛｟｢"
LOOSE_START = "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶーゝゞ々・"


@pytest.mark.parametrize("ch", NOT_START)
def test_no_break_before_a_character_that_may_not_start_a_line(ch):
    text = f"あい{ch}う"
    assert 2 not in break_opportunities(text)
    assert not may_start_line(ch)


@pytest.mark.parametrize("ch", NOT_END)
def test_no_break_after_a_character_that_may_not_end_a_line(ch):
    text = f"あい{ch}う"
    assert 3 not in break_opportunities(text)
    assert not may_end_line(ch)


@pytest.mark.parametrize("ch", "っャー々・")
def test_loose_setting_lets_small_kana_prolonged_mark_and_middle_dot_start_a_line(ch):
    assert 2 in break_opportunities(f"あい{ch}う", strict=False)
    assert may_start_line(ch, strict=False)


@pytest.mark.parametrize("ch", "。、」）！")
def test_loose_setting_keeps_punctuation_off_the_line_start(ch):
    assert 2 not in break_opportunities(f"あい{ch}う", strict=False)


def test_breaks_fall_between_japanese_characters():
    assert break_opportunities("日本語") == [1, 2]


@pytest.mark.parametrize("text", [
    "約6,300万", "約4.39億", "約¥500円", "約$3.4円", "約€20円", "約30%増", "約25℃で", "約——で", "約……で",
    "はCOVID-19で", "はEle.meで",
])
def test_no_break_inside_numbers_words_currency_units_dashes_or_leaders(text):
    inner = text[1:-1]
    allowed = break_opportunities(text)
    assert [i for i in allowed if 1 < i < 1 + len(inner)] == []


def test_a_space_is_a_break_opportunity_and_the_break_falls_after_it():
    assert break_opportunities("to make it") == [3, 8]


def test_no_break_inside_a_latin_word_even_between_japanese_neighbours():
    assert break_opportunities("はword。") == [1]
