"""The editable Word file (python-docx): `write_docx(doc, charts, path)`.

Layers, bottom up: oxml (the only raw w: XML), styles / lists / inline / page / tables /
blocks (fact-sheet terms), package (properties, reproducible zip), document (the driver).
"""

from reportgen.render.docx.document import write_docx

__all__ = ["write_docx"]
