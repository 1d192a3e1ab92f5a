"""Real Word lists: numbering definitions for highlights (1., 2., ...) and bullets.

In: the python-docx document (its numbering part) and the theme.
Out: one abstract definition per list kind, linked to the List Number / List Bullet
styles, and a fresh list instance per `ListBlock`, so every block restarts its numbering
(at the workbook's first number when it gives one).
"""

from __future__ import annotations

from typing import Literal

from docx.document import Document as WordDocument

from reportgen.model import Theme
from reportgen.render.docx import oxml, styles

_ABSTRACT = {"numbered": 1, "bullet": 2}
_STYLE = {"numbered": styles.LIST_NUMBER, "bullet": styles.LIST_BULLET}


class Lists:
    """Hands out list instance ids; each call to `new_list` starts a new list."""

    def __init__(self, word: WordDocument, theme: Theme):
        self._numbering = word.part.numbering_part.element
        oxml.reset_numbering(self._numbering)
        indent = round(theme.body_size * 2.2 * 20)  # twips: room for "10." and a gap
        family = theme.font_family
        oxml.add_abstract_num(self._numbering, _ABSTRACT["numbered"], "decimal", "%1.", indent,
                              indent, family, styles.hex_of(theme, "primary"))
        bullet = round(theme.body_size * 1.5 * 20)
        oxml.add_abstract_num(self._numbering, _ABSTRACT["bullet"], "bullet", "・", bullet,
                              bullet, family, styles.hex_of(theme, "primary"))
        self._next_id = 1
        for kind, style_name in _STYLE.items():
            oxml.set_numbering(oxml.ppr(word.styles[style_name].element), self.new_list(kind))

    def new_list(self, kind: Literal["numbered", "bullet"], start: int | None = None) -> int:
        """A new list instance of `kind`; numbered lists restart at `start` (default 1)."""
        num_id = self._next_id
        self._next_id += 1
        restart = (start or 1) if kind == "numbered" else None
        oxml.add_num(self._numbering, num_id, _ABSTRACT[kind], restart)
        return num_id

    @staticmethod
    def style_for(kind: Literal["numbered", "bullet"]) -> str:
        return _STYLE[kind]
