"""Properties of the composer over random mixes of Japanese, Latin, numbers and
punctuation (hypothesis), with the fixed-pitch measurer of test_compose."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from reportgen.ja.breaks import break_opportunities
from reportgen.ja.classes import may_end_line, may_start_line
from reportgen.ja.compose import CachedWidths, Options, Run, compose

PIECES = ["あ", "漢", "カ", "ー", "っ", "。", "、", "「", "」", "（", "）", "・", "abc", "word",
          "12,345", "4.39", "¥500", "30%", "——", " ", "A"]


def pitch(_key, ch: str) -> float:
    return 10.0 if ord(ch) >= 0x2E80 else 5.0


def unit_widths(text: str) -> list[float]:
    cuts = [0, *break_opportunities(text), len(text)]
    return [sum(pitch(None, c) for c in text[a:b] if c != " ") for a, b in zip(cuts, cuts[1:])]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60), st.integers(60, 300))
def test_lines_keep_the_rules_and_justified_lines_are_flush_or_open_no_gap_over_half_an_em(pieces, width):
    text = "".join(pieces).strip()
    assume(text and max(unit_widths(text)) <= width / 2)
    lines = compose([Run(text, None, 10.0)], CachedWidths(pitch), Options(width=width, em=10.0))
    assert "".join(line.text for line in lines) == text.replace(" ", "")
    for i, line in enumerate(lines):
        assert line.width <= width + 1e-6
        if i:
            assert may_start_line(line.text[0]), line.text
        if not line.final:
            assert may_end_line(line.text[-1]), line.text
            assert abs(line.width - width) < 1e-6 or line.flaw == "short", (line.text, line.width)
            assert all(seg.char_space <= 10.0 + 1e-6 for seg in line.segments), line  # ½ em added at most
