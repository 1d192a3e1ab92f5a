"""The benchmark: where the time goes, how it scales, how it compares (issue 9).

Run from the repository root:  /work/venv/bin/python -m bench.run [--quick] [--runs N]
In: the sample workbook (or --sample), synthetic workbooks made by bench.synth. Out:
bench/results.md (or --out): one section per measurement, every figure from this run.

Every measured build is a child process (`reportgen build`, timed with os.wait4: wall
time, CPU time, peak memory). Peers are measured in the same run and given as ratios.
This process stays small (no reportgen, openpyxl or pypdf imported here): a child's peak
memory as the kernel counts it starts from its parent's size at fork.
Nothing here asserts a time: the targets table only says how far off each one is.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import hotspots, peers
from bench.measure import Run, check, median, python, run
from bench.synth import Size

REPO = Path(__file__).resolve().parents[1]
FONTS = REPO / "assets" / "fonts"
SAMPLE = REPO / "data" / "factsheet.xlsx"
SEED = REPO / "data" / "reference" / "000_7b0533415791930b.txt"
SECTIONS = ("Targets", "Sample build", "Cold start", "Warm rebuild", "Composer", "Table solver", "Scaling", "Batch",
            "Peers", "Profile")

# Builds repeated in one process. "workers": renderer processes kept warm across builds
# (what `reportgen watch` does); "in-process": every renderer in this process (-j 1).
WARM_CHILD = """
import contextlib, json, sys, time
from pathlib import Path
from reportgen.pipeline import FORMATS, Build, run
from reportgen.workers import Workers
rows = []
kept = Workers(FORMATS) if sys.argv[4] == "workers" else None
with kept or contextlib.nullcontext():
    for i in range(int(sys.argv[3])):
        build = Build(Path(sys.argv[1]), Path(sys.argv[2]), jobs=1 if kept is None else None, log=lambda line: None)
        start = time.perf_counter()
        run(build, kept)
        rows.append({"total": time.perf_counter() - start, **build.timings})
print(json.dumps(rows))
"""

# Composes every paragraph of the seed text at body size; each round uses a new width so
# that compose_text's per-(text, width) cache never answers (glyph widths stay cached).
COMPOSE_CHILD = """
import json, sys, time
from pathlib import Path
from reportgen.model import RichText, Theme
from reportgen.render.pdf.fonts import register_fonts
from reportgen.render.pdf.textflow import TextStyle, compose_text
paras = [p.strip() for p in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines() if p.strip()]
fonts = register_fonts(Theme())
style = TextStyle(size=9.5, leading=16.15, color="#1A1A1A")
rounds = []
for i in range(int(sys.argv[2])):
    start = time.perf_counter()
    lines = sum(len(compose_text(RichText.of(p), style, fonts, 484.0 - i * 0.5)) for p in paras)
    rounds.append(time.perf_counter() - start)
print(json.dumps({"chars": sum(map(len, paras)), "paragraphs": len(paras), "lines": lines, "rounds": rounds}))
"""

# The shared column-width solver (reportgen.layout.table) on every table block of a
# workbook, in one process: the first round loads the fonts' advance widths and budoux.
TABLES_CHILD = """
import json, sys, time
from pathlib import Path
from reportgen.layout.table import fit_block
from reportgen.model import TableBlock
from reportgen.workbook import read_workbook
doc = read_workbook(Path(sys.argv[1]))
blocks = [b for b in doc.blocks if isinstance(b, TableBlock)]
rounds = []
for i in range(int(sys.argv[2])):
    start = time.perf_counter()
    fits = [fit_block(b, doc.theme, 481.9, 8.5) for b in blocks]
    rounds.append(time.perf_counter() - start)
print(json.dumps({"tables": len(blocks), "rows": sum(len(b.table.rows) for b in blocks),
                  "cells": sum(len(b.table.rows) * len(b.table.columns) for b in blocks), "rounds": rounds}))
