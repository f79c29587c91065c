#!/usr/bin/env bash
# Python linting: `ruff check` with the rule set of [tool.ruff] in pyproject.toml
# (pyflakes, pycodestyle, isort, bugbear, pyupgrade, simplify, complexity <= 20), then
# mypy on the engine's public types ([tool.mypy] in pyproject.toml: engine, model, rule,
# source, settings, facts, registry, codes and a few clean engine modules). The
# import-loop check of server/resolint and the "# lazy:" rule for function-level imports
# are tests (tests/test_import_graph.py). Installs ruff and mypy itself into its own venv.
#
#   bash .ci/lint.sh        (about 55 s with the install, 6 s after; ruff and mypy pinned
#   to a minor: a new release can add checks)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
venv="$root/.ci/lint-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
[ -x "$venv/bin/ruff" ] && [ -x "$venv/bin/mypy" ] \
  || "$venv/bin/pip" install -q --disable-pip-version-check "ruff>=0.17,<0.18" "mypy>=2.4,<2.5"
"$venv/bin/ruff" --version
"$venv/bin/ruff" check .
"$venv/bin/mypy" --version
"$venv/bin/mypy"
