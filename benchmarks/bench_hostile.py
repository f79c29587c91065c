"""Benchmark: the hostile inputs of issue 18 through the CLI, with absolute figures.

    python benchmarks/bench_hostile.py [--sizes 10000 50000 100000] [--only NAME ...]

Builds each class of input of ``tests/robustness/test_robust_linear.py`` at each size,
runs ``resolint check`` on it in a fresh process under ``/usr/bin/time -v`` (and the
renumbering class with ``--diff --unsafe-fixes``), and prints wall time and peak memory.
The bar: any input of 100 KB or less lints in under 2 s of CPU beyond start-up. Not a test: the figures go in
the report; the growth tests are in tests/robustness.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

from test_robust_linear import CLASSES, _renumber  # noqa: E402

BAR_SECONDS = 2.0


def measure(args: list[str]) -> tuple[int, float, float, float]:
    proc = subprocess.run(["/usr/bin/time", "-v", *args], capture_output=True, timeout=1800)
    err = proc.stderr.decode("utf-8", "replace")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", err).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** (len(parts) - 1 - i) for i, p in enumerate(parts))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
    cpu = sum(float(re.search(rf"{k} time \(seconds\): (\S+)", err).group(1)) for k in ("User", "System"))
    status = re.search(r"Exit status: (\d+)", err)
    return (int(status.group(1)) if status else proc.returncode), seconds, cpu, rss


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[10_000, 50_000, 100_000])
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args()
    exe = [sys.executable, "-m", "resolint", "check", "--no-progress"]
    cases = dict(CLASSES)
    cases["renumbering references (--diff --unsafe-fixes)"] = _renumber
    over = 0
    print(f"{'class':55} {'bytes':>8} {'exit':>4} {'wall s':>7} {'cpu s':>7} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        # Start-up (imports, rule pack, data) is paid by every run: shown on its own, and
        # subtracted from the CPU time judged against the bar.
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("The General Assembly,\n\n1. Decides to act.\n", encoding="utf-8")
        _, wall0, cpu0, rss0 = measure(exe + [str(tiny)])
        print(f"{'(start-up: a three-line draft)':55} {tiny.stat().st_size:>8} {'':>4} {wall0:>7.2f} {cpu0:>7.2f} {rss0:>8.0f}", flush=True)
        for name, build in cases.items():
            if a.only and not any(o in name for o in a.only):
                continue
            for n in a.sizes:
                path = Path(tmp) / "draft.txt"
                path.write_text(build(n), encoding="utf-8")
                extra = ["--diff", "--unsafe-fixes"] if "--diff" in name else []
                code, secs, cpu, rss = measure(exe + extra + [str(path)])
                # Judged on CPU time less start-up: wall time on a shared machine counts
                # every other process too.
                flag = "  OVER THE BAR" if cpu - cpu0 > BAR_SECONDS and n <= 100_000 else ""
                over += bool(flag)
                print(f"{name[:55]:55} {path.stat().st_size:>8} {code:>4} {secs:>7.2f} {cpu:>7.2f} {rss:>8.0f}{flag}", flush=True)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
