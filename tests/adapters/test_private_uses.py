"""Private parts of the libraries (openpyxl, python-docx, reportlab, lxml) are used in
reportgen.adapters only (issue 22): everywhere else a `._name` on an object that is not
our own `self`/`cls`, an import of a `_name` or from a `_module`, or a getattr/setattr
of a "_name" is a finding."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "reportgen"
ADAPTERS = SRC / "adapters"
ALLOWED = {  # not library internals: public names that start with an underscore
    "etree._Element": "lxml's element class under its documented name, in type hints",
    "os._exit": "the documented way to leave a forked child",
    "pool._processes": "multiprocessing (stdlib): the only handle on a pool's workers (batch.py)",
    "argparse._SubParsersAction": "argparse (stdlib): the type add_subparsers returns, for a hint",
    "os._Environ": "os (stdlib): the type of os.environ, for a hint",
}


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _findings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level \
                and not node.module.startswith("reportgen"):
            if any(_private(part) for part in node.module.split(".")):
                found.append(f"from {node.module} import")
            found += [f"from {node.module} import {a.name}" for a in node.names
                      if _private(a.name)]
        elif isinstance(node, ast.Import):
            found += [f"import {a.name}" for a in node.names if any(_private(p) for p in a.name.split("."))]
        elif isinstance(node, ast.Attribute) and _private(node.attr):
            owner = ast.unparse(node.value)
            if owner not in ("self", "cls") and f"{owner}.{node.attr}" not in ALLOWED:
                found.append(f"{owner}.{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in ("getattr", "setattr", "hasattr") and len(node.args) > 1 \
                and isinstance(node.args[1], ast.Constant) and _private(str(node.args[1].value)):
            found.append(f"{node.func.id}(..., {node.args[1].value!r})")
    return [f"{path.relative_to(SRC)}:{node}" for node in found]


def test_library_internals_are_used_in_adapter_modules_only():
    outside = [f for path in sorted(SRC.rglob("*.py")) if ADAPTERS not in path.parents for f in _findings(path)]
    assert not outside, ("private API used outside reportgen/adapters (move it behind a named function "
                         "of the library's adapter, with a contract test):\n" + "\n".join(outside))


def test_each_adapter_module_has_a_contract_test():
    tests = Path(__file__).parent
    for module in ADAPTERS.glob("*.py"):
        if module.name != "__init__.py":
            assert (tests / f"test_{module.stem}_contract.py").is_file(), f"no contract test for adapters/{module.name}"
