"""Whole-corpus benchmark: throughput, start-up to first result, peak memory.

Runs ``resolint check --format json --jobs 1`` over a folder in a fresh process (so start-up is
counted, as a CI job would pay it) several times and reports the median, plus the time
from process start to the first file's result and the peak resident memory.

    python benchmarks/corpus_bench.py [FOLDER] [--runs N]

FOLDER defaults to ../shared/corpus. This is a benchmark, not a test: machine noise (other
processes on the 2 cores) moves the figures, so it reports every run and the median.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIRST_RESULT = r"""
import sys, time
t0 = time.perf_counter()
from resolint.engine import lint
text = open(sys.argv[1], encoding="utf-8").read()
lint(text)
print(time.perf_counter() - t0)
"""


def child_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    folder = Path(args.folder)
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md"))
    size = sum(p.stat().st_size for p in files)
    print(f"{len(files)} files, {size / 1e6:.2f} MB of text in {folder}")
    # As installed (pip compiles a wheel's modules): with PYTHONDONTWRITEBYTECODE=1 a
    # checkout would otherwise recompile every changed module at each start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "server"), str(ROOT / "rules")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    for i in range(args.runs):
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "resolint", "check", "--format", "json", "--exit-zero", "--jobs", "1", str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        dt = time.perf_counter() - t0
        if proc.returncode != 0:
            print(proc.stderr.decode(), file=sys.stderr)
            return 1
        times.append(dt)
        print(f"run {i + 1}: {dt:.2f} s, {size / 1e6 / dt:.2f} MB/s")
    peak = child_peak_rss_mb()
    med = statistics.median(times)
    # Start-up to first result: a fresh interpreter, import, lint one document.
    first = files[0]
    starts = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", FIRST_RESULT, str(first)], check=True, capture_output=True)
        starts.append(time.perf_counter() - t0)
    print(f"median: {med:.2f} s = {size / 1e6 / med:.2f} MB/s including start-up")
    print(f"start-up to first result (interpreter + import + one lint): median {statistics.median(starts):.2f} s")
    print(f"peak resident memory of a run: {peak:.0f} MB")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
