"""The only module that builds raw WordprocessingML (w:) XML.

In: python-docx objects' elements (`adapters.docx.element`) and plain values (font names, colours as
"RRGGBB" hex without '#', sizes in twentieths/eighths of a point as Word counts them).
Out: the same elements, changed in place, or new elements appended where they belong.

python-docx covers most of the document; what it lacks (East Asian fonts, kinsoku,
borders, shading, fields, hyperlinks, numbering definitions, table styles, image alt
text, header-row repeat) is written here by hand, following ECMA-376 part 1 §17.
Everything above this module speaks in fact-sheet terms and never touches XML.
"""

from __future__ import annotations

import re
from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

from docx.oxml import OxmlElement

from docx.oxml.parser import oxml_parser
from docx.oxml.ns import qn
from lxml.etree import Comment, XPath

from reportgen.adapters.docx import XmlElement

# Child order inside w:rPr and w:pPr (ECMA-376 §17.3.2.28 / §17.3.1.26): new children are
# inserted at their schema position so Word accepts the file.
_RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath",
)
_PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
    "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
    "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)
_TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
)
_TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook",
)
_TBLSTYLEPR_ORDER = ("pPr", "rPr", "tblPr", "trPr", "tcPr")
_STYLE_ORDER = ("pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr")
_STYLE_CHILD_ORDER = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
    "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
    "personalReply", "rsid", *_STYLE_ORDER,
)
_THEME_FONT_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_THEME_COLOR_ATTRS = ("themeColor", "themeShade", "themeTint", "themeFill", "themeFillShade",
                      "themeFillTint")
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_NSMAP = {"w": _W}
_SECTPR = f"{{{_W}}}sectPr"
_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def _el(tag: str, **attrs: str) -> XmlElement:
    """A new `w:tag` element (python-docx's element class for it), as `OxmlElement` makes
    it, without parsing the prefixed tag anew on every call."""
    el = oxml_parser.makeelement(f"{{{_W}}}{tag}", nsmap=_W_NSMAP)
    for name, value in attrs.items():
        el.set(f"{{{_W}}}{name}", value)
    return el


def _child(parent: XmlElement, tag: str, order: tuple[str, ...], **attrs: str) -> XmlElement:
    """The `w:tag` child of `parent` (replaced if present), placed at its schema position."""
    old = parent.find(qn(f"w:{tag}"))
    new = _el(tag, **attrs)
    if old is not None:
        old.addprevious(new)
        parent.remove(old)
        return new
    later = {f"{{{_W}}}{t}" for t in order[order.index(tag) + 1:]}
    for sibling in parent:
        if sibling.tag in later:
            sibling.addprevious(new)
            return new
    parent.append(new)
    return new


def _ensure(parent: XmlElement, tag: str, order: tuple[str, ...]) -> XmlElement:
    found = parent.find(qn(f"w:{tag}"))
    return found if found is not None else _child(parent, tag, order)


def add_paragraph(body: XmlElement, style_id: str | None) -> XmlElement:
    """A paragraph in style `style_id` (None: the default style) added at the end of the
    body, before its section properties, as python-docx's `add_paragraph(style=...)`
    writes it."""
    p = _el("p")
    if style_id is not None:
        ppr = _el("pPr")
        ppr.append(_el("pStyle", val=style_id))
        p.append(ppr)
    last = body[-1] if len(body) else None  # the section properties close the body
    if last is not None and last.tag == _SECTPR:
        last.addprevious(p)
    else:
        body.append(p)
    return p


def append_text_run(p: XmlElement, text: str) -> XmlElement:
    """A run of `text` (no tabs or line breaks) appended to a paragraph, as python-docx's
    `Paragraph.add_run(text)` writes it, without its per-element bookkeeping."""
    t = _el("t")
    t.text = text
    if len(text.strip()) < len(text):
        t.set(qn("xml:space"), "preserve")
    r = _el("r")
    r.append(t)
    p.append(r)
    return r


