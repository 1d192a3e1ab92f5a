"""The line composer on minimal strings, with a fixed-pitch measurer: Japanese characters
10 pt wide (a 10 pt em), Western characters and spaces 5 pt."""

from __future__ import annotations

import pytest

from reportgen.ja.compose import CachedWidths, Line, Options, Run, compose, wrap_text

EM = 10.0


def pitch(key, ch: str) -> float:
    if ch in "」、。（「）":
        # "full": a font with full-width punctuation, like BIZ UDGothic; else proportional
        return EM if key == "full" else EM / 2
    return EM if ord(ch) >= 0x2E80 else EM / 2


def lay(text: str, width: float, **options) -> tuple[Line, ...]:
    key = options.pop("key", None)
    return compose([Run(text, key, EM)], CachedWidths(pitch), Options(width=width, em=EM, **options))


def texts(lines) -> list[str]:
    return [line.text for line in lines]


def positions(line: Line, key=None) -> list[float]:
    """x of every character of a line."""
    out = []
    for seg in line.segments:
        x = seg.x
        for ch in seg.text:
            out.append(x)
            x += pitch(key, ch) + seg.char_space
    return out


def test_a_character_that_may_not_start_a_line_pulls_its_neighbour_down():
    assert texts(lay("あいう。えお", 30)) == ["あい", "う。え", "お"]


def test_a_character_that_may_not_end_a_line_moves_to_the_next():
    assert texts(lay("あい「うえお」", 30)) == ["あい", "「うえ", "お」"]


def test_loose_setting_lets_a_small_kana_start_a_line():
    assert texts(lay("あいうっえ", 30, strict=False)) == ["あいう", "っえ"]
    assert texts(lay("あいうっえ", 30)) == ["あい", "うっえ"]


def test_a_number_with_separators_is_never_split():
    assert texts(lay("あいう6,300", 45)) == ["あいう", "6,300"]


@pytest.mark.parametrize("tail", ["¥500", "30%", "——", "……"])
def test_currency_units_and_doubled_dashes_stay_together(tail):
    lines = lay("あいう" + tail, 35)
    assert lines[-1].text == tail


def test_a_latin_word_moves_whole_to_the_next_line():
    assert texts(lay("あいうabcd", 45)) == ["あいう", "abcd"]


def test_a_word_wider_than_the_line_is_broken_not_overflowing():
    lines = lay("https://example.com/abc", 40)
    assert "".join(texts(lines)) == "https://example.com/abc"
    assert all(line.width <= 40 + 1e-6 for line in lines)
    assert len(lines) == 3


def test_justified_non_final_lines_end_flush_and_the_last_line_is_ragged():
    lines = lay("アリババグループは中小企業の事業回復を支援する。", 75)
    assert [round(line.width, 6) for line in lines[:-1]] == [75.0] * (len(lines) - 1)
    assert lines[-1].width < 75
    assert lines[-1].final and not lines[0].final


def test_latin_words_keep_their_letter_spacing_when_a_line_is_justified():
    lines = lay("あいうえABC かきくけこ", 100)
    latin = [seg for line in lines for seg in line.segments if seg.text.isascii()]
    assert latin and all(seg.char_space == 0 for seg in latin)


def test_quarter_em_between_japanese_and_latin_and_a_typed_space_becomes_that_space():
    for text in ("は2020年", "は 2020 年"):
        (line,) = lay(text, 200, align="left")
        x = positions(line)
        assert x[1] - x[0] == pytest.approx(EM + EM / 4)
        assert x[5] - x[4] == pytest.approx(EM / 2 + EM / 4)


def test_no_spacing_next_to_brackets_or_punctuation_and_typed_spaces_there_vanish():
    (line,) = lay("「A」、 B", 200, align="left")
    assert positions(line) == [0, 5, 10, 15, 20]


