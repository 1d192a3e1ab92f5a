"""An image file as the PDF and the DOCX draw it: upright, in RGB.

In: the path of a PNG or JPEG the reader accepted. Out: what a renderer hands to
reportlab or python-docx (the path itself, or the bytes of an upright RGB copy) and the
picture's size in pixels as drawn.

Neither reportlab nor Word applies a photo's EXIF orientation (a phone stores a portrait
photo sideways with a tag saying how to turn it), and python-docx cannot read a CMYK
JPEG's header. Such a file is turned with Pillow's `ImageOps.exif_transpose` and made RGB,
then encoded again in its own format; any other file goes into the outputs unchanged.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps

ORIENTATION = 0x0112  # the EXIF tag
_UPRIGHT = (0, 1)  # no tag, or "already upright"
_DRAWABLE_MODES = ("RGB", "RGBA", "L", "LA", "P", "1")


def drawable(path: Path) -> tuple[Path | bytes, tuple[int, int]]:
    """The file to draw (`path`, or an upright RGB copy's bytes) and its size in pixels."""
    with Image.open(path) as im:
        turned = im.getexif().get(ORIENTATION, 1) not in _UPRIGHT
        if not turned and im.mode in _DRAWABLE_MODES:
            return path, im.size
        kind = im.format or "PNG"
        upright = ImageOps.exif_transpose(im) if turned else im
        if upright.mode not in _DRAWABLE_MODES:
            upright = upright.convert("RGB")
        out = io.BytesIO()
        upright.save(out, kind, **({"quality": 95} if kind == "JPEG" else {}))
        return out.getvalue(), upright.size
