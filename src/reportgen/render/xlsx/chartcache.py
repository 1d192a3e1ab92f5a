"""Cached values in a native chart's references (`c:strCache`, `c:numCache`).

In: an openpyxl chart series whose title, categories and values are cell references, and
the `ChartRange` with the rows those cells hold. Out: the series with each reference's
cached values, as Excel writes them: previewers that draw a chart without recalculating
(Quick Look, mail and cloud viewers, openpyxl readers) show the data rather than an empty
plot.
"""

from __future__ import annotations

import datetime as dt

from openpyxl.chart.data_source import NumData, NumVal, StrData, StrVal
from openpyxl.chart.series import Series
from openpyxl.utils.datetime import to_excel

from reportgen.render.xlsx.cells import cell_text, number_format, stored_number


def fill(series: Series, where, col: int, name: str, fmt: str) -> None:
    """Caches for `series` (values from column `col` of `where`, titled `name`)."""
    index = where.series_cols.index(col)
    if series.tx is not None and series.tx.strRef is not None:
        series.tx.strRef.strCache = StrData(ptCount=1, pt=[StrVal(idx=0, v=cell_text(name))])
    cat_values = [row[where.category_col - 1] for row in where.rows]
    if series.cat.strRef is not None:
        series.cat.strRef.strCache = StrData(
            ptCount=len(cat_values), pt=[StrVal(idx=i, v=cell_text(v.text)) for i, v in enumerate(cat_values)])
    elif series.cat.numRef is not None:
        series.cat.numRef.numCache = _numbers(cat_values, number_format(cat_values[0]) if cat_values else "General")
    values = [row[where.series_cols[index] - 1] for row in where.rows]
    series.val.numRef.numCache = _numbers(values, fmt or "General")


def _numbers(values, fmt: str) -> NumData:
    """A number cache: a point per value that is a number or a date (others are gaps)."""
    points = []
    for i, value in enumerate(values):
        raw = value.raw
        if isinstance(raw, (dt.date, dt.datetime)):
            points.append(NumVal(idx=i, v=to_excel(raw)))
        elif isinstance(raw, (int, float)) and not isinstance(raw, bool):
            points.append(NumVal(idx=i, v=stored_number(raw)))
    return NumData(formatCode=fmt, ptCount=len(values), pt=points)
