#!/usr/bin/env bash
# The documentation site: generated pages up to date, `mkdocs build --strict`, then the
# built site read in headless Chromium (Debian's) as a reader would see it: a rule page's
# rendered DOM is checked and a screenshot saved as an artifact.
#
#   bash .ci/docs.sh        (after .ci/run made .venv; installs mkdocs-material itself)
#
# Artifacts: $DOCS_ARTIFACTS (default .ci/artifacts): docs-rule-page.png, docs-rule-page.html.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
art="${DOCS_ARTIFACTS:-$root/.ci/artifacts}"
venv="$root/.ci/docs-venv"
start=$(date +%s)
step() { echo "== docs: $* ($(( $(date +%s) - start ))s)"; }

step "generated pages match the rules and the configuration schema"
.venv/bin/python -m resolint.docs --check

step "mkdocs-material"
[ -x "$venv/bin/mkdocs" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check "mkdocs-material>=9.5,<10"; }

step "mkdocs build --strict"
rm -rf site
mkdir -p "$art"
if ! NO_MKDOCS_2_WARNING=1 "$venv/bin/mkdocs" build --strict --site-dir site > "$art/mkdocs.log" 2>&1; then
  cat "$art/mkdocs.log" >&2
  echo "mkdocs build --strict failed" >&2
  exit 1
fi
# One check per line: set -e does not stop at a failure before the last command of an && list.
test -f site/rules/PRE003.html
test -f site/index.html

step "headless Chromium"
command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
mkdir -p "$art"
page="file://$root/site/rules/PRE003.html"
flags=(--headless --no-sandbox --disable-gpu --disable-quic --disable-background-networking --disable-component-update
       --disable-sync --no-first-run --disable-dev-shm-usage --hide-scrollbars)
timeout 60 chromium "${flags[@]}" --dump-dom "$page" > "$art/docs-rule-page.html" 2>/dev/null
timeout 60 chromium "${flags[@]}" --window-size=1280,900 --screenshot="$art/docs-rule-page.png" "$page" >/dev/null 2>&1
python3 - "$art/docs-rule-page.html" "$art/docs-rule-page.png" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
checks = {
    "the rule's title": 'id="pre003-preambular-opener-case"' in dom,
    "Material's header and navigation": 'class="md-header' in dom and 'class="md-nav' in dom,
    "the Example draft as a code block": re.search(r"<code[^>]*>.*RECALLING its resolution", dom, re.S) is not None,
    "a public source in References": "www.un.org/dgacm" in dom,
    "the rule list in the navigation": "All rules" in dom,
}
png = open(sys.argv[2], "rb").read()
checks["a screenshot (PNG, not blank)"] = png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
for what, ok in checks.items():
    print(f"{'ok  ' if ok else 'FAIL'} {what}")
sys.exit(0 if all(checks.values()) else 1)
PY
step "done: $art/docs-rule-page.png"
