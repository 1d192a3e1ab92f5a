"""The fact sheet's Word styles, defined once from the `Theme`.

In: a python-docx `Document` (the default template) and the `Theme`.
Out: the same document with document defaults and every style set up for Japanese
(BIZ UDPGothic for all scripts, no theme fonts, ja-JP, kinsoku, Japanese-Latin spacing)
and the named styles below defined. Blocks refer to styles only through these names, so
a PR editor who restyles "Heading 2" in Word restyles every section heading.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.styles import CT_Styles
from docx.shared import Emu, Pt, Twips
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, StyleFactory

from reportgen.adapters import docx as wordlib
from reportgen.model import Theme
from reportgen.render.docx import oxml

NORMAL = "Normal"
TITLE = "Title"
SUBTITLE = "Subtitle"
PART_LABEL = "Part Label"
CHAPTER = "Heading 1"
CHAPTER_SUBTITLE = "Chapter Subtitle"
SECTION = "Heading 2"
UNIT = "Heading 3"
BODY = "Body Text"
LEAD = "Lead"
HEADLINE = "Headline"
QUOTE = "Quote"
LIST_NUMBER = "List Number"
LIST_BULLET = "List Bullet"
FIGURE = "Figure"
FIGURE_TITLE = "Figure Title"
CAPTION = "Caption"
TABLE_CAPTION = "Table Caption"
NOTE = "Note"
TABLE = "Fact Table"
TABLE_HEADER = "Table Header"
TABLE_TEXT = "Table Text"
TABLE_NUMBER = "Table Number"
TABLE_HEADER_NUMBER = "Table Header Number"
KPI_TABLE = "KPI Cards"
FIGURE_GRID = "Figure Grid"
KPI_FIGURE = "KPI Figure"
KPI_LABEL = "KPI Label"
KPI_UNIT = "KPI Unit"
CONTACT_TITLE = "Contact Title"
CONTACT = "Contact"
SPACER = "Spacer"
HEADER = "Header"
HEADER_BAND = "Header Band"
FOOTER = "Footer"
HYPERLINK = "Hyperlink"
NOTE_MARKER = "Note Marker"

_ALL_NAMES = (
    NORMAL, TITLE, SUBTITLE, PART_LABEL, CHAPTER, CHAPTER_SUBTITLE, SECTION, UNIT, BODY, LEAD,
    HEADLINE, QUOTE, LIST_NUMBER, LIST_BULLET, FIGURE, FIGURE_TITLE, CAPTION, TABLE_CAPTION, NOTE,
    TABLE, TABLE_HEADER, TABLE_TEXT, TABLE_NUMBER, TABLE_HEADER_NUMBER, KPI_TABLE, FIGURE_GRID,
    KPI_FIGURE, KPI_LABEL, KPI_UNIT, CONTACT_TITLE, CONTACT, SPACER, HEADER, HEADER_BAND, FOOTER,
    HYPERLINK, NOTE_MARKER,
)
ROLE_STYLES = {"body": BODY, "lead": LEAD, "headline": HEADLINE, "quote": QUOTE}
HEADING_STYLES = {0: TITLE, 1: CHAPTER, 2: SECTION, 3: UNIT}

_CENTER, _RIGHT, _JUSTIFY = "center", "right", "both"  # w:jc values


@dataclass(frozen=True)
class ParaStyle:
    """One paragraph style. Sizes and spacing in points; colours are Theme field names."""

    name: str
    base: str = NORMAL
    size: float | None = None
    bold: bool = False
    color: str | None = None
    align: str | None = None        # w:jc value
    before: float = 0.0
    after: float = 0.0
    line: float | None = None
    keep_next: bool = False
    outline: int | None = None
    bar: str | None = None          # left colour bar (theme field)
    rule: str | None = None         # bottom rule (theme field)
    box: str | None = None          # frame on all sides (theme field)
    indent: float = 0.0             # hanging indent
    first_indent: float = 0.0       # first-line indent
    keep_lines: bool = False
    group: bool = False             # no space between neighbours of this style


def table_size(theme: Theme) -> float:
    """Data tables' type size: the PDF's (a note's size + 0.7 pt), so both wrap alike."""
    return theme.note_size + 0.7


def hex_of(theme: Theme, color: str) -> str:
    """A theme colour field ("primary") or a literal "#RRGGBB", as Word writes it: "1F3A5F"."""
    value = color if color.startswith("#") else str(getattr(theme, color))
    return value.lstrip("#").upper()


def _specs(t: Theme) -> tuple[ParaStyle, ...]:
    body, note, line = t.body_size, t.note_size, t.line_height
    return (
        ParaStyle(NORMAL, base="", size=body, line=line),
        ParaStyle(BODY, size=body, align=_JUSTIFY, after=body * 0.6, line=line, first_indent=body),
        ParaStyle(LEAD, size=body + 1, align=_JUSTIFY, after=body, line=line),
        ParaStyle(HEADLINE, size=body + 1.5, bold=True, color="accent", after=3, line=1.4, keep_next=True),
        ParaStyle(QUOTE, size=body + 1, bold=True, color="primary", align=_CENTER, before=12, after=12, line=1.4),
        ParaStyle(TITLE, size=t.title_size, bold=True, after=6, line=1.3, keep_next=True),
        ParaStyle(SUBTITLE, size=t.title_size * 0.62, bold=True, color="primary", after=14, line=1.4,
                  keep_next=True),
        ParaStyle(PART_LABEL, size=note + 1, bold=True, color="muted", after=2, keep_next=True, line=1.3),
        ParaStyle(CHAPTER, size=t.chapter_size, bold=True, color="primary", before=18, after=4, line=1.3,
                  keep_next=True, outline=0, rule="primary"),
        ParaStyle(CHAPTER_SUBTITLE, size=body, color="muted", after=8, line=1.5, keep_next=True),
        ParaStyle(SECTION, size=t.section_size, bold=True, before=16, after=6, line=1.3, keep_next=True,
                  outline=1, bar="primary", rule="rule"),
        ParaStyle(UNIT, size=t.unit_size, bold=True, color="primary", before=10, after=2, line=1.3,
                  keep_next=True, outline=2),
        ParaStyle(LIST_NUMBER, size=body, align=_JUSTIFY, after=3, line=line, keep_lines=True),
        ParaStyle(LIST_BULLET, size=body, align=_JUSTIFY, after=2, line=line, keep_lines=True),
        ParaStyle(SPACER, size=4, after=6, line=1.0),
        ParaStyle(FIGURE_TITLE, size=body, bold=True, before=8, after=3, line=1.5, keep_next=True),
        ParaStyle(FIGURE, align=_CENTER, before=6, after=2, line=1.0, keep_next=True),
        ParaStyle(CAPTION, size=note, color="muted", after=8, line=1.4),
        ParaStyle(TABLE_CAPTION, base=CAPTION, size=note, color="muted", after=3, line=1.4, keep_next=True),
        ParaStyle(NOTE, size=note, color="muted", after=8, line=1.4, indent=note * 1.5, group=True),
        ParaStyle(TABLE_TEXT, size=table_size(t), line=1.3),
        ParaStyle(TABLE_NUMBER, base=TABLE_TEXT, size=table_size(t), align=_RIGHT, line=1.3),
        ParaStyle(TABLE_HEADER, base=TABLE_TEXT, size=table_size(t), bold=True, color="#FFFFFF", line=1.3,
                  keep_next=True),
        ParaStyle(TABLE_HEADER_NUMBER, base=TABLE_HEADER, size=table_size(t), bold=True, color="#FFFFFF",
                  align=_RIGHT, line=1.3, keep_next=True),
        ParaStyle(KPI_FIGURE, size=t.kpi_size, bold=True, color="primary", line=1.1, keep_next=True),
        ParaStyle(KPI_LABEL, size=note + 0.5, color="muted", line=1.3),
        ParaStyle(CONTACT_TITLE, size=body - 0.5, bold=True, before=14, line=1.5, keep_next=True, box="rule"),
        ParaStyle(CONTACT, size=body - 0.5, line=1.5, box="rule"),
        ParaStyle(HEADER, size=note, color="muted", line=1.2, rule="rule"),
        ParaStyle(HEADER_BAND, base=HEADER, size=body - 0.5, bold=True, line=1.6, box="primary"),
        ParaStyle(FOOTER, size=note, color="muted", line=1.2),
    )


def install(word: WordDocument, theme: Theme, lang: str) -> None:
    """Set up document defaults, every template style and the fact sheet's own styles."""
    family = theme.font_family
    styles_el = word.styles.element
    _remove_template_styles(word)
    _set_defaults(styles_el, family, lang, theme)
    ids: dict[str, str] = {}
    for spec in _specs(theme):
        _define_paragraph_style(word, spec, theme, ids)
    _define_character_styles(word, theme)
    _define_table_styles(word, theme)
    oxml.remove_style_links(styles_el)
    oxml.set_fonts_in_every_style(styles_el, family)
    oxml.strip_theme_fonts(styles_el)
    oxml.strip_theme_colors(styles_el)
    _remember_style_ids(word)


def _remember_style_ids(word: WordDocument) -> None:
    """Resolve style names to ids from one pass over the finished styles.

    python-docx resolves a style on every assignment (paragraph, run, table) and compares
    it with the default style of its type, which scans all styles: half of the DOCX stage
    at first, then ~0.4 ms per style name. The styles are final once installed, so the
    document part's lookup answers from a table (`adapters.docx.answer_style_ids`)."""
    wordlib.answer_style_ids(word.part, _style_ids(word.styles.element))


def _style_ids(styles_el: CT_Styles) -> dict[tuple[str, WD_STYLE_TYPE], str | None]:
    """(internal name, type) -> style id, None for the default style of its type (the
    last one marked default, as python-docx reads it); the first style of a name wins."""
    ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}
    defaults: dict[WD_STYLE_TYPE, str] = {}
    for style in styles_el.style_lst:
        ids.setdefault((style.name_val, style.type), style.styleId)
        if style.default:
            defaults[style.type] = style.name_val
    for style_type, name in defaults.items():
        ids[(name, style_type)] = None
    return ids


