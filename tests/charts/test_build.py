"""The chart stage end to end: files per chart, the cache, and matplotlib's isolation."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import matplotlib as mpl
import pytest
from matplotlib import font_manager

import reportgen.charts.build as build
from chart_samples import document_with, programmes_table, spec
from reportgen.charts import ChartImages, render_charts
from reportgen.charts.cache import cache_key
from reportgen.charts.mpl.session import rendering
from reportgen.model import Theme

HERE = Path(__file__).resolve().parent
SRC = HERE.parents[1] / "src"


def small_doc():
    return document_with(spec("bar", table=programmes_table(3)), spec("donut", width="half"))


def test_render_charts_writes_both_files_and_describes_them(tmp_path):
    images = render_charts(small_doc(), tmp_path / "out")
    assert set(images) == {"bar", "donut"}
    bar = images["bar"]
    assert isinstance(bar, ChartImages)
    assert bar.svg == tmp_path / "out" / "bar.svg" and bar.png == tmp_path / "out" / "bar.png"
    assert bar.svg.read_bytes().startswith(b"<?xml") and bar.png.read_bytes()[:4] == b"\x89PNG"
    assert bar.alt_text.startswith("施策別の拠出額。最大はアリババグループの27.63億元")
    assert (bar.width_pt, bar.height_pt) == (510.24, 226.77)
    assert (images["donut"].width_pt, images["donut"].height_pt) == (249.45, 198.43)


def test_a_cached_chart_is_copied_not_drawn(tmp_path, monkeypatch):
    first = render_charts(small_doc(), tmp_path / "a", cache_dir=tmp_path / "cache")
    assert len(list((tmp_path / "cache").iterdir())) == 6  # svg, png and the drawing's facts per chart

    def refuse(*_args):
        raise AssertionError("drawn although cached")

    monkeypatch.setattr(build, "_draw", refuse)
    again = render_charts(small_doc(), tmp_path / "b", cache_dir=tmp_path / "cache")
    for cid in first:
        assert again[cid].svg.read_bytes() == first[cid].svg.read_bytes()
        assert again[cid].png.read_bytes() == first[cid].png.read_bytes()
        assert again[cid].alt_text == first[cid].alt_text


def test_without_png_only_the_svg_is_drawn_and_cached(tmp_path):
    images = render_charts(small_doc(), tmp_path / "a", cache_dir=tmp_path / "cache", png=False)
    assert all(i.png is None and i.svg.read_bytes().startswith(b"<?xml") for i in images.values())
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["bar.svg", "donut.svg"]
    assert sorted(p.suffix for p in (tmp_path / "cache").iterdir()) == [".json", ".json", ".svg", ".svg"]


def test_a_cached_svg_serves_a_build_without_png(tmp_path, monkeypatch):
    first = render_charts(small_doc(), tmp_path / "a", cache_dir=tmp_path / "cache")
    monkeypatch.setattr(build, "_draw", lambda *_args: pytest.fail("drawn although the SVG is cached"))
    again = render_charts(small_doc(), tmp_path / "b", cache_dir=tmp_path / "cache", png=False)
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["bar.svg", "donut.svg"]
    assert all(again[c].svg.read_bytes() == first[c].svg.read_bytes() for c in first)


def test_a_png_missing_from_the_cache_is_drawn_and_added(tmp_path):
    svg_only = render_charts(small_doc(), tmp_path / "a", cache_dir=tmp_path / "cache", png=False)
    full = render_charts(small_doc(), tmp_path / "b", cache_dir=tmp_path / "cache")
    plain = render_charts(small_doc(), tmp_path / "c")
    assert len(list((tmp_path / "cache").iterdir())) == 6  # svg, png and the drawing's facts per chart
    for cid in plain:
        assert svg_only[cid].svg.read_bytes() == full[cid].svg.read_bytes() == plain[cid].svg.read_bytes()
        assert full[cid].png.read_bytes() == plain[cid].png.read_bytes()


def test_only_the_changed_chart_is_drawn_again(tmp_path, monkeypatch):
    render_charts(small_doc(), tmp_path / "a", cache_dir=tmp_path / "cache")
    drawn: list[str] = []
    real = build._draw
    monkeypatch.setattr(build, "_draw", lambda specs, theme, files: (drawn.extend(s.id for s in specs),
                                                                      real(specs, theme, files))[1])
    doc = small_doc()
    changed = replace(doc.charts["bar"], highlight="アントグループ")
    render_charts(replace(doc, charts={**doc.charts, "bar": changed}), tmp_path / "b", cache_dir=tmp_path / "cache")
    assert drawn == ["bar"]


def test_the_cache_key_follows_data_texts_colours_and_fonts():
    doc = small_doc()
    bar, theme = doc.charts["bar"], doc.theme
    key = cache_key(bar, theme)
    assert cache_key(bar, theme) == key
    rows = bar.table.rows
    retexted = ((rows[0][0], replace(rows[0][1], text="27.6億元"), rows[0][2]),) + rows[1:]
    assert cache_key(replace(bar, table=replace(bar.table, rows=retexted)), theme) != key
    assert cache_key(bar, replace(theme, accent="#FF0000")) != key
    assert cache_key(bar, replace(theme, font_regular=theme.font_bold)) != key
    assert cache_key(replace(bar, sort="desc"), theme) != key


def run_python(code: str) -> str:
    env = {"PYTHONPATH": f"{SRC}:{HERE}:{HERE.parent}", "PATH": "/usr/bin:/bin", "MPLBACKEND": ""}
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                            text=True, env=env, check=True)
    return result.stdout.strip()


def test_importing_the_chart_package_does_not_import_matplotlib():
    assert run_python("""
        import sys, reportgen.charts
        print('matplotlib' in sys.modules)""") == "False"


def test_matplotlib_is_not_imported_when_every_chart_is_cached(tmp_path):
    render_charts(small_doc(), tmp_path / "a", cache_dir=tmp_path / "cache")
    assert run_python(f"""
        import sys
        from pathlib import Path
        from chart_samples import document_with, programmes_table, spec
        from reportgen.charts import render_charts
        doc = document_with(spec("bar", table=programmes_table(3)), spec("donut", width="half"))
        images = render_charts(doc, Path({str(tmp_path / 'b')!r}), Path({str(tmp_path / 'cache')!r}))
        print(sorted(images), 'matplotlib' in sys.modules)""") == "['bar', 'donut'] False"


def test_user_rc_settings_change_nothing_and_are_restored(tmp_path):
    clean = render_charts(small_doc(), tmp_path / "clean")
    with mpl.rc_context({"font.family": "serif", "axes.spines.top": True, "svg.fonttype": "none",
                         "axes.facecolor": "#FFEEEE", "lines.linewidth": 5.0, "svg.hashsalt": None}):
        dirty = render_charts(small_doc(), tmp_path / "dirty")
        assert mpl.rcParams["font.family"] == ["serif"] and mpl.rcParams["svg.fonttype"] == "none"
    for cid in clean:
        assert dirty[cid].svg.read_bytes() == clean[cid].svg.read_bytes()
        assert dirty[cid].png.read_bytes() == clean[cid].png.read_bytes()


def test_font_lookup_lands_on_the_bundled_files_not_a_system_copy():
    theme = Theme()
    with rendering(theme):
        for weight, path in (("normal", theme.font_regular), ("bold", theme.font_bold)):
            found = font_manager.findfont(font_manager.FontProperties(family="BIZ UDPGothic", weight=weight))
            assert Path(found).resolve() == path.resolve()


def test_a_theme_font_the_lookup_cannot_reach_is_an_error():
    theme = replace(Theme(), font_bold=Theme().font_fallback)  # not a BIZ UDPGothic face
    with pytest.raises(RuntimeError, match="chart font lookup"):
        with rendering(theme):
            pass


def test_a_build_prints_located_chart_warnings_and_nothing_from_matplotlib(tmp_path, capfd):
    """The stress workbook's compromises arrive as `warning: charts!A…` lines; no
    matplotlib warning or log line reaches stderr, from this process or a drawing worker."""
    from reportgen.cli import main

    book = Path(__file__).resolve().parents[2] / "data" / "gallery" / "stress-everything.xlsx"
    assert main(["build", str(book), "-o", str(tmp_path), "--only", "pdf"]) == 0
    err = [line for line in capfd.readouterr().err.splitlines() if line.strip()]
    assert err and all(line.startswith("warning: ") for line in err), err
    assert any(line.startswith("warning: charts!A") and "full width" in line for line in err)
