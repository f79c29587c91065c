#!/usr/bin/env bash
# Python linting: `ruff check` with the rule set of [tool.ruff] in pyproject.toml
# (pyflakes, pycodestyle, isort, bugbear, pyupgrade, simplify, complexity <= 20). The
# import-loop check of server/resolint is a test (tests/test_import_graph.py). Installs ruff
# itself into its own venv.
#
#   bash .ci/lint.sh        (about 25 s with the install, 1 s after; ruff pinned to a minor:
#   a new ruff can add checks to the selected families)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
venv="$root/.ci/lint-venv"
[ -x "$venv/bin/ruff" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check "ruff>=0.17,<0.18"; }
"$venv/bin/ruff" --version
"$venv/bin/ruff" check .