def set_run_properties(r: XmlElement, style_id: str | None, bold: bool, color: str | None,
                       family: str | None) -> None:
    """Character style id, bold, colour ("RRGGBB") and font family (`set_fonts`) of a run
    without properties yet, in schema order, as python-docx's `Run.style`, `Run.bold` and
    `Font.color.rgb` write them."""
    if not (style_id or bold or color or family):
        return
    rpr_el = _el("rPr")
    if style_id:
        rpr_el.append(_el("rStyle", val=style_id))
    if family:
        rpr_el.append(_el("rFonts", ascii=family, hAnsi=family, eastAsia=family, cs=family))
    if bold:
        rpr_el.append(_el("b"))
    if color:
        rpr_el.append(_el("color", val=color))
    r.insert(0, rpr_el)


def rpr(owner: XmlElement) -> XmlElement:
    """The w:rPr of a run or style (python-docx places it), or of the document defaults."""
    if owner.tag == qn("w:rPr"):
        return owner
    if owner.tag == qn("w:tblStylePr"):
        return _ensure(owner, "rPr", _TBLSTYLEPR_ORDER)
    return owner.get_or_add_rPr()


def ppr(owner: XmlElement) -> XmlElement:
    """The w:pPr of a paragraph or style (python-docx places it)."""
    if owner.tag == qn("w:pPr"):
        return owner
    if owner.tag == qn("w:tblStylePr"):
        return _ensure(owner, "pPr", _TBLSTYLEPR_ORDER)
    return owner.get_or_add_pPr()


def doc_defaults(styles: XmlElement) -> tuple[XmlElement, XmlElement]:
    """The (w:rPr, w:pPr) of w:docDefaults, created if the template lacks them."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = _ensure(defaults, "rPrDefault", ("rPrDefault", "pPrDefault"))
    ppr_default = _ensure(defaults, "pPrDefault", ("rPrDefault", "pPrDefault"))
    return _ensure(rpr_default, "rPr", ("rPr",)), _ensure(ppr_default, "pPr", ("pPr",))


# --- fonts and language -------------------------------------------------------------------

def set_fonts(rpr_el: XmlElement, family: str) -> None:
    """One family for Latin, East Asian and complex script text; theme fonts removed."""
    _child(rpr_el, "rFonts", _RPR_ORDER, ascii=family, hAnsi=family, eastAsia=family, cs=family)


def set_fonts_in_every_style(styles: XmlElement, family: str) -> None:
    """`set_fonts` on every style of styles.xml, including those the template brings."""
    for style in styles.iter(qn("w:style")):
        set_fonts(rpr(style), family)


def strip_theme_fonts(root: XmlElement) -> None:
    """Remove every theme-font attribute under `root`: explicit names must win."""
    _strip(root, "w:rFonts", _THEME_FONT_ATTRS)


def strip_theme_colors(root: XmlElement) -> None:
    """Remove theme colour references so the explicit `w:val`/`w:color` colours win."""
    _strip(root, "*", _THEME_COLOR_ATTRS)


def _strip(root: XmlElement, tag: str, attrs: tuple[str, ...]) -> None:
    """Remove the w: attributes `attrs` from the `tag` elements under `root` that have
    any of them (found by one XPath query, not by visiting every element)."""
    names = [qn(f"w:{attr}") for attr in attrs]
    query = f".//{tag}[{' or '.join(f'@w:{attr}' for attr in attrs)}]"
    for el in XPath(query, namespaces=_W_NSMAP)(root):
        for name in names:
            el.attrib.pop(name, None)


def set_lang(rpr_el: XmlElement, latin: str, east_asian: str) -> None:
    _child(rpr_el, "lang", _RPR_ORDER, val=latin, eastAsia=east_asian, bidi="ar-SA")


def set_size(rpr_el: XmlElement, half_points: int, complex_script: bool = True) -> None:
    """Font size; `complex_script=False` leaves w:szCs out, as python-docx's `Font.size`."""
    _child(rpr_el, "sz", _RPR_ORDER, val=str(half_points))
    if complex_script:
        _child(rpr_el, "szCs", _RPR_ORDER, val=str(half_points))


