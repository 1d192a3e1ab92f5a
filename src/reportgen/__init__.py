"""reportgen: one Excel workbook in, a Japanese fact sheet out (PDF, DOCX, XLSX appendix).

    import reportgen
    result = reportgen.build("report.xlsx", "out", formats=("pdf",))
    result.outputs, result.warnings, result.problems
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["build", "validate", "__version__"]


def __getattr__(name: str) -> Any:
    # the API loads on first use, so `import reportgen` (and `reportgen --help`) stay light
    if name in ("build", "validate", "Result"):
        from reportgen import api

        return getattr(api, name)
    raise AttributeError(name)
