"""Benchmark: the pathological inputs at full scale through the CLI, timed and measured.

    python tests/robustness/bench_pathological.py [--scale 1.0] [--only NAME ...]

Each input is written to a temporary folder and checked twice with ``/usr/bin/time -v``:
``resolint check FILE`` and ``resolint check --fix FILE`` (on a copy). Prints one row
per run: exit status, wall time, peak resident memory, and whether standard error held
a traceback. Not a test (no pass/fail): the figures go in the report.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from pathological import BUILDERS  # noqa: E402


def measure(args: list[str], cwd: Path) -> tuple[int, float, float, bool, str]:
    proc = subprocess.run(["/usr/bin/time", "-v", *args], capture_output=True, cwd=cwd, timeout=1800)
    err = proc.stderr.decode("utf-8", "replace")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", err).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** (len(parts) - 1 - i) for i, p in enumerate(parts))
    rss_mb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
    status = re.search(r"Exit status: (\d+)", err)
    code = int(status.group(1)) if status else proc.returncode
    first = next((ln for ln in err.splitlines() if ln.startswith("resolint:") or "error" in ln.lower()), "")
    return code, seconds, rss_mb, "Traceback" in err, first[:100]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--extra", nargs="*", default=[], help="extra resolint check options, e.g. --max-file-size 0")
    a = ap.parse_args()
    exe = [sys.executable, "-m", "resolint", "check", "--no-progress", *a.extra]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'input':26} {'bytes':>11} {'mode':5} {'exit':>4} {'seconds':>8} {'peak MB':>8} traceback")
        for name, build in BUILDERS.items():
            if a.only and name not in a.only:
                continue
            path = folder / f"{name}.txt"
            path.write_bytes(build(a.scale))
            size = path.stat().st_size
            for mode in ("check", "fix"):
                target = path
                args = exe + [str(target)]
                if mode == "fix":
                    target = folder / f"{name}.fix.txt"
                    shutil.copy(path, target)
                    args = exe + ["--fix", str(target)]
                code, secs, rss, tb, _ = measure(args, folder)
                print(f"{name:26} {size:>11} {mode:5} {code:>4} {secs:>8.2f} {rss:>8.0f} {'YES' if tb else 'no'}", flush=True)


if __name__ == "__main__":
    main()
