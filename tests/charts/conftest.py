"""Fixtures for the chart tests: every chart kind rendered once and again (the files the
other tests read; their labels are SVG <text>)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]  # chart_samples and factories, by their own names

import pytest  # noqa: E402

from chart_samples import every_kind  # noqa: E402
from reportgen.charts.mpl.draw import draw_files  # noqa: E402
from reportgen.charts.mpl.session import rendering  # noqa: E402
from reportgen.charts.plan import make_plan  # noqa: E402
from reportgen.model import Theme  # noqa: E402

KINDS = [s.kind for s in every_kind()]


def render_all(folder: Path) -> dict[str, tuple[Path, Path]]:
    """Every sample chart drawn into `folder`: kind → (svg, png)."""
    folder.mkdir(parents=True, exist_ok=True)
    theme, files = Theme(), {}
    with rendering(theme):
        for spec in every_kind():
            files[spec.kind] = (folder / f"{spec.id}.svg", folder / f"{spec.id}.png")
            draw_files(make_plan(spec, theme), theme, *files[spec.kind])
    return files


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    return render_all(tmp_path_factory.mktemp("charts") / "first")


@pytest.fixture(scope="session")
def rendered_again(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    return render_all(tmp_path_factory.mktemp("charts") / "again")