_KEEP_TEMPLATE_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid"}


def _remove_template_styles(word: WordDocument) -> None:
    """Only the document defaults (Normal, Default Paragraph Font, Normal Table, No List,
    Table Grid) stay of the template's styles; the fact sheet's own are defined next.

    The rest are python-docx's Office 2007 look: blue Cambria headings 4-9, linked
    character styles (Heading1Char, TitleChar ...) with stale sizes and colours, 130
    coloured table styles crowding Word's gallery. Word recreates any built-in style on
    first use from its latent definition and the document's theme (`officetheme`: our
    font and palette), so a heading 4 added in Word still matches."""
    ours = {BabelFish.ui2internal(spec) for spec in _ALL_NAMES}
    oxml.remove_styles_except(word.styles.element, _KEEP_TEMPLATE_STYLES, ours)


def _set_defaults(styles_el: CT_Styles, family: str, lang: str, theme: Theme) -> None:
    rpr, ppr = oxml.doc_defaults(styles_el)
    oxml.set_fonts(rpr, family)
    oxml.set_size(rpr, _half_points(theme.body_size))
    oxml.set_lang(rpr, "en-US", lang)
    oxml.set_color(rpr, hex_of(theme, "text"))
    oxml.set_japanese_rules(ppr)


def _style(word: WordDocument, name: str, kind: WD_STYLE_TYPE) -> BaseStyle:
    """The template's style of that name, cleared, or a new one (looked up once: python-
    docx's `styles[name]` and `add_style` each search all styles again)."""
    styles_el = word.styles.element
    internal = BabelFish.ui2internal(name)
    element = styles_el.get_by_name(internal)
    if element is None:
        element = styles_el.add_style_of_type(internal, kind, False)
    else:
        oxml.clear_formatting(element)
    style = StyleFactory(element)
    style.hidden = False
    style.unhide_when_used = False
    style.quick_style = True
    return style


