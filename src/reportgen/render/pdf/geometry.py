"""Page geometry: from the theme's page size and margins (and an optional bleed) to the
rectangles every other module draws in.

In: `Theme`, bleed in mm. Out: `PageGeometry`, all lengths in points, all coordinates on
the (possibly enlarged) media page. With a bleed the media page grows by the bleed plus a
slug on each side for the crop marks; the trim box sits in the middle.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

from reportgen.model import PAPER_MM, Theme

SLUG_MM = 10.0
"""Room outside the bleed for the crop marks (only when printing with a bleed)."""

HEADER_BAND_MM = 20.0
"""Height of the first page's header band, measured from the trim top."""

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class PageGeometry:
    trim_width: float
    trim_height: float
    bleed: float
    slug: float
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float

    @property
    def offset(self) -> float:
        """Distance from the media edge to the trim edge."""
        return self.bleed + self.slug

    @property
    def media_size(self) -> tuple[float, float]:
        o = 2 * self.offset
        return self.trim_width + o, self.trim_height + o

    @property
    def trim_box(self) -> Box:
        o = self.offset
        return o, o, o + self.trim_width, o + self.trim_height

    @property
    def bleed_box(self) -> Box:
        x0, y0, x1, y1 = self.trim_box
        b = self.bleed
        return x0 - b, y0 - b, x1 + b, y1 + b

    @property
    def text_width(self) -> float:
        return self.trim_width - self.margin_left - self.margin_right

    @property
    def left(self) -> float:
        return self.offset + self.margin_left

    @property
    def right(self) -> float:
        return self.left + self.text_width

    @property
    def top(self) -> float:
        return self.offset + self.trim_height - self.margin_top

    @property
    def bottom(self) -> float:
        return self.offset + self.margin_bottom

    @property
    def band_bottom(self) -> float:
        """Lower edge of the first page's header band."""
        return self.offset + self.trim_height - HEADER_BAND_MM * mm

    @property
    def first_top(self) -> float:
        """Top of the first page's text frame: under the band with room to breathe."""
        return self.band_bottom - 9 * mm


def page_geometry(theme: Theme, bleed_mm: float = 0.0) -> PageGeometry:
    width, height = (side * mm for side in PAPER_MM[theme.page_size])
    return PageGeometry(
        trim_width=width, trim_height=height, bleed=bleed_mm * mm,
        slug=SLUG_MM * mm if bleed_mm > 0 else 0.0,
        margin_top=theme.margin_top * mm, margin_bottom=theme.margin_bottom * mm,
        margin_left=theme.margin_left * mm, margin_right=theme.margin_right * mm,
    )
