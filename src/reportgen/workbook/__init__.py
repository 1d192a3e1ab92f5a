"""Read and validate a workbook into a `Document`. The only code that opens the .xlsx.

In: a path. Out: a `Document`, or a `ReportError` listing every problem found, each with
its sheet and cell.
"""

from reportgen.workbook.reader import read_workbook

__all__ = ["read_workbook"]
