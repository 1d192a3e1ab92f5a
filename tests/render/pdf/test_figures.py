"""Images, charts and part titles: half-width figures side by side, images embedded at
their size, chart labels as real text in the embedded fonts, a part title opening a new
page."""

from __future__ import annotations

import dataclasses
import re

import pypdfium2.raw as pdfium_c
from PIL import Image
from pypdf import PdfReader

from factories import ref
from pdfcheck import chart_images, make_document, read_pages, squash
from reportgen.charts import render_charts
from reportgen.model import ChartBlock, Heading, ImageBlock, Paragraph, RichText
from reportgen.render.pdf import write_pdf
from reportgen.render.pdf.geometry import page_geometry


def _png(path, size=(1200, 800), color=(31, 58, 95)):
    Image.new("RGB", size, color).save(path, dpi=(300, 300))
    return path


def test_two_half_width_images_sit_side_by_side_within_the_column(tmp_path):
    doc = make_document()
    images = tuple(
        ImageBlock(_png(tmp_path / f"{n}.png"), RichText.of(f"写真{n}の説明"), ref("content", f"I{n}"), width="half")
        for n in (1, 2)
    )
    doc = dataclasses.replace(doc, blocks=(doc.blocks[0], *images, doc.blocks[1]))
    path = tmp_path / "images.pdf"
    write_pdf(doc, chart_images(doc, tmp_path), path)
    page = read_pages(path)[0]
    boxes = sorted(b for kind, b in page.objects if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE)
    assert len(boxes) == 2
    (l0, b0, r0, t0), (l1, b1, r1, t1) = boxes
    g = page_geometry(doc.theme)
    assert abs(t0 - t1) < 0.5 and r0 < l1                      # one row, not overlapping
    assert abs(l0 - g.left) < 0.5 and abs(r1 - g.right) < 0.5  # filling the text column
    assert abs((r0 - l0) / (t0 - b0) - 1.5) < 0.01              # aspect ratio kept
    text = squash(page.text)
    assert text.index("写真1の説明") < text.index("写真2の説明")


def test_a_lone_half_width_image_is_widened_with_its_caption_beside_it(tmp_path):
    doc = make_document()
    image = ImageBlock(_png(tmp_path / "1.png"), RichText.of("写真の説明"), ref("content", "I1"), width="half")
    doc = dataclasses.replace(doc, blocks=(doc.blocks[0], image, doc.blocks[1]))
    path = tmp_path / "lone.pdf"
    write_pdf(doc, chart_images(doc, tmp_path), path)
    page = read_pages(path)[0]
    g = page_geometry(doc.theme)
    (left, bottom, right, top), = [b for kind, b in page.objects if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    assert abs(left - g.left) < 0.5 and abs((right - left) - 0.6 * g.text_width) < 0.5
    at = "".join(ch for ch, _ in page.chars).index("写真の説明")
    for l, b, r, t in [box for _, box in page.chars[at:at + 5]]:                                   # beside the image, at its top
        assert right < l and r <= g.right + 0.5 and bottom < b and t <= top + 0.5


def test_a_part_title_opens_a_new_page(tmp_path):
    doc = make_document()
    part = Heading(0, RichText.of("添付資料"), ref("content", "Z1"), subtitle=RichText.of("アリババグループ"))
    doc = dataclasses.replace(doc, blocks=(doc.blocks[1], part, Paragraph(RichText.of("本文です。"), ref("content", "Z2"))))
    path = tmp_path / "part.pdf"
    write_pdf(doc, chart_images(doc, tmp_path), path)
    pages = read_pages(path)
    assert len(pages) == 2
    assert "添付資料" not in squash(pages[0].text) and "添付資料本文です。" in squash(pages[1].text)


def _chart_only(doc, table=None, highlight=None):
    """`doc` showing only its chart (so that chart labels are not found in a table)."""
    block = next(b for b in doc.blocks if isinstance(b, ChartBlock))
    chart = block.chart if table is None else dataclasses.replace(block.chart, table=table, highlight=highlight)
    return dataclasses.replace(doc, blocks=(doc.blocks[0], dataclasses.replace(block, chart=chart)),
                               charts={chart.id: chart})


def _font_names(path) -> set[str]:
    """BaseFont of every font the PDF uses, in pages and in the forms they draw."""
    names, seen = set(), set()

    def walk(resources):
        if resources is None or id(resources) in seen:
            return
        seen.add(id(resources))
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in PdfReader(path).pages:
        walk(page.get("/Resources"))
    return names


def test_chart_labels_are_searchable_text_in_the_embedded_subset_fonts(tmp_path):
    doc = _chart_only(make_document())
    path = tmp_path / "chart.pdf"
    write_pdf(doc, render_charts(doc, tmp_path / "charts"), path)
    text = squash(read_pages(path)[0].text)
    for label in ("27.63億元", "5.93億元", "単位：億元", "アリババグループ", "アントグループ"):
        assert label in text
    fonts = _font_names(path)
    assert fonts and all(re.fullmatch(r"/[A-Z]{6}\+BIZUDPGothic-(Regular|Bold)", f) for f in fonts), fonts
    assert any(f.endswith("-Bold") for f in fonts)  # the highlighted category and its label


def test_a_chart_label_the_main_font_lacks_is_drawn_in_one_line_with_the_fallback(tmp_path):
    doc = make_document()
    table = next(b for b in doc.blocks if isinstance(b, ChartBlock)).chart.table
    first = table.rows[0]
    renamed = (dataclasses.replace(first[0], raw="菜鸟物流", text="菜鸟物流"), *first[1:])
    doc = _chart_only(doc, dataclasses.replace(table, rows=(renamed, *table.rows[1:])), "菜鸟物流")
    path = tmp_path / "fallback.pdf"
    write_pdf(doc, render_charts(doc, tmp_path / "charts"), path)
    page = read_pages(path)[0]
    assert "菜鸟物流" in squash(page.text)
    assert any(f.endswith("+DroidSansFallback") for f in _font_names(path))
    at = "".join(ch for ch, _ in page.chars).index("菜鸟物流")
    boxes = [box for _, box in page.chars[at:at + 4]]
    for (l0, b0, r0, t0), (l1, b1, r1, t1) in zip(boxes, boxes[1:]):
        assert r0 <= l1 + 0.3 and l1 - r0 < 2.5   # one after another, no overlap, no gap
        assert abs(b0 - b1) < 1.5                  # on one baseline
