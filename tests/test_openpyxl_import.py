"""reportgen._openpyxl: the workbook reader and XLSX renderer load openpyxl without numpy,
and numpy stays importable afterwards (matplotlib needs it when a chart is drawn)."""

from __future__ import annotations

import subprocess
import sys

_SCRIPT = """
import sys
import reportgen.workbook, reportgen.render.xlsx
assert "numpy" not in sys.modules, "numpy imported"
import openpyxl.compat.numbers as n
import numpy
assert numpy.float64(1.5) + 1 == 2.5
print(len(n.NUMERIC_TYPES))
"""


def test_build_modules_load_openpyxl_without_numpy() -> None:
    out = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, check=True)
    assert int(out.stdout) == 3  # int, float, Decimal: no numpy scalars


def test_openpyxl_imported_as_usual_when_numpy_is_loaded() -> None:
    script = "import numpy, sys, reportgen.workbook, openpyxl.compat.numbers as n; print(len(n.NUMERIC_TYPES))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert int(out.stdout) > 4
