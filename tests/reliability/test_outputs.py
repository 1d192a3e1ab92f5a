"""Writing outputs: all or nothing, never outside -o DIR, safe when two builds share a
folder, and byte-identical from one run to the next."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

from readback import pdf_text
import pytest
from openpyxl import load_workbook
from PIL import Image

from reliability.badbooks import run_cli
from reportgen.diagnostics import CellRef, Diagnostic, ReportError
from reportgen.output import atomic_path, inside, staged
from wbfactory import CONTENT, META, make_workbook

HEADER = CONTENT[0]
FULL = [*CONTENT, ("chart", None, "by_entity"), ("table", None, "contributions", "拠出主体別"),
        ("image", None, "logo.png", "ロゴ"), ("note", "2020年3月31日時点")]
OUTPUTS = ("factsheet.pdf", "factsheet.docx", "factsheet-appendix.xlsx", "charts/by_entity.svg",
           "charts/by_entity.png")


def workbook(folder: Path, title: str = "テスト用ファクトシート") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (120, 60), "#1F3A5F").save(folder / "logo.png")
    meta = [("title", title), *META[1:]]
    return make_workbook(folder / "wb.xlsx", meta=meta, content=FULL)


def snapshot(out: Path) -> dict[str, str]:
    """Every file under `out` but the chart cache: relative name → sha256."""
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file() and ".cache" not in p.relative_to(out).parts}


@pytest.fixture(scope="module")
def first_build(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """One good build whose outputs later failing builds must leave as they are."""
    root = tmp_path_factory.mktemp("built")
    result = run_cli(["build", workbook(root / "in"), "-o", root / "out"])
    assert result.code == 0, result.err
    return root, snapshot(root / "out")


def test_a_build_writes_every_output_and_no_temporary(first_build):
    root, files = first_build
    assert sorted(files) == sorted(OUTPUTS)
    assert "テスト用ファクトシート" in pdf_text(root / "out" / "factsheet.pdf")


@pytest.mark.parametrize("fmt, module, func", [
    ("pdf", "reportgen.render.pdf", "write_pdf"),
    ("docx", "reportgen.render.docx", "write_docx"),
    ("xlsx", "reportgen.render.xlsx", "write_xlsx"),
])
def test_a_failing_renderer_leaves_the_previous_outputs_untouched(first_build, tmp_path, monkeypatch,
                                                                   fmt, module, func):
    monkeypatch.setenv("REPORTGEN_START_METHOD", "fork")  # the patched renderer reaches forked workers only
    import importlib

    root, before = first_build
    changed = workbook(tmp_path / "in", title="改訂版のタイトル")  # every output would differ

    def half_written(*args, **kwargs):
        path = next(a for a in args if isinstance(a, Path))
        path.write_bytes(b"half a file")
        raise RuntimeError(f"{fmt} renderer broke")

    monkeypatch.setattr(importlib.import_module(module), func, half_written)
    result = run_cli(["build", changed, "-o", root / "out"])
    assert result.code == 1 and f"internal error: RuntimeError: {fmt} renderer broke" in result.err
    assert snapshot(root / "out") == before
    assert not [p for p in (root / "out").rglob("*") if p.name.startswith(".") and p.name != ".cache"
                and ".cache" not in p.parts]


def test_a_located_renderer_error_exits_2_and_keeps_the_outputs(first_build, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_START_METHOD", "fork")  # the patched renderer reaches forked workers only
    import reportgen.render.docx

    root, before = first_build

    def refuses(doc, charts, path, **options):
        raise ReportError(Diagnostic(CellRef("content", "B3"), "paragraph cannot be set"))

    monkeypatch.setattr(reportgen.render.docx, "write_docx", refuses)
    result = run_cli(["build", workbook(tmp_path / "in", title="別の題"), "-o", root / "out"])
    assert result.code == 2 and result.errors == ["error: content!B3: paragraph cannot be set"]
    assert snapshot(root / "out") == before


def test_the_output_folder_must_be_a_folder(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("a file, not a folder")
    result = run_cli(["build", workbook(tmp_path / "in"), "-o", blocker])
    assert result.code == 2 and result.errors[0].startswith(f"error: {blocker}: cannot use as the output folder")
    assert blocker.read_text() == "a file, not a folder"


@pytest.mark.parametrize("name", ["../evil.pdf", "sub/evil.pdf", "/tmp/evil.pdf", "..", "."])
def test_output_names_stay_inside_the_output_folder(tmp_path, name):
    with pytest.raises(ValueError, match="outside"):
        inside(tmp_path, name)
    assert inside(tmp_path, "factsheet.pdf") == (tmp_path / "factsheet.pdf").resolve()


def test_an_output_name_with_folders_is_refused_in_meta(tmp_path):
    (tmp_path / "in").mkdir()
    path = make_workbook(tmp_path / "in" / "wb.xlsx", meta=META + [("output_name", "../../escaped")])
    result = run_cli(["build", path, "-o", tmp_path / "out"])
    assert result.code == 2 and result.errors[0].startswith("error: meta!B5: output_name '../../escaped'")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["in", "wb.xlsx"]


def test_staged_outputs_move_together_or_not_at_all(tmp_path):
    (tmp_path / "a.txt").write_text("old a")
    with pytest.raises(RuntimeError):
        with staged(tmp_path) as stage:
            stage.file(tmp_path / "a.txt").write_text("new a")
            (stage.folder(tmp_path / "charts") / "c.svg").write_text("new chart")
            raise RuntimeError("the next output failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"] and (tmp_path / "a.txt").read_text() == "old a"
    with staged(tmp_path) as stage:
        stage.file(tmp_path / "a.txt").write_text("new a")
        (stage.folder(tmp_path / "charts") / "c.svg").write_text("new chart")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["a.txt", "charts", "charts/c.svg"]
    assert (tmp_path / "a.txt").read_text() == "new a"


def test_atomic_path_from_many_threads_leaves_one_whole_file(tmp_path):
    final = tmp_path / "out.bin"
    payloads = [bytes([i]) * 200_000 for i in range(16)]

    def write(data: bytes) -> None:
        with atomic_path(final) as tmp:
            with tmp.open("wb") as fh:
                for k in range(0, len(data), 4096):
                    fh.write(data[k:k + 4096])

    threads = [threading.Thread(target=write, args=(p,)) for p in payloads]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert final.read_bytes() in payloads
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_two_builds_at_once_into_one_folder_do_not_corrupt_each_other(tmp_path):
    """Two processes, two workbooks with different titles, one output folder: each output
    is wholly one build's or the other's, and no temporary is left."""
    books = [workbook(tmp_path / f"in{i}", title=f"同時ビルド{i}号") for i in (1, 2)]
    out = tmp_path / "out"
    procs = [subprocess.Popen([sys.executable, "-m", "reportgen", "build", str(b), "-o", str(out)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for b in books]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert [code for code, _ in results] == [0, 0], results
    assert sorted(snapshot(out)) == sorted(OUTPUTS)
    text = "".join(pdf_text(out / "factsheet.pdf").split())
    assert ("同時ビルド1号" in text) != ("同時ビルド2号" in text), text
    with zipfile.ZipFile(out / "factsheet.docx") as z:
        assert z.testzip() is None and b"w:body" in z.read("word/document.xml")
    appendix = load_workbook(out / "factsheet-appendix.xlsx")
    assert appendix.sheetnames


def test_two_builds_give_byte_identical_outputs(tmp_path):
    """PDF, DOCX, XLSX and charts: same workbook, same bytes (dates from the workbook)."""
    book = workbook(tmp_path / "in")
    snaps = []
    for name in ("one", "two"):
        result = run_cli(["build", book, "-o", tmp_path / name])
        assert result.code == 0, result.err
        snaps.append(snapshot(tmp_path / name))
    assert sorted(snaps[0]) == sorted(OUTPUTS)
    differ = [name for name in snaps[0] if snaps[0][name] != snaps[1].get(name)]
    assert not differ, f"not reproducible: {differ}"


def test_two_processes_give_byte_identical_outputs(tmp_path):
    """As above, but in fresh processes (no cache shared in memory) at different times."""
    book = workbook(tmp_path / "in")
    for name in ("one", "two"):
        proc = subprocess.run([sys.executable, "-m", "reportgen", "build", str(book), "-o", str(tmp_path / name)],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_a_chart_removed_from_the_workbook_leaves_no_stale_file(tmp_path):
    out = tmp_path / "out"
    assert run_cli(["build", workbook(tmp_path / "in"), "-o", out]).code == 0
    assert sorted(p.name for p in (out / "charts").iterdir()) == ["by_entity.png", "by_entity.svg"]
    (out / "charts" / "notes.txt").write_text("mine")
    chartless = make_workbook(tmp_path / "in" / "wb.xlsx", content=CONTENT)
    assert run_cli(["build", chartless, "-o", out, "--only", "pdf"]).code == 0
    assert sorted(p.name for p in (out / "charts").iterdir()) == ["notes.txt"]


def test_a_pdf_only_build_drops_the_chart_png_of_an_earlier_build(tmp_path):
    out = tmp_path / "out"
    path = workbook(tmp_path / "in")
    assert run_cli(["build", path, "-o", out]).code == 0
    assert run_cli(["build", path, "-o", out, "--only", "pdf"]).code == 0
    assert sorted(p.name for p in (out / "charts").iterdir()) == ["by_entity.svg"]
