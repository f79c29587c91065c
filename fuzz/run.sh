#!/usr/bin/env bash
# A bounded run of the resolint fuzzer, for CI (default 60 s) or long local runs.
#
#   fuzz/run.sh [SECONDS] [extra libFuzzer flags...]
#
# The seed corpus is built at run time in fuzz/.work/corpus (ignored by git) from the
# drafts in fixtures/, the invented drafts in fuzz/seeds/, hostile runs of near-matches
# (tests/robustness/test_robust_linear.py) and, when present, the real
# resolutions in ../shared/corpus (cut to the fuzzer's maximum input length). Inputs the
# fuzzer finds interesting are kept there between local runs. A crash leaves
# fuzz/.work/crash-* and makes this script exit non-zero; keep the input as a regression
# test in tests/robustness/regressions/ once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
shift || true
PY="${PYTHON:-.venv/bin/python}"
WORK="${FUZZ_WORK:-fuzz/.work}"
MAX_LEN="${FUZZ_MAX_LEN:-4096}"
# Real resolutions used as seeds: a sample keeps the first pass over the seeds short in
# CI (each seed is linted and fixed a dozen times); FUZZ_SEEDS=all for long runs.
SEEDS="${FUZZ_SEEDS:-60}"
# libFuzzer's random seed: FUZZ_SEED=N repeats a run's inputs (CI pins one, so that a run
# that passed here passes there and a failure there reproduces here); unset, a new seed
# each run, which is what long local runs are for.
SEED_FLAG=()
if [[ -n "${FUZZ_SEED:-}" ]]; then SEED_FLAG=(-seed="$FUZZ_SEED"); fi
mkdir -p "$WORK/corpus"

"$PY" - "$WORK/corpus" "$MAX_LEN" "$SEEDS" <<'PYEOF'
import hashlib, sys
from pathlib import Path
out, max_len, seeds = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
sources = sorted(Path("fixtures").glob("*")) + sorted(Path("fuzz/seeds").glob("*"))
corpus = Path("..") / "shared" / "corpus"
if corpus.is_dir():
    real = sorted(corpus.glob("*.txt")) + sorted(corpus.glob("*.md"))
    if seeds != "all":  # a fixed, varied sample: ordered by a hash of the name
        real = sorted(real, key=lambda p: hashlib.sha1(p.name.encode()).hexdigest())[: int(seeds)]
    sources += real
n = 0
for src in sources:
    if not src.is_file():
        continue
    data = src.read_bytes()[:max_len]
    (out / ("seed-" + hashlib.sha1(data).hexdigest())).write_bytes(data)
    n += 1
# Hostile seeds: the classes of input that were super-linear (issue 18), cut to the
# fuzzer's length, so that mutation starts from long runs of near-matches.
try:
    sys.path.insert(0, "tests/robustness")
    from test_robust_linear import CLASSES
    for name, build in CLASSES.items():
        data = build(max_len).encode("utf-8")[:max_len]
        (out / ("hostile-" + hashlib.sha1(data).hexdigest())).write_bytes(data)
        n += 1
except ImportError as exc:  # the test extras are not installed: fuzz without them
    print(f"fuzz: no hostile seeds ({exc})", file=sys.stderr)
print(f"fuzz: {n} seed inputs in {out} (real corpus {'used' if corpus.is_dir() else 'absent'})", file=sys.stderr)
PYEOF

exec "$PY" fuzz/fuzz_resolint.py "$WORK/corpus" \
    -max_total_time="$SECONDS_TO_RUN" -max_len="$MAX_LEN" -timeout=30 -rss_limit_mb=2048 \
    -artifact_prefix="$WORK/" -print_final_stats=1 "${SEED_FLAG[@]}" "$@"
