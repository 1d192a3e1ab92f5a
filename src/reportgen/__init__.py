"""reportgen: one Excel workbook in, a Japanese fact sheet out (PDF, DOCX, XLSX appendix)."""

__version__ = "0.1.0"