def _define_paragraph_style(word: WordDocument, spec: ParaStyle, theme: Theme,
                            ids: dict[str, str]) -> None:
    """One paragraph style, based on an earlier one (by its id in `ids`); its id is added.
    Properties are written as python-docx's style setters write them, in one pass each
    (its setters search the schema order for every property: most of `install`)."""
    style = _style(word, spec.name, WD_STYLE_TYPE.PARAGRAPH)
    ids[spec.name] = style.style_id
    if spec.base:
        oxml.set_based_on(style.element, ids[spec.base])
    _set_font(style, spec, theme)
    _set_paragraph(style, spec)
    _set_decoration(style, spec, theme)


def _set_font(style: BaseStyle, spec: ParaStyle, theme: Theme) -> None:
    rpr = oxml.rpr(style.element)
    if spec.size:
        oxml.set_size(rpr, int(Pt(spec.size).pt * 2), complex_script=False)
    if spec.bold:
        oxml.set_bold(rpr, complex_script=False)
    if spec.color:
        oxml.set_color(rpr, hex_of(theme, spec.color))


def _set_paragraph(style: BaseStyle, spec: ParaStyle) -> None:
    ppr = oxml.ppr(style.element)
    if spec.align:
        oxml.set_alignment(ppr, spec.align)
    line = Emu(spec.line * Twips(240)).twips if spec.line else None  # a multiple of single
    oxml.set_spacing(ppr, Pt(spec.before).twips, Pt(spec.after).twips, line)
    oxml.set_keep(ppr, with_next=spec.keep_next, together=spec.keep_lines)
    oxml.set_widow_control(ppr)
    if spec.group:
        oxml.set_contextual_spacing(ppr)
    if spec.indent:
        oxml.set_indent(ppr, left=Pt(spec.indent).twips, first_line=-Pt(spec.indent).twips)
    if spec.first_indent:
        oxml.set_first_line_chars(ppr, round(spec.first_indent / spec.size * 100) if spec.size else 100,
                                  Pt(spec.first_indent).twips)
    if spec.outline is not None:
        oxml.set_outline_level(ppr, spec.outline)