def set_color(rpr_el: XmlElement, hex_rgb: str) -> None:
    _child(rpr_el, "color", _RPR_ORDER, val=hex_rgb)


def set_bold(rpr_el: XmlElement, complex_script: bool = True) -> None:
    """Bold; `complex_script=False` leaves w:bCs out, as python-docx's `Font.bold`."""
    _child(rpr_el, "b", _RPR_ORDER)
    if complex_script:
        _child(rpr_el, "bCs", _RPR_ORDER)


def set_superscript(rpr_el: XmlElement) -> None:
    _child(rpr_el, "vertAlign", _RPR_ORDER, val="superscript")



def set_underline(rpr_el: XmlElement) -> None:
    _child(rpr_el, "u", _RPR_ORDER, val="single")


def remove_styles_except(styles: XmlElement, ids: Iterable[str], names: Iterable[str]) -> None:
    """Remove every style whose id is not in `ids` and whose name is not in `names`."""
    ids, names = set(ids), set(names)
    for style in styles.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if style.get(qn("w:styleId")) not in ids and (name is None or name.get(qn("w:val")) not in names):
            styles.remove(style)


def remove_style_links(styles: XmlElement) -> None:
    """Drop `w:link` (paragraph style ↔ linked character style) from every style: the
    linked character styles are not kept, and Word makes one anew when it needs it."""
    for link in styles.iter(qn("w:link")):
        link.getparent().remove(link)


def clear_formatting(style_el: XmlElement) -> None:
    """Drop a template style's own paragraph and run properties before it is redefined."""
    for tag in ("w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr"):
        for el in style_el.findall(qn(tag)):
            style_el.remove(el)
    for el in style_el.findall(qn("w:tblStylePr")):
        style_el.remove(el)


# --- paragraph rules ----------------------------------------------------------------------

def set_japanese_rules(ppr_el: XmlElement) -> None:
    """Kinsoku line breaking on, automatic spacing between Japanese and Latin/digits on."""
    for tag in ("kinsoku", "overflowPunct", "autoSpaceDE", "autoSpaceDN"):
        _child(ppr_el, tag, _PPR_ORDER, val="1")


def set_border(ppr_el: XmlElement, side: str, eighths: int, hex_rgb: str, space_pt: int) -> None:
    """A paragraph border on one side (`top`, `left`, `bottom`, `right`)."""
    pbdr = _ensure(ppr_el, "pBdr", _PPR_ORDER)
    order = ("top", "left", "bottom", "right", "between", "bar")
    _child(pbdr, side, order, val="single", sz=str(eighths), space=str(space_pt), color=hex_rgb)


def set_paragraph_shading(ppr_el: XmlElement, hex_rgb: str) -> None:
    _child(ppr_el, "shd", _PPR_ORDER, val="clear", color="auto", fill=hex_rgb)


def set_alignment(ppr_el: XmlElement, jc: str) -> None:
    """Paragraph alignment as a w:jc value ("both", "center", "right")."""
    _child(ppr_el, "jc", _PPR_ORDER, val=jc)


def set_spacing(ppr_el: XmlElement, before: int, after: int, line: int | None) -> None:
    """Space before and after (twips) and line spacing as a multiple of single (240ths)."""
    attrs = {"before": str(before), "after": str(after)}
    if line is not None:
        attrs |= {"line": str(line), "lineRule": "auto"}
    _child(ppr_el, "spacing", _PPR_ORDER, **attrs)


def set_keep(ppr_el: XmlElement, with_next: bool, together: bool) -> None:
    """Keep with the next paragraph; keep the paragraph's lines on one page."""
    if with_next:
        _child(ppr_el, "keepNext", _PPR_ORDER)
    if together:
        _child(ppr_el, "keepLines", _PPR_ORDER)


