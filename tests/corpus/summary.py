"""Lint the shared corpus and summarize findings per body and code.

``python tests/corpus/summary.py --write`` regenerates ``summary.json`` after a change
in behaviour has been reviewed; the test compares against the checked-in file so that
any change shows in review.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "shared" / "corpus"
SUMMARY = HERE / "summary.json"


def summarize(corpus: Path = CORPUS) -> tuple[dict, list[str]]:
    from resolint.engine import lint

    counts: dict[str, Counter] = defaultdict(Counter)
    crashes: list[str] = []
    with (corpus / "index.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        text = (corpus / row["file"]).read_text(encoding="utf-8")
        result = lint(text, path=row["file"])
        body = row["body"]
        counts[body]["documents"] += 1
        for f in result.findings:
            if f.code == "DOC000":
                crashes.append(f"{row['file']}: {f.message}")
            counts[body][f"{f.code} {f.severity.value}"] += 1
    summary = {body: dict(sorted(c.items())) for body, c in sorted(counts.items())}
    return summary, crashes


if __name__ == "__main__":
    data, crashes = summarize()
    if crashes:
        print("\n".join(crashes), file=sys.stderr)
        sys.exit(1)
    if "--write" in sys.argv:
        SUMMARY.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(data, indent=1, ensure_ascii=False))
