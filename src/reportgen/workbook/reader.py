"""The read stage's driver: sheets → model, then whole-document checks (glyphs, characters)."""

from __future__ import annotations

import dataclasses
import unicodedata
import warnings
from pathlib import Path
from types import MappingProxyType
from typing import Iterator

from reportgen.diagnostics import CellRef, Collector, Diagnostic, ReportError, ReportWarning
from reportgen.fonts import missing_chars
from reportgen.gcpause import cyclic_gc_paused
from reportgen.i18n import tr
from reportgen.layout.figures import print_width, warn_if_coarse
from reportgen.model import (
    Block, ChartSpec, ContactBox, Document, Heading, ImageBlock, KpiRow, ListBlock, Note, Paragraph, RichText, Table,
    TableBlock, Theme, Value,
)
from reportgen.workbook.cells import read_value
from reportgen.workbook.charts import read_charts
from reportgen.workbook.content import Context, read_content
from reportgen.workbook.images import image_resolver, upright_size
from reportgen.workbook.inline import Unreadable
from reportgen.workbook.mail import read_mail
from reportgen.workbook.meta import read_meta
from reportgen.workbook.source import Book, CellProblem, check_extent, key_rows
from reportgen.workbook.tables import VALUES, read_table, read_values

REQUIRED_SHEETS = ("meta", "content")
HELP_SHEETS = ("instructions", "説明", "contract", "仕様")  # the template's help: never read
RESERVED = ("meta", "content", "values", "charts", "mail", *HELP_SHEETS)


def read_workbook(path: Path) -> Document:
    with cyclic_gc_paused():  # a large graph kept until the stage ends (gcpause)
        return _read(Path(path))


def _read(path: Path) -> Document:
    book = Book.open(path)
    diag = Collector()
    missing = [s for s in REQUIRED_SHEETS if s not in book.sheetnames]
    if missing:
        for s in missing:
            diag.add(str(path), tr("missing sheet '{s}' (sheets found: {sheetnames})").format(s=s, sheetnames=', '.join(book.sheetnames)))
        diag.raise_if_any()
    check_extent(book, diag)
    diag.raise_if_any()
    report_hidden_rows(book)
    tables = {}
    for name in book.sheetnames:
        if name not in RESERVED and book.sheet(name).state == "visible":
            table = read_table(book, name, diag)
            if table is not None:
                tables[name] = table
    values = read_values(book, diag)
    lookup = _lookup(book, values)
    meta, theme = read_meta(book, diag, lookup)
    charts, broken = read_charts(book, tables, lookup, diag)
    ctx = Context(book, tables, charts, lookup, image_resolver(path.parent, diag), diag, broken_charts=broken)
    blocks = read_content(ctx)
    tables, charts = _shaped(tables, charts, ctx)
    mail = read_mail(book, diag, lookup, meta)
    doc = Document(meta, theme, blocks, MappingProxyType(tables), MappingProxyType(charts),
                   MappingProxyType(values), path, mail)
    check_text(doc, diag)
    diag.raise_if_any()
    check_resolution(doc)
    return doc


def check_resolution(doc: Document) -> None:
    """A print warning for each image with fewer pixels than its printed width needs:
    known from the theme's page before any layout, so `validate` says it too."""
    for block in doc.blocks:
        if isinstance(block, ImageBlock):
            pixels = upright_size(block.path)
            warn_if_coarse(block.ref, block.path.name, print_width(doc.theme, block.width, pixels), pixels[0])


def report_hidden_rows(book: Book) -> None:
    """A warning per sheet with hidden rows that hold something: they are skipped, as
    Excel hides them, and the user should know which ones (a draft row, or a mistake)."""
    for name in book.sheetnames:
        sheet = book.sheet(name)
        if name in HELP_SHEETS or sheet.state != "visible" or not sheet.hidden_rows:
            continue
        filled = sorted({r for (r, _c), cell in sheet.cells.items()
                         if r in sheet.hidden_rows and cell.value not in (None, "")})
        if filled:
            shown = ", ".join(map(str, filled[:8])) + (", …" if len(filled) > 8 else "")
            warnings.warn(ReportWarning(Diagnostic(CellRef(name), tr("{count} hidden row(s) skipped (row {shown}); unhide them to build them").format(count=len(filled), shown=shown))))


def _shaped(tables: dict[str, Table], charts: dict[str, ChartSpec], ctx: Context):
    """Tables (and the charts of them) as the content's table options shaped them."""
    if not ctx.shaped:
        return tables, charts
    tables = {**tables, **{name: table for name, (table, _) in ctx.shaped.items()}}
    charts = {k: dataclasses.replace(c, table=tables[c.table.name]) if c.table.name in ctx.shaped else c
              for k, c in charts.items()}
    return tables, charts


