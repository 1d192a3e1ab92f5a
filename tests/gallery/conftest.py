"""The gallery built once per session (PDF, DOCX, appendix and the DOCX's LibreOffice
rendering in `Built.folder`), for every test module here."""

from __future__ import annotations

import pytest

import gallerybuild as gb


@pytest.fixture(scope="session")
def gallery(tmp_path_factory) -> dict[str, gb.Built]:
    return gb.build_gallery(tmp_path_factory.mktemp("gallery"))
