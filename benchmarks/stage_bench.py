"""CPU of the stages of a corpus run one at a time, in one process: parsing, finding the
openers, and the command line's per-run planning (configuration per file, folder walk,
the draft test).

    python benchmarks/stage_bench.py [FOLDER] [--runs N]

Each stage runs ``N`` times over the whole folder and the best CPU time (``process_time``)
is reported: on a shared machine the best run is the least disturbed one. To compare two
checkouts, run it with each on ``PYTHONPATH`` in turn, a few times interleaved, e.g.
``PYTHONPATH=/tmp/base/server:/tmp/base/rules python benchmarks/stage_bench.py``.
The whole run, start-up included, is ``benchmarks/corpus_bench.py``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        work()
        best = min(best, time.process_time() - t)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    from resolint.cli import main as cli
    from resolint.cli.drafts import why_draft
    from resolint.engine import resolve_style
    from resolint.facts import Analysis
    from resolint.model import Kind
    from resolint.openers import find_opener
    from resolint.parser import parse
    from resolint.settings import Settings

    files = sorted(p for p in Path(args.folder).rglob("*") if p.is_file())
    texts = []
    for p in files:
        try:
            texts.append((p, p.read_bytes().decode("utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    size = sum(len(t) for _, t in texts)
    print(f"{len(texts)} files, {size / 1e6:.1f} M characters; best of {args.runs} runs, CPU")

    parse_s = best_of(args.runs, lambda: [parse(t) for _, t in texts])
    print(f"  parse            {parse_s * 1000:7.1f} ms  ({size / 1e6 / parse_s:.1f} M characters/s)")

    clauses = []
    for _, t in texts:
        res = parse(t)
        facts = Analysis(res, resolve_style(res, Settings(), None))
        clauses.append((facts, [p for p in res.paragraphs if p.kind in (Kind.PREAMBLE, Kind.OPERATIVE)]))
    count = sum(len(ps) for _, ps in clauses)
    openers_s = best_of(args.runs, lambda: [find_opener(f, p) for f, ps in clauses for p in ps])
    print(f"  find_opener      {openers_s * 1000:7.1f} ms  ({count} clauses, {openers_s * 1e6 / count:.2f} µs each)")

    check = cli.build_parser().parse_args(["check", "--format", "json", args.folder])
    plan_s = best_of(args.runs, lambda: cli._plan_check(check))
    print(f"  planning         {plan_s * 1000:7.1f} ms  (settings per file, folder walk)")
    settings = Settings()
    drafts_s = best_of(args.runs, lambda: [why_draft(p, t, settings.include, settings.exclude) for p, t in texts])
    print(f"  draft test       {drafts_s * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
