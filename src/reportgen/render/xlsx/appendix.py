"""The XLSX appendix for email: a `Document` in, an .xlsx file out.

Steps: pick the tables the document uses (a table or chart block refers to them), in
document order; set up the workbook styles; write one data sheet per table with its
native charts (its table cells kept as XML, see `sheetdata`), named after its caption or
`sheet_title`; write the cover that lists them, with the KPI figures and the contact; set the document properties; save with reproducible bytes. Nothing from the input becomes a formula (see `cells`); there are no
macros, no external links and no hidden sheets.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from reportgen.model import ChartBlock, ChartSpec, ContactBox, Document, Kpi, KpiRow, Table, TableBlock
from reportgen.render.xlsx import package, styles
from reportgen.render.xlsx.cover import write_cover
from reportgen.render.xlsx.datasheet import write_data_sheet
from reportgen.render.xlsx.layout import sheet_name

COVER = "表紙"


def write_xlsx(doc: Document, path: Path) -> None:
    """Write the appendix of `doc` to `path`."""
    wb = Workbook()
    styles.install(wb, doc.theme)
    cover = wb.active
    taken = {COVER.casefold()}
    cover.title = COVER
    entries, bodies = [], []
    for index, table in enumerate(used_tables(doc), start=1):
        ws = wb.create_sheet(sheet_name(sheet_title(doc, table), taken))
        entry, body = write_data_sheet(ws, table, caption(doc, table), charts_of(doc, table),
                                       doc.meta, doc.theme, index)
        entries.append(entry)
        bodies.append(body)
    write_cover(cover, doc.meta, doc.theme, entries, kpis(doc), contacts(doc))
    package.set_properties(wb, doc.meta, doc.created)
    package.save(wb, path, doc.created, bodies)


def kpis(doc: Document) -> tuple[Kpi, ...]:
    """Every KPI figure of the document, in reading order."""
    return tuple(kpi for block in doc.blocks if isinstance(block, KpiRow) for kpi in block.items)


def contacts(doc: Document) -> tuple[ContactBox, ...]:
    return tuple(block for block in doc.blocks if isinstance(block, ContactBox))


def used_tables(doc: Document) -> list[Table]:
    """Tables referred to by a table or chart block, first use first, each once."""
    found: dict[str, Table] = {}
    for block in doc.blocks:
        table = _block_table(block)
        if table is not None and table.name not in found:
            found[table.name] = doc.tables.get(table.name, table)
    return list(found.values())


def _block_table(block: object) -> Table | None:
    if isinstance(block, TableBlock):
        return block.table
    if isinstance(block, ChartBlock):
        return block.chart.table
    return None


def charts_of(doc: Document, table: Table) -> tuple[ChartSpec, ...]:
    """Every chart spec drawn from `table`, in the `charts` sheet's order."""
    return tuple(spec for spec in doc.charts.values() if spec.table.name == table.name)


def sheet_title(doc: Document, table: Table) -> str:
    """A data sheet's tab: the `sheet_title` a table block gives, else the caption
    (`layout.sheet_name` makes it a valid, unique sheet name)."""
    for block in doc.blocks:
        if isinstance(block, TableBlock) and block.table.name == table.name and block.sheet_title:
            return block.sheet_title
    return caption(doc, table)


def caption(doc: Document, table: Table) -> str:
    """The table's caption in the document, else its first chart's title, else its name."""
    for block in doc.blocks:
        if isinstance(block, TableBlock) and block.table.name == table.name and block.caption:
            return block.caption.plain
    titles = [spec.title for spec in charts_of(doc, table)]
    return titles[0] if titles else table.name
