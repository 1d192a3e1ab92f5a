"""Each chart kind drawn by matplotlib: SVG for the PDF, 300-dpi PNG for the DOCX."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from defusedxml import ElementTree
from fontTools.ttLib import TTFont
from PIL import Image

from chart_samples import every_kind

from reportgen.charts.plan import make_plan
from reportgen.model import Theme

SVG = "{http://www.w3.org/2000/svg}"
THEME = Theme()
SPECS = {s.kind: s for s in every_kind()}
KINDS = list(SPECS)


@lru_cache(maxsize=1)
def our_families() -> set[str]:
    paths = (THEME.font_regular, THEME.font_bold, THEME.font_fallback)
    return {TTFont(str(p), lazy=True)["name"].getDebugName(1) for p in paths}


def plan(kind: str):
    return make_plan(SPECS[kind], THEME)


def label_groups(svg: Path) -> dict[str, ElementTree.Element]:
    root = ElementTree.parse(svg).getroot()
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith("label-")}


def texts_of(group) -> str:
    return "".join(t.text or "" for t in group.iter(f"{SVG}text"))


@pytest.mark.parametrize("kind", KINDS)
def test_svg_is_a_vector_drawing_of_the_right_size(rendered, kind):
    svg = rendered[kind][0]
    root = ElementTree.parse(svg).getroot()
    p = plan(kind)
    assert float(root.get("width").removesuffix("pt")) == pytest.approx(p.width_pt)
    assert float(root.get("height").removesuffix("pt")) == pytest.approx(p.height_pt)
    assert len(list(root.iter(f"{SVG}path"))) >= 3  # bars, wedges or lines, and the frame
    assert len(list(root.iter(f"{SVG}text"))) >= len(p.tick_labels)
    assert not list(root.iter(f"{SVG}image"))  # no raster inside


@pytest.mark.parametrize("kind", KINDS)
def test_svg_draws_text_with_our_fonts_only(rendered, kind):
    """Labels are <text> naming only the bundled families (main first), which the PDF
    renderer maps to its embedded fonts; no glyph outlines, no web fonts."""
    root = ElementTree.parse(rendered[kind][0]).getroot()
    texts = list(root.iter(f"{SVG}text"))
    families = [re.search(r"font-family: ([^;]+)", t.get("style")).group(1) for t in texts]
    assert texts and all(t.text for t in texts)
    for listed in families:
        names = [n.strip(" '") for n in listed.split(",")]
        assert names[0] == "BIZ UDPGothic" and set(names) <= our_families()
    data = rendered[kind][0].read_text(encoding="utf-8")
    assert "@font-face" not in data and not re.search(r'<path id="(BIZUDPGothic|DroidSans)', data)


@pytest.mark.parametrize("kind", KINDS)
def test_png_is_300_dpi_at_the_chart_size(rendered, kind):
    p = plan(kind)
    with Image.open(rendered[kind][1]) as img:
        assert img.info["dpi"] == pytest.approx((300, 300), abs=0.01)
        assert img.size == pytest.approx((p.width_pt / 72 * 300, p.height_pt / 72 * 300), abs=1)
        assert set(img.info) <= {"dpi"}  # no Software/date text chunks
        colours = {c for _n, c in img.convert("RGB").getcolors(maxcolors=1 << 20)}
    expected = {tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for s in p.series for c in s.colors}
    assert expected <= colours


@pytest.mark.parametrize("kind", KINDS)
def test_data_labels_print_the_cells_formatted_text(rendered, kind):
    groups = label_groups(rendered[kind][0])
    p = plan(kind)
    assert groups, "no data labels drawn"
    for gid, group in groups.items():
        _, s, point = gid.split("-")
        assert p.series[int(s)].labels[int(point)] in texts_of(group)
    assert "27.63億元" in "".join(texts_of(g) for g in groups.values()) or kind == "line"


@pytest.mark.parametrize("kind", KINDS)
def test_two_renders_give_the_same_bytes(rendered, rendered_again, kind):
    for first, again in zip(rendered[kind], rendered_again[kind]):
        assert first.read_bytes() == again.read_bytes()


def test_another_process_draws_the_same_bytes(rendered, tmp_path):
    """Nothing process-dependent (hash seeds, ids, font caches) reaches the files."""
    here = Path(__file__).parent
    script = f"import sys; sys.path.insert(0, {str(here)!r}); import conftest; conftest.render_all(__import__('pathlib').Path({str(tmp_path)!r}))"
    subprocess.run([sys.executable, "-c", script], check=True, env={**os.environ, "PYTHONHASHSEED": "1234"})
    for svg, png in rendered.values():
        assert (tmp_path / svg.name).read_bytes() == svg.read_bytes()
        assert (tmp_path / png.name).read_bytes() == png.read_bytes()


def all_text(svg: Path) -> str:
    return "".join(t.text or "" for t in ElementTree.parse(svg).getroot().iter(f"{SVG}text"))


@pytest.mark.parametrize("kind", KINDS)
def test_unit_label_and_no_title_or_caption_inside(rendered, kind):
    text = all_text(rendered[kind][0])
    spec = SPECS[kind]
    assert f"単位：{spec.unit}" in text
    assert spec.title not in text and spec.caption not in text


def text_elements(svg: Path) -> list:
    return list(ElementTree.parse(svg).getroot().iter(f"{SVG}text"))


def baseline(text) -> float:
    """The y of an SVG <text>: its y attribute, or the y of its translate()."""
    if text.get("y"):
        return float(text.get("y"))
    return float(re.search(r"translate\([-\d.]+ ([-\d.]+)\)", text.get("transform")).group(1))


def test_long_categories_are_wrapped_into_lines(rendered):
    texts = [t.text for t in text_elements(rendered["bar"][0])]
    lines = plan("bar").tick_labels[2].split("\n")
    assert len(lines) >= 2 and all(line in texts for line in lines)
    assert plan("bar").categories[2] not in texts  # never one overlong line


def test_barh_lists_sorted_categories_top_down(rendered):
    y = {t.text: baseline(t) for t in text_elements(rendered["barh"][0])}
    order = [c.split("\n")[-1] for c in plan("barh").tick_labels]
    assert [y[c] for c in order] == sorted(y[c] for c in order)  # desc: the largest on top
    assert order[0] == "アリババグループ"


def test_multi_series_charts_have_a_legend(rendered):
    text = all_text(rendered["stacked"][0])
    assert "拠出額" in text and "追加拠出" in text


def test_stacked_segments_too_small_for_their_label_leave_it_out(rendered):
    groups = label_groups(rendered["stacked"][0])
    assert "label-0-0" in groups and "label-1-0" in groups
    assert "label-1-2" not in groups  # 0.35億元 on a sliver of a bar


def test_pie_legend_names_each_slice_with_its_value(rendered):
    text = all_text(rendered["pie"][0])
    for row in SPECS["pie"].table.rows:
        assert row[1].text in text
    assert "アリババグループ" in text
