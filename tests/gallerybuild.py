"""Build the gallery (data/gallery/*.xlsx, and the sample) and run the layout checks on every workbook.

In: an output folder. Out: per workbook a `Built` (the model, the PDF read back, the
DOCX's LibreOffice rendering read back, the workbook's text), and per check its
violations. Used by tests/gallery (one build per session) and by scripts/gallery_page.py.

Run `python tests/gallerybuild.py [OUT]` to print the table of violation counts.
"""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from openpyxl import load_workbook

import layoutcheck as lc
import libreoffice
from reportgen.model.blocks import (
    Block, ChartBlock, ContactBox, Heading, ImageBlock, KpiRow, ListBlock, Note, PageBreak, Paragraph, TableBlock,
)
from reportgen.model.document import Document
from reportgen.workbook import read_workbook

REPO = Path(__file__).resolve().parents[1]
GALLERY = REPO / "data" / "gallery"
SOURCES = {p.stem: p for p in sorted(GALLERY.glob("*.xlsx"))} | {"sample": REPO / "data" / "factsheet.xlsx"}
"""What the checks build: the gallery, and the sample so that it stays as clean as it is."""
WORKBOOKS = tuple(SOURCES)
PARALLEL = 2  # the CI machine's cores


@dataclass(frozen=True)
class Built:
    name: str
    doc: Document
    folder: Path
    pdf: lc.Pdf
    docx_pdf: lc.Pdf | None  # None when LibreOffice is missing (tests skip the DOCX checks)
    source: str

    @property
    def margins(self) -> lc.Margins:
        return lc.Margins.of(self.doc.theme)


CHECKS: dict[str, Callable[[Built], list[lc.Violation]]] = {
    "pdf-line-breaks": lambda b: lc.line_breaks(b.pdf, b.source),
    "pdf-overlaps": lambda b: lc.overlaps(b.pdf),
    "pdf-margins": lambda b: lc.margins(b.pdf, b.margins),
    "pdf-justify": lambda b: lc.justified_gaps(b.pdf, b.margins),
    "pdf-outline": lambda b: lc.outline(b.pdf, headings(b.doc)),
    "pdf-page-fill": lambda b: lc.page_fill(b.pdf, b.margins, page_starts(b.doc)),
    "docx-line-breaks": lambda b: lc.line_breaks(b.docx_pdf, b.source),
    "docx-margins": lambda b: lc.margins(b.docx_pdf, b.margins),
}


def headings(doc: Document) -> list[lc.Heading]:
    return [lc.Heading(b.level, b.text.plain) for b in doc.blocks if isinstance(b, Heading)]


def page_starts(doc: Document) -> list[lc.PageStart]:
    """The texts that may open a page after a short one: a part's title (and over-title),
    and whatever follows a `pagebreak` row."""
    starts = []
    for block, following in zip(doc.blocks, doc.blocks[1:] + (None,)):
        if isinstance(block, Heading) and block.level == 0:
            starts += [lc.PageStart("a part starts on a new page", t.plain) for t in (block.text, block.subtitle) if t]
        if isinstance(block, PageBreak) and following is not None:
            starts.append(lc.PageStart("a pagebreak row", first_text(following)))
    return starts


def first_text(block: Block) -> str:
    """The first text a block prints (what opens the page it starts)."""
    if isinstance(block, (Heading, Paragraph, Note)):
        return block.text.plain
    if isinstance(block, ListBlock):
        return block.items[0].text.plain
    if isinstance(block, KpiRow):
        return block.items[0].label.plain
    if isinstance(block, ChartBlock):
        return block.chart.title
    if isinstance(block, (TableBlock, ImageBlock)):
        return block.caption.plain
    if isinstance(block, ContactBox):
        return block.title.plain
    return ""


def workbook_text(path: Path) -> str:
    """Every text cell of the workbook: where the source has a space the PDF may not show."""
    book = load_workbook(path, read_only=True)
    try:
        return "\n".join(str(v) for ws in book for row in ws.iter_rows(values_only=True) for v in row
                         if isinstance(v, str))
    finally:
        book.close()


def build_one(name: str, out: Path) -> Built:
    folder = out / name
    cmd = [sys.executable, "-m", "reportgen", "build", str(SOURCES[name]), "-o", str(folder), "-j", "1"]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{name}: build failed ({done.returncode})\n{done.stdout}\n{done.stderr}")
    doc = read_workbook(SOURCES[name])
    docx = folder / f"{doc.meta.output_name}.docx"
    docx_pdf = None
    if libreoffice.soffice():
        docx_pdf = lc.read_pdf(libreoffice.convert(docx, "pdf", folder / "libreoffice"))
    return Built(name, doc, folder, lc.read_pdf(folder / f"{doc.meta.output_name}.pdf"), docx_pdf,
                 workbook_text(SOURCES[name]))


def build_gallery(out: Path, names: tuple[str, ...] = WORKBOOKS) -> dict[str, Built]:
    with ThreadPoolExecutor(PARALLEL) as pool:
        return dict(zip(names, pool.map(lambda n: build_one(n, out), names)))


def violations(built: Built) -> dict[str, list[lc.Violation]]:
    return {check: (run(built) if built.docx_pdf is not None or not check.startswith("docx") else [])
            for check, run in CHECKS.items()}


def main(argv: list[str]) -> int:
    import tempfile

    out = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="gallery-"))
    gallery = build_gallery(out)
    print("| workbook | " + " | ".join(CHECKS) + " |")
    print("|---|" + "---:|" * len(CHECKS))
    for name, built in gallery.items():
        counts = violations(built)
        print(f"| {name} | " + " | ".join(str(len(v)) for v in counts.values()) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