"""


@dataclass
class Bench:
    """Settings, a scratch folder, and the results.md being written."""

    sample: Path
    work: Path
    runs: int
    pages: tuple[int, ...]
    batch_books: int
    quick: bool
    env: dict[str, str]
    lines: list[str] = field(default_factory=list)
    targets: list[tuple[str, str, str, bool | None]] = field(default_factory=list)

    def section(self, title: str, *intro: str) -> None:
        self.lines += ["", f"## {title}", "", *intro]

    def table(self, head: tuple[str, ...], rows: list[tuple]) -> None:
        self.lines += ["", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        self.lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
        self.lines.append("")

    def target(self, what: str, goal: str, measured: str, met: bool | None) -> None:
        self.targets.append((what, goal, measured, met))

    def reportgen(self, *args: str, **kwargs) -> Run:
        return run(python("-m", "reportgen", *args), env=self.env, cwd=self.work, **kwargs)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value)


def sample_build(b: Bench) -> Path:
    """Whole process and per stage, median of runs with the chart cache filled."""
    out = b.work / "sample"
    first = check(b.reportgen("build", str(b.sample), "-o", str(out)), "sample build")
    runs = [check(b.reportgen("build", str(b.sample), "-o", str(out)), "sample build") for _ in range(b.runs)]
    serial = [check(b.reportgen("build", str(b.sample), "-o", str(out), "-j", "1"), "sample build")
              for _ in range(b.runs)]
    wall, cpu = median([r.wall for r in runs]), median([r.cpu for r in runs])
    peak = max(r.peak_mb for r in runs)
    b.section("Sample build", f"`reportgen build {b.sample.name}`: one run with an empty chart cache, then "
              f"{b.runs} runs with the chart cache filled (median; min in brackets); then {b.runs} runs with "
              "`-j 1` (every renderer in one process, no worker processes). CPU and peak memory include "
              "the worker processes.")
    b.table(("run", "wall s", "CPU s", "peak MB"), [
        ("first (charts drawn)", first.wall, first.cpu, first.peak_mb),
        (f"median of {b.runs} (charts cached)", f"{wall:.3f} ({min(r.wall for r in runs):.3f})",
         f"{cpu:.3f} ({min(r.cpu for r in runs):.3f})", peak),
        (f"median of {b.runs}, -j 1 (charts cached)", median([r.wall for r in serial]),
         median([r.cpu for r in serial]), max(r.peak_mb for r in serial)),
    ])
    stages = sorted({s for r in [first, *runs] for s in r.stages()}, key=list(first.stages()).index)
    b.table(("stage", "first s", "median cached s"),
            [(s, first.stages().get(s, 0.0), median([r.stages().get(s, 0.0) for r in runs])) for s in stages])
    b.table(("output", "bytes"), [(p.name, p.stat().st_size) for p in sorted(out.iterdir()) if p.is_file()])
    b.target("sample build, whole process (median)", "≤ 1.0 s", f"{wall:.2f} s wall, {cpu:.2f} s CPU", wall <= 1.0)
    return out


def cold_start(b: Bench) -> None:
    """`--help` and `validate`: time, and whether matplotlib or reportlab get imported."""
    b.section("Cold start", "Whole process, median; imports from `python -X importtime`.")
    rows = []
    for name, args in (("--help", ("--help",)), ("validate", ("validate", str(b.sample)))):
        runs = [check(b.reportgen(*args), name) for _ in range(b.runs)]
        log = run(python("-X", "importtime", "-m", "reportgen", *args), env=b.env, cwd=b.work).err
        heavy = [p for p in ("matplotlib", "reportlab", "svglib", "docx", "openpyxl", "budoux") if hotspots.imported(log, p)]
        rows.append((f"reportgen {name}", median([r.wall for r in runs]), median([r.cpu for r in runs]),
                     ", ".join(heavy) or "none"))
        clean = not {"matplotlib", "reportlab"} & set(heavy)
        b.target(f"`reportgen {name}` imports neither matplotlib nor reportlab", "none imported",
                 ", ".join(heavy) or "none", clean)
    bare = [run(python("-c", "pass"), env=b.env) for _ in range(b.runs)]
    rows.append(("python -c pass", median([r.wall for r in bare]), median([r.cpu for r in bare]),
                 f"(peak {max(r.peak_mb for r in bare):.0f} MB: the floor of every peak here)"))
    b.table(("command", "wall s", "CPU s", "heavy packages imported"), rows)


def warm_rebuild(b: Bench, sample_out: Path) -> None:
    """Builds repeated in one process: the first pays for imports and fonts, the rest do not."""
    builds = 2 if b.quick else 4
    b.section("Warm rebuild", f"{builds} builds of the sample in one process (`pipeline.run`), chart cache "
              "filled: with the renderer processes kept warm across builds (as `reportgen watch` does), and "
              "with every renderer in the building process (`-j 1`). Stage columns are each renderer's own time.")
    best = {}
    for mode in ("workers", "in-process"):
        child = check(run(python("-c", WARM_CHILD, str(b.sample), str(sample_out), str(builds), mode),
                          env=b.env, cwd=b.work), "warm rebuild")
        rows = json.loads(child.out.strip().splitlines()[-1])
        stages = [k for k in rows[0] if k != "total"]
        b.table(("build", f"total s ({mode})", *stages), [(i + 1, r["total"], *(r.get(s, 0.0) for s in stages))
                                                          for i, r in enumerate(rows)])
        best[mode] = median([r["total"] for r in rows[1:]])
    b.target("warm rebuild (same process, charts cached)", "≤ 0.15 s",
             f"{best['workers']:.2f} s with warm workers, {best['in-process']:.2f} s in one process",
             min(best.values()) <= 0.15)


def composer(b: Bench) -> None:
    """The Japanese line composer alone, on the whole seed text (issue 3: under 100 ms)."""
    if not SEED.is_file():
        b.section("Composer", f"(skipped: {SEED} not found)")
        return
    rounds = 3 if b.quick else 7
    child = check(run(python("-c", COMPOSE_CHILD, str(SEED), str(rounds)), env=b.env, cwd=b.work), "composer")
    r = json.loads(child.out.strip().splitlines()[-1])
    warm = median(r["rounds"][1:])
    b.section("Composer", f"The seed text ({r['chars']:,} characters, {r['paragraphs']} paragraphs) composed "
              f"at 484 pt, body size, {rounds} rounds in one process at a new width each round; the first "
              "round also loads the fonts' glyph widths.")
    b.table(("round", "s", "lines"), [(i + 1, t, r["lines"]) for i, t in enumerate(r["rounds"])])
    b.target("seed text composed (median after the first round)", "< 0.1 s", f"{warm:.3f} s", warm < 0.1)


def table_solver(b: Bench) -> None:
    """The column-width solver's cost on the largest synthetic workbook (issue 14)."""
    pages = max(b.pages)
    wb = b.work / f"synthetic-{pages}.xlsx"
    check(run(python("-m", "bench.synth", str(pages), str(wb)), env=b.env, cwd=REPO), "synthetic workbook")
    rounds = 2 if b.quick else 5
    child = check(run(python("-c", TABLES_CHILD, str(wb), str(rounds)), env=b.env, cwd=b.work), "table solver")
    r = json.loads(child.out.strip().splitlines()[-1])
    b.section("Table solver", f"Column widths of every table of the {pages}-page synthetic workbook ({r['tables']} "
              f"table, {r['rows']:,} rows, {r['cells']:,} cells) from `reportgen.layout.table.fit_block`, "
              f"{rounds} rounds in one process; the first round also loads the fonts' advance widths. "
              "The PDF and the DOCX renderer each run it once per table.")
    b.table(("round", "s"), [(i + 1, t) for i, t in enumerate(r["rounds"])])


