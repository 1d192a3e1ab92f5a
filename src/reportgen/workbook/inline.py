"""Cell text → `RichText`: Excel rich-text runs plus the contract's inline markup.

Markup (docs/workbook.md): **bold**, [text](url), [^marker], {name}, {name:億万},
{{ and }}; bare URLs and e-mail addresses become links. Markup is read inside each rich
text run. Hand-written: a tiny tokenizer, since Markdown libraries bring block syntax and
HTML we must not interpret.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from openpyxl.cell.rich_text import CellRichText, TextBlock

from reportgen.i18n import tr
from reportgen.model import RichText, Span, Value
from reportgen.workbook.suggest import did_you_mean

_TOKEN = re.compile(
    r"(?P<lbrace>\{\{)|(?P<rbrace>\}\})|(?P<bold>\*\*)"
    r"|\[\^(?P<marker>[^\]\s]{1,8})\]"
    r"|\[(?P<label>[^\]]+)\]\((?P<url>[^)\s]*)\)"
    r"|\{(?P<name>[^{}:\s]+)(?::(?P<style>[^{}]+))?\}"
    r"|(?P<stray>[{}])"
    r"|(?P<auto>https?://[A-Za-z0-9\-._~:/?#@!$&'()+,;=%]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
)
"""A bare URL is ASCII: it ends at the first character a URL cannot hold (any Japanese,
and `* [ ] { }`, which are markup); `_url_extent` then gives back the punctuation and
unpaired closing brackets at its end."""
_TRAILING = ".,;:!?'"
_PAIRS = {")": "("}
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


class InlineError(Exception):
    """A markup problem in one cell (unknown value name, bad link, unknown style)."""


Lookup = Callable[[str], Value | None]


@dataclass(frozen=True)
class _Style:
    bold: bool = False
    color: str | None = None


def to_rich_text(cell: str | CellRichText | None, lookup: Lookup) -> RichText:
    """Parse a cell's content into spans, binding {name} to values through `lookup`."""
    if cell is None:
        return RichText()
    runs = _runs(cell)
    spans: list[Span] = []
    for text, style in runs:
        spans.extend(_parse_run(text, style, lookup))
    return RichText(tuple(_merge(spans)))


def _runs(cell: str | CellRichText) -> list[tuple[str, _Style]]:
    if isinstance(cell, str):
        return [(cell, _Style())]
    runs = []
    for part in cell:
        if isinstance(part, TextBlock):
            font = part.font
            runs.append((part.text, _Style(bool(font.b), _colour(font.color))))
        else:
            runs.append((str(part), _Style()))
    return _join_same_style(runs)


def _join_same_style(runs: list[tuple[str, _Style]]) -> list[tuple[str, _Style]]:
    """One run per style change. LibreOffice saves a run per script (Latin/Asian font), so
    "{total_cny:" | "億万" | "}" must be joined before markup is read."""
    out: list[tuple[str, _Style]] = []
    for text, style in runs:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out


def _colour(color: object) -> str | None:
    rgb = getattr(color, "rgb", None)
    if isinstance(rgb, str) and re.fullmatch(r"[0-9A-Fa-f]{8}", rgb) and rgb[2:].upper() != "000000":
        return "#" + rgb[2:].upper()
    return None


def _parse_run(text: str, style: _Style, lookup: Lookup) -> list[Span]:
    spans: list[Span] = []
    bold = style.bold
    pos = 0

    def emit(s: str, **kw: object) -> None:
        if s:
            spans.append(Span(s, bold=kw.pop("bold", bold), color=style.color, **kw))  # type: ignore[arg-type]

    for m in _TOKEN.finditer(text):
        emit(text[pos:m.start()])
        pos = m.end()
        kind = m.lastgroup
        if kind == "lbrace":
            emit("{")
        elif kind == "rbrace":
            emit("}")
        elif kind == "bold":
            bold = not bold
        elif kind == "stray":
            raise InlineError(tr("unmatched '{m}' near '{text}' (a figure is {{name}}; write {{{{ or "
                                 "}}}} for a literal brace)").format(m=m[0], text=text[max(0, m.start() - 12):m.end() + 12]))
        elif kind == "marker":
            emit(m["marker"], superscript=True)
        elif m["label"] is not None:
            emit(m["label"], link=_link(m["url"]))
        elif m["name"] is not None:
            emit(figure_text(m["name"], m["style"], lookup))
        else:
            auto = _url_extent(m["auto"])
            emit(auto, link=auto if auto.startswith("http") else f"mailto:{auto}")
            pos = m.start() + len(auto)
    emit(text[pos:])
    if bold != style.bold:
        raise InlineError(tr("unclosed ** (bold markup must open and close in the same run)"))
    return spans


def _url_extent(url: str) -> str:
    """`url` without the sentence punctuation and closing brackets that end it
    ("(https://example.jp)." links https://example.jp)."""
    while url and (url[-1] in _TRAILING or (url[-1] in _PAIRS and url.count(url[-1]) > url.count(_PAIRS[url[-1]]))):
        url = url[:-1]
    return url


def _link(url: str) -> str | None:
    if url in ("", "#"):
        return None  # the source had no address: keep the words, drop the link
    if url.startswith(_SAFE_SCHEMES):
        return url
    if re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", url):
        return f"mailto:{url}"
    raise InlineError(tr("link address '{url}' is not http(s):// or mailto:").format(url=url))


def known_names(lookup: Lookup) -> tuple[str, ...]:
    """The names `lookup` knows, when it tells them (the reader's does), for "did you mean"."""
    return getattr(lookup, "names", ())


class Unreadable(Value):
    """The stand-in for a value whose cell could not be read: its problem is reported at
    that cell once, so what cites it says nothing more (nothing is built anyway)."""


def figure_text(name: str, style: str | None, lookup: Lookup) -> str:
    """The text of `{name}` or `{name:style}` (inline markup and KPI cards)."""
    value = lookup(name)
    if value is None:
        raise InlineError(tr("{{{name}}} names no row of 'values' and no defined name").format(name=name)
                          + did_you_mean(name, known_names(lookup)))
    if style is None or isinstance(value, Unreadable):
        return value.text
    if style == "億万":
        if not value.is_number:
            raise InlineError(tr("{{{name}:億万}} needs a number, found {raw!r} at {ref}").format(name=name, raw=value.raw, ref=value.ref))
        from reportgen.ja.numbers import myriad_format

        return myriad_format(value.raw, value.number_format)  # type: ignore[arg-type]
    raise InlineError(tr("unknown figure style '{style}' in {{{name}:{style}}} (expected 億万)").format(style=style, name=name))


def _merge(spans: list[Span]) -> list[Span]:
    """Join neighbours with the same style, so renderers see fewer, longer runs."""
    out: list[Span] = []
    for s in spans:
        if out and out[-1].with_text("") == s.with_text(""):
            out[-1] = out[-1].with_text(out[-1].text + s.text)
        else:
            out.append(s)
    return out
