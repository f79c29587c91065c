"""Cost of ten house rules (spaCy patterns) over a folder of drafts, relative to none.

Usage: python benchmarks/bench_house_rules.py [FOLDER]   (default ../shared/corpus)

CPU seconds (``time.process_time``) for linting every text with the built-in rules only,
and with ten ``[[custom-rules]]`` added: token patterns, LEMMA, REGEX, a phrase list and
an opener-only rule, over every part. "cold" starts each pass with an empty paragraph
cache (every paragraph tokenized once: a CLI run); "warm" times the second of two lints
of each document in a row (the editor relinting a document whose paragraphs it has seen). spaCy's import and the first blank
pipeline are paid once, untimed, as for the built-in rules' tables.
"""

from __future__ import annotations

import sys
import time
import tomllib
from pathlib import Path

from resolint.config import Settings, settings_from_table
from resolint.custom_rules import ruleset_for
from resolint.engine import lint

RULES = '''
[[custom-rules]]
code = "HSE001"
message = "m"
pattern = [{ LOWER = "member" }, { LOWER = "states" }]
[[custom-rules]]
code = "HSE002"
message = "m"
part = "operative"
opener-only = true
pattern = [{ LOWER = "strongly" }, { LEMMA = { IN = ["urge", "condemn"] } }]
[[custom-rules]]
code = "HSE003"
message = "m"
part = ["operative", "subparagraph"]
pattern = [{ LOWER = "should" }]
[[custom-rules]]
code = "HSE004"
message = "m"
pattern = [{ TEXT = { REGEX = "^[A-Z]{2,}s?$" } }]
[[custom-rules]]
code = "HSE005"
message = "m"
pattern = ["in order to", "with a view to", "in the event that", "at this point in time"]
[[custom-rules]]
code = "HSE006"
message = "m"
pattern = [{ ORTH = "UN" }]
[[custom-rules]]
code = "HSE007"
message = "m"
pattern = [{ LEMMA = "shall" }]
[[custom-rules]]
code = "HSE008"
message = "m"
part = "preamble"
pattern = [{ LOWER = "deeply" }, { IS_ALPHA = true }]
[[custom-rules]]
code = "HSE009"
message = "m"
pattern = [{ LIKE_NUM = true }, { LOWER = { IN = ["per", "percent"] } }]
[[custom-rules]]
code = "HSE010"
message = "m"
pattern = [{ LOWER = "the" }, { IS_TITLE = true, OP = "+" }, { LOWER = "of" }]
'''


def cpu(fn) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def _relint(text: str, settings) -> float:
    lint(text, settings)
    return cpu(lambda: lint(text, settings))


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    plain = Settings(style="un-ga")
    house = settings_from_table({"style": "un-ga", **tomllib.loads(RULES)})
    assert len(house.custom_rules) == 10
    [lint(t, plain) for t in texts]  # untimed: tables, and spaCy's import and blank pipeline
    [lint(t, house) for t in texts]
    found = sum(1 for t in texts for f in lint(t, house).findings if f.code.startswith("HSE"))
    none, cold, warm = [], [], []
    for _ in range(3):  # alternate, keep the best of each: the machine is shared
        none.append(cpu(lambda: [lint(t, plain) for t in texts]))
        ruleset_for.cache_clear()
        cold.append(cpu(lambda: [lint(t, house) for t in texts]))
        warm.append(sum(_relint(t, house) for t in texts))
    t0, t1, t2 = min(none), min(cold), min(warm)
    print(f"{len(texts)} files, {mb:.2f} MB; 10 house rules found {found} matches")
    print(f"built-in rules only          {t0:6.2f} s CPU  {mb / t0:6.2f} MB/s")
    print(f"+ 10 house rules, cold cache {t1:6.2f} s CPU  {mb / t1:6.2f} MB/s  x{t1 / t0:.2f}")
    print(f"+ 10 house rules, warm cache {t2:6.2f} s CPU  {mb / t2:6.2f} MB/s  x{t2 / t0:.2f}")


if __name__ == "__main__":
    main()
