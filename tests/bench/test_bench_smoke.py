"""The benchmark's own checks (no timing is asserted): the synthetic workbooks are valid
fact sheets of the promised size, and `python -m bench.run --quick` writes a results file
with every section filled from real measurements."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from bench.hotspots import heavy_imports, imported, package_of  # noqa: E402
from bench.peers import typst_source, typst_string  # noqa: E402
from bench.run import SECTIONS  # noqa: E402
from bench.synth import Size, write_synthetic  # noqa: E402
from reportgen.model import ChartBlock, Paragraph, TableBlock  # noqa: E402
from reportgen.workbook import read_workbook  # noqa: E402


@pytest.mark.parametrize("pages", [1, 4])
def test_synthetic_workbook_reads_as_a_fact_sheet_of_its_size(tmp_path: Path, pages: int) -> None:
    size = write_synthetic(tmp_path / "s.xlsx", pages)
    doc = read_workbook(tmp_path / "s.xlsx")
    body = [b for b in doc.blocks if isinstance(b, Paragraph) and b.role == "body"]
    charts = [b for b in doc.blocks if isinstance(b, ChartBlock)]
    (table,) = [b for b in doc.blocks if isinstance(b, TableBlock)]
    assert size == Size.of(pages)
    assert len(body) == size.paragraphs == 5 * pages
    assert len(charts) == size.charts == len(doc.charts)
    assert len(table.table.rows) == size.table_rows == 100 * pages
    assert [c.kind for c in table.table.columns] == ["number", "text", "number", "number", "date"]
    assert table.table.rows[-1][2].text == f"{(size.table_rows - 1) * 37 % 1000 + 1:,}"
    assert all(len(b.text.plain) > 250 for b in body)


def test_hundred_pages_hold_a_ten_thousand_row_table_and_fifty_charts() -> None:
    assert Size.of(100) == Size(100, 500, 10_000, 50)


def test_typst_source_quotes_text_so_markup_stays_text(tmp_path: Path) -> None:
    write_synthetic(tmp_path / "s.xlsx", 1)
    source = typst_source(read_workbook(tmp_path / "s.xlsx"))
    assert typst_string('a "b" \\ #c') == '"a \\"b\\" \\\\ #c"'
    assert '#figure(image("charts/c0.svg", width: 100%)' in source
    assert source.count("#par[") == 6  # the lead and five body paragraphs
    assert 'table.header([*#"番号"*]' in source


def test_import_log_and_profile_helpers() -> None:
    log = ("import time:       302 |     537645 | reportgen.workbook\n"
           "import time:       757 |     536843 |   openpyxl.reader\n"
           "import time:        21 |     361314 | matplotlib\n")
    assert imported(log, "openpyxl") and imported(log, "matplotlib") and not imported(log, "reportlab")
    assert heavy_imports(log) == [("reportgen.workbook", 0.537645), ("matplotlib", 0.361314)]
    assert package_of("/v/lib/python3.11/site-packages/svglib/svglib.py") == "svglib"
    assert package_of("/work/main/src/reportgen/render/pdf/figures.py") == "reportgen.render"
    assert package_of("/usr/lib/python3.11/zipfile.py") == "stdlib.zipfile"


def test_quick_bench_writes_every_section(tmp_path: Path) -> None:
    sample = tmp_path / "small.xlsx"
    write_synthetic(sample, 1)
    results = tmp_path / "results.md"
    done = subprocess.run([sys.executable, "-m", "bench.run", "--quick", "--sample", str(sample),
                           "--out", str(results), "--work", str(tmp_path / "work")],
                          cwd=REPO, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    text = results.read_text(encoding="utf-8")
    for title in SECTIONS:
        assert f"\n## {title}\n" in text
    targets = text.split("## Targets", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"\| (met|NOT met) \|", targets)) >= 6
    assert re.search(r"\| synthetic-1\.pdf \| \d{4,} \|", text)
    assert re.search(r"\| Typst, equivalent document \| [\d.]+ \|", text)
    assert "| reportgen --help |" in text and "| reportgen validate |" in text
    assert re.search(r"\| reportlab \| [\d.]+ \| \d+% \|", text)
