#!/usr/bin/env bash
# SARIF accepted by GitHub code scanning: resolint's --format sarif output (over drafts whose
# names need percent-encoding, with fixes, a Word document and an undecodable file) validated
# against the SARIF 2.1.0 schema and by Microsoft's SARIF multitool with its GitHub rules.
# Zero results of level "error" is the bar (what code scanning rejects).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${RESOLINT_PYTHON:-$PWD/.venv/bin/python}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && timeout 300 npm pack --silent @microsoft/sarif-multitool-linux@5.7.0 >/dev/null \
  && tar xzf microsoft-sarif-multitool-linux-*.tgz && chmod +x package/Sarif.Multitool)
(mkdir -p "$work/schema" && cd "$work/schema" && timeout 120 npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null \
  && tar xzf ./*.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json)

src="$work/src"
mkdir -p "$src/drafts in #2"
cp fixtures/sample-draft.txt "$src/drafts in #2/sample draft #1.txt"
cp fixtures/rules/OPR002-*.txt "$src/drafts in #2/" 2>/dev/null || true
printf 'The General Assembly,\n\n1. Decides \xff to act.\n' > "$src/undecodable.res.txt"
"$PY" - "$src/drafts in #2/word draft.docx" <<'PYEOF'
import sys
import docx  # python-docx, a dependency of resolint
d = docx.Document()
for text in ("The General Assembly", "Recalls its resolution 74/1 of 1 October 2019;", "1. Decides to act;"):
    d.add_paragraph(text)
d.save(sys.argv[1])
PYEOF
(cd "$src" && "$PY" -m resolint check --format sarif --exit-zero . > "$work/out.sarif") || true

"$PY" - "$work/out.sarif" "$work/schema/package/lib/schemas/sarif-2.1.0-rtm.5.json" <<'PYEOF'
import json, sys
import jsonschema
doc = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.validate(doc, json.load(open(sys.argv[2], encoding="utf-8")))
print(f"sarif: schema 2.1.0 valid ({len(doc['runs'][0]['results'])} results)")
PYEOF

DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$work/package/Sarif.Multitool" validate "$work/out.sarif" \
  --output "$work/validation.sarif" --log ForceOverwrite --rule-kind "Sarif;Gh" >/dev/null
"$PY" - "$work/validation.sarif" <<'PYEOF'
import json, sys
from collections import Counter
results = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]["results"]
errors = [r for r in results if r.get("level") == "error"]
print("sarif: multitool (Sarif;Gh):", dict(Counter((r.get("level"), r["ruleId"]) for r in results)) or "no results")
for r in errors[:20]:
    print("  ", r["ruleId"], r["message"].get("text") or r["message"].get("arguments"))
sys.exit(1 if errors else 0)
PYEOF
