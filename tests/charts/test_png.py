"""The hand-written PNG writer: what Pillow reads back is exactly the pixels given."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from reportgen.charts.png import png_bytes


def rgba_of(rgb: np.ndarray) -> np.ndarray:
    return np.dstack([rgb, np.full(rgb.shape[:2], 255, np.uint8)])


@pytest.mark.parametrize("shape", [(1, 1), (7, 5), (64, 33)])
def test_pillow_reads_back_the_same_rgb_pixels_and_resolution(shape):
    rgb = np.random.default_rng(7).integers(0, 256, (*shape, 3), dtype=np.uint8)  # rows differ both ways: Up wraps
    with Image.open(io.BytesIO(png_bytes(rgba_of(rgb), 300))) as img:
        assert img.mode == "RGB" and img.size == (shape[1], shape[0])
        assert img.info["dpi"] == pytest.approx((300, 300), abs=0.01)
        assert set(img.info) == {"dpi"}
        assert np.array_equal(np.asarray(img), rgb)


def test_a_flat_chart_ground_is_compressed_more_than_a_hundredfold():
    white = np.full((945, 2126, 3), 255, np.uint8)
    assert len(png_bytes(rgba_of(white), 300)) < white.nbytes / 100
