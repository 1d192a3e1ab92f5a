"""The composition tests (issue 16) import their helpers (composekit) by name."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
