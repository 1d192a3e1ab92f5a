"""Charts that fit any data: on every stress case, sample chart and gallery chart, no two
texts overlap and none leaves the figure (matplotlib's own text extents), and drawing
raises no matplotlib warning (the chart stage turns them into errors)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chart_samples import every_kind
from stress_samples import every_stress
from reportgen.charts.mpl import collide
from reportgen.charts.mpl.draw import draw_files, fallbacks, figure
from reportgen.charts.mpl.session import rendering
from reportgen.charts.plan import make_plan
from reportgen.model import Theme
from reportgen.workbook import read_workbook

REPO = Path(__file__).resolve().parents[2]
BOOKS = sorted((REPO / "data" / "gallery").glob("*.xlsx")) + [REPO / "data" / "factsheet.xlsx"]
THEME = Theme()


def _book_charts():
    for book in BOOKS:
        doc = read_workbook(book)
        for spec in doc.charts.values():
            yield pytest.param(spec, doc.theme, id=f"{book.stem}-{spec.id}")


CASES = [pytest.param(s, THEME, id=f"stress-{s.id}") for s in every_stress()] + \
        [pytest.param(s, THEME, id=f"sample-{s.id}") for s in every_kind()] + list(_book_charts())


@pytest.mark.parametrize(("spec", "theme"), CASES)
def test_no_text_overprints_another_or_leaves_the_chart(spec, theme):
    plan = make_plan(spec, theme)
    with rendering(theme):
        for attempt, _given_up in fallbacks(plan):
            try:
                fig, _hidden = figure(attempt, theme)  # matplotlib warnings raise in here
            except (Warning, collide.LayoutProblem):
                continue
            assert collide.overlaps(fig, fig.axes[0]) == []
            return
    pytest.fail(f"{spec.id}: no fallback could be drawn")


def test_settle_hides_the_less_important_of_two_texts(tmp_path):
    """Data labels squeezed on one another give way, and the chart says how many."""
    stress = {s.id: s for s in every_stress()}
    with rendering(THEME):
        drawn = draw_files(make_plan(stress["long_series"], THEME), THEME, tmp_path / "c.svg", None)
    assert all("left out" in note or "full width" in note for note in drawn.notes)


def test_a_chart_that_cannot_be_laid_out_is_a_located_error(tmp_path, monkeypatch):
    from reportgen.charts.mpl import draw
    from reportgen.diagnostics import ReportError

    def broken(plan, theme):
        raise collide.LayoutProblem("the legend text 'x' does not fit")

    monkeypatch.setattr(draw, "figure", broken)
    spec = every_kind()[0]
    with rendering(THEME), pytest.raises(ReportError, match=r"charts!A2: chart 'bar' cannot be drawn legibly"):
        draw.draw_files(make_plan(spec, THEME), THEME, tmp_path / "c.svg", None)
