"""How a chart writes its date categories: one rule for the PDF/DOCX drawing and the
appendix's native chart (light: the XLSX renderer imports it without matplotlib)."""

from __future__ import annotations

import datetime as dt

from reportgen.model import ChartSpec


def date_format(spec: ChartSpec) -> str | None:
    """The number format a chart shows its date categories in: the `date_format` option,
    else year/month (`yyyy/m`: 2011/9) when no two dates fall in the same month and the
    cells show days; None to keep the cells' own. The PDF's and the appendix's charts
    both follow it."""
    column = spec.table.columns[spec.table.index(spec.category)]
    if column.kind != "date":
        return None
    if spec.options.date_format:
        return spec.options.date_format
    cells = spec.ordered_rows_column(spec.category)
    dates = [v.raw for v in cells if isinstance(v.raw, dt.date)]
    months = {(d.year, d.month) for d in dates}
    shows_days = "d" in column.number_format.lower()
    return "yyyy/m" if len(months) == len(dates) == len(cells) and shows_days else None
