"""PDF text operators for composed text, written straight into the page's content stream.

In: a reportlab canvas, the document's `PdfFonts`, then pieces of text to show, each at
its own x and baseline with its font (regular or bold, size), character spacing, rise and
colour. Out: one PDF text object (BT … ET) per `Pen`, added with `canvas.addLiteral`.
A state operator (Ts, Tc, rg, Tf) is written only where the value changes, and each
(text, font) is encoded into the embedded subsets once per document.

Hand-written because reportlab's `PDFTextObject` costs ~40 µs per piece (it measures the
string, re-encodes it through the subset tables, and writes every state operator again),
which made drawing a long data table most of the PDF stage. The encoding uses reportlab's
public calls for dynamic fonts (`splitString`, `getSubsetInternalName`, see the
docstring of `reportlab.pdfbase.ttfonts`), so the subsets embedded stay reportlab's.
The text state a pen leaves behind is confined by the q/Q that `Flowable.drawOn` wraps
around every flowable, as it was for reportlab's text objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from weakref import WeakKeyDictionary

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from reportgen.adapters import reportlab as rl
from reportgen.render.pdf.fonts import PdfFonts

Shown = tuple[tuple[str, str], ...]
"""A text encoded: (PDF font resource of one subset, its show operator '(…) Tj') pairs."""

@dataclass
class _Memo:
    """What one reportlab document has encoded (subset codes are assigned per document):
    (text, main font) → Shown, and per main font the characters it draws itself."""

    shown: dict[tuple[str, str], Shown] = field(default_factory=dict)
    own: dict[str, set[str]] = field(default_factory=dict)


_MEMOS: WeakKeyDictionary[object, _Memo] = WeakKeyDictionary()


@lru_cache(maxsize=64)
def fill_operator(color: str) -> str:
    """The PDF operator that sets the fill colour `color` ('#rrggbb')."""
    return f"{fp_str(*HexColor(color).rgb())} rg"


class Pen:
    """One text object on `canvas`: `show` pieces of text, then `close` once to add it."""

    def __init__(self, canvas: Canvas, fonts: PdfFonts):
        # the PDF document the fonts' subsets belong to
        self.canvas, self.fonts, self.doc = canvas, fonts, rl.canvas_document(canvas)
        memo = _MEMOS.get(self.doc)
        if memo is None:
            memo = _MEMOS[self.doc] = _Memo()
        self.memo = memo
        self.mains = fonts.regular, fonts.bold  # the main font, by `bold`
        self.code = ["BT"]
        self.shown = memo.shown
        self.resource: str | None = None  # the font (subset) and size set last
        self.size: float | None = None
        self.char_space: float | None = None
        self.rise: float | None = None
        self.color: str | None = None

    def use(self, fonts: PdfFonts) -> None:
        """Draw the next pieces with `fonts` (a table's figure fonts, and back), in the same
        text object: the page's text keeps its reading order."""
        self.fonts, self.mains = fonts, (fonts.regular, fonts.bold)

    def show(self, x: float, y: float, text: str, bold: bool, size: float,
             char_space: float, rise: float, color: str) -> None:
        """Draw `text` with its baseline's left end at (x, y); `char_space` is added
        after each character, `rise` lifts it (superscripts)."""
        code = self.code
        code.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        if rise != self.rise:
            self.rise = rise
            code.append(f"{fp_str(rise)} Ts")
        if char_space != self.char_space:
            self.char_space = char_space
            code.append(f"{fp_str(char_space)} Tc")
        if color != self.color:
            self.color = color
            code.append(fill_operator(color))
        shown = self.shown.get((text, self.mains[bold]))
        for resource, op in shown if shown is not None else self._encoded(text, bold):
            if resource != self.resource or size != self.size:
                self.resource, self.size = resource, size
                code.append(f"{resource} {fp_str(size)} Tf")
            code.append(op)

    def close(self) -> None:
        """Add the text object to the page (nothing when nothing was shown)."""
        if len(self.code) > 1:
            self.code.append("ET")
            self.canvas.addLiteral(" ".join(self.code))

    def _encoded(self, text: str, bold: bool) -> Shown:
        """`text` in the main font (the fallback font where it lacks a glyph), encoded once
        per document; characters first seen are added to the font's subsets."""
        key = (text, self.mains[bold])
        shown = self.shown.get(key)
        if shown is None:
            shown = self.shown[key] = tuple(self._encode(text, bold))
        return shown

    def _encode(self, text: str, bold: bool) -> list[tuple[str, str]]:
        doc, out = self.doc, []
        for part, name in self._runs(text, bold):
            font = pdfmetrics.getFont(name)
            for subset, chunk in font.splitString(part, doc):
                out.append((font.getSubsetInternalName(subset, doc), f"({escapePDF(chunk)}) Tj"))
        return out

    def _runs(self, text: str, bold: bool) -> list[tuple[str, str]]:
        """`PdfFonts.runs`, skipped for a text whose characters the main font is known to
        draw (nearly every text: the fallback font only draws a rare character)."""
        main = self.mains[bold]
        own = self.memo.own.setdefault(main, set())
        if own.issuperset(text):
            return [(text, main)]
        runs = self.fonts.runs(text, bold)
        own.update(*(part for part, font in runs if font == main))
        return runs
