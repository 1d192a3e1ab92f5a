"""The whole document: metadata, theme, blocks, and the data they draw on."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Literal, Mapping

from reportgen.diagnostics import CellRef
from reportgen.model.blocks import Block
from reportgen.model.data import ChartSpec, Table, Value
from reportgen.model.mail import Mail

def _assets() -> Path:
    """assets/ of the source tree (editable install), else the copy a wheel installs
    under <prefix>/share/reportgen (pyproject's data-files)."""
    repo = Path(__file__).resolve().parents[3] / "assets"
    return repo if repo.is_dir() else Path(sys.prefix) / "share" / "reportgen" / "assets"


ASSETS = _assets()

PAPER_MM: Mapping[str, tuple[float, float]] = MappingProxyType({
    "A4": (210.0, 297.0),
    "B5": (182.0, 257.0),
    "ISO-B5": (176.0, 250.0),
    "Letter": (215.9, 279.4),
})
"""Paper (width, height) in mm for `theme.page_size`, the one table every output reads.
`B5` is JIS B5, what Japanese users mean by B5; `ISO-B5` is the international one."""
PageSize = Literal["A4", "B5", "ISO-B5", "Letter"]


def _font(name: str) -> Path:
    return ASSETS / "fonts" / name


@dataclass(frozen=True)
class Theme:
    """Look of the document. Defaults follow docs/factsheet-brief; `meta` overrides any field.

    Sizes are points, margins millimetres, colours "#RRGGBB".
    """

    primary: str = "#1F3A5F"
    accent: str = "#E8590C"
    text: str = "#1A1A1A"
    muted: str = "#5F6B7A"
    rule: str = "#C9D1DB"
    zebra: str = "#F2F5F8"
    palette: tuple[str, ...] = ("#1F3A5F", "#E8590C", "#3D7EA6", "#F2A541", "#7A8B99", "#A7C4D9")
    page_size: PageSize = "A4"
    margin_top: float = 18.0
    margin_bottom: float = 18.0
    margin_left: float = 15.0
    margin_right: float = 15.0
    body_size: float = 9.5
    line_height: float = 1.7
    title_size: float = 20.0
    chapter_size: float = 15.0
    section_size: float = 13.5
    unit_size: float = 11.0
    note_size: float = 7.8
    kpi_size: float = 22.0
    font_regular: Path = _font("BIZUDPGothic-Regular.ttf")
    font_bold: Path = _font("BIZUDPGothic-Bold.ttf")
    font_fallback: Path = _font("DroidSansFallbackFull.ttf")
    # Figures in table number columns: BIZ UDGothic, the same design with fixed-width digits.
    font_figures: Path = _font("BIZUDGothic-Regular.ttf")
    font_figures_bold: Path = _font("BIZUDGothic-Bold.ttf")
    font_family: str = "BIZ UDPGothic"
    cells: tuple[tuple[str, CellRef], ...] = field(default=(), compare=False, repr=False)
    """(field, cell) of each field the meta sheet set (`theme.<field>`), for located
    messages; not part of the look (equal themes compare and hash equal wherever they came
    from). A tuple: a theme goes to the chart workers pickled."""

    def cell(self, name: str) -> CellRef:
        return next((ref for key, ref in self.cells if key == name), CellRef("meta"))


@dataclass(frozen=True)
class Meta:
    """The `meta` sheet: what the document is, who made it, when, and in which currency."""

    title: str
    organisation: str
    date: dt.date
    doc_type: str = "ファクトシート"
    subtitle: str = ""
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()
    short_title: str = ""
    source_note: str = ""
    output_name: str = "factsheet"
    appendix_name: str = ""  # the appendix's file stem; default "<output_name>-appendix"
    lang: str = "ja-JP"
    rates: Mapping[str, Value] = field(default_factory=lambda: MappingProxyType({}))
    cells: Mapping[str, CellRef] = field(default_factory=lambda: MappingProxyType({}))
    """The cell of each key, for located warnings (a source note too long for the footer)."""

    def cell(self, key: str) -> CellRef:
        return self.cells.get(key, CellRef("meta"))

    @property
    def running_title(self) -> str:
        return self.short_title or self.title

    def file_name(self, fmt: str) -> str:
        """The output file's name: `output_name.pdf`, `.docx`, and the appendix
        `appendix_name.xlsx`, by default `output_name-appendix.xlsx`."""
        if fmt == "xlsx":
            return f"{self.appendix_name or self.output_name + '-appendix'}.xlsx"
        return f"{self.output_name}.{fmt}"


@dataclass(frozen=True)
class Document:
    meta: Meta
    theme: Theme
    blocks: tuple[Block, ...]
    tables: Mapping[str, Table]
    charts: Mapping[str, ChartSpec]
    values: Mapping[str, Value]
    source: Path
    mail: Mail | None = None  # the `mail` sheet, when the workbook has one (`reportgen mail`)

    @property
    def created(self) -> dt.datetime:
        """The fixed timestamp written into every output (reproducible builds)."""
        return dt.datetime.combine(self.meta.date, dt.time(9, 0))