def scaling(b: Bench) -> None:
    """Synthetic workbooks of growing size: time and memory against pages."""
    b.section("Scaling", "Synthetic workbooks (bench/synth.py: 5 long paragraphs, 100 table rows per nominal "
              "page, a chart per two pages). Each size: a first build (charts drawn), then a rebuild "
              "(charts cached). Pages are counted in the PDF.")
    rows, points = [], []
    for pages in b.pages:
        wb = b.work / f"synthetic-{pages}.xlsx"
        size = Size.of(pages)
        check(run(python("-m", "bench.synth", str(pages), str(wb)), env=b.env, cwd=REPO), "synthetic workbook")
        out = b.work / f"synthetic-{pages}"
        first = check(b.reportgen("build", str(wb), "-o", str(out), timeout=1800), f"synthetic {pages}")
        again = check(b.reportgen("build", str(wb), "-o", str(out), timeout=1800), f"synthetic {pages}")
        pdf_pages = _pdf_pages(out / f"synthetic-{pages}.pdf")
        points.append((pdf_pages, again.wall, again.cpu))
        rows.append((pages, pdf_pages, size.table_rows, size.charts, first.wall, first.peak_mb, again.wall,
                     again.cpu, again.peak_mb, again.cpu / pdf_pages,
                     " ".join(f"{k} {v:.2f}" for k, v in again.stages().items())))
        if pages == max(b.pages):
            b.target(f"{pages}-page synthetic report (charts cached)", "≤ 3 s, ≤ 300 MB",
                     f"{again.wall:.1f} s, {again.peak_mb:.0f} MB ({pdf_pages} PDF pages)",
                     again.wall <= 3 and again.peak_mb <= 300)
    b.table(("nominal pages", "PDF pages", "table rows", "charts", "first s", "first MB", "rebuild s",
             "rebuild CPU s", "rebuild MB", "CPU s per PDF page", "rebuild stages s"), rows)
    if len(points) >= 2:
        (p0, _, c0), (p1, _, c1) = points[-2], points[-1]
        b.lines.append(f"Marginal CPU cost per PDF page between the two largest sizes: "
                       f"{(c1 - c0) / max(p1 - p0, 1):.3f} s (smallest size: {points[0][2] / points[0][0]:.3f} s "
                       "per page, start-up included). Linear growth keeps these two close.")


