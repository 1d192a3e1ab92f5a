"""Library internals, one module per library (issue 22).

reportgen leans on a few private parts of openpyxl, python-docx and reportlab where
their public API has no equivalent (speed, reproducible bytes). Those uses live here
only, behind named functions, each module pinned by a contract test in tests/adapters/
that fails with a clear message when an upgrade changes them; pyproject.toml bounds each
library to the versions tested. A scan (tests/adapters/test_private_uses.py) keeps them here.
"""
