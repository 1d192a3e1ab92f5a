"""Word refuses a file whose property elements are out of schema order (LibreOffice does
not mind, so the round trip cannot catch it). The sequences below are ECMA-376 part 1,
§17.3.1.26 (pPr), §17.3.2.28 (rPr), §17.7.6.4 (tblPr), §17.4.70 (tcPr), §17.7.4.17 (style)."""

from __future__ import annotations

import pytest

from docx_helpers import NS

W = "{%s}" % NS["w"]
ORDERS = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
           "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
           "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
           "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
           "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
           "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
           "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout "
           "specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
             "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
            "tcFitText vAlign hideMark",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
             "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr "
             "rPr tblPr trPr tcPr tblStylePr",
}
PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")


@pytest.mark.parametrize("element", sorted(ORDERS))
def test_properties_are_in_schema_order(built, element):
    order = ORDERS[element].split()
    checked = 0
    for name in PARTS + tuple(n for n in built.names() if n.startswith(("word/header", "word/footer"))):
        for el in built.part(name).iter(f"{W}{element}"):
            tags = [c.tag.replace(W, "") for c in el if c.tag.startswith(W)]
            positions = [order.index(t) for t in tags]
            assert positions == sorted(positions), (name, element, tags)
            checked += 1
    assert checked > 0
