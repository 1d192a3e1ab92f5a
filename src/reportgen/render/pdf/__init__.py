"""The print-ready PDF fact sheet (reportlab). The pipeline calls `write_pdf`."""

from reportgen.render.pdf.document import write_pdf

__all__ = ["write_pdf"]
