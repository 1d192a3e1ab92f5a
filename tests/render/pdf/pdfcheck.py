"""Helpers for the PDF tests: a chart SVG drawn by matplotlib, the factory document built
to PDF, and the built file read back with pypdfium2 (text, character boxes, objects)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/: factories

from factories import make_document  # noqa: E402,F401
from reportgen.charts.artifacts import ChartImages  # noqa: E402
from reportgen.model import (  # noqa: E402
    ChartBlock, ContactBox, Document, Heading, KpiRow, ListBlock, Note, Paragraph, TableBlock,
)

Box = tuple[float, float, float, float]


def chart_svg(path: Path, title: str = "拠出主体別の拠出額") -> Path:
    """A bar chart as SVG with its text as paths (as the chart stage writes it)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "reportgen"}):
        fig, ax = plt.subplots(figsize=(6, 2.6))
        ax.bar(["Alibaba", "Ant"], [27.63, 5.93], color=["#1F3A5F", "#E8590C"])
        ax.set_title("by entity")
        fig.savefig(path, format="svg", metadata={"Date": None})
        plt.close(fig)
    return path


def chart_images(doc: Document, folder: Path) -> dict[str, ChartImages]:
    svg = chart_svg(folder / "chart.svg")
    return {cid: ChartImages(cid, svg, folder / "chart.png", spec.title, 432.0, 187.2)
            for cid, spec in doc.charts.items()}


def squash(text: str) -> str:
    """Text without any whitespace: the composer turns typed spaces into spacing."""
    return re.sub(r"\s+", "", text)


def model_texts(doc: Document) -> list[str]:
    """Every text of the document body, in reading order (what the reader must find)."""
    out: list[str] = [doc.meta.title, doc.meta.subtitle]
    for b in doc.blocks:
        match b:
            case Heading():
                out += [b.subtitle.plain, b.text.plain] if b.level == 0 else [b.text.plain, b.subtitle.plain]
            case Paragraph():
                out.append(b.text.plain)
            case ListBlock():
                out += [i.text.plain for i in b.items]
            case KpiRow():
                for k in b.items:
                    out += [k.value.text, k.label.plain]
            case ChartBlock():
                out += [b.chart.title, b.chart.caption]
            case TableBlock():
                out += [b.caption.plain, *(c.name for c in b.table.columns)]
                out += [v.text for row in b.table.rows for v in row]
            case Note():
                out += [b.marker, b.text.plain]
            case ContactBox():
                out += [b.title.plain, *(line.plain for line in b.lines)]
    return [t for t in out if t]


@dataclass
class Page:
    index: int
    size: tuple[float, float]
    text: str
    chars: list[tuple[str, Box]]
    rects: list[Box]
    objects: list[tuple[int, Box]]

    def text_in(self, y0: float, y1: float) -> str:
        """The page's characters whose vertical centre lies between y0 and y1."""
        return "".join(ch for ch, (_, b, _, t) in self.chars if y0 <= (b + t) / 2 <= y1)


def read_pages(path: Path) -> list[Page]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [_page(i, pdf[i]) for i in range(len(pdf))]
    finally:
        pdf.close()


def _page(i: int, page: pdfium.PdfPage) -> Page:
    tp = page.get_textpage()
    n = tp.count_chars()
    text = tp.get_text_range()
    chars = []
    for k in range(n):
        ch = tp.get_text_range(k, 1)
        if ch.strip():
            chars.append((ch, tp.get_charbox(k, loose=False)))
    rects = [tp.get_rect(k) for k in range(tp.count_rects())]
    objects = [(o.type, _page_bounds(o)) for o in page.get_objects(max_depth=3)]
    return Page(i, page.get_size(), text, chars, rects, objects)