def _set_decoration(style: BaseStyle, spec: ParaStyle, theme: Theme) -> None:
    ppr = oxml.ppr(style.element)
    if spec.bar:
        oxml.set_border(ppr, "left", 36, hex_of(theme, spec.bar), 6)
    if spec.rule:
        oxml.set_border(ppr, "bottom", 6, hex_of(theme, spec.rule), 2)
    if spec.box:
        for side in ("top", "left", "bottom", "right"):
            oxml.set_border(ppr, side, 6, hex_of(theme, spec.box), 5)
    if spec.name == HEADER_BAND:
        oxml.set_paragraph_shading(ppr, hex_of(theme, "primary"))
        oxml.set_color(oxml.rpr(style.element), hex_of(theme, "#FFFFFF"))


def _define_character_styles(word: WordDocument, theme: Theme) -> None:
    link = _style(word, HYPERLINK, WD_STYLE_TYPE.CHARACTER)
    oxml.set_color(oxml.rpr(link.element), hex_of(theme, "primary"))
    oxml.set_underline(oxml.rpr(link.element))
    marker = _style(word, NOTE_MARKER, WD_STYLE_TYPE.CHARACTER)
    oxml.set_superscript(oxml.rpr(marker.element))
    unit = _style(word, KPI_UNIT, WD_STYLE_TYPE.CHARACTER)
    unit.font.size = Pt(round(theme.kpi_size * 0.5))


def _define_table_styles(word: WordDocument, theme: Theme) -> None:
    _define_fact_table(word, theme)
    _define_kpi_cards(word, theme)
    _define_figure_grid(word)


def _define_fact_table(word: WordDocument, theme: Theme) -> None:
    """Header row in the theme colour with white bold text, light zebra rows, thin rules."""
    el = _style(word, TABLE, WD_STYLE_TYPE.TABLE).element
    rule = hex_of(theme, "rule")
    oxml.set_style_row_band(el)
    oxml.set_table_borders(el, {"top": (8, rule), "bottom": (8, rule), "insideH": (4, rule)})
    oxml.set_table_cell_margins(el, 40, 100, 40, 100)
    header = oxml.add_conditional_format(el, "firstRow")
    oxml.set_color(oxml.rpr(header), "FFFFFF")
    oxml.set_bold(oxml.rpr(header))
    oxml.set_cell_shading(header, hex_of(theme, "primary"))
    zebra = oxml.add_conditional_format(el, "band2Horz")
    oxml.set_cell_shading(zebra, hex_of(theme, "zebra"))


def _define_kpi_cards(word: WordDocument, theme: Theme) -> None:
    """Cards on a light ground under a theme-colour bar; white gutters between them."""
    el = _style(word, KPI_TABLE, WD_STYLE_TYPE.TABLE).element
    oxml.set_table_borders(el, {"top": (24, hex_of(theme, "primary")), "insideV": (48, "FFFFFF")})
    oxml.set_table_cell_margins(el, 80, 100, 100, 100)
    oxml.set_cell_shading(el, hex_of(theme, "zebra"))


def _define_figure_grid(word: WordDocument) -> None:
    """No borders, no padding at the outer edges: the pictures line up with the text."""
    el = _style(word, FIGURE_GRID, WD_STYLE_TYPE.TABLE).element
    oxml.set_table_borders(el, {})
    oxml.set_table_cell_margins(el, 0, 0, 0, 0)


def _half_points(size: float) -> int:
    return round(size * 2)
