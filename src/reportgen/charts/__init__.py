"""Charts: each `ChartSpec` of the model rendered once per build as SVG (for the PDF)
and 300-dpi PNG (for the DOCX). The XLSX appendix draws native Excel charts itself."""

from reportgen.charts.artifacts import ChartImages

__all__ = ["ChartImages"]
