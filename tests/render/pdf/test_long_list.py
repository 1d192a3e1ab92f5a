"""The gallery's 236-row list (data/gallery/grants-list.xlsx) set as a dense list: 22 pages
when issue 14 was filed (9 rows a page), 8 at the start of its work, now at most 6, with
every row present once, in order, whole on its page, and the header on every page."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium

REPO = Path(__file__).resolve().parents[3]
LIST = REPO / "data" / "gallery" / "grants-list.xlsx"
ROWS = 236
MAX_PAGES = 6


def test_the_long_list_is_dense_and_complete(tmp_path):
    subprocess.run([sys.executable, "-m", "reportgen", "build", str(LIST), "-o", str(tmp_path), "--only", "pdf",
                    "-j", "1"], check=True, capture_output=True)
    pdf = pdfium.PdfDocument(str(next(tmp_path.glob("*.pdf"))))
    assert len(pdf) <= MAX_PAGES
    numbers: list[int] = []
    for page in pdf:
        text = page.get_textpage().get_text_range()
        rows = [int(m.group(1)) for m in re.finditer(r"^(\d+) (\d{4}/\d{1,2}/\d{1,2}) ", text, re.M)]
        assert rows, "rows on every page"
        assert re.search(r"^No\. 交付決定日", text, re.M), "the header on every page"
        numbers += rows
    assert numbers == list(range(1, ROWS + 1))
