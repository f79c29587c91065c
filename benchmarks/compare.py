"""resolint side by side with proselint and textlint + write-good, in one run, as ratios.

This machine's speed moves by 2x within a day, so an absolute MB/s means little on its
own: every tool is timed in the same run, interleaved (resolint, proselint, textlint,
resolint, ...), and the figures that matter are the ratios. The peers are installed by
this script into a throwaway folder (pip and npm from the package registries); a peer
that cannot be installed is skipped with a message, and resolint's own figures are still
reported.

    python benchmarks/compare.py [--corpus DIR] [--runs 3] [--no-peers] [--big]

Figures (each the median of --runs whole-process runs):
  - the corpus in one process (MB/s including start-up) and the same with --jobs 2;
  - a 6 KB draft, whole process; the same draft with a verb to fix, whole process;
  - proselint 0.16 and textlint 15 + write-good on the same files, and resolint's speed-up;
  - with --big: --jobs 1 vs --jobs 2 on 20 MB, and peak RSS for 50 MB in 3,000 files.
The language server's figures come from benchmarks/lsp_bench.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROSELINT = "proselint==0.16.0"
TEXTLINT = ["textlint@15.8.0", "textlint-rule-write-good", "textlint-rule-no-todo"]


def timed(cmd: list[str]) -> float:
    """Wall time of a whole process."""
    return timed_cpu(cmd)[0]


def timed_cpu(cmd: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, with its child processes) of a whole process.

    On a shared machine the wall time follows the others' load; the CPU time does not, and
    says what parallel workers cost in total."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


#: Runs a command and prints its peak resident memory: RUSAGE_CHILDREN of a fresh parent
#: holds that command's figure alone (ours holds the largest of every tool run so far).
_PEAK = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"


def peak_rss_mb(cmd: list[str]) -> float:
    out = subprocess.run([sys.executable, "-c", _PEAK, *cmd], capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024


def resolint_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "resolint", "check", "--format", "json", "--exit-zero", *args]


def install_proselint(work: Path) -> list[str] | None:
    venv = work / "proselint-venv"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=120)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", PROSELINT], check=True, capture_output=True, timeout=300)
    except (subprocess.SubprocessError, OSError) as exc:
        print(f"proselint skipped: could not install {PROSELINT} ({exc.__class__.__name__})")
        return None
    return [str(venv / "bin" / "proselint"), "check", "-o", "json"]


def install_textlint(work: Path) -> list[str] | None:
    folder = work / "textlint"
    folder.mkdir()
    if not shutil.which("npm"):
        print("textlint skipped: no npm")
        return None
    try:
        subprocess.run(["npm", "init", "-y"], cwd=folder, check=True, capture_output=True, timeout=60)
        subprocess.run(["npm", "install", "--silent", *TEXTLINT], cwd=folder, check=True, capture_output=True, timeout=600)
    except (subprocess.SubprocessError, OSError) as exc:
        print(f"textlint skipped: could not install it from the npm registry ({exc.__class__.__name__})")
        return None
    (folder / ".textlintrc.json").write_text('{"rules": {"write-good": true, "no-todo": true}}', encoding="utf-8")
    return [str(folder / "node_modules" / ".bin" / "textlint"), "--config", str(folder / ".textlintrc.json"), "--format", "json"]


def sample_draft(verb_fix: bool) -> str:
    """An invented draft of about 6 KB; with ``verb_fix`` its openers need inflecting."""
    lines = ["Draft resolution A/81/L.7", "", "Strengthening cooperation", "", "The General Assembly,", ""]
    for i in range(18):
        lines += [f"Recalling its resolution 7{i % 9}/1{i} of 1{i % 9} October 2019 on international cooperation in criminal matters,", ""]
    for i in range(37):
        lines += [f"{i + 1}. Requests the Secretary-General to report on the implementation of paragraph {i + 1} of the present resolution;", ""]
    lines += ["38. Decides to remain seized of the matter.", ""]
    text = "\n".join(lines)
    if verb_fix:
        text = text.replace("Recalling its resolution 70", "Recalls its resolution 70", 1)
        text = text.replace("1. Requests", "1. Requesting", 1)
    return text


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.glob("*.txt"))


def copies(files: list[Path], target_bytes: int, folder: Path, count: int | None = None) -> Path:
    """Copies of the corpus's drafts into ``folder`` until ``target_bytes`` (a benchmark
    input, never a fixture): ``count`` files when given, else as many as it takes."""
    folder.mkdir(parents=True)
    texts = [f.read_text(encoding="utf-8") for f in files]
    size, i = 0, 0
    while size < target_bytes and (count is None or i < count):
        text = texts[i % len(texts)]
        if count:
            text = (text + "\n\n") * max(1, target_bytes // count // max(1, len(text.encode())))
        (folder / f"d{i:05d}.res.txt").write_text(text, encoding="utf-8")
        size += len(text.encode())
        i += 1
    return folder


def median_runs(label: str, cmd: list[str], runs: int, size_mb: float | None = None, results: dict | None = None) -> float:
    times = [timed(cmd) for _ in range(runs)]
    med = statistics.median(times)
    rate = f", {size_mb / med:.2f} MB/s" if size_mb else ""
    print(f"{label}: median {med:.2f} s{rate} (runs: {', '.join(f'{t:.2f}' for t in times)})")
    if results is not None:
        results[label] = med
    return med


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--big", action="store_true", help="also 20 MB with --jobs 1/2 and 50 MB in 3,000 files")
    args = ap.parse_args()
    files = corpus_files(Path(args.corpus))
    if not files:
        print(f"no corpus at {args.corpus}")
        return 2
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    names = [str(f) for f in files]
    print(f"{len(files)} files, {size_mb:.2f} MB; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    # An installed resolint has its bytecode compiled (pip compiles a wheel's modules); a
    # checkout run with PYTHONDONTWRITEBYTECODE=1 would compile ~200 modules at every start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "server"), str(ROOT / "rules")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory(prefix="resolint-compare-") as tmp:
        work = Path(tmp)
        peers: dict[str, list[str]] = {}
        if not args.no_peers:
            for name, install in (("proselint", install_proselint), ("textlint+write-good", install_textlint)):
                cmd = install(work)
                if cmd:
                    peers[name] = cmd
        # Interleaved: each run times every tool once, so a busy minute hurts all alike.
        times: dict[str, list[float]] = {"resolint": [], "resolint --jobs 2": [], **{k: [] for k in peers}}
        cpu: dict[str, list[float]] = {}
        for _ in range(args.runs):
            for label, jobs in (("resolint", "1"), ("resolint --jobs 2", "2")):
                wall, cpu_s = timed_cpu(resolint_cmd("--jobs", jobs, *names))
                times[label].append(wall)
                cpu.setdefault(label, []).append(cpu_s)
            for name, cmd in peers.items():
                times[name].append(timed(cmd + names))
        med = {k: statistics.median(v) for k, v in times.items()}
        for k, v in med.items():
            print(f"corpus, {k}: median {v:.2f} s = {size_mb / v:.2f} MB/s (runs: {', '.join(f'{t:.2f}' for t in times[k])})")
        for k, v in cpu.items():
            print(f"corpus, {k}: median CPU time {statistics.median(v):.2f} s (user + system, workers included)")
        for k in peers:
            print(f"resolint is {med[k] / med['resolint']:.1f}x faster than {k} on the same files, same run")
        for verb in (False, True):
            path = work / f"draft{'-verb' if verb else ''}.res.txt"
            path.write_text(sample_draft(verb), encoding="utf-8")
            label = f"{path.stat().st_size / 1000:.1f} KB draft{' needing verb fixes' if verb else ''}, whole process"
            median_runs(label, resolint_cmd(str(path)), max(args.runs, 5))
        if args.big:
            big = copies(files, 20_000_000, work / "big20")
            # Interleaved like the corpus runs: load that moves between runs hurts both alike.
            runs: dict[str, list[tuple[float, float]]] = {"1": [], "2": []}
            for _ in range(args.runs):
                for jobs in runs:
                    runs[jobs].append(timed_cpu(resolint_cmd("--jobs", jobs, str(big))))
            for jobs, got in runs.items():
                wall = statistics.median(w for w, _ in got)
                cpu = statistics.median(c for _, c in got)
                print(f"20 MB, --jobs {jobs}: median {wall:.2f} s = {20.0 / wall:.2f} MB/s, CPU {cpu:.2f} s "
                      f"(runs: {', '.join(f'{w:.2f}' for w, _ in got)})")
            many = copies(files, 50_000_000, work / "many50", count=3000)
            rss = peak_rss_mb(resolint_cmd("--jobs", "1", str(many)))
            print(f"50 MB in 3,000 files, --jobs 1: peak RSS {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
