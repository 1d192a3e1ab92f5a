"""The command line: help with examples, init writes a buildable template, validate
reports located problems with exit 2 and no traceback, --only is checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
    assert main(["build", str(make_workbook(tmp_path / "wb.xlsx")), "-o", str(tmp_path), "--only", "pdf,html"]) == 64
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


# ------------------------------------------------ conventions of a command-line tool


@pytest.mark.parametrize("bleed", ["-3", "50", "nan", "inf", "-inf", "three"])
def test_bleed_outside_0_to_10_mm_is_a_usage_error(bleed, capsys):
    assert main(["build", f"--bleed={bleed}"]) == 64
    assert "--bleed takes millimetres from 0 to 10" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["0", "-3", "1.5", "x"])
def test_jobs_must_be_a_whole_number_from_1(jobs, capsys):
    assert main(["build", f"--jobs={jobs}"]) == 64
    assert "-j takes a whole number of processes" in capsys.readouterr().err


def test_only_names_each_format_once():
    from reportgen.cli import formats_arg

    assert formats_arg("pdf,PDF, pdf,xlsx") == ("pdf", "xlsx")


def test_version(capsys):
    from reportgen import __version__

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"reportgen {__version__}"


def test_init_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "mine.xlsx"
    path.write_bytes(b"edited by hand")
    assert main(["init", str(path)]) == 2
    assert "already exists" in capsys.readouterr().err and path.read_bytes() == b"edited by hand"
    assert main(["init", str(path), "--force"]) == 0
    assert path.read_bytes()[:2] == b"PK"


def test_init_adds_the_xlsx_suffix_and_refuses_a_folder(tmp_path, capsys):
    assert main(["init", str(tmp_path / "report")]) == 0
    assert (tmp_path / "report.xlsx").exists()
    (tmp_path / "folder.xlsx").mkdir()
    assert main(["init", str(tmp_path / "folder.xlsx")]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_quiet_prints_nothing_on_success(tmp_path, capsys):
    path = make_workbook(tmp_path / "wb.xlsx")
    assert main(["build", str(path), "-o", str(tmp_path / "out"), "--only", "xlsx", "-q"]) == 0
    assert capsys.readouterr().out == ""


def test_validate_json_gives_sheet_cell_message_severity(tmp_path, capsys):
    import json

    path = make_workbook(tmp_path / "wb.xlsx", content=[CONTENT[0], ("chart", None, "nosuch", None)])
    assert main(["validate", str(path), "--format", "json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    [d] = [d for d in report["diagnostics"] if "nosuch" in d["message"]]
    assert (d["sheet"], d["cell"], d["severity"]) == ("content", "C2", "error")


def test_validate_json_of_a_good_workbook_is_ok(tmp_path, capsys):
    import json

    assert main(["validate", str(make_workbook(tmp_path / "wb.xlsx")), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"ok": True, "diagnostics": []}


def test_colour_follows_the_flag_and_no_color(tmp_path, capsys, monkeypatch):
    path = make_workbook(tmp_path / "wb.xlsx", content=[CONTENT[0], ("chart", None, "nosuch", None)])
    assert main(["validate", str(path), "--color", "always"]) == 2
    assert "\033[31merror:\033[0m" in capsys.readouterr().err
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["validate", str(path)]) == 2  # auto: not a terminal here, and NO_COLOR
    assert "\033[" not in capsys.readouterr().err


def test_the_template_carries_the_contract_and_the_build_ignores_it(tmp_path, recwarn):
    """PR staff get the contract in the workbook they fill in, not a path into this repository."""
    from openpyxl import load_workbook

    path = tmp_path / "new.xlsx"
    assert main(["init", str(path)]) == 0
    book = load_workbook(path)
    assert "contract" in book.sheetnames and "contract" not in read_workbook(path).tables
    cells = {str(c.value) for row in book["contract"].iter_rows() for c in row if c.value is not None}
    assert {"theme.*", "pagebreak", "align.COLUMN", "legend", "attach"} <= cells
    assert not any("docs/workbook.md" in str(c.value) for row in book["instructions"].iter_rows() for c in row)
    root = Path(__file__).resolve().parents[1]
    check = subprocess.run([sys.executable, "scripts/contract.py", "--check"], cwd=root, capture_output=True,
                           text=True)
    assert check.returncode == 0, check.stderr


def test_validate_gives_the_print_warning_that_build_gives(tmp_path, capsys):
    """The image's print resolution is known from the theme's page before any layout."""
    from PIL import Image

    Image.new("RGB", (200, 100), "#1F3A5F").save(tmp_path / "logo.png")
    path = make_workbook(tmp_path / "wb.xlsx", content=[CONTENT[0], ("image", None, "logo.png", "粗い画像")])
    assert main(["validate", str(path)]) == 0
    validated = [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning:")]
    assert main(["build", str(path), "-o", str(tmp_path / "out"), "--only", "pdf"]) == 0
    built = [line for line in capsys.readouterr().err.splitlines() if line.startswith("warning:")]
    assert validated == built == [
        "warning: content!C2: image 'logo.png' prints at 28 dpi (print needs 300: supply at least 2126 pixels wide)"]
