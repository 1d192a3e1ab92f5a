"""The matplotlib layer: the only code in reportgen that imports matplotlib.

Imported lazily by `reportgen.charts.build` when at least one chart is not cached.
"""
