"""The chart cache: an unchanged chart is copied, not drawn again.

In: a `ChartSpec`, the `Theme` and a cache folder. Out: the cache key (a SHA-256 over
the spec's fields, the plotted cells' raw values, formats and texts, the theme's colours
and fonts' bytes, the matplotlib version and this package's source), and the cached
`<key>.svg` and `<key>.png`, each kept and found on its own: a build without the DOCX
needs only the SVG; `<key>.json` keeps what the drawing decided (width, size, alt text,
compromises), so that a cached chart warns as a drawn one does. Never imports matplotlib.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any
import os
import shutil
from dataclasses import asdict
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from reportgen.model import ChartSpec, Theme

SPEC_FIELDS = ("id", "kind", "category", "series", "title", "unit", "caption", "sort", "highlight", "width")
THEME_FIELDS = ("primary", "accent", "text", "muted", "rule", "palette")


def cache_key(spec: ChartSpec, theme: Theme) -> str:
    fields = {
        "spec": {name: getattr(spec, name) for name in SPEC_FIELDS},
        "options": asdict(spec.options),
        "rows": [[[repr(v.raw), v.number_format, v.text] for v in row] for row in _plotted(spec)],
        "theme": {name: getattr(theme, name) for name in THEME_FIELDS},
        "fonts": [file_digest(Path(p)) for p in (theme.font_regular, theme.font_bold, theme.font_fallback)],
        "matplotlib": matplotlib_version(),
        "code": code_digest(),
    }
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _plotted(spec: ChartSpec) -> list[tuple]:
    columns = [spec.table.index(c) for c in (spec.category, *spec.series)]
    return [tuple(row[i] for i in columns) for row in spec.table.rows]


@lru_cache(maxsize=16)
def file_digest(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


@lru_cache(maxsize=1)
def matplotlib_version() -> str:
    """Read from the package metadata once per process (~7 ms a lookup, one per chart)."""
    return version("matplotlib")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The chart package's own source: a change in how charts are drawn empties the cache."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.relative_to(Path(__file__).parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def fetch(cache_dir: Path, key: str, targets: tuple[Path, ...]) -> bool:
    """Copy the cached file of each target's suffix to it; False when the cache lacks one."""
    cached = [cache_dir / f"{key}{target.suffix}" for target in targets]
    if not all(p.is_file() for p in cached):
        return False
    for source, target in zip(cached, targets):
        shutil.copyfile(source, target)
    return True


def store(cache_dir: Path, key: str, sources: tuple[Path, ...]) -> None:
    """Put freshly drawn files in the cache under their suffixes (each written whole, then renamed)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    for source in sources:
        part = cache_dir / f"{key}{source.suffix}.{os.getpid()}.part"
        shutil.copyfile(source, part)
        os.replace(part, cache_dir / f"{key}{source.suffix}")


def fetch_facts(cache_dir: Path, key: str) -> dict[str, Any] | None:
    """What the drawing of a cached chart decided, or None (missing or unreadable: draw again)."""
    try:
        facts = json.loads((cache_dir / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return facts if isinstance(facts, dict) else None


def store_facts(cache_dir: Path, key: str, facts: dict[str, Any]) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    part = cache_dir / f"{key}.json.{os.getpid()}.part"
    part.write_text(json.dumps(facts, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(part, cache_dir / f"{key}.json")
