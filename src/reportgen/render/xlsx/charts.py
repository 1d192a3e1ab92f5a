"""Native Excel charts for the appendix.

In: a `ChartSpec`, the `ChartRange` where its data sits in the appendix (the appendix's own
cells, rows already in the chart's display order) and the `Theme`. Out: an openpyxl chart
with the same type, order, colours (`reportgen.charts.colors`, shared with the PDF/DOCX
charts), titles and number formats as the other outputs, ready for `ws.add_chart`.

Every text element (title, axes, data labels, legend) names BIZ UDPGothic as both its
latin and its East Asian (ea) typeface; without the ea face Excel and LibreOffice draw the
Japanese in some other font. Data labels show the value only, every other flag is written
as false (unset flags mean different things in different spreadsheet programs).
Horizontal bars list the first category at the top, as in the PDF: openpyxl's bar charts
run bottom-to-top unless the category axis is reversed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from openpyxl.chart import BarChart, DoughnutChart, LineChart, PieChart, Reference
from openpyxl.chart.axis import ChartLines, DisplayUnitsLabelList
from openpyxl.chart.data_source import AxDataSource, NumRef, StrRef
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.layout import Layout, ManualLayout
from openpyxl.chart.legend import Legend
from openpyxl.chart.marker import DataPoint, Marker
from openpyxl.chart.series import Series
from openpyxl.chart.series_factory import SeriesFactory
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.line import LineProperties
from openpyxl.drawing.text import (
    CharacterProperties, Font, Paragraph, ParagraphProperties, RegularTextRun, RichTextProperties,
)
from openpyxl.worksheet.worksheet import Worksheet

from reportgen.adapters.openpyxl import ChartBase
from reportgen.charts.colors import highlight_index, point_colors
from reportgen.charts.dates import date_format
from reportgen.model import ChartSpec, Theme, Value
from reportgen.render.xlsx import chartcache
from reportgen.render.xlsx.cells import xml_text

WIDTH_CM = {"full": 16.0, "half": 11.0}
HEIGHT_CM = 7.5
ROW_CM = 0.9
"""Extra height per category of a horizontal bar chart, so long lists stay legible."""
HIDDEN_FORMAT = ";;;"
UNIT_Y = 0.11
"""Top of the unit label, as a share of the chart height (the title sits above it)."""
HEADROOM = 1.2
INSIDE_LABELS = ("stacked", "donut")
MAX_LABELS = 24  # value labels on a line or stacked chart, at most (12 months of two series)
_LABEL_POSITION = {"bar": "outEnd", "barh": "outEnd", "stacked": "ctr", "line": "t",
                   "pie": "outEnd", "donut": None}


_LEGEND_POSITION = {"bottom": "b", "right": "r", "top": "t"}
_DISPLAY_UNITS = {"千": "thousands", "万": "tenThousands", "百万": "millions", "千万": "tenMillions",
                  "億": "hundredMillions", "兆": "trillions"}
"""The `scale` option as Excel's built-in display units of a value axis."""


@dataclass(frozen=True)
class ChartRange:
    """Where a chart's data sits: header row, first/last data row, 1-based columns, and
    the rows there (their values become the chart's cached values)."""

    sheet: Worksheet
    header_row: int
    first_row: int
    last_row: int
    category_col: int
    series_cols: tuple[int, ...]
    category_is_text: bool = True
    rows: tuple[tuple[Value, ...], ...] = ()


def native_chart(spec: ChartSpec, where: ChartRange, theme: Theme) -> ChartBase:
    """The native chart for `spec` over the cells in `where`."""
    chart = _new_chart(spec)
    for col, fmt in zip(where.series_cols, _series_formats(spec)):
        chart.series.append(_series(spec, where, col, fmt, theme))
    _colour(chart, spec, theme)
    chart.title = _title(spec.title, theme)
    chart.legend = _legend(spec, theme)
    if spec.kind not in ("pie", "donut"):
        _style_axes(chart, spec, theme)
        chart.layout = _plot_layout(spec)  # openpyxl writes it as the plot area layout
    chart.width, chart.height = WIDTH_CM[spec.width], chart_height_cm(spec)
    chart.roundedCorners = False
    return chart


def chart_height_cm(spec: ChartSpec) -> float:
    """Chart height; horizontal bar charts grow with their number of categories."""
    if spec.kind == "barh":
        return max(HEIGHT_CM, 2.5 + ROW_CM * len(spec.table.rows) * len(spec.series))
    return HEIGHT_CM


def _new_chart(spec: ChartSpec) -> ChartBase:
    if spec.kind == "line":
        return LineChart()
    if spec.kind == "pie":
        return PieChart()
    if spec.kind == "donut":
        chart = DoughnutChart()
        chart.holeSize = 55
        return chart
    chart = BarChart()
    chart.type = "bar" if spec.kind == "barh" else "col"
    chart.gapWidth = 60
    if spec.kind == "stacked":
        chart.grouping, chart.overlap = "stacked", 100
    return chart


