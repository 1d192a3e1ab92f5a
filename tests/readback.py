"""Reading built outputs back in tests that check a whole build (CLI, batch, watch)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium


def pdf_text(path: Path) -> str:
    """All the text of a PDF, page after page, as pdfium extracts it."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
