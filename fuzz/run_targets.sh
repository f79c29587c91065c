#!/usr/bin/env bash
# Bounded runs of the input fuzzers beside the text one: LSP framing bytes and Word XML parts.
#
#   fuzz/run_targets.sh [SECONDS_EACH]      (default 30)
#
# Seeds are generated at run time in $FUZZ_WORK/{framing,docx} (ignored by git): framed
# messages with the usual faults, and the XML parts of a small generated .docx. A crash
# leaves $FUZZ_WORK/crash-* and makes this script exit non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-30}"
PY="${PYTHON:-.venv/bin/python}"
WORK="${FUZZ_WORK:-fuzz/.work}"
mkdir -p "$WORK/framing" "$WORK/docx"
# FUZZ_SEED=N repeats a run (see fuzz/run.sh); unset, a new random seed each run.
SEED_FLAG=()
if [[ -n "${FUZZ_SEED:-}" ]]; then SEED_FLAG=(-seed="$FUZZ_SEED"); fi

"$PY" - "$WORK" <<'PYEOF'
import io, json, sys, zipfile
from pathlib import Path
work = Path(sys.argv[1])
body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}}).encode()
frames = {
    "good": b"Content-Length: %d\r\n\r\n" % len(body) + body,
    "short": b"Content-Length: %d\r\n\r\n" % (len(body) - 1) + body,
    "long": b"Content-Length: %d\r\n\r\n" % (len(body) + 1) + body,
    "lf": b"Content-Length: %d\n\n" % len(body) + body,
    "missing": b"Content-Type: application/vscode-jsonrpc\r\n\r\n" + body,
    "negative": b"Content-Length: -5\r\n\r\n" + body,
    "huge": b"Content-Length: 1000000000000\r\n\r\n" + body,
}
for name, data in frames.items():
    (work / "framing" / f"seed-{name}").write_bytes(b"\x07\x03\x05\x01\x02\x09\x04\x08" + data * 2)
sys.path.insert(0, "fuzz"); sys.path.insert(0, "tests/docx")
import fuzz_docx_parts as f
z = zipfile.ZipFile(io.BytesIO(f.template()))
(work / "docx" / "seed-document").write_bytes(b"\x00" + z.read("word/document.xml"))
(work / "docx" / "seed-numbering").write_bytes(b"\x01" + z.read("word/numbering.xml"))
PYEOF

"$PY" fuzz/fuzz_lsp_framing.py "$WORK/framing" -max_total_time="$SECONDS_EACH" -max_len=4096 \
    -timeout=30 -rss_limit_mb=1024 -artifact_prefix="$WORK/" -print_final_stats=1 "${SEED_FLAG[@]}"
"$PY" fuzz/fuzz_docx_parts.py "$WORK/docx" -max_total_time="$SECONDS_EACH" -max_len=16384 \
    -timeout=30 -rss_limit_mb=1024 -artifact_prefix="$WORK/" -print_final_stats=1 "${SEED_FLAG[@]}"
