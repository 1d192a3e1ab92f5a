"""KPI rows: one figure size for the whole row (the largest that fits every card), labels
broken between phrases, figures never broken, `{name:億万}` in the ref cell; the same in
the DOCX (issue 16)."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from composekit import build
from reportgen.ja.compose import Options, Run, compose
from reportgen.render.docx.tables import _figure_size

VALUES = [("name", "value", "note"), ("total", 1234567890), ("share", 0.123), ("people", 130000000),
          ("small", 922)]
FORMATS = {"total": '#,##0"円"', "share": '0.0%', "people": '#,##0"人"', "small": '#,##0"百万円"'}
ROWS = [("section", "主要指標"), ("kpi", "対象事業の売上高合計", "total"), ("kpi", "進捗率", "share"),
        ("kpi", "国内の利用者数", "people:億万"), ("kpi", "営業利益", "small")]


def _pdf_digit_sizes(path: Path) -> set[float]:
    """Font sizes of the digits drawn in the KPI cards (large text on the first page)."""
    page = pdfium.PdfDocument(str(path))[0]
    tp = page.get_textpage()
    sizes = set()
    for i in range(tp.count_chars()):
        size = pdfium_c.FPDFText_GetFontSize(tp.raw, i)
        if tp.get_text_range(i, 1).isdigit() and size > 10:  # body text is 9.5 pt, labels 8.5
            sizes.add(round(size, 2))
    return sizes


def test_a_kpi_row_draws_every_figure_at_one_size_and_myriads_are_available(tmp_path):
    out, _ = build(tmp_path, ROWS, formats=("pdf", "docx"), values=VALUES, value_formats=FORMATS)
    assert len(_pdf_digit_sizes(out["pdf"])) == 1
    with zipfile.ZipFile(out["docx"]) as z:
        body = z.read("word/document.xml").decode()
    assert "1億3,000万" in body
    cells = re.findall(r'<w:tc>.*?</w:tc>', body, flags=re.S)[:4]
    sizes = {re.findall(r'<w:sz w:val="(\d+)"/>', c)[0] for c in cells}
    assert len(sizes) == 1


def test_the_docx_figure_size_fits_the_widest_figure_of_the_row():
    figures = [("1,234,567,890", "円"), ("12.3", "%")]
    size = _figure_size(figures, 110.0, 22.0)
    assert size < 22.0 and size * (13 * 0.62 + 0.5) <= 110.0
    assert _figure_size([("12.3", "%")], 110.0, 22.0) == 22.0


def test_a_kpi_label_breaks_between_phrases():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "render" / "pdf"))
    from reportgen.model import RichText, Theme
    from reportgen.render.pdf.styles import make_styles
    from reportgen.render.pdf.text import register_fonts
    from reportgen.render.pdf.textflow import compose_text

    st = make_styles(Theme())
    lines = compose_text(RichText.of("対象事業の売上高合計"), st.kpi_label, register_fonts(Theme()), 40.0)
    assert [line.text for line in lines][0] in ("対象", "対象事業", "対象事業の")
    assert all(not line.text.startswith(("業", "捗")) for line in lines)
