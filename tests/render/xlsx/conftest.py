"""The XLSX appendix tests import tests/ helpers (factories, libreoffice) and their own
(xlsx_richdoc) by module name, like the other renderer test folders."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]
