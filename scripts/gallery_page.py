"""Write docs/gallery.md: page 1 of every gallery workbook's PDF as a small PNG, so a reader
sees the range at a glance.

In: data/gallery/*.xlsx (built here into a temporary folder with `reportgen build`).
Out: docs/gallery/<workbook>.png (page 1 at 60 dpi, a 96-colour palette: ~15-35 KB each) and
docs/gallery.md.

Run: .venv/bin/python scripts/gallery_page.py
"""

from __future__ import annotations

import io
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from openpyxl import load_workbook
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
GALLERY = REPO / "data" / "gallery"
DOCS = REPO / "docs"
DPI = 60
COLOURS = 96  # palette size: keeps a page under ~100 KB


def meta(workbook: Path) -> dict[str, object]:
    book = load_workbook(workbook, read_only=True)
    try:
        return {row[0]: row[1] for row in book["meta"].iter_rows(min_row=2, values_only=True) if row[0]}
    finally:
        book.close()


def build(workbook: Path, out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "reportgen", "build", str(workbook), "-o", str(out), "--only", "pdf"],
                   check=True, capture_output=True)
    return next(out.glob("*.pdf"))


def first_page_png(pdf_path: Path) -> tuple[bytes, int]:
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        pages = len(pdf)
        image = pdf[0].render(scale=DPI / 72).to_pil().convert("RGB")
    finally:
        pdf.close()
    out = io.BytesIO()
    image.quantize(COLOURS, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
    return out.getvalue(), pages


def main() -> int:
    (DOCS / "gallery").mkdir(parents=True, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for workbook in sorted(GALLERY.glob("*.xlsx")):
            png, pages = first_page_png(build(workbook, Path(tmp) / workbook.stem))
            (DOCS / "gallery" / f"{workbook.stem}.png").write_bytes(png)
            info = meta(workbook)
            size = info.get("theme.page_size", "A4")
            rows.append(f"### {workbook.stem}\n\n{info['title']} — {size}, {pages} pages "
                        f"([workbook](../data/gallery/{workbook.name}))\n\n"
                        f"![page 1 of {workbook.stem}](gallery/{workbook.stem}.png)\n")
            print(f"{workbook.stem}: {pages} pages, {len(png) // 1024} KB")
    text = ("# Gallery\n\nPage 1 of each gallery workbook's PDF (data/gallery, described in the README), "
            f"rendered at {DPI} dpi by `scripts/gallery_page.py`. Every organisation and figure is invented.\n\n"
            + "\n".join(rows))
    (DOCS / "gallery.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
