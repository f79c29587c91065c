#!/usr/bin/env bash
# Real-client check of the language server: Neovim (Debian's package) drives it headless.
# Run after the main test stage (it reuses .venv). tests/nvim skips when nvim is absent,
# so this script installs it first.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nvim >/dev/null || { apt-get update -qq && apt-get install -y -qq neovim; }
.venv/bin/python -m pytest -q tests/nvim
