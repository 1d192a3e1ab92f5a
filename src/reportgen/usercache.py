"""What is slow to derive from the bundled fonts and the chart SVGs, kept per user
between processes.

In: a kind ("faces", "cmaps", "advances", "drawings"), a key naming the input (a font
file's digest and the deriving library's version, a chart SVG's digest), and how to
compute, pack and unpack the value. Out: the value, computed once per key and user. Every build process needs the fonts' character maps (the reader checks that every
character can be drawn; the DOCX renderer picks a font per character) and the PDF
renderer needs reportlab's parse of two or three 4-5 MB CJK faces: 0.05-0.15 s each
when parsed, a few milliseconds when restored.

Entries are written with `marshal` and live in the user's own cache folder, never in a
build folder that others may write to. Loading runs nothing: marshal rebuilds values
(it could rebuild a code object, which nothing here would call), and `unpack` accepts only
the shape it expects. An entry that cannot be read, fails to load in any way, is larger
than `LIMIT` or does not unpack to the expected shape is computed again; a cache that
cannot be written only costs time.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from functools import lru_cache
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
FORMAT = 1
LIMIT = 64 * 2**20  # bytes: the largest entry (a CJK face) is ~1.5 MB


def root() -> Path | None:
    """`$REPORTGEN_CACHE`, else `$XDG_CACHE_HOME/reportgen` (when absolute, as the XDG spec
    asks), else `~/.cache/reportgen`; None when there is no home to put it in (no cache)."""
    if os.environ.get("REPORTGEN_CACHE"):
        return Path(os.environ["REPORTGEN_CACHE"])
    xdg = Path(os.environ.get("XDG_CACHE_HOME") or "relative")
    if xdg.is_absolute():
        return xdg / "reportgen"
    try:
        return Path.home() / ".cache" / "reportgen"
    except RuntimeError:  # no HOME and no password-file entry (some containers)
        return None


def digest(data: bytes) -> str:
    """The content digest that names entries (blake2b, 128 bits)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@lru_cache(maxsize=16)
def file_digest(path: Path) -> str:
    """A file's content digest, once per process (a font file is read in ~5 ms)."""
    return digest(path.read_bytes())


def font_key(path: Path, version: str) -> str:
    """An entry's key for data derived from a font file: its content, and `version` (of the
    library or of our derivation) so that a change in how it is derived starts afresh."""
    return f"{file_digest(path)}-{version}"


def remember(kind: str, key: str, compute: Callable[[], T],
             pack: Callable[[T], object], unpack: Callable[[object], T | None]) -> T:
    """`compute()`'s value under `key`, from the cache when an entry exists. `pack` turns
    the value into marshal-able data; `unpack` turns it back, or answers None when the
    data is not what it expects (then the value is computed again)."""
    folder = root()
    if folder is None:
        return compute()
    entry = folder / kind / f"{key}-{FORMAT}.marshal"
    try:
        value = unpack(marshal.loads(entry.read_bytes())) if entry.stat().st_size <= LIMIT else None
    except Exception:  # noqa: BLE001 - unreadable or damaged in any way: computed again
        value = None
    if value is None:
        value = compute()
        _store(entry, pack(value))
    return value


def _store(entry: Path, data: object) -> None:
    """Write the entry whole, then rename it into place; failures are ignored."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        part = entry.with_name(f"{entry.name}.{os.getpid()}.part")
        part.write_bytes(marshal.dumps(data))
        os.replace(part, entry)
    except (OSError, ValueError):
        pass
