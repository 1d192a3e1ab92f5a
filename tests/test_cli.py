"""The command line: help with examples, init writes a buildable template, validate
reports located problems with exit 2 and no traceback, --only is checked."""

from __future__ import annotations

import subprocess
import sys

from reportgen.cli import main
from reportgen.workbook import read_workbook
from wbfactory import CONTENT, make_workbook


def test_help_shows_examples(capsys):
    try:
        main(["--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    assert "reportgen build report.xlsx --only pdf" in out and "validate" in out


def test_help_imports_no_renderer_libraries():
    code = ("import sys; from reportgen.cli import main\n"
            "try:\n main(['--help'])\nexcept SystemExit: pass\n"
            "print(sorted(m for m in ('matplotlib', 'reportlab', 'docx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("[]")


def test_init_writes_a_template_with_every_block_type(tmp_path, capsys):
    path = tmp_path / "new.xlsx"
    assert main(["init", str(path)]) == 0
    doc = read_workbook(path)
    kinds = {type(b).__name__ for b in doc.blocks}
    assert kinds == {"Heading", "Paragraph", "ListBlock", "KpiRow", "ChartBlock", "TableBlock", "ImageBlock",
                     "Note", "ContactBox", "PageBreak"}
    assert {b.level for b in doc.blocks if type(b).__name__ == "Heading"} == {0, 1, 2, 3}
    assert doc.values["sales_jpy"].text == "1,875億円"  # computed from the rate, not typed


def test_validate_lists_every_problem_and_exits_2(tmp_path, capsys):
    path = make_workbook(tmp_path / "wb.xlsx", content=[CONTENT[0], ("figure", "x"), ("chart", None, "nope")])
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "error: content!A2: unknown block type 'figure'" in err
    assert "error: content!C3: no chart with id 'nope'" in err
    assert "Traceback" not in err


def test_validate_accepts_a_good_workbook(tmp_path, capsys):
    assert main(["validate", str(make_workbook(tmp_path / "wb.xlsx"))]) == 0
    assert "OK" in capsys.readouterr().out


def test_only_rejects_unknown_formats(tmp_path, capsys):
    assert main(["build", str(make_workbook(tmp_path / "wb.xlsx")), "-o", str(tmp_path), "--only", "pdf,html"]) == 2
    assert "--only takes pdf,docx,xlsx" in capsys.readouterr().err


def test_a_coarse_image_builds_with_a_located_print_warning(tmp_path, capsys):
    from PIL import Image

    Image.new("RGB", (200, 100), "#1F3A5F").save(tmp_path / "logo.png")
    fine = 3000
    Image.new("RGB", (fine, fine // 2), "#1F3A5F").save(tmp_path / "photo.png")
    content = [CONTENT[0], ("image", None, "logo.png", "粗い画像"), ("image", None, "photo.png", "精細な画像")]
    path = make_workbook(tmp_path / "wb.xlsx", content=content)
    assert main(["build", str(path), "-o", str(tmp_path / "out"), "--only", "pdf"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if line.startswith("warning:")] == [
        "warning: content!C2: image 'logo.png' prints at 28 dpi (print needs 300: supply at least 2126 pixels wide)"]
    assert (tmp_path / "out" / "factsheet.pdf").exists()
