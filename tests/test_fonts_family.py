"""fonts.family_name: the family Word sees, as fontTools reads the name table."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from reportgen.model import Theme
from reportgen.fonts import family_name


@pytest.mark.parametrize("path", (Theme.font_regular, Theme.font_bold, Theme.font_fallback),
                         ids=lambda p: p.name)
def test_family_name_is_name_id_1(path: Path) -> None:
    font = TTFont(str(path), lazy=True)
    try:
        assert family_name(path) == font["name"].getDebugName(1)
    finally:
        font.close()