def _pdf_pages(path: Path) -> int:
    """Pages of a PDF, counted in a child so that this process stays small (see `lean`)."""
    code = "import sys, pypdf; print(len(pypdf.PdfReader(sys.argv[1]).pages))"
    return int(check(run(python("-c", code, str(path))), "page count").out)


def batch(b: Bench, single_cpu: float, single_wall: float) -> None:
    """Distinct variants of the sample through `reportgen batch -j 2`: every book draws its own charts."""
    books = b.work / "batch-in"
    shutil.rmtree(books, ignore_errors=True)
    check(run(python("-m", "bench.synth", "variants", str(b.sample), str(books), str(b.batch_books)),
              env=b.env, cwd=REPO), "batch books")
    out = b.work / "batch-out"
    shutil.rmtree(out, ignore_errors=True)
    first = check(b.reportgen("batch", str(books), "-o", str(out), "-j", "2", timeout=3600), "batch")
    again = check(b.reportgen("batch", str(books), "-o", str(out), "-j", "2", timeout=3600), "batch")
    b.section("Batch", f"`reportgen batch -j 2` over {b.batch_books} distinct fact sheets (bench.synth "
              "variants of the sample: own title, data scaled, so no two share a chart or an output) with "
              "2 warm workers: first into a fresh output root (every chart drawn), then again (charts "
              "from the root's shared cache; every output still laid out and written).")
    rows = [(label, b.batch_books, r.wall, r.cpu, r.peak_mb, b.batch_books / r.wall)
            for label, r in (("charts drawn", first), ("charts cached", again))]
    b.table(("run", "books", "wall s", "CPU s", "peak MB (largest process)", "fact sheets/s"), rows)
    b.lines.append(f"One build alone (charts cached, whole process): {single_wall:.2f} s wall, {single_cpu:.2f} s CPU.")
    best = max(r[-1] for r in rows)
    b.target("batch throughput, 2 workers", "≥ 8 fact sheets/s",
             f"{rows[0][-1]:.2f} /s charts drawn, {rows[1][-1]:.2f} /s cached", best >= 8)


