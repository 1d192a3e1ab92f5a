"""README says what the project needs: the systems it runs on and what the test script
installs, in step with pyproject.toml and scripts/test.sh."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_names_the_systems_and_the_python_it_runs_on():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    python = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    section = readme.split("## Supported systems", 1)[1].split("\n## ", 1)[0]
    assert all(system in section for system in ("Linux", "macOS", "Windows"))
    assert f"Python {python.removeprefix('>=')} or newer" in section


def test_readme_lists_what_the_test_script_installs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    apt = script.split("apt-get install", 1)[1].split(">/dev/null", 1)[0]
    packages = [p for p in re.findall(r"[a-z][a-z0-9.+-]+", apt) if p not in ("y", "qq")]
    extras = re.search(r"-e '\.\[([a-z,]+)\]'", script)[1].split(",")
    assert packages and all(f"`{p}`" in readme for p in packages), packages
    assert all(f"`{e}`" in readme for e in extras), extras
    assert "minutes" in readme.split("bash scripts/test.sh", 1)[1].split("## ", 1)[0]