def _series_formats(spec: ChartSpec) -> list[str]:
    columns = {c.name: c for c in spec.table.columns}
    return [columns[name].number_format for name in spec.series]


def _series(spec: ChartSpec, where: ChartRange, col: int, fmt: str, theme: Theme) -> Series:
    values = Reference(where.sheet, min_col=col, min_row=where.header_row, max_row=where.last_row)
    series = SeriesFactory(values, title_from_data=True)
    cats = str(Reference(where.sheet, min_col=where.category_col, min_row=where.first_row, max_row=where.last_row))
    series.cat = AxDataSource(strRef=StrRef(f=cats)) if where.category_is_text else AxDataSource(numRef=NumRef(f=cats))
    chartcache.fill(series, where, col, spec.table.columns[col - 1].name, fmt)
    series.dLbls = _data_labels(spec, fmt, theme) if spec.options.labels and not _crowded(spec) else None
    if spec.kind == "line":
        series.smooth = False
    return series


def _crowded(spec: ChartSpec) -> bool:
    """Too many points to label each (Excel cannot thin labels as the PDF's chart does):
    lines and stacked bars then rely on their value grid alone."""
    return spec.kind in ("line", "stacked") and len(spec.ordered_rows()) * len(spec.series) > MAX_LABELS


def _data_labels(spec: ChartSpec, fmt: str, theme: Theme) -> DataLabelList:
    """Value labels (a pie's share too, or only it, as its `percent` option asks); white on
    the colour where they sit inside (stacked bars, donut ring)."""
    inside = spec.kind in INSIDE_LABELS
    props = text_properties(theme, 8, bold=inside, color="#FFFFFF" if inside else theme.text)
    pie = spec.kind in ("pie", "donut") and "%" not in fmt
    return DataLabelList(
        numFmt=fmt, txPr=props, dLblPos=_LABEL_POSITION[spec.kind],
        showLegendKey=False, showVal=not pie or spec.options.percent != "percent", showCatName=False,
        showSerName=False, showPercent=pie and spec.options.percent != "value", showBubbleSize=False,
        showLeaderLines=False,
    )


def _colour(chart: ChartBase, spec: ChartSpec, theme: Theme) -> None:
    """Series colour, plus a data point wherever a point differs (highlight, pie slices)."""
    colors = point_colors(spec, theme)
    marked = highlight_index(spec)
    for series, points in zip(chart.series, _per_series(colors, len(chart.series))):
        base = next((c for i, c in enumerate(points) if i != marked), theme.primary)
        _paint_series(series, spec.kind, base)
        pie = spec.kind in ("pie", "donut")
        series.dPt = [_point(i, c, spec.kind) for i, c in enumerate(points) if c != base or pie]


def _per_series(colors: tuple[tuple[str, ...], ...], n: int) -> list[tuple[str, ...]]:
    return [colors[min(i, len(colors) - 1)] for i in range(n)]


def _paint_series(series: Series, kind: str, color: str) -> None:
    if kind == "line":
        series.graphicalProperties = GraphicalProperties(ln=LineProperties(solidFill=color[1:], w=28575))
        series.marker = Marker(symbol="circle", size=6, spPr=_fill(color))
    else:
        series.graphicalProperties = _fill(color)


def _point(idx: int, color: str, kind: str) -> DataPoint:
    if kind == "line":
        return DataPoint(idx=idx, marker=Marker(symbol="circle", size=7, spPr=_fill(color)))
    return DataPoint(idx=idx, spPr=_fill(color, white_edge=kind in ("pie", "donut")))


@lru_cache(maxsize=64)
def _fill(color: str, white_edge: bool = False) -> GraphicalProperties:
    """A solid fill, shared like the text properties below (never modified once made)."""
    props = GraphicalProperties(solidFill=color[1:])
    props.line = LineProperties(solidFill="FFFFFF", w=12700) if white_edge else LineProperties(noFill=True)
    return props


def _legend(spec: ChartSpec, theme: Theme) -> Legend | None:
    """Where the `legend` option puts it (pies: beside the pie)."""
    pie = spec.kind in ("pie", "donut")
    if (len(spec.series) < 2 and not pie) or (spec.options.legend == "none" and not pie):
        return None
    legend = Legend(legendPos="r" if pie else _LEGEND_POSITION[spec.options.legend], overlay=False)
    legend.txPr = text_properties(theme, 9)
    return legend


