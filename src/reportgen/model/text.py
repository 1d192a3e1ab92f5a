"""Inline text: runs of characters with bold, colour, link and superscript flags."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Span:
    """A run of text with one style. `color` is "#RRGGBB" or None (inherit)."""

    text: str
    bold: bool = False
    color: str | None = None
    link: str | None = None
    superscript: bool = False

    def with_text(self, text: str) -> "Span":
        return replace(self, text=text)


@dataclass(frozen=True)
class RichText:
    """A paragraph's worth of spans; `plain` is what search, metadata and tests read."""

    spans: tuple[Span, ...] = ()

    @classmethod
    def of(cls, text: str, **style: object) -> "RichText":
        return cls((Span(text, **style),)) if text else cls(())

    @property
    def plain(self) -> str:
        return "".join(s.text for s in self.spans)

    def __bool__(self) -> bool:
        return any(s.text for s in self.spans)
