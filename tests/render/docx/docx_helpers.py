"""Helpers for the DOCX tests: a chart PNG drawn with Pillow, a built .docx with its XML parts."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from lxml import etree
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/: factories, libreoffice

from factories import make_document  # noqa: E402
from reportgen.charts.artifacts import ChartImages  # noqa: E402
from reportgen.render.docx import write_docx  # noqa: E402

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
}
ALT_TEXT = "拠出主体別の拠出額：アリババグループ 27.63億元、アントグループ 5.93億元"


def chart_png(path: Path) -> Path:
    """A 6 x 2.7 inch image at 300 dpi, drawn with Pillow."""
    img = Image.new("RGB", (1800, 810), "white")
    img.paste((31, 58, 95), (200, 100, 800, 760))
    img.paste((232, 89, 12), (1000, 560, 1600, 760))
    img.save(path, dpi=(300, 300))
    return path


def chart_images(folder: Path) -> dict[str, ChartImages]:
    png = chart_png(folder / "by_entity.png")
    return {"by_entity": ChartImages("by_entity", folder / "by_entity.svg", png, ALT_TEXT, 432.0, 194.4)}


class Docx:
    """A built .docx: its path and its parts parsed (`part("word/document.xml")`)."""

    def __init__(self, path: Path):
        self.path = path
        with zipfile.ZipFile(path) as z:
            self._raw = {name: z.read(name) for name in z.namelist()}

    def part(self, name: str) -> etree._Element:
        return etree.fromstring(self._raw[name])

    def names(self) -> list[str]:
        return list(self._raw)

    def xpath(self, name: str, expr: str) -> list:
        return self.part(name).xpath(expr, namespaces=NS)


def model_texts(doc) -> list[str]:
    """Every text the reader would see: titles, blocks, KPI figures, table cells, captions."""
    from reportgen.model import (ChartBlock, ContactBox, Heading, KpiRow, ListBlock, Note,
                                 Paragraph, TableBlock)

    texts = [doc.meta.title, doc.meta.subtitle]
    for block in doc.blocks:
        if isinstance(block, Heading):
            texts += [block.text.plain, block.subtitle.plain]
        elif isinstance(block, Paragraph):
            texts.append(block.text.plain)
        elif isinstance(block, ListBlock):
            texts += [item.text.plain for item in block.items]
        elif isinstance(block, KpiRow):
            texts += [t for k in block.items for t in (k.value.text, k.label.plain)]
        elif isinstance(block, TableBlock):
            texts += [block.caption.plain] + [c.name for c in block.table.columns]
            texts += [v.text for row in block.table.rows for v in row]
        elif isinstance(block, ChartBlock):
            texts += [block.chart.title, block.chart.caption]
        elif isinstance(block, Note):
            texts.append(block.text.plain)
        elif isinstance(block, ContactBox):
            texts += [block.title.plain] + [line.plain for line in block.lines]
    return [t for t in texts if t]


def pdf_text(pdf: Path, theme=None) -> str:
    """The PDF's text without whitespace; with a theme, only the body area of each page
    (between the top and bottom margins), so running headers and footers do not split a
    paragraph that crosses a page."""
    import re
    import subprocess

    from reportgen.render.docx.page import PAPER_MM

    crop: list[str] = []
    if theme is not None:
        mm = 72 / 25.4
        width, height = PAPER_MM[theme.page_size]
        top, body = theme.margin_top * mm, (height - theme.margin_top - theme.margin_bottom) * mm
        crop = ["-r", "72", "-x", "0", "-y", str(int(top)), "-W", str(int(width * mm)), "-H", str(int(body))]
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", *crop, str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)