def peer_ratios(b: Bench, sample_out: Path) -> None:
    """Typst, LibreOffice, plain reportlab and bare imports, on the sample's content."""
    typ, text = sample_out / "peer.typ", b.work / "peer-rl.txt"
    check(run(python("-m", "bench.peers", str(b.sample), str(typ), str(text)), env=b.env, cwd=REPO), "peer inputs")
    ours_pdf = [check(b.reportgen("build", str(b.sample), "-o", str(sample_out), "--only", "pdf"), "pdf only")
                for _ in range(b.runs)]
    ours_all = [check(b.reportgen("build", str(b.sample), "-o", str(sample_out)), "full") for _ in range(b.runs)]
    typst = [check(run(peers.typst_argv(typ, b.work / "peer-typst.pdf", FONTS), env=b.env), "typst")
             for _ in range(b.runs)]
    plain = [check(run(peers.plain_reportlab_argv(text, b.work / "peer-rl.pdf", FONTS / "BIZUDPGothic-Regular.ttf"),
                       env=b.env), "reportlab alone") for _ in range(b.runs)]
    mpl = [check(run(python("-c", "import matplotlib.pyplot"), env=b.env), "matplotlib") for _ in range(b.runs)]
    rows = [("reportgen build --only pdf (charts cached)", ours_pdf), ("reportgen build, all outputs", ours_all),
            ("Typst, equivalent document", typst), ("reportlab alone, same paragraphs", plain),
            ("import matplotlib.pyplot", mpl)]
    rows += _libreoffice(b, next(sample_out.glob("*.docx")))
    base = median([r.wall for r in typst])
    base_cpu = median([r.cpu for r in typst])
    b.section("Peers", f"Same run, same content, median of {b.runs}; ratios against Typst "
              f"({base:.3f} s wall, {base_cpu:.3f} s CPU). The Typst source is written from the sample's "
              f"model (peers.typst_source) next to our chart SVGs, fonts from assets/fonts only.")
    b.table(("what", "wall s", "CPU s", "peak MB", "× Typst (wall)", "× Typst (CPU)"),
            [(name, median([r.wall for r in rs]), median([r.cpu for r in rs]), max(r.peak_mb for r in rs),
              median([r.wall for r in rs]) / base, median([r.cpu for r in rs]) / base_cpu) for name, rs in rows])
    ratio = median([r.wall for r in ours_pdf]) / base
    b.target("PDF-only build against Typst", "≤ 3×", f"{ratio:.1f}× wall, "
             f"{median([r.cpu for r in ours_pdf]) / base_cpu:.1f}× CPU", ratio <= 3)


def _libreoffice(b: Bench, docx: Path) -> list[tuple[str, list[Run]]]:
    exe = peers.soffice()
    if exe is None:
        b.lines.append("LibreOffice (soffice) is not installed: its row is left out.")
        return []
    work = b.work / "lo"
    env = peers.libreoffice_env(work, FONTS, b.env)
    argv = peers.libreoffice_argv(exe, docx, b.work / "lo-out", work)
    first = check(run(argv, env=env, timeout=600), "LibreOffice")
    if b.quick:
        return [("LibreOffice DOCX→PDF (new profile)", [first])]
    again = [check(run(argv, env=env, timeout=600), "LibreOffice") for _ in range(b.runs)]
    return [("LibreOffice DOCX→PDF, first (new profile)", [first]), ("LibreOffice DOCX→PDF, profile kept", again)]


def profile(b: Bench) -> None:
    """cProfile of the sample build: by package, and the library calls reportgen makes."""
    b.section("Profile", "`python -m cProfile -m reportgen build -j 1` on the sample (every renderer in the "
              "profiled process). Profiling slows Python code more than C code: read the shares, not the seconds.")
    kinds = (("charts cached", False),) if b.quick else (("charts cached", False), ("first build, charts drawn", True))
    for label, fresh in kinds:
        out = b.work / ("profile-fresh" if fresh else "sample")
        if fresh:
            shutil.rmtree(out, ignore_errors=True)
        prof = b.work / f"{'fresh' if fresh else 'cached'}.prof"
        check(run(python("-m", "cProfile", "-o", str(prof), "-m", "reportgen", "build", str(b.sample), "-o", str(out),
                         "-j", "1"), env=b.env, cwd=b.work), "profile")
        total, packages = hotspots.by_package(prof)
        b.lines += ["", f"### {label}: {total:.2f} s profiled", ""]
        b.table(("package (own time, C calls charged to the caller)", "s", "share"),
                [(p, s, f"{s / total:.0%}") for p, s in packages[:14]])
        b.table(("library call", "from reportgen", "s inside", "share"),
                [(callee, caller, s, f"{s / total:.0%}") for callee, caller, s in hotspots.boundary_calls(prof, 18)])
    log = run(python("-X", "importtime", "-m", "reportgen", "build", str(b.sample), "-o", str(b.work / "sample"),
                     "-j", "1"), env=b.env, cwd=b.work).err
    b.lines += ["", "### Slowest top-level imports of a build (charts cached)", ""]
    b.table(("module", "cumulative s"), hotspots.heavy_imports(log))


