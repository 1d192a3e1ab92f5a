"""Ship the workbook contract inside the template: docs/workbook.md's tables, as data
the template's `contract` sheet is written from (src/reportgen/contract.json).

    python scripts/contract.py          docs/workbook.md → src/reportgen/contract.json
    python scripts/contract.py --check  exit 1 when the JSON is out of step (used by the tests)

The JSON is generated, not edited: PR staff get the contract with the workbook they fill
in, not a link into this repository (an installed reportgen has no docs/ folder).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "workbook.md"
OUT = ROOT / "src" / "reportgen" / "contract.json"


def _cells(line: str) -> list[str]:
    """A markdown table row's cells, code marks and escaped pipes undone."""
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [re.sub(r"`([^`]*)`", r"\1", c.strip().replace("\\|", "|")).replace("**", "") for c in cells]


def tables(markdown: str) -> list[dict[str, object]]:
    """Every table of the document, under the heading it stands in."""
    found: list[dict[str, object]] = []
    heading, rows = "", []
    for line in markdown.splitlines() + [""]:
        if line.startswith("|"):
            if not re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", line.strip()):  # not the |---| rule
                rows.append(_cells(line))
            continue
        if rows:
            found.append({"heading": heading, "header": rows[0], "rows": rows[1:]})
            rows = []
        if line.startswith("#"):
            heading = re.sub(r"`([^`]*)`", r"\1", line.lstrip("#").strip())
    return found


def generated() -> str:
    return json.dumps(tables(DOC.read_text(encoding="utf-8")), ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    text = generated()
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is out of step with {DOC.relative_to(ROOT)}: "
                  "run python scripts/contract.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