def test_the_spacing_setting_keeps_typed_spaces_and_adds_none():
    (line,) = lay("は 2020 年", 200, align="left", mixed_spacing=False)
    x = positions(line)
    assert x[1] - x[0] == pytest.approx(EM + EM / 2)   # the typed 5 pt space
    (line,) = lay("はA", 200, align="left", mixed_spacing=False)
    assert positions(line) == [0, 10]


def test_no_mixed_spacing_at_a_line_edge():
    lines = lay("あいうえおA", 50)
    assert texts(lines) == ["あいうえお", "A"]
    assert lines[1].segments[0].x == 0


def test_mixed_spacing_shrinks_to_an_eighth_em_to_fit_a_line():
    lines = lay("あAい", 27.5, align="left")
    assert len(lines) == 1
    x = positions(lines[0])
    assert x[1] - x[0] == pytest.approx(EM + EM / 8)


def test_mixed_spacing_stretches_at_most_to_half_an_em_while_japanese_gaps_take_the_rest():
    lines = lay("あいうえおかA きくけこさし", 100)
    x = positions(lines[0])
    gap = x[6] - x[5] - EM
    assert gap <= EM / 2 + 1e-9
    assert lines[0].width == pytest.approx(100)


def test_consecutive_full_width_punctuation_is_compressed():
    (line,) = lay("あ」、い", 200, align="left", key="full")
    assert positions(line, "full") == [0, 10, 15, 25]
    (line,) = lay("あ「（い", 200, align="left", key="full")
    assert positions(line, "full") == [0, 10, 15, 25]
    (line,) = lay("あ」、い", 200, align="left")
    assert positions(line) == [0, 10, 15, 20]   # proportional punctuation: no change


def test_hanging_punctuation_is_an_option():
    assert texts(lay("あいう。え", 30)) == ["あい", "う。え"]
    lines = lay("あいう。え", 30, hanging=True)
    assert texts(lines) == ["あいう。", "え"]
    assert lines[0].hanging and positions(lines[0])[-1] == pytest.approx(30)


def test_a_newline_forces_a_ragged_break():
    lines = lay("あい\nうえ", 100)
    assert texts(lines) == ["あい", "うえ"]
    assert lines[0].final and lines[0].width == 20


def test_first_line_indent():
    lines = lay("あいうえおかきくけこ", 50, first_indent=10)
    assert texts(lines)[:2] == ["あいうえ", "おかきくけ"]
    assert lines[0].segments[0].x == 10


def test_center_and_right_alignment():
    (line,) = lay("あい", 100, align="center")
    assert line.segments[0].x == 40
    (line,) = lay("あい", 100, align="right")
    assert line.segments[0].x == 80


def test_lines_remember_where_they_start_in_the_source():
    text = "あい うえ お"
    lines = lay(text, 20)
    assert [text[l.start:l.end] for l in lines] == ["あい", "うえ", "お"]


TITLE = "アリババグループ、新型コロナウイルス対策支援に約 500 億円を拠出"


def test_phrase_breaks_keep_headings_from_breaking_mid_word():
    plain = texts(lay(TITLE, 265, align="left"))
    phrased = texts(lay(TITLE, 265, align="left", phrase_breaks=True))
    assert any(line.startswith("円") for line in plain)
    assert not any(line.startswith("円") for line in phrased)
    assert "".join(phrased) == "".join(plain)


def test_a_two_line_title_is_balanced():
    title = "新型コロナウイルス感染拡大下における中小企業への支援施策"
    lines = lay(title, 250, align="left", phrase_breaks=True)
    balanced = lay(title, 250, align="left", phrase_breaks=True, balance=True)
    assert len(lines) == len(balanced) == 2
    assert abs(lines[0].width - lines[1].width) > 100
    assert abs(balanced[0].width - balanced[1].width) < 40


def test_segments_group_characters_sharing_a_run_and_a_spacing():
    runs = [Run("あいう", "a", EM), Run("えお", "b", EM)]
    (line,) = compose(runs, CachedWidths(pitch), Options(width=60, em=EM, align="left"))
    assert [(s.run, s.text, s.x) for s in line.segments] == [(0, "あいう", 0), (1, "えお", 30)]


