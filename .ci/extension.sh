#!/usr/bin/env bash
# The VS Code extension, from a new machine to a green end-to-end test:
# system packages, scripts/build.sh (wheel, sdist, and the .vsix < 1.1 MB that carries the
# wheel), type check, unit tests, code-server, and the end-to-end test in code-server +
# Debian's Chromium, in which the extension's private environment installs resolint from
# the .vsix's own wheel with no package index at all (its dependencies from a local
# wheelhouse).
#
#   RESOLINT_PYTHON=/path/to/venv/bin/python bash .ci/extension.sh
#
# RESOLINT_PYTHON is a Python with resolint installed (.ci/run makes one with
# `pip install -e .`). Without it, this script makes its own venv in
# vscode-extension/.e2e/venv from this checkout.
# Everything downloaded stays in vscode-extension/node_modules and vscode-extension/.e2e
# (both ignored by git), plus ripgrep's download cache seed in the temp folder.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3     # VS Code 1.100.3; runs on Node 20
VSIX_LIMIT=1250000              # bytes (1,010,525 at 519496e, wheel 869 KB; 1,129,630 at 54ccd93, wheel 990 KB: code only)

root=$(cd "$(dirname "$0")/.." && pwd)
ext="$root/vscode-extension"
tools="$ext/.e2e/tools"
start=$(date +%s)
step() { echo "== extension: $* ($(( $(date +%s) - start ))s)"; }

step "system packages"
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ -z "${RESOLINT_PYTHON:-}" ]; then
  step "no RESOLINT_PYTHON: making a venv with resolint from this checkout"
  python3 -m venv "$ext/.e2e/venv"
  "$ext/.e2e/venv/bin/pip" install -q --disable-pip-version-check -e "$root"
  RESOLINT_PYTHON="$ext/.e2e/venv/bin/python"
fi
"$RESOLINT_PYTHON" -c "import resolint" || { echo "RESOLINT_PYTHON=$RESOLINT_PYTHON cannot import resolint" >&2; exit 1; }

# code-server installs in the background (about a minute) while the extension builds.
install_code_server() {
  if [ "$(node -p "try{require('$tools/node_modules/code-server/package.json').version}catch{''}")" = "$CODE_SERVER_VERSION" ]; then
    return 0
  fi
  # code-server's postinstall fetches ripgrep from the internet: seed the cache it checks first.
  local rgc seed
  rgc="$(node -p "require('os').tmpdir()")/vscode-ripgrep-cache-1.15.11"
  seed=$(mktemp -d)
  mkdir -p "$rgc"
  cp "$(command -v rg)" "$seed/rg"
  tar czf "$rgc/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$seed" rg
  rm -rf "$seed" "$tools"
  mkdir -p "$tools"
  echo '{"name": "resolint-e2e-tools", "private": true}' > "$tools/package.json"
  # code-server's postinstall refuses to run as root unless npm_config_unsafe_perm is set.
  cd "$tools" && npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
}
step "code-server $CODE_SERVER_VERSION (in the background)"
mkdir -p "$ext/.e2e"
export -f install_code_server
export tools CODE_SERVER_VERSION
# In its own process group, so a failure here can stop the whole npm tree.
setsid bash -c install_code_server > "$ext/.e2e/code-server-install.log" 2>&1 &
cs_install=$!
trap 'kill -- -$cs_install 2>/dev/null || true' EXIT

step "scripts/build.sh: wheel, sdist, .vsix (npm ci, vsce package)"
bash "$root/scripts/build.sh" > "$ext/.e2e/build.log" 2>&1 || { cat "$ext/.e2e/build.log" >&2; exit 1; }
wheel=$(ls "$root"/dist/resolint-*-py3-none-any.whl)
vsix=$(ls "$root"/dist/resolint-*.vsix)
python3 -c 'import sys, zipfile; sys.exit(f"extension/bundled/{sys.argv[2]}" not in zipfile.ZipFile(sys.argv[1]).namelist())' \
  "$vsix" "$(basename "$wheel")" || { echo "$vsix does not carry $(basename "$wheel")" >&2; exit 1; }

cd "$ext"
step "type check"
npx tsc --noEmit

size=$(stat -c %s "$vsix")
echo "$vsix: $size bytes"
if [ "$size" -ge "$VSIX_LIMIT" ]; then
  echo "the .vsix is $size bytes, over the limit of $VSIX_LIMIT" >&2
  exit 1
fi

step "a wheelhouse of resolint's dependencies (not resolint), for pip with no index"
rm -rf "$ext/.e2e/wheelhouse"
"$RESOLINT_PYTHON" -m pip download --quiet --disable-pip-version-check --only-binary=:all: --dest "$ext/.e2e/wheelhouse" "$wheel"
rm -f "$ext/.e2e/wheelhouse"/resolint-*.whl

step "unit tests"
node esbuild.mjs --tests
node --test out/test/

step "waiting for code-server"
if ! wait $cs_install; then
  cat "$ext/.e2e/code-server-install.log" >&2
  echo "installing code-server failed" >&2
  exit 1
fi
trap - EXIT

step "end-to-end test in code-server + Chromium"
RESOLINT_PYTHON="$RESOLINT_PYTHON" CODE_SERVER="$tools/node_modules/.bin/code-server" VSIX="$vsix" \
  E2E_WHEELHOUSE="$ext/.e2e/wheelhouse" node e2e/run.mjs

step "done"
