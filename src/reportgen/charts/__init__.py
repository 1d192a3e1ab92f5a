"""Charts: each `ChartSpec` of the model rendered once per build as SVG (for the PDF)
and, when the DOCX is built, as a 300-dpi PNG. The XLSX appendix draws native Excel
charts itself, with the colours of `reportgen.charts.colors`.

Importing this package imports nothing else: the XLSX renderer needs only `colors`, and
matplotlib loads only when a chart is drawn (see `build.render_charts`).
"""

from __future__ import annotations

from importlib import import_module

_EXPORTS = {"ChartImages": "artifacts", "render_charts": "build", "point_colors": "colors",
            "series_color": "colors"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        return getattr(import_module(f"reportgen.charts.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module 'reportgen.charts' has no attribute {name!r}")