def test_wrap_text_gives_the_source_text_of_each_line():
    assert wrap_text("は 2020 年の計画", 40, lambda ch: pitch(None, ch), EM) == ("は 2020", "年の計画")


def test_no_quarter_em_next_to_slashes_and_other_symbols():
    (line,) = lay("麼/Ele", 200, align="left")
    assert positions(line)[:2] == [0, 10]


def test_a_line_is_shrunk_or_its_last_unit_pushed_out_whichever_moves_gaps_less():
    text = "あいうえおかきくけこさしすせそたちつてとAあいうえ"  # a last line of four: no runt
    assert texts(lay(text, 207.4))[0] == text[:21]      # shrink the ¼ em by 0.1 pt
    assert texts(lay(text, 206.5))[0] == text[:20]      # rather than 1 pt: stretch 19 gaps


def test_a_short_last_line_takes_units_from_the_line_before_until_it_holds_four():
    text = "あいうえおかきくけこさしすせそたちつてとな。"
    assert texts(lay(text, 210, align="left")) == [text[:20], "な。"]
    lines = lay(text, 210)
    assert texts(lines) == [text[:18], "てとな。"]
    assert lines[0].width == pytest.approx(210)   # still justified flush right
    assert lines[1].final


def test_the_runt_rule_keeps_kinsoku_a_prolonged_sound_mark_never_starts_the_last_line():
    head = "あいうえおかきくけこさしすせそたちつて"
    assert texts(lay(head[:18] + "テーな。", 200, align="left")) == [head[:18] + "テー", "な。"]
    lines = lay(head[:18] + "テーな。", 200)
    assert texts(lines) == [head[:18], "テーな。"]
    assert lines[0].width == pytest.approx(200)


def test_the_runt_rule_leaves_a_line_that_would_stretch_too_far():
    text = "あいうえおかきくけこ abcdefghijklmnopqrstuvwxyzabcdefgh い。"
    lines = lay(text, 285)
    assert texts(lines) == [text[:-3].replace(" ", ""), "い。"]   # the 34-letter word is one unit


# -- issue 16: long URLs and numbers, and no gap over ½ em -----------------------------------

def test_a_long_url_breaks_after_a_slash_so_the_line_before_it_is_not_stretched():
    url = "https://example.jp/a/long/path/page.html"
    lines = lay("ＵＲＬは" + url + "です。", 150)
    assert lines[0].text.startswith("ＵＲＬはhttps://")
    assert lines[0].text.endswith("/") and lines[0].flaw == ""
    assert "".join(texts(lines)) == "ＵＲＬは" + url + "です。"
    for line in lines[:-1]:
        assert all(seg.char_space <= EM / 2 + 1e-6 for seg in line.segments)


@pytest.mark.parametrize("at, expected", [("a/b", "a/"), ("a.b", "a."), ("a?b", "a?"), ("a-b", "a"), ("a_b", "a"),
                                          ("a&b", "a&"), ("a=b", "a=")])
def test_url_breaks_fall_after_slash_dot_question_and_before_hyphen_underscore(at, expected):
    text = "ああ" + "x" * 10 + at + "y" * 20
    first = lay(text, 20 + 5 * 12 + 5 + 8)[0].text  # room for the prefix, 10 x's and 2 more
    assert first == "ああ" + "x" * 10 + expected


def test_a_short_word_is_never_broken_its_line_is_left_short_instead():
    lines = lay("あああああword", 71)
    assert texts(lines) == ["あああああ", "word"]
    assert lines[0].flaw == "short" and lines[0].width < 71
    assert all(seg.char_space <= EM / 2 + 1e-6 for seg in lines[0].segments)


def test_a_long_digit_run_breaks_only_at_url_marks():
    lines = lay("番号は2024-0315-0001-2345-6789です", 100)
    assert all(not line.text.endswith("-") for line in lines)
    assert "".join(texts(lines)) == "番号は2024-0315-0001-2345-6789です"
