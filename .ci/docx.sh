#!/usr/bin/env bash
# Word documents, checked by a real Word-compatible application: install LibreOffice
# Writer (headless, no GUI) and poppler-utils, then run the LibreOffice tests (which skip
# themselves where soffice is missing, so here it must be present). Run after .ci/run
# has made .venv. The install takes about 20 s on this machine (51 packages, 264 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils >/dev/null
fi
command -v soffice >/dev/null && command -v pdftotext >/dev/null
.venv/bin/python -m pytest -q -rs tests/docx/test_docx_libreoffice.py