def _page_bounds(obj: pdfium.PdfObject) -> Box:
    """An object's bounds on the page: pdfium gives those of an object inside a form
    XObject (the footer's folio) in the form's space."""
    box, form = obj.get_bounds(), obj.container
    while form is not None:
        box, form = form.get_matrix().on_rect(*box), form.container
    return box


BODY = (
    "アリババグループは『あらゆるビジネスの可能性を広げる力になる』をミッションとし、EC や革新的な技術基盤、"
    "電子決済や地域生活サービスなどの多様なサービスから形成されたエコシステムを強みとし、あらゆる顧客や"
    "ビジネスパートナーへビジネスのデジタルインフラを提供しています。"
)


def long_document(sections: int, filler: int = 0, rows: int = 0) -> Document:
    """The factory document with `filler` body paragraphs first, then `sections` sections
    of a unit heading, a headline and paragraphs of varying length, and a `rows`-row table."""
    from dataclasses import replace

    from factories import contributions_table, ref
    from reportgen.model import RichText, Table, TableBlock

    doc = make_document()
    blocks = [Paragraph(RichText.of(BODY), ref("content", f"F{i}")) for i in range(filler)]
    for s in range(sections):
        blocks.append(Heading(2, RichText.of(f"第{s + 1}節 事業の再開を支える取り組み"), ref("content", f"S{s}")))
        blocks.append(Heading(3, RichText.of(f"事業部門{s + 1}"), ref("content", f"U{s}")))
        blocks.append(Paragraph(RichText.of(f"主張{s + 1}：中小企業の事業回復を支援"), ref("content", f"H{s}"), role="headline"))
        for k in range(1 + s % 3):
            blocks.append(Paragraph(RichText.of(BODY * (1 + (s + k) % 3)), ref("content", f"P{s}_{k}")))
    if rows:
        base = contributions_table()
        table = Table(base.name, base.columns, tuple(base.rows[i % 2] for i in range(rows)), base.ref)
        blocks.append(TableBlock(table, RichText.of("長い表"), ref("content", "T1")))
    blocks += [b for b in doc.blocks if isinstance(b, (KpiRow, ContactBox))]
    return replace(doc, blocks=tuple(blocks))


# ------------------------------------------------------------------ layout checks

TOL = 0.6
MM = 72 / 25.4


def _inside_x(box: Box, g, tol: float = TOL) -> bool:
    return g.left - tol <= box[0] and box[2] <= g.right + tol


def stray_chars(page: Page, g) -> list[tuple[str, Box]]:
    """Characters outside the text column, the first page's band, the running header
    zone and the footer zone (or closer than 5 mm to the trim edge)."""
    out = []
    for ch, box in page.chars:
        top_zone = box[1] >= (g.band_bottom if page.index == 0 else g.top) - TOL
        in_frame = box[1] >= g.bottom - TOL and box[3] <= (g.first_top if page.index == 0 else g.top) + TOL
        in_footer = box[3] <= g.bottom - 3 * MM
        near_edge = box[1] < 5 * MM or box[3] > g.trim_height - 5 * MM
        if not _inside_x(box, g) or near_edge or not (in_frame or in_footer or top_zone):
            out.append((ch, box))
    return out


def stray_objects(page: Page, g) -> list[tuple[int, Box]]:
    """Page objects outside the margins, except the first page's header band.
    (pdfium's bounds of a stroked path grow by the line width: 1 pt of tolerance.)"""
    out = []
    for kind, box in page.objects:
        in_band = page.index == 0 and box[1] >= g.band_bottom - 2
        inside = _inside_x(box, g, 1.0) and 5 * MM <= box[1] and box[3] <= g.trim_height - 5 * MM
        if not (in_band or inside):
            out.append((kind, box))
    return out


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def overlapping_runs(page: Page) -> list[tuple[Box, Box]]:
    """Pairs of text runs whose boxes overlap by more than 1 pt²."""
    from itertools import combinations

    return [(a, b) for a, b in combinations(page.rects, 2) if _overlap(a, b) >= 1.0]
