"""Small workbooks built to PDF and DOCX for the composition rules (issue 16), and the
built files read back: outline trees, text boxes per page, warnings raised."""

from __future__ import annotations

import sys
import warnings
import zipfile
from pathlib import Path
from typing import Any, Sequence

from lxml import etree
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: wbfactory

from wbfactory import CONTENT, make_workbook  # noqa: E402
from reportgen.diagnostics import ReportWarning  # noqa: E402
from reportgen.pipeline import Build, run  # noqa: E402

HEAD = CONTENT[0]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def build(tmp: Path, rows: Sequence[Sequence[Any]], formats=("pdf",), **parts) -> tuple[dict[str, Path], list[str]]:
    """Build a workbook of content `rows` (after the header) in this process; the outputs
    by format and the located warnings printed ("sheet!A1: message")."""
    wb = make_workbook(tmp / "book.xlsx", content=[HEAD, *rows], **parts)
    out = tmp / "out"
    lines: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ReportWarning)
        b = Build(wb, out, tuple(formats), jobs=1, log=lambda s: None, warn=lines.append)
        run(b)
    found = [str(w.message.diagnostic) for w in caught if isinstance(w.message, ReportWarning)]
    found += [line.removeprefix("warning: ") for line in lines]
    return {p.suffix.lstrip("."): p for p in b.outputs}, found


def pdf_outline(path: Path) -> list[tuple[str, int]]:
    def walk(items, depth=0):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield item.title, depth
    return list(walk(PdfReader(path).outline))


def docx_outline(path: Path) -> list[tuple[str, int]]:
    """(text, outline level) of every paragraph the navigation pane shows (direct level,
    else its style's)."""
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        styles = etree.fromstring(z.read("word/styles.xml"))
    style_level = {s.get(f"{W}styleId"): int(lv.get(f"{W}val"))
                   for s in styles.iter(f"{W}style") for lv in s.iter(f"{W}outlineLvl")}
    out = []
    for p in body.iter(f"{W}p"):
        ppr = p.find(f"{W}pPr")
        lvl = ppr.find(f"{W}outlineLvl") if ppr is not None else None
        sty = ppr.find(f"{W}pStyle") if ppr is not None else None
        level = int(lvl.get(f"{W}val")) if lvl is not None else style_level.get(sty.get(f"{W}val") if sty is not None else None)
        if level is not None and level < 9:
            out.append(("".join(t.text or "" for t in p.iter(f"{W}t")), level))
    return out
