"""Where the time goes: a cProfile dump and a `-X importtime` log, summarised.

In: a `.prof` file written by `python -m cProfile -o`, or the stderr of a child run with
`-X importtime`. Out: rows for results.md:
- `by_package`: own time per package (a site-packages distribution, or a reportgen
  sub-package); time spent in C builtins is charged to the callers' packages;
- `boundary_calls`: the library functions reportgen calls, with the time spent inside
  them per calling reportgen function (what to cache or avoid); imports are left to
  `heavy_imports`;
- `heavy_imports`: the slowest top-level imports (cumulative microseconds).
"""

from __future__ import annotations

import pstats
import re
from collections import Counter
from pathlib import Path

IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def package_of(filename: str) -> str:
    if "/src/reportgen/" in filename:
        rest = filename.split("/src/reportgen/", 1)[1].split("/")
        return "reportgen." + (rest[0] if len(rest) > 1 else rest[0].removesuffix(".py"))
    if "/site-packages/" in filename:
        return filename.split("/site-packages/", 1)[1].split("/")[0].removesuffix(".py")
    if filename.startswith("<frozen") or "importlib" in filename:
        return "import system"
    if filename == "~":
        return "~"
    path = Path(filename)
    return "stdlib." + (path.parent.name if path.stem == "__init__" else path.stem)


def by_package(prof: Path) -> tuple[float, list[tuple[str, float]]]:
    """Total profiled time and own time per package, largest first."""
    stats = pstats.Stats(str(prof)).stats  # type: ignore[attr-defined]
    own: Counter[str] = Counter()
    for (filename, _line, _name), (_cc, _nc, tt, _ct, callers) in stats.items():
        pkg = package_of(filename)
        if pkg != "~":
            own[pkg] += tt
            continue
        for (cfile, _l, _n), caller in callers.items():
            own[_charged(package_of(cfile))] += caller[2]
    total = sum(own.values())
    return total, own.most_common()


def _charged(pkg: str) -> str:
    return "builtins" if pkg == "~" else pkg


def boundary_calls(prof: Path, limit: int = 20) -> list[tuple[str, str, float]]:
    """(library function, reportgen caller, seconds inside) for the costliest calls out of reportgen."""
    stats = pstats.Stats(str(prof)).stats  # type: ignore[attr-defined]
    rows = []
    for (filename, line, name), (_cc, _nc, _tt, _ct, callers) in stats.items():
        if package_of(filename).startswith(("reportgen", "import system")):
            continue  # imports are listed from -X importtime instead
        for (cfile, cline, cname), caller in callers.items():
            if package_of(cfile).startswith("reportgen"):
                callee = f"{package_of(filename)}: {name}" if name != "<module>" else f"import {filename}"
                rows.append((callee, f"{_short(cfile)}:{cline} {cname}", caller[3]))
    rows.sort(key=lambda r: -r[2])
    return rows[:limit]


def _short(filename: str) -> str:
    return filename.split("/src/", 1)[-1]


def heavy_imports(stderr: str, limit: int = 12) -> list[tuple[str, float]]:
    """Top-level (not nested) imports by cumulative time, in seconds."""
    rows = [(m[4], int(m[2]) / 1e6) for m in IMPORT_LINE.finditer(stderr) if len(m[3]) <= 1]
    rows.sort(key=lambda r: -r[1])
    return rows[:limit]


def imported(stderr: str, package: str) -> bool:
    """Whether an `-X importtime` log shows `package` (or a sub-module) being imported."""
    return any(m[4] == package or m[4].startswith(package + ".") for m in IMPORT_LINE.finditer(stderr))
