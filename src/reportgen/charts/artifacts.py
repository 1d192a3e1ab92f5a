"""What the chart stage hands to the renderers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ChartImages:
    """One chart's files. `png` is None when the chart stage was asked for no PNG (a build
    without the DOCX). `alt_text` is the title and a one-line summary of the data;
    `width_pt`/`height_pt` are the drawing's natural size; `width` is the width it was
    drawn for ("full" when a half-width chart could not hold its legend), and `notes` the
    compromises it made (the pipeline prints them as located warnings)."""

    chart_id: str
    svg: Path
    png: Path | None
    alt_text: str
    width_pt: float
    height_pt: float
    width: str = "full"
    notes: tuple[str, ...] = ()
