"""XLSX appendix (openpyxl): the data behind every chart and table, safe and ready to print.

`write_xlsx(doc, path)` is the one entry point; see `appendix` for the steps.
"""

from reportgen._openpyxl import import_openpyxl

import_openpyxl()

from reportgen.render.xlsx.appendix import write_xlsx  # noqa: E402

__all__ = ["write_xlsx"]
