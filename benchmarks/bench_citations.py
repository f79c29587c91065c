"""Throughput of citation extraction and of the CIT/TRM/DOC01x rules over a folder of texts.

Usage: python benchmarks/bench_citations.py [FOLDER]   (default ../shared/corpus)

Reports CPU seconds (``time.process_time``, steadier than wall time on a shared machine)
for: parsing alone; extraction of citations alone; linting with every rule; linting
without the CIT, TRM and DOC010-DOC014 rules (what the tree did before them).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from resolint.citations import extract
from resolint.config import Settings
from resolint.engine import lint
from resolint.parser import parse
from resolint.registry import all_rules

NEW = ("CIT", "TRM", "DOC01")


def cpu(fn) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    docs = [parse(t) for t in texts]
    t_parse = cpu(lambda: [parse(t) for t in texts])
    t_extract = cpu(lambda: [extract(d) for d in docs])
    old_rules = [r for r in all_rules() if not r.code.startswith(NEW)]
    # One untimed pass first: styles, NLP tables (lemminflect loads lazily, word by word) and
    # reference data are then loaded, so neither timed configuration pays for them.
    [lint(t, Settings()) for t in texts]
    runs_all, runs_old = [], []
    for _ in range(2):  # alternate, keep the best of each: the machine is shared
        runs_old.append(cpu(lambda: [lint(t, Settings(), rules=old_rules) for t in texts]))
        runs_all.append(cpu(lambda: [lint(t, Settings()) for t in texts]))
    t_all, t_old = min(runs_all), min(runs_old)
    print(f"{len(texts)} files, {mb:.2f} MB")
    print(f"parse            {t_parse:6.2f} s CPU  {mb / t_parse:7.1f} MB/s")
    print(f"extract          {t_extract:6.2f} s CPU  {mb / t_extract:7.1f} MB/s")
    print(f"lint, all rules  {t_all:6.2f} s CPU  {mb / t_all:7.1f} MB/s")
    print(f"lint, without    {t_old:6.2f} s CPU  {mb / t_old:7.1f} MB/s   (no CIT/TRM/DOC010-014)")


if __name__ == "__main__":
    main()
