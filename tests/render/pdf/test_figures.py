"""Images and part titles: half-width figures side by side, images embedded at their
size, a part title opening a new page."""

from __future__ import annotations

import dataclasses

import pypdfium2.raw as pdfium_c
from PIL import Image

from factories import ref
from pdfcheck import chart_images, make_document, read_pages, squash
from reportgen.model import Heading, ImageBlock, Paragraph, RichText
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
