"""openpyxl imported without numpy (0.1-0.15 s of every build's start-up).

In: nothing. Out: `import_openpyxl()`, called by the packages that use openpyxl before
their first openpyxl import. openpyxl imports numpy only to count numpy scalars as
numbers when a cell is assigned (openpyxl.compat.numbers.NUMERIC_TYPES); reportgen
writes plain Python values from the model, so numpy is hidden for that one import (a
None entry in sys.modules makes `import numpy` raise ImportError, which openpyxl
expects) and then unhidden, for matplotlib. If numpy is already loaded (a chart drawn
first, a batch worker warmed up) openpyxl imports as usual.
"""

from __future__ import annotations

import sys


def import_openpyxl() -> None:
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]
