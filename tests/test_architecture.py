"""The pipeline's arrows run one way: an import scan of src/reportgen (every `import`,
including those inside functions, where a cycle likes to hide)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "reportgen"

# (importing package, imported module prefix): arrows that must not exist.
FORBIDDEN = [
    ("ja", "reportgen.workbook"),
    ("model", "reportgen.workbook"),
    ("ja", "reportgen.render"),
    ("model", "reportgen.render"),
    ("charts", "reportgen.workers"),
    ("charts", "reportgen.render"),
    ("workbook", "reportgen.render"),
    ("workbook", "reportgen.charts"),
    ("render/docx", "reportlab"),
    ("render/docx", "reportgen.render.pdf"),
    ("render/docx", "reportgen.render.xlsx"),
    ("render/pdf", "reportgen.render.docx"),
    ("render/pdf", "reportgen.render.xlsx"),
    ("render/xlsx", "reportgen.render.pdf"),
    ("render/xlsx", "reportgen.render.docx"),
]


def imports(path: Path) -> set[str]:
    """Every module name `path` imports, at any depth of its code."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize(("package", "target"), FORBIDDEN, ids=[f"{p}->{t}" for p, t in FORBIDDEN])
def test_no_arrow_runs_the_wrong_way(package: str, target: str) -> None:
    offenders = [
        f"{path.relative_to(SRC)} imports {name}"
        for path in sorted((SRC / package).rglob("*.py"))
        for name in sorted(imports(path))
        if name == target or name.startswith(target + ".")
    ]
    assert not offenders, "\n".join(offenders)


def test_the_scan_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from reportgen.workbook import numfmt\n", encoding="utf-8")
    assert "reportgen.workbook" in imports(module)
