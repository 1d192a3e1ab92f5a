"""Image paths named in the workbook: inside the workbook's folder, real, and sane in size."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from reportgen.diagnostics import CellRef, Collector

MAX_PIXELS = 25_000_000
"""5,000 × 5,000: A4 at 300 dpi is 8.7 million. The PDF renderer decodes an image whole,
about 10 bytes a pixel at its peak (bench/limits.md): 25 million pixels cost ~300 MB."""
MAX_BYTES = 30 * 1024 * 1024
"""The image file itself, checked before it is opened (every output embeds the file)."""


def image_resolver(folder: Path, diag: Collector) -> Callable[[str, CellRef], Path | None]:
    """A function that checks one image reference, reporting problems at its cell."""
    root = folder.resolve()

    def resolve(name: str, at: CellRef) -> Path | None:
        path, problem = _check(root, name)
        if problem:
            diag.add(at, problem)
            return None
        return path

    return resolve


def _check(root: Path, name: str) -> tuple[Path | None, str | None]:
    candidate = Path(name)
    if candidate.is_absolute():
        return None, f"image path '{name}' is absolute (expected a path inside the workbook's folder)"
    path = (root / candidate).resolve()
    if not path.is_relative_to(root):
        return None, f"image path '{name}' leaves the workbook's folder (expected a path inside {root})"
    if not path.is_file():
        return None, f"image '{name}' not found next to the workbook"
    return path, _check_pixels(path, name)


def _check_pixels(path: Path, name: str) -> str | None:
    from PIL import Image

    size = path.stat().st_size
    if size > MAX_BYTES:
        return f"image '{name}' is {size:,} bytes (limit {MAX_BYTES:,}); save it smaller (JPEG for photos)"
    try:
        with Image.open(path) as im:
            if im.width * im.height > MAX_PIXELS:
                return f"image '{name}' is {im.width}×{im.height} pixels (limit {MAX_PIXELS:,}); scale it down"
            if im.format not in ("PNG", "JPEG"):
                return f"image '{name}' is {im.format} (expected PNG or JPEG)"
            im.verify()  # checksums; a JPEG's data is only checked by decoding it
        with Image.open(path) as im:
            im.load()  # a cut-off file raises here instead of printing half a picture
    except Image.DecompressionBombError as exc:  # Pillow refuses before decoding; say so plainly
        return f"image '{name}' is far too large to open safely ({exc}); scale it down"
    except Exception as exc:  # Pillow raises many types for a corrupt file
        if isinstance(exc, OSError) and "truncated" in str(exc):
            return f"image '{name}' is truncated ({exc}): the file was cut off; copy or export it again"
        return f"image '{name}' cannot be read ({type(exc).__name__}: {exc})"
    return None


ORIENTATION = 0x0112  # the EXIF tag; 5-8 mean the picture is stored turned a quarter


def upright_size(path: Path) -> tuple[int, int]:
    """The image's (width, height) in pixels as it is drawn: upright, its EXIF
    orientation applied (read from the header, nothing decoded)."""
    from PIL import Image

    with Image.open(path) as im:
        turned = im.getexif().get(ORIENTATION, 1) in (5, 6, 7, 8)
        return (im.height, im.width) if turned else im.size
