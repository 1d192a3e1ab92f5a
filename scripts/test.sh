#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh Debian machine, then run it.
# System tools: poppler-utils (PDF checks), LibreOffice (DOCX/XLSX round trips), mu
# (maildir-utils: a mail client's parser reads the .eml that `reportgen mail` writes) and
# redis-server (the broker of the cluster tests, started by the tests on a loopback port).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v pdftoppm >/dev/null || ! command -v soffice >/dev/null \
   || ! command -v mu >/dev/null || ! command -v redis-server >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui maildir-utils \
    redis-server >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test,bench,cluster]'
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
# Windows and macOS start worker processes with spawn, not fork: the whole suite again
# under spawn proves that every path works there too.
REPORTGEN_START_METHOD=spawn .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