# A fixed pure-Python loop: how fast this machine runs Python today. Shared machines vary
# by tens of percent between runs; divide a time by this to compare two results.md files.
SPEED_CHILD = "s = 0\nfor i in range(5_000_000):\n    s += i"


def machine(b: Bench) -> str:
    """The load and the speed of Python on this machine as the bench starts."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",)
    speed = median([run(python("-c", SPEED_CHILD), env=b.env).cpu for _ in range(3)])
    return (f"Python {platform.python_version()}, {os.cpu_count()} CPUs, load average at start "
            f"{', '.join(f'{x:.1f}' for x in load)}. Machine speed reference: a fixed pure-Python loop "
            f"(5 million additions) took {speed:.3f} s CPU (median of 3); times from a slower or busier "
            "day scale with it.")


def header(b: Bench, started: str) -> list[str]:
    return [
        "# reportgen benchmark results", "",
        f"Written by `python -m bench.run{' --quick' if b.quick else ''}` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        + started,
        "Wall times include waiting for the CPU when the machine is shared; CPU times (user + sys of "
        "the child, from os.wait4) do not. Children run with bytecode caching on, as an installed tool does.",
    ]


def targets(b: Bench) -> list[str]:
    rows = [(w, g, m, {True: "met", False: "NOT met", None: "?"}[ok]) for w, g, m, ok in b.targets]
    lines = ["", "## Targets", "", "| what | target | measured | |", "|---|---|---|---|"]
    return lines + ["| " + " | ".join(r) + " |" for r in rows]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="one run each, small sizes: a smoke run")
    p.add_argument("--runs", type=int, default=5, help="runs per median (default 5)")
    p.add_argument("--pages", default="1,10,100", help="nominal pages of the synthetic workbooks")
    p.add_argument("--batch-books", type=int, default=16)
    p.add_argument("--sample", type=Path, default=SAMPLE)
    p.add_argument("--out", type=Path, default=REPO / "bench" / "results.md")
    p.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    a = p.parse_args(argv)
    if a.quick:
        a.runs, a.pages, a.batch_books = 1, "1", 2
    with tempfile.TemporaryDirectory(prefix="reportgen-bench-") as tmp:
        work = a.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["REPORTGEN_CACHE"] = str(work.resolve() / "user-cache")  # a first build here is a first build
        b = Bench(a.sample.resolve(), work.resolve(), a.runs, tuple(int(x) for x in a.pages.split(",")),
                  a.batch_books, a.quick, env)
        started = machine(b)
        out = sample_build(b)
        single = b.reportgen("build", str(b.sample), "-o", str(out))
        steps = (("cold start", lambda: cold_start(b)), ("warm rebuild", lambda: warm_rebuild(b, out)),
                 ("composer", lambda: composer(b)), ("table solver", lambda: table_solver(b)),
                 ("scaling", lambda: scaling(b)), ("batch", lambda: batch(b, single.cpu, single.wall)),
                 ("peers", lambda: peer_ratios(b, out)), ("profile", lambda: profile(b)))
        for name, step in steps:
            start = time.perf_counter()
            step()
            print(f"bench: {name} measured in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        b.lines += ["", f"(The bench process itself peaked at {own:.0f} MB.)"]
        a.out.write_text("\n".join(header(b, started) + targets(b) + b.lines) + "\n", encoding="utf-8")
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