def set_widow_control(ppr_el: XmlElement) -> None:
    _child(ppr_el, "widowControl", _PPR_ORDER)


def set_indent(ppr_el: XmlElement, left: int, first_line: int) -> None:
    """Left indent and first-line indent in twips; a negative first line hangs."""
    attrs = {"left": str(left)} if left else {}
    if first_line < 0:
        attrs["hanging"] = str(-first_line)
    elif first_line:
        attrs["firstLine"] = str(first_line)
    _child(ppr_el, "ind", _PPR_ORDER, **attrs)


def set_first_line_chars(ppr_el: XmlElement, hundredths: int, twips: int) -> None:
    """A first-line indent in characters (`w:firstLineChars`, hundredths of a character:
    100 is one character at the paragraph's size, so it scales with the size), with the
    same indent in twips for readers that do not know character units (Word writes both)."""
    _child(ppr_el, "ind", _PPR_ORDER, firstLine=str(twips), firstLineChars=str(hundredths))


def set_contextual_spacing(ppr_el: XmlElement) -> None:
    """Ignore space before/after between paragraphs of the same style."""
    _child(ppr_el, "contextualSpacing", _PPR_ORDER)


def set_outline_level(ppr_el: XmlElement, level: int) -> None:
    _child(ppr_el, "outlineLvl", _PPR_ORDER, val=str(level))


def set_tabs(ppr_el: XmlElement, stops: Iterable[tuple[str, int]]) -> None:
    """Tab stops as (alignment, position in twips); replaces any inherited ones."""
    tabs = _child(ppr_el, "tabs", _PPR_ORDER)
    for align, pos in stops:
        tabs.append(_el("tab", val=align, pos=str(pos)))


def set_numbering(ppr_el: XmlElement, num_id: int, level: int = 0) -> None:
    """Attach a paragraph or paragraph style to list `num_id`."""
    numpr = _child(ppr_el, "numPr", _PPR_ORDER)
    numpr.append(_el("ilvl", val=str(level)))
    numpr.append(_el("numId", val=str(num_id)))


# --- fields and hyperlinks -----------------------------------------------------------

def append_field(p: XmlElement, instruction: str, cached: str) -> None:
    """A complex field (`PAGE`, `NUMPAGES`): begin, instruction, separate, cached result, end."""
    parts = [("fldChar", {"fldCharType": "begin"}), ("instrText", None),
             ("fldChar", {"fldCharType": "separate"}), ("t", None), ("fldChar", {"fldCharType": "end"})]
    for tag, attrs in parts:
        r = OxmlElement("w:r")
        el = _el(tag, **(attrs or {}))
        if tag == "instrText":
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            el.text = f" {instruction} "
        elif tag == "t":
            el.text = cached
        r.append(el)
        p.append(r)


def wrap_in_hyperlink(p: XmlElement, runs: list[XmlElement], rel_id: str) -> None:
    """Move `runs` (already in `p`) into one w:hyperlink pointing at relationship `rel_id`."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    link.set(qn("w:history"), "1")
    runs[0].addprevious(link)
    for r in runs:
        link.append(r)



# --- numbering part -----------------------------------------------------------------------

def reset_numbering(numbering: XmlElement) -> None:
    """Remove the template's list definitions: the document brings its own."""
    for el in list(numbering):
        numbering.remove(el)


