#!/usr/bin/env bash
# Builds everything this repository ships, from a fresh clone, into dist/:
#
#   dist/resolint-VERSION-py3-none-any.whl   the wheel (with the rule pages of the docs)
#   dist/resolint-VERSION.tar.gz             the source distribution
#   dist/resolint-VERSION.vsix               the VS Code extension, carrying that wheel
#
# Needs Python 3.11+ and Node.js 20 with npm. The Python build runs in its own venv
# (BUILD_VENV, default .build-venv) with `build`; the wheel is built from the sdist, which
# proves the sdist complete. The extension is `npm ci` + `vsce package`, whose
# vscode:prepublish step bundles the extension and copies in this wheel (RESOLINT_WHEEL).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/dist"
venv="${BUILD_VENV:-$root/.build-venv}"
start=$(date +%s)
step() { echo "== build: $* ($(( $(date +%s) - start ))s)"; }

step "python build tools"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check build

step "sdist and wheel"
rm -rf "$out"
"$venv/bin/python" -m build --outdir "$out" "$root" >"$root/.build.log" 2>&1 || { cat "$root/.build.log" >&2; exit 1; }
wheel=$(ls "$out"/resolint-*-py3-none-any.whl)
sdist=$(ls "$out"/resolint-*.tar.gz)
version=$(basename "$wheel" | cut -d- -f2)
# The wheel must carry the documentation's rule pages: rule links default to them.
"$venv/bin/python" - "$wheel" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
pages = [n for n in names if n.startswith("resolint/_docs/rules/") and n.endswith(".md")]
assert "resolint/_docs/rules/PRE003.md" in pages, "the wheel lacks the rule pages (docs/rules)"
print(f"{sys.argv[1]}: {len(names)} files, {len(pages)} documentation pages")
PY

step "VS Code extension"
cd "$root/vscode-extension"
npm ci --no-audit --no-fund --loglevel=error
RESOLINT_WHEEL="$wheel" npx vsce package --out "$out/resolint-$version.vsix"

step "done"
ls -l "$wheel" "$sdist" "$out/resolint-$version.vsix"
