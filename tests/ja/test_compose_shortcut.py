"""The composer's short cut for a one-line run of Western characters (table cells: numbers,
dates, codes) sets exactly the line the full composer sets, and steps aside for anything
it cannot set alone (spaces, Japanese, a text too wide, several runs)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.ja.compose import CachedWidths, Options, Run, _compose, _plain_line, compose

WESTERN = "0123456789,./-%$€¥abcXYZ()[]!?:;'\"&@+=<>~_|\u00a0£℃°"
ANY = WESTERN + "一あア（）、。ー  \n"


def widths(_key, ch: str) -> float:
    """Uneven widths, so that the order of summing shows in the last bits."""
    return 4.1 + (ord(ch) % 7) * 0.37 if ord(ch) < 0x2E80 else 10.0


MEASURE = CachedWidths(widths)
OPTIONS = st.builds(
    Options, width=st.sampled_from([15.0, 40.0, 61.3, 200.0]), em=st.just(8.5),
    align=st.sampled_from(["justify", "left", "center", "right"]),
    first_indent=st.sampled_from([0.0, 8.5]), phrase_breaks=st.booleans(), balance=st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(st.text(ANY, max_size=14), OPTIONS)
def test_the_short_cut_sets_the_line_the_full_composer_sets(text, opts):
    runs = [Run(text, None, 8.5)]
    assert compose(runs, MEASURE, opts) == _compose(runs, MEASURE, opts)


def test_a_number_that_fits_is_one_segment_flush_right():
    line = _plain_line([Run("12,345.67", None, 8.5)], MEASURE, Options(width=200.0, em=8.5, align="right"))
    assert line is not None and len(line.segments) == 1
    assert abs(line.width - 200.0) < 1e-9 and line.final


def test_the_short_cut_steps_aside_for_what_needs_the_composer():
    opts = Options(width=200.0, em=8.5, align="left")
    for text in ("施策12", "New York", "a\nb", "", "9" * 60):
        assert _plain_line([Run(text, None, 8.5)], MEASURE, opts) is None
    assert _plain_line([Run("12", None, 8.5), Run("34", "bold", 8.5)], MEASURE, opts) is None