def add_abstract_num(numbering: XmlElement, abstract_id: int, fmt: str, text: str,
                     indent: int, hanging: int, font: str, color: str | None = None) -> None:
    """One single-level list definition; number/bullet hangs in a fixed column of `hanging`
    twips and a tab at `indent` separates it from the text."""
    abstract = _el("abstractNum", abstractNumId=str(abstract_id))
    abstract.append(_el("multiLevelType", val="singleLevel"))
    lvl = _el("lvl", ilvl="0")
    for tag, attrs in (("start", {"val": "1"}), ("numFmt", {"val": fmt}),
                       ("lvlText", {"val": text}), ("lvlJc", {"val": "left"})):
        lvl.append(_el(tag, **attrs))
    lvl_ppr = OxmlElement("w:pPr")
    set_tabs(lvl_ppr, [("num", indent)])
    _child(lvl_ppr, "ind", _PPR_ORDER, left=str(indent), hanging=str(hanging))
    lvl.append(lvl_ppr)
    lvl_rpr = OxmlElement("w:rPr")
    set_fonts(lvl_rpr, font)
    if color:
        set_bold(lvl_rpr)
        set_color(lvl_rpr, color)
    lvl.append(lvl_rpr)
    abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    (first_num.addprevious if first_num is not None else numbering.append)(abstract)


def add_num(numbering: XmlElement, num_id: int, abstract_id: int, start: int | None) -> None:
    """A list instance; `start` restarts numbering (a new list) at that number."""
    num = _el("num", numId=str(num_id))
    num.append(_el("abstractNumId", val=str(abstract_id)))
    if start is not None:
        override = _el("lvlOverride", ilvl="0")
        override.append(_el("startOverride", val=str(start)))
        num.append(override)
    numbering.append(num)


# --- tables -------------------------------------------------------------------------------

def _tblpr(owner: XmlElement) -> XmlElement:
    """The w:tblPr of a table (python-docx always writes one) or of a table style."""
    return _ensure(owner, "tblPr", _STYLE_ORDER if owner.tag == qn("w:style") else ("tblPr",))


def _tcpr(owner: XmlElement) -> XmlElement:
    """The w:tcPr of a cell, a table style or one of its conditional formats."""
    if owner.tag == qn("w:tc"):
        return owner.get_or_add_tcPr()
    return _ensure(owner, "tcPr", _STYLE_ORDER if owner.tag == qn("w:style") else _TBLSTYLEPR_ORDER)


def set_table_borders(owner: XmlElement, borders: dict[str, tuple[int, str]]) -> None:
    """Table borders in a table or table style: side -> (eighths of a point, "RRGGBB");
    a width of 0 means no border on that side."""
    tblborders = _child(_tblpr(owner), "tblBorders", _TBLPR_ORDER)
    for side in _BORDER_SIDES:
        size, color = borders.get(side, (0, "auto"))
        attrs = {"val": "single", "sz": str(size), "space": "0", "color": color} if size else {"val": "nil"}
        tblborders.append(_el(side, **attrs))



def set_cell_shading(owner: XmlElement, hex_rgb: str) -> None:
    _child(_tcpr(owner), "shd", _TCPR_ORDER, val="clear", color="auto", fill=hex_rgb)


def set_table_cell_margins(owner: XmlElement, top: int, left: int, bottom: int, right: int) -> None:
    mar = _child(_tblpr(owner), "tblCellMar", _TBLPR_ORDER)
    for side, twips in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        mar.append(_el(side, w=str(twips), type="dxa"))


def set_table_full_width(tbl: XmlElement) -> None:
    """Table as wide as the text (50ths of a percent)."""
    _child(_tblpr(tbl), "tblW", _TBLPR_ORDER, w="5000", type="pct")


def set_table_fixed_width(tbl: XmlElement, twips: int) -> None:
    """A fixed layout `twips` wide: Word and LibreOffice keep the grid's widths, not their own."""
    _child(_tblpr(tbl), "tblW", _TBLPR_ORDER, w=str(twips), type="dxa")
    _child(_tblpr(tbl), "tblLayout", _TBLPR_ORDER, type="fixed")


def set_table_look(tbl: XmlElement, first_row: bool, banded_rows: bool) -> None:
    """Which conditional formats of the table style apply."""
    _child(_tblpr(tbl), "tblLook", _TBLPR_ORDER, firstRow=str(int(first_row)), lastRow="0",
           firstColumn="0", lastColumn="0", noHBand=str(int(not banded_rows)), noVBand="1",
           val="04A0" if banded_rows else "0400")


