#!/usr/bin/env bash
# Word documents, checked by a real Word-compatible application: install LibreOffice
# Writer (headless, no GUI), python3-uno (LibreOffice's Python bridge, for the system
# /usr/bin/python3: the tests drive "Accept All" / "Reject All" through it) and
# poppler-utils, then run the LibreOffice tests (which skip themselves where any is
# missing, so here all must be present). Run after .ci/run has made .venv.
# The install takes about 20 s on this machine (LibreOffice Writer: 51 packages, 264 MB;
# python3-uno adds a few MB); the tests about 1 minute on an idle machine (5 minutes with
# eight jobs sharing its 2 cores). A rendered page of a reviewed document is left in
# build/test-artifacts/ (or $RESOLINT_ARTIFACTS).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null || ! /usr/bin/python3 -c "import uno" 2>/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui python3-uno poppler-utils >/dev/null
fi
# One check per line: set -e does not stop at a failure before the last command of an && list.
command -v soffice >/dev/null
command -v pdftotext >/dev/null
command -v pdftoppm >/dev/null
/usr/bin/python3 -c "import uno"
.venv/bin/python -m pytest -q -rs tests/docx/test_docx_libreoffice.py tests/docx/test_docx_track_libreoffice.py
