"""Text styles of the fact sheet, derived from the theme (sizes in points).

In: `Theme`. Out: `Styles`, one `TextStyle` per kind of text on the page. Sizes and
colours follow the design brief; the theme's `meta` overrides flow through here.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.model import Theme
from reportgen.render.pdf.text import TextStyle

WHITE = "#FFFFFF"


@dataclass(frozen=True)
class Styles:
    body: TextStyle
    lead: TextStyle
    headline: TextStyle
    quote: TextStyle
    note: TextStyle
    caption: TextStyle
    figure_title: TextStyle
    title: TextStyle
    subtitle: TextStyle
    part: TextStyle
    over_title: TextStyle
    chapter: TextStyle
    chapter_sub: TextStyle
    section: TextStyle
    unit: TextStyle
    item: TextStyle
    number: TextStyle
    bullet: TextStyle
    kpi_figure: TextStyle
    kpi_unit: TextStyle
    kpi_label: TextStyle
    cell: TextStyle
    cell_number: TextStyle
    cell_head: TextStyle
    contact_title: TextStyle
    contact: TextStyle
    band_org: TextStyle
    band_info: TextStyle
    running: TextStyle
    folio: TextStyle


def _ts(size: float, lh: float, color: str, **kw: object) -> TextStyle:
    return TextStyle(size=size, leading=round(size * lh, 2), color=color, **kw)


def make_styles(t: Theme) -> Styles:
    body, small, lh = t.body_size, t.note_size, t.line_height
    return Styles(
        body=_ts(body, lh, t.text, link_color=t.primary),
        lead=_ts(body + 1, lh, t.text, link_color=t.primary),
        headline=_ts(body + 1.5, 1.5, t.accent, bold=True, align="left", phrase_breaks=True),
        quote=_ts(body + 1, lh, t.primary, bold=True, align="center", phrase_breaks=True),
        note=_ts(small, 1.55, t.muted, link_color=t.primary),
        caption=_ts(small, 1.45, t.muted, align="left"),
        figure_title=_ts(body, 1.5, t.text, bold=True, align="left", phrase_breaks=True),
        title=_ts(t.title_size, 1.38, t.text, bold=True, align="left", phrase_breaks=True, balance=True),
        subtitle=_ts(t.title_size * 0.62, 1.5, t.primary, bold=True, align="left", phrase_breaks=True),
        part=_ts(t.title_size * 0.85, 1.38, t.primary, bold=True, align="left", phrase_breaks=True, balance=True),
        over_title=_ts(small + 1, 1.4, t.muted, bold=True, align="left"),
        chapter=_ts(t.chapter_size, 1.4, t.primary, bold=True, align="left", phrase_breaks=True),
        chapter_sub=_ts(body, 1.5, t.muted, align="left", phrase_breaks=True),
        section=_ts(t.section_size, 1.4, t.text, bold=True, align="left", phrase_breaks=True),
        unit=_ts(t.unit_size, 1.45, t.primary, bold=True, align="left", phrase_breaks=True),
        item=_ts(body, lh, t.text, link_color=t.primary),
        number=_ts(body, lh, t.primary, bold=True, align="right"),
        bullet=_ts(body, lh, t.primary, bold=True, align="left"),
        kpi_figure=_ts(t.kpi_size, 1.2, t.primary, bold=True, align="left"),
        kpi_unit=_ts(t.kpi_size * 0.5, 1.2, t.primary, bold=True, align="left"),
        kpi_label=_ts(small + 0.7, 1.45, t.muted, align="left", phrase_breaks=True),
        cell=_ts(small + 0.7, 1.45, t.text, align="left"),
        cell_number=_ts(small + 0.7, 1.45, t.text, align="right"),
        cell_head=_ts(small + 0.7, 1.45, WHITE, bold=True, align="left"),
        contact_title=_ts(small + 0.7, 1.6, t.text, bold=True, align="left"),
        contact=_ts(small + 0.7, 1.6, t.text, align="left", link_color=t.primary),
        band_org=_ts(12.0, 1.2, WHITE, bold=True, align="left", phrase_breaks=True),
        band_info=_ts(8.5, 1.2, WHITE, align="right"),
        running=_ts(7.0, 1.2, t.muted, align="left"),
        folio=_ts(7.0, 1.2, t.muted, align="right"),
    )
