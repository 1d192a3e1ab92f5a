"""Peers on the same content: Typst, LibreOffice, plain reportlab, bare imports.

In: the sample's `Document` (read with reportgen's own reader) and a build folder that
holds its charts. Out: argv lists for child processes that `measure.run` times:
- Typst compiling an equivalent document (same text blocks, same tables, our chart SVGs,
  the bundled fonts through `font_paths`, system fonts ignored);
- LibreOffice converting our DOCX to PDF with a private fontconfig that sees only
  assets/fonts (as tests/libreoffice.py does) and a private profile;
- reportlab alone: the same paragraphs set with platypus and the bundled font, without
  our composer, charts or tables (a floor for the PDF stage);
- `import matplotlib.pyplot` alone, and a bare interpreter start.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from reportgen.model import (
    ChartBlock, ContactBox, Document, Heading, KpiRow, ListBlock, Note, Paragraph, TableBlock,
)

from bench.measure import python

FONT_FAMILY = "BIZ UDPGothic"
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir>
<config><rescan><int>0</int></rescan></config></fontconfig>
"""


def typst_string(text: str) -> str:
    """`text` as a Typst string literal (so no markup character needs escaping)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def typst_source(doc: Document, chart_dir: str = "charts") -> str:
    """An equivalent Typst document: every text block, table and chart of `doc`."""
    head = [
        '#set page(paper: "a4", margin: (x: 18mm, y: 20mm))',
        f'#set text(font: "{FONT_FAMILY}", size: 9.5pt, lang: "ja")',
        "#set par(justify: true, leading: 0.8em)",
        f"#text(size: 20pt, weight: \"bold\")[#{typst_string(doc.meta.title)}]",
    ]
    return "\n".join(head + [_typst_block(b, chart_dir) for b in doc.blocks]) + "\n"


def _typst_block(block: object, chart_dir: str) -> str:
    if isinstance(block, Heading):
        return f"#heading(level: {max(block.level, 1)})[#{typst_string(block.text.plain)}]"
    if isinstance(block, Paragraph):
        return f"#par[#{typst_string(block.text.plain)}]"
    if isinstance(block, ListBlock):
        kind = "enum" if block.kind == "numbered" else "list"
        return f"#{kind}(" + ", ".join(f"[#{typst_string(i.text.plain)}]" for i in block.items) + ")"
    if isinstance(block, KpiRow):
        cells = ", ".join(f"[#text(size: 18pt)[#{typst_string(k.value.text)}] \\ #{typst_string(k.label.plain)}]"
                          for k in block.items)
        return f"#grid(columns: {len(block.items)}, gutter: 6pt, {cells})"
    if isinstance(block, ChartBlock):
        width = "100%" if block.chart.width == "full" else "48%"
        return (f'#figure(image("{chart_dir}/{block.chart.id}.svg", width: {width}), '
                f"caption: [#{typst_string(block.chart.caption)}])")
    if isinstance(block, TableBlock):
        return _typst_table(block)
    if isinstance(block, Note):
        return f"#text(size: 7.5pt)[#{typst_string(block.marker + ' ' + block.text.plain)}]"
    if isinstance(block, ContactBox):
        lines = " \\ ".join(f"#{typst_string(line.plain)}" for line in (block.title, *block.lines))
        return f"#rect(width: 100%)[{lines}]"
    return "#pagebreak()"


def _typst_table(block: TableBlock) -> str:
    table = block.table
    head = ", ".join(f"[*#{typst_string(c.name)}*]" for c in table.columns)
    body = ", ".join(f"[#{typst_string(v.text)}]" for row in table.rows for v in row)
    return (f"#text(weight: \"bold\")[#{typst_string(block.caption.plain)}]\n"
            f"#table(columns: {len(table.columns)}, table.header({head}), {body})")


def typst_argv(source: Path, pdf: Path, fonts: Path) -> list[str]:
    code = ("import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]], "
            "ignore_system_fonts=True)")
    return python("-c", code, str(source), str(pdf), str(fonts))


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_env(work: Path, fonts: Path, base: dict[str, str]) -> dict[str, str]:
    """Environment for a LibreOffice child that sees only the bundled fonts."""
    cache = work / "fontcache"
    cache.mkdir(parents=True, exist_ok=True)
    conf = work / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=fonts, cache=cache), encoding="utf-8")
    return {**base, "FONTCONFIG_FILE": str(conf), "HOME": str(work)}


def libreoffice_argv(exe: str, docx: Path, out_dir: Path, work: Path) -> list[str]:
    return [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
            "--nologo", "--nodefault", "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)]


def plain_reportlab_argv(text_file: Path, pdf: Path, font: Path) -> list[str]:
    """reportlab platypus setting the paragraphs of `text_file` in the bundled font (CJK wrap)."""
    code = (
        "import sys\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "from reportlab.pdfbase.ttfonts import TTFont\n"
        "from reportlab.lib.styles import ParagraphStyle\n"
        "from reportlab.platypus import SimpleDocTemplate, Paragraph\n"
        "from xml.sax.saxutils import escape\n"
        "pdfmetrics.registerFont(TTFont('Main', sys.argv[3]))\n"
        "st = ParagraphStyle('b', fontName='Main', fontSize=9.5, leading=16, wordWrap='CJK')\n"
        "lines = open(sys.argv[1], encoding='utf-8').read().splitlines()\n"
        "SimpleDocTemplate(sys.argv[2]).build([Paragraph(escape(t), st) for t in lines])\n"
    )
    return python("-c", code, str(text_file), str(pdf), str(font))


def plain_texts(doc: Document) -> list[str]:
    texts = [doc.meta.title]
    for b in doc.blocks:
        if isinstance(b, (Heading, Paragraph, Note)):
            texts.append(b.text.plain)
        elif isinstance(b, ListBlock):
            texts += [i.text.plain for i in b.items]
    return [t for t in texts if t]


def write_inputs(workbook: Path, typ: Path, text_file: Path) -> None:
    """The peers' inputs for `workbook`: the Typst source and the plain paragraphs."""
    from reportgen.workbook import read_workbook

    doc = read_workbook(workbook)
    typ.write_text(typst_source(doc), encoding="utf-8")
    text_file.write_text("\n".join(plain_texts(doc)), encoding="utf-8")


if __name__ == "__main__":  # python -m bench.peers WORKBOOK OUT.typ OUT.txt
    write_inputs(*(Path(a) for a in sys.argv[1:4]))
