"""Read and validate a workbook into a `Document`. The only code that opens the .xlsx.

In: a path. Out: a `Document`, or a `ReportError` listing every problem found, each with
its sheet and cell.
"""

from reportgen._openpyxl import import_openpyxl

import_openpyxl()

from reportgen.workbook.reader import read_workbook  # noqa: E402

__all__ = ["read_workbook"]
