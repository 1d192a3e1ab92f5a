"""Fuzzing the whole build: workbooks with random block orders, random Unicode text (kana,
kanji, emoji, combining marks, very long words) and random numbers either build, and
the PDF opens and holds the text, or fail with a `ReportError` whose every diagnostic
names a sheet and a cell.

Short by default (CI); a long run: `REPORTGEN_FUZZ_EXAMPLES=500 pytest tests/reliability/test_fuzz.py`.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from reportgen.diagnostics import CellRef, ReportError
from reportgen.fonts import font_for
from reportgen.model import Heading, ListBlock, Paragraph, Theme
from reportgen.pipeline import Build, run
from wbfactory import CONTENT, META, TABLES, make_workbook

EXAMPLES = int(os.environ.get("REPORTGEN_FUZZ_EXAMPLES", "15"))
LONG_RUN = "REPORTGEN_FUZZ_EXAMPLES" in os.environ

KANA = st.characters(min_codepoint=0x3041, max_codepoint=0x30FA)
KANJI = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
EMOJI = st.characters(min_codepoint=0x1F300, max_codepoint=0x1F64F)
# combining marks the bundled fonts draw, Japanese voicing marks among them (others are
# glyph errors at their cell, which the WILD texts below reach too)
COMBINING = st.sampled_from([chr(c) for c in (*range(0x0300, 0x0370), 0x3099, 0x309A)
                             if font_for(chr(c), Theme().font_regular, Theme().font_fallback)])
LATIN = st.characters(min_codepoint=0x21, max_codepoint=0x7E)
PUNCT = st.sampled_from(list("、。「」（）・ー！？　 {}*[]#%\n"))
ANY = st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFFF)
CHAR = st.one_of(KANA, KANJI, LATIN, PUNCT, COMBINING)
WILD = st.one_of(CHAR, EMOJI, ANY)
LONG_WORD = st.integers(40, 600).map(lambda n: "Supercalifragilistic" * (n // 20))
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def excel_escaped(text: str) -> str:
    """Control characters as Excel stores them (`_x0007_`); openpyxl refuses them raw."""
    return CONTROL.sub(lambda m: f"_x{ord(m[0]):04X}_", text)


TEXT = st.one_of(st.text(CHAR, min_size=1, max_size=80), st.text(CHAR, min_size=1, max_size=80), LONG_WORD,
                 st.text(WILD, min_size=1, max_size=20),
                 st.tuples(st.text(KANJI, max_size=20), LONG_WORD).map("".join)).map(excel_escaped)
NUMBER = st.one_of(st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False,
                                                           min_value=-1e15, max_value=1e15))
TEXT_BLOCKS = ("part", "chapter", "section", "unit", "headline", "lead", "paragraph", "quote",
               "highlight", "bullet", "note", "contact")


@st.composite
def block_rows(draw) -> tuple:
    kind = draw(st.sampled_from(TEXT_BLOCKS + ("kpi", "chart", "table", "pagebreak")))
    if kind == "kpi":
        return ("kpi", draw(TEXT), "total")
    if kind == "chart":
        return ("chart", None, "by_entity")
    if kind == "table":
        return ("table", None, "contributions", draw(TEXT))
    if kind == "pagebreak":
        return ("pagebreak",)
    return (kind, draw(TEXT), None, draw(st.one_of(st.none(), TEXT)) if kind in ("part", "chapter", "contact") else None)


@st.composite
def workbooks(draw) -> dict:
    rows = draw(st.lists(block_rows(), min_size=1, max_size=12))
    numbers = draw(st.lists(NUMBER, min_size=2, max_size=6))
    labels = draw(st.lists(TEXT, min_size=len(numbers), max_size=len(numbers)))
    header = TABLES["contributions"][0]
    return {
        "meta": [("title", draw(TEXT)), *META[1:]],
        "content": [CONTENT[0], *rows],
        "values": [("name", "value", "note"), ("total", draw(NUMBER))],
        "tables": {"contributions": [header, *zip(labels, numbers)]},
    }


def drawn_text(pdf_path: Path) -> str:
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        assert len(pdf) >= 1
        return "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def checkable(text: str) -> list[str]:
    """Letters and digits a PDF text layer must give back (spaces, marks and punctuation
    may be moved or changed by line composition)."""
    return [c for c in unicodedata.normalize("NFC", text) if unicodedata.category(c)[0] in "LN"]


def assert_located(exc: ReportError) -> None:
    for d in exc.diagnostics:
        assert isinstance(d.where, CellRef) and d.where.sheet and d.where.cell, f"not located: {d}"


def body_texts(doc) -> list[str]:
    out = [doc.meta.title]
    for b in doc.blocks:
        if isinstance(b, (Heading, Paragraph)):
            out.append(b.text.plain)
        elif isinstance(b, ListBlock):
            out += [i.text.plain for i in b.items]
    return out


@settings(max_examples=EXAMPLES, deadline=None, derandomize=not LONG_RUN, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(workbooks())
def test_a_random_workbook_builds_or_fails_at_a_cell(parts):
    with tempfile.TemporaryDirectory() as folder:
        path = make_workbook(Path(folder) / "wb.xlsx", **parts)
        build = Build(path, Path(folder) / "out", ("pdf",), log=lambda line: None)
        try:
            doc = run(build)
        except ReportError as exc:
            assert_located(exc)
            event(f"refused: {len(exc.diagnostics)} located problem(s)")
            return
        event("built")
        for kind in {type(b).__name__ for b in doc.blocks}:
            event(f"built with a {kind}")
        text = drawn_text(build.out_dir / f"{doc.meta.output_name}.pdf")
        drawn = checkable(text)
        for expected in body_texts(doc):
            missing = [c for c in set(checkable(expected)) if drawn.count(c) < checkable(expected).count(c)]
            assert not missing, (expected, missing)