def set_based_on(style_el: XmlElement, style_id: str) -> None:
    """The style a style inherits from."""
    _child(style_el, "basedOn", _STYLE_CHILD_ORDER, val=style_id)


def set_style_row_band(style_el: XmlElement) -> None:
    _child(_tblpr(style_el), "tblStyleRowBandSize", _TBLPR_ORDER, val="1")


def add_conditional_format(style_el: XmlElement, kind: str) -> XmlElement:
    """A `w:tblStylePr` (`firstRow`, `band1Horz`, ...) of a table style; returns it so that
    callers fill its pPr/rPr/tcPr with the setters above."""
    cond = _el("tblStylePr", type=kind)
    style_el.append(cond)
    return cond


def set_cell_vertical_alignment(owner: XmlElement, where: str) -> None:
    _child(_tcpr(owner), "vAlign", _TCPR_ORDER, val=where)



def mark_header_row(tr: XmlElement) -> None:
    """Repeat this row at the top of every page the table continues on; never split it."""
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        tblprex = tr.find(qn("w:tblPrEx"))
        (tblprex.addnext(trpr) if tblprex is not None else tr.insert(0, trpr))
    trpr.append(_el("cantSplit"))
    trpr.append(_el("tblHeader"))


def keep_row_together(tr: XmlElement) -> None:
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:
        trpr = OxmlElement("w:trPr")
        tr.insert(0, trpr)
    trpr.append(_el("cantSplit"))


# --- long tables as text -------------------------------------------------------------------
# A data table's body rows are written as XML text and kept out of the element tree until
# document.xml is serialized (`DeferredRows`): as lxml elements each cell (tc, tcPr, tcW,
# vAlign, p, pPr, pStyle, r, t) held ~2 KB and cost ~10 us to build, 100 MB and most of
# the DOCX stage for a 10,000-row table. The text is what python-docx would write for the
# same cell. Hand-written: neither python-docx nor lxml writes elements without a tree.

# Characters XML 1.0 cannot hold; lxml refuses them in text, and so does `_text`.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Characters that need more than copying: the above, breaks, and what XML escapes.
_SPECIAL = re.compile("[\x00-\x1f&<>\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("([\t\r\n])")
_BREAK_XML = {"\t": "<w:tab/>", "\r": "<w:br/>", "\n": "<w:br/>"}
ROW_START = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"  # a row that never splits (`keep_row_together`)
ROW_END = "</w:tr>"
CELL_END = "</w:p></w:tc>"


def cell_start(width_twips: int, v_align: str, style_id: str, jc: str | None = None,
               rule_above: str | None = None) -> str:
    """A one-paragraph cell up to its first run: width (tcW, in twips), a rule above in
    colour `rule_above` ("RRGGBB", a total row), vertical alignment
    (`set_cell_vertical_alignment`), paragraph style id and alignment; closed by CELL_END."""
    borders = (f'<w:tcBorders><w:top w:val="single" w:sz="{TOTAL_RULE_EIGHTHS}" w:space="0" '
               f"w:color={quoteattr(rule_above)}/></w:tcBorders>" if rule_above else "")
    align = f"<w:jc w:val={quoteattr(jc)}/>" if jc else ""
    return (f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width_twips}"/>{borders}'
            f"<w:vAlign w:val={quoteattr(v_align)}/></w:tcPr>"
            f"<w:p><w:pPr><w:pStyle w:val={quoteattr(style_id)}/>{align}</w:pPr>")


TOTAL_RULE_EIGHTHS = 5  # a total row's rule above: 0.6 pt, as in the PDF


