"""Charts: each `ChartSpec` of the model rendered once per build as SVG (for the PDF)
and, when the DOCX is built, as a 300-dpi PNG. The XLSX appendix draws native Excel
charts itself, with the colours of `reportgen.charts.colors`.

Importing this package does not import matplotlib (see `build.render_charts`).
"""

from reportgen.charts.artifacts import ChartImages
from reportgen.charts.build import render_charts
from reportgen.charts.colors import point_colors, series_color

__all__ = ["ChartImages", "point_colors", "render_charts", "series_color"]