def _lookup(book: Book, values: dict[str, Value]):
    """{name} → a `values` row first, else a single-cell defined name. A row whose value
    could not be read (already reported at its cell) stands in as an empty value, so that
    each sentence citing it does not report it again as unknown; nothing is built anyway."""
    cache: dict[str, Value | None] = {}
    if VALUES in book.sheetnames:
        rows = key_rows(book, VALUES, "name", "value name", Collector())  # duplicates are reported by read_values
        cache.update({name: Unreadable(None, "General", "", CellRef(VALUES, coord))
                      for name, coord in rows.items() if name not in values})

    def lookup(name: str) -> Value | None:
        if name in values:
            return values[name]
        if name not in cache:
            target = book.name_target(name)
            try:
                cache[name] = read_value(book, *target) if target else None
            except CellProblem:
                cache[name] = None
        return cache[name]

    lookup.names = (*values, *cache, *book.workbook.defined_names)  # type: ignore[attr-defined]  # for "did you mean"
    return lookup


def _texts(doc: Document) -> Iterator[tuple[CellRef | str, str]]:
    """Every piece of text a renderer will draw, with where it came from."""
    m = doc.meta
    for key in ("title", "subtitle", "organisation", "doc_type", "short_title", "source_note"):
        yield m.cell(key), getattr(m, key)
    for table in doc.tables.values():
        for col in table.columns:
            yield col.ref, col.name
        for row in table.rows:
            for v in row:
                yield v.ref, v.text
    for chart in doc.charts.values():
        yield chart.ref, chart.title + chart.unit + chart.caption
    for value in doc.values.values():
        yield value.ref, value.text
    for block in doc.blocks:
        for ref, rich in _block_texts(block):
            yield ref, rich.plain


def _block_texts(block: Block) -> Iterator[tuple[CellRef, RichText]]:
    if isinstance(block, Heading):
        yield block.ref, block.text
        yield block.ref, block.subtitle
    elif isinstance(block, Paragraph):
        yield block.ref, block.text
    elif isinstance(block, Note):
        yield block.ref, block.text
        yield block.ref, RichText.of(block.marker)
    elif isinstance(block, ListBlock):
        for item in block.items:
            yield item.ref, item.text
    elif isinstance(block, KpiRow):
        for kpi in block.items:
            yield kpi.ref, kpi.label
            yield kpi.ref, RichText.of(kpi.value.text)
    elif isinstance(block, ContactBox):
        yield block.ref, block.title
        for line in block.lines:
            yield block.ref, line
    elif isinstance(block, (TableBlock, ImageBlock)):
        yield block.ref, block.caption


def check_text(doc: Document, diag: Collector) -> None:
    """No control characters, and every character drawable by a bundled font: one
    diagnostic per cell and kind of problem (a line of Arabic is one error, not twenty).
    Each distinct character is judged once; only a text holding a bad one is looked at
    closely (a 10,000-row table repeats the same few dozen characters)."""
    theme: Theme = doc.theme
    texts = list(_texts(doc))
    suspects = _suspects(set("".join(text for _, text in texts)), theme)
    for where, text in texts:
        if suspects.isdisjoint(text):
            continue
        bad = [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"]
        if bad:
            diag.add(where, tr("control character U+{ord:04X} in the text (remove it)").format(ord=ord(bad[0])))
        missing = [c for c in missing_chars(text, theme.font_regular, theme.font_fallback) if c not in bad]
        if missing:
            diag.add(where, tr("{describe} in no bundled font ({name}, {name2}); replace {value}").format(describe=_describe(missing), name=theme.font_regular.name, name2=theme.font_fallback.name, value='it' if len(missing) == 1 else 'them'))


def _suspects(chars: set[str], theme: Theme) -> set[str]:
    """The characters among `chars` that are control characters or in no bundled font."""
    missing = set(missing_chars("".join(sorted(chars)), theme.font_regular, theme.font_fallback))
    return missing | {c for c in chars if unicodedata.category(c) == "Cc" and c not in "\n\t"}


def _describe(chars: list[str], shown: int = 5) -> str:
    names = [f"'{c}' (U+{ord(c):04X} {unicodedata.name(c, '?')})" for c in chars[:shown]]
    more = f" and {len(chars) - shown} more" if len(chars) > shown else ""
    return f"character {names[0]} is" if len(chars) == 1 else f"characters {', '.join(names)}{more} are"


__all__ = ["read_workbook", "ReportError"]