def _style_axes(chart: ChartBase, spec: ChartSpec, theme: Theme) -> None:
    """Axes as in the PDF: category labels upright (horizontal bars: first at the top); a
    light value grid for stacked bars and lines; single bars carry their values as labels
    and show no value scale. The value axis stays (hidden labels) to hold the unit title."""
    cat, val = chart.x_axis, chart.y_axis
    cat.delete = val.delete = False
    cat.txPr, val.txPr = text_properties(theme, 9, upright=spec.kind != "barh"), text_properties(theme, 8)
    cat.majorTickMark = val.majorTickMark = "none"
    cat.graphicalProperties = GraphicalProperties(ln=LineProperties(solidFill=theme.rule[1:]))
    val.graphicalProperties = GraphicalProperties(ln=LineProperties(noFill=True))
    val.number_format = _series_formats(spec)[0]
    if spec.kind in ("bar", "barh"):
        # openpyxl cannot write tickLblPos="none" (it reads "none" as unset): an empty
        # number format hides the scale in Excel and LibreOffice alike.
        val.majorGridlines, val.number_format = None, HIDDEN_FORMAT
        _value_headroom(chart, spec)
    else:
        val.majorGridlines = ChartLines(spPr=GraphicalProperties(ln=LineProperties(solidFill=theme.rule[1:], w=6350)))
    category = spec.table.columns[spec.table.index(spec.category)]
    if category.kind != "text":  # dates and numbers label the axis in their format, as the PDF's chart does
        cat.number_format = date_format(spec) or category.number_format
    _scale(val, spec)
    val.title = _unit_title(spec, theme) if spec.unit else None
    cat.axPos, val.axPos = ("l", "b") if spec.kind == "barh" else ("b", "l")
    if spec.kind == "barh":
        cat.scaling.orientation = "maxMin"
        val.crosses = "max"


def _scale(val: object, spec: ChartSpec) -> None:
    """The `scale` option as display units (the unit title names the scaled unit) and the
    `min`/`max` options as the axis limits."""
    if spec.options.scale in _DISPLAY_UNITS:
        val.dispUnits = DisplayUnitsLabelList(builtInUnit=_DISPLAY_UNITS[spec.options.scale])  # type: ignore[attr-defined]
    if spec.options.min is not None:
        val.scaling.min = spec.options.min  # type: ignore[attr-defined]
    if spec.options.max is not None:
        val.scaling.max = spec.options.max  # type: ignore[attr-defined]


def _plot_layout(spec: ChartSpec) -> Layout:
    """The plot (with its axis labels) below the title and the unit label, above the legend."""
    bottom = 0.14 if len(spec.series) > 1 else 0.03
    return Layout(manualLayout=ManualLayout(layoutTarget="outer", xMode="edge", yMode="edge",
                                            x=0.02, y=UNIT_Y + 0.07, w=0.94, h=1 - UNIT_Y - 0.07 - bottom))


def _value_headroom(chart: ChartBase, spec: ChartSpec) -> None:
    """Room past the longest bar for its label: spreadsheets size the scale to the data only."""
    values = [v.raw for name in spec.series for v in spec.table.column_values(name) if v.is_number]
    if values and min(values) >= 0 and max(values) > 0:
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, max(values) * HEADROOM


def _unit_title(spec: ChartSpec, theme: Theme) -> Title:
    """"単位：億元" upright (Japanese reads badly turned), above the plot's top-left corner
    like the PDF's unit label."""
    scale = spec.options.scale if spec.options.scale in _DISPLAY_UNITS else ""
    unit = spec.unit if spec.unit.startswith(scale) else scale + spec.unit
    title = _title(f"単位：{unit}", theme, size=8, bold=False, upright=True)
    title.layout = Layout(manualLayout=ManualLayout(xMode="edge", yMode="edge", x=0.01, y=UNIT_Y))
    return title


def _title(text: str, theme: Theme, size: float = 11, bold: bool = True, upright: bool = False) -> Title:
    """A title in the theme font."""
    props = _character(theme.font_family, size, bold, theme.text)
    para = Paragraph(pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=xml_text(text))])
    return Title(tx=Text(rich=RichText(bodyPr=_body(upright), p=[para])), overlay=False)


def text_properties(theme: Theme, size: float, bold: bool = False, upright: bool = False,
                    color: str | None = None) -> RichText:
    """A `txPr` naming the theme font as latin and East Asian typeface; `upright` forbids turned text."""
    return _text_properties(theme.font_family, size, bold, upright, color or theme.text)


# The text properties below are built once per distinct set of arguments and shared by
# every chart that uses them (openpyxl's descriptor-checked objects cost ~1 ms each to
# build: most of a chart's build time). They are never modified after they are made.
@lru_cache(maxsize=64)
def _text_properties(family: str, size: float, bold: bool, upright: bool, color: str) -> RichText:
    props = _character(family, size, bold, color)
    return RichText(bodyPr=_body(upright), p=[Paragraph(pPr=ParagraphProperties(defRPr=props), r=[], endParaRPr=props)])


@lru_cache(maxsize=2)
def _body(upright: bool) -> RichTextProperties:
    return RichTextProperties(rot=0, vert="horz") if upright else RichTextProperties()


@lru_cache(maxsize=64)
def _character(family: str, size: float, bold: bool, color: str) -> CharacterProperties:
    face = Font(typeface=family)
    return CharacterProperties(latin=face, ea=face, cs=face, sz=int(size * 100), b=bold, solidFill=color[1:])