def text_run(text: str, family: str | None = None, bold: bool = False, half_points: int | None = None) -> str:
    """A run of non-empty `text` as python-docx's `add_run(text)` writes it (a tab as
    w:tab, a line break as w:br), in `family` (`set_fonts`) when given, bold, and at
    `half_points` when given."""
    props = ""
    if family is not None:
        name = quoteattr(family)
        props = f"<w:rFonts w:ascii={name} w:hAnsi={name} w:eastAsia={name} w:cs={name}/>"
    if bold:
        props += "<w:b/><w:bCs/>"
    if half_points:
        props += f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    if props:
        props = f"<w:rPr>{props}</w:rPr>"
    if _SPECIAL.search(text) is None and len(text.strip()) == len(text):
        return f"<w:r>{props}<w:t>{text}</w:t></w:r>"  # most cells: nothing to escape or keep
    return f"<w:r>{props}{''.join(_run_content(part) for part in _BREAKS.split(text) if part)}</w:r>"


def _run_content(part: str) -> str:
    if part in _BREAK_XML:
        return _BREAK_XML[part]
    if _NOT_XML.search(part):
        raise ValueError(f"All strings must be XML compatible: {part!r}")
    space = ' xml:space="preserve"' if len(part.strip()) < len(part) else ""
    return f"<w:t{space}>{escape(part)}</w:t>"


class DeferredRows:
    """Table rows held as XML text, each table's behind a placeholder comment in its w:tbl,
    put in place by `splice` on the serialized document.xml. User text cannot forge a
    placeholder: its '<' is escaped in the serialized XML."""

    _MARK = re.compile(rb"<!--deferred rows (\d+)-->")

    def __init__(self) -> None:
        self._rows: list[bytes] = []

    def append(self, tbl: XmlElement, rows: Iterable[str]) -> None:
        """`rows` (XML text of w:tr elements) become the last rows of `tbl`; each row is
        encoded as it comes, so a generator of rows is never all held as text."""
        tbl.append(Comment(f"deferred rows {len(self._rows)}"))
        self._rows.append(b"".join(row.encode() for row in rows))

    def splice(self, xml: bytes) -> bytes:
        """The serialized document.xml with every placeholder replaced by its rows."""
        return self._MARK.sub(lambda m: self._rows[int(m[1])], xml)


# --- images, settings, sections -----------------------------------------------------------

def set_alt_text(inline: XmlElement, title: str, description: str) -> None:
    """Alt text of an inline picture: `wp:docPr` title and description."""
    docpr = inline.find(qn("wp:docPr"))
    docpr.set("title", title)
    docpr.set("descr", description)


def set_document_settings(settings: XmlElement, east_asian_lang: str) -> None:
    """East Asian theme-font language; Japanese punctuation compressed (約物の詰め, as
    Japanese Word documents set it); Word 2013+ layout (no compatibility-mode banner); the
    template's revision-session ids and its proofing claim ("spelling clean") removed."""
    spacing = settings.find(qn("w:characterSpacingControl"))
    if spacing is not None:
        spacing.set(qn("w:val"), "compressPunctuation")
    proof = settings.find(qn("w:proofState"))
    if proof is not None:
        settings.remove(proof)
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), east_asian_lang)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    rsids = settings.find(qn("w:rsids"))
    if rsids is not None:
        settings.remove(rsids)



def set_font_embedding(settings: XmlElement) -> None:
    """Embedded TrueType fonts, saved as subsets (`w:embedTrueTypeFonts`, `w:saveSubsetFonts`,
    placed after `w:zoom` as CT_Settings orders them)."""
    zoom = settings.find(qn("w:zoom"))
    for tag in ("saveSubsetFonts", "embedTrueTypeFonts"):
        if settings.find(qn(f"w:{tag}")) is None:
            el = _el(tag)
            if zoom is not None:
                zoom.addnext(el)
            else:
                settings.insert(0, el)


def set_no_document_grid(sectpr: XmlElement) -> None:
    """No character/line grid: lines follow the paragraph spacing, not a page grid."""
    grid = sectpr.find(qn("w:docGrid"))
    if grid is not None:
        sectpr.remove(grid)
    sectpr.append(_el("docGrid", type="default", linePitch="360"))
