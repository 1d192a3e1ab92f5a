"""The seed's paragraphs set at widths 100..500 pt (5 pt steps) into a real PDF by
`JaParagraph`, then read back line by line from the PDF's character boxes (pypdfium2):
no line starts or ends with a forbidden character, no break falls inside a number or a
Latin word (unless the word alone is wider than the line, or it is a long URL-like run
broken where style manuals break URLs), every non-final line is flush at both edges within
0.5 pt or left short with its gaps opened to ½ em (never more), and every character of the
source comes back in order."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate

from factories import SEED
from reportgen.model import RichText, Theme
from reportgen.render.pdf.fonts import register_fonts
from reportgen.render.pdf.textflow import JaParagraph, TextStyle

WIDTHS = range(100, 501, 5)
LEFT = 40.0
PAGE = (580.0, 842.0)
STYLE = TextStyle(size=9.5, leading=16.0, color="#1A1A1A")

# The JLREQ lists, written out here independently of reportgen.ja.classes.
NOT_START = set(
    "’”)〕]}〉》」』】⦆〙〗»〟‐〜゠–!?‼⁇⁈⁉・:;。.、,ヽヾゝゞ々〻ー"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    "！？）］｝：；，．｠｣､｡･"
) | {chr(c) for c in range(0x31F0, 0x3200)}
NOT_END = set("‘“(〔[{〈《「『【⦅〘〖«〝（［｛｟｢")
INSEPARABLE = {"——", "……"}


LONG_UNIT = 12  # a Latin run this long may break: after / . ? & =, before - _ & =
HALF_EM = STYLE.size / 2


@dataclass
class PdfLine:
    page: int
    chars: list[str]
    left: float
    right: float
    gaps: list[float]


def seed_paragraphs() -> list[str]:
    return [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_pdf(paragraphs: list[str]) -> tuple[bytes, list[int]]:
    fonts = register_fonts(Theme())
    page_width: dict[int, int] = {}

    def template(width: int) -> PageTemplate:
        frame = Frame(LEFT, 40, width, PAGE[1] - 80, 0, 0, 0, 0)
        return PageTemplate(f"w{width}", [frame], pagesize=PAGE,
                            onPage=lambda canv, doc: page_width.setdefault(canv.getPageNumber(), width))

    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=PAGE, initialFontName=fonts.regular, invariant=1, pageCompression=1,
                          pageTemplates=[template(w) for w in WIDTHS])
    story = []
    for i, width in enumerate(WIDTHS):
        if i:
            story += [NextPageTemplate(f"w{width}"), PageBreak()]
        story += [JaParagraph(RichText.of(p), STYLE, fonts) for p in paragraphs]
    doc.build(story)
    return buf.getvalue(), [page_width[n] for n in sorted(page_width)]


def read_lines(data: bytes) -> list[PdfLine]:
    """Lines of (non-generated) characters with their loose-box left and right edges."""
    pdf = pdfium.PdfDocument(data)
    lines: list[PdfLine] = []
    for number in range(len(pdf)):
        textpage = pdf[number].get_textpage()
        current: PdfLine | None = None
        baseline = None
        for i in range(textpage.count_chars()):
            if raw.FPDFText_IsGenerated(textpage.raw, i):
                continue
            ch = chr(raw.FPDFText_GetUnicode(textpage.raw, i))
            left, bottom, right, _ = textpage.get_charbox(i, loose=True)
            if current is None or abs(bottom - baseline) > STYLE.leading / 2:
                current = PdfLine(number, [], left, right, [])
                baseline = bottom
                lines.append(current)
            else:
                current.gaps.append(left - current.right)
            current.chars.append(ch)
            current.right = right
    return lines


def word_around(text: str, at: int) -> str:
    """The run of non-space, non-Japanese characters around index `at` of `text`."""
    def narrow(c: str) -> bool:
        return c != " " and ord(c) < 0x2E80

    start, end = at, at
    while start > 0 and narrow(text[start - 1]):
        start -= 1
    while end < len(text) and narrow(text[end]):
        end += 1
    return text[start:end]


@pytest.fixture(scope="module")
def sweep() -> tuple[list[str], list[PdfLine], list[int]]:
    paragraphs = seed_paragraphs()
    data, widths = build_pdf(paragraphs)
    return paragraphs, read_lines(data), widths


def test_seed_sweep_reads_back_clean(sweep):
    paragraphs, lines, widths = sweep
    fonts = register_fonts(Theme())
    problems: list[str] = []
    it = iter(lines)
    for width in WIDTHS:
        for para in paragraphs:
            problems += check_paragraph(para, it, width, widths, fonts.regular)
    assert next(it, None) is None, "the PDF holds more lines than the source"
    assert problems == [], "\n".join(problems[:20])


def check_paragraph(para: str, lines, width: int, widths: list[int], font: str) -> list[str]:
    problems, at = [], 0
    first = True
    while True:
        line = next(lines)
        where = f"w={width} page={line.page + 1} line={''.join(line.chars)!r}"
        assert widths[line.page] == width, where
        for ch in line.chars:
            while para[at] == " ":
                at += 1
            assert para[at] == ch, f"{where}: expected {para[at]!r}, read {ch!r}"
            at += 1
        final = para[at:].strip() == ""
        problems += check_edges(line, where, width, first, final)
        first = False
        if final:
            return problems
        problems += check_break(para, at, where, width, font)


def check_edges(line: PdfLine, where: str, width: int, first: bool, final: bool) -> list[str]:
    out = []
    if not first and line.chars[0] in NOT_START:
        out.append(f"{where}: starts with {line.chars[0]!r}")
    if line.chars[-1] in NOT_END:
        out.append(f"{where}: ends with {line.chars[-1]!r}")
    if abs(line.left - LEFT) > 0.5:
        out.append(f"{where}: left edge at {line.left - LEFT:+.2f}")
    if max(line.gaps, default=0.0) > STYLE.size:  # ½ em added to a typed space at most
        out.append(f"{where}: a gap of {max(line.gaps) / STYLE.size:.2f} em")
    short = max(line.gaps, default=0.0) >= HALF_EM - 0.1  # stretched as far as allowed
    if not final and abs(line.right - (LEFT + width)) > 0.5 and not short:
        out.append(f"{where}: right edge at {line.right - LEFT - width:+.2f}")
    return out


def check_break(para: str, at: int, where: str, width: int, font: str) -> list[str]:
    """The break before para[at]: never inside a word or number that would fit a line."""
    before, after = para[at - 1], para[at]
    if before + after in INSEPARABLE:
        return [f"{where}: split inside {before + after!r}"]
    word = word_around(para, at)
    if not word or at == len(para) or after == " " or before == " ":
        return []
    if ord(before) >= 0x2E80 or ord(after) >= 0x2E80:
        return []
    if pdfmetrics.stringWidth(word, font, STYLE.size) > width:
        return []  # too long for any line: broken on purpose
    if len(word) >= LONG_UNIT and (before in "/.?&=" and after not in "/.?&=-_" or after in "-_&=" and before not in "/.?&=-_"):
        return []  # a long URL-like run broken as URLs are
    return [f"{where}: split inside {word!r}"]
