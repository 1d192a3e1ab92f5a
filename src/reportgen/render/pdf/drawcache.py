"""Chart SVGs parsed by svglib once per SVG and user, not once per process.

Why: svglib resolves every element's styles in pure Python (0.02-0.04 s a chart, plus its
first-use imports), and a new PDF process (every `reportgen build`) parses the charts
again although an unchanged chart has the same SVG bytes. The parsed reportlab Drawing is
kept in the per-user cache (`reportgen.usercache`), keyed by the SVG's digest and the
svglib and reportlab versions.

A Drawing is a tree of reportlab objects, which only pickle can store; it is read back
by an unpickler that may build the reportlab graphics classes a parsed chart holds and
nothing else (the "restricting globals" recipe of the pickle documentation), so a
tampered entry cannot run code: it fails to load and the SVG is parsed again.
"""

from __future__ import annotations

import io
import pickle
from functools import lru_cache
from importlib.metadata import version
from typing import Callable

import reportlab
from reportlab.graphics.shapes import Drawing

from reportgen.usercache import digest, remember

# (module, name) of every class a parsed chart holds: shapes, colours, and the attribute
# validators reportlab keeps on some instances.
ALLOWED = {
    ("reportlab.graphics.shapes", name) for name in (
        "Drawing", "Group", "Path", "String", "Rect", "Line", "PolyLine", "Polygon", "Circle", "Ellipse",
        "Wedge")  # not Image: it names a file, which the PDF would embed
} | {
    ("reportlab.lib.colors", name) for name in ("Color", "CMYKColor", "CMYKColorSep", "PCMYKColor")
} | {
    ("reportlab.lib.attrmap", "AttrMap"), ("reportlab.lib.attrmap", "AttrMapValue"),
    ("svglib.svglib", "ClippingPath"), ("svglib.svglib", "NoStrokePath"),
} | {
    ("reportlab.lib.validators", name) for name in (
        "NoneOr", "OneOf", "SequenceOf", "_isAnything", "_isBoolean", "_isListOfShapes", "_isNumber",
        "_isNumberOrNone", "_isString", "_isTransform", "_isValidChildOrNone", "_isColorOrNone",
        "_isInt", "_isListOfNumbersOrNone")
}


def parsed(svg: bytes, parse: Callable[[bytes], Drawing | None], how: str) -> Drawing | None:
    """`parse(svg)`, from the per-user cache when it holds this SVG's parse. `how` names how
    `parse` reads an SVG (bump it when that changes)."""
    key = f"{digest(svg)}-svglib{_svglib()}-rl{reportlab.Version}-{how}"
    return remember("drawings", key, lambda: parse(svg), _pack, _unpack)


@lru_cache(maxsize=1)
def _svglib() -> str:
    """svglib's version from its metadata: no import of svglib just to name the key."""
    return version("svglib")


def _pack(drawing: Drawing | None) -> bytes:
    return pickle.dumps(drawing, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(data: object) -> Drawing | None:
    if not isinstance(data, bytes):
        return None
    try:
        drawing = _Restricted(io.BytesIO(data)).load()
    except Exception:  # noqa: BLE001 - a damaged entry (any error, MemoryError too) is parsed again
        return None
    return drawing if isinstance(drawing, Drawing) else None


class _Restricted(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if (module, name) not in ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not a chart drawing's class")
        return super().find_class(module, name)
