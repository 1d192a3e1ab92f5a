#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh Debian machine, then run it.
# System tools: poppler-utils (PDF checks) and LibreOffice (DOCX/XLSX round trips).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pdftoppm >/dev/null || ! command -v soffice >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,bench]'
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
