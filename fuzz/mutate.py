"""A structure-aware mutation search: drafts edited the way drafters and conversions
edit them, checked against every property of tests/robustness/invariants.py.

libFuzzer (fuzz_resolint.py) mutates bytes; the bugs of the fix loop mostly need a
paragraph-level slip: a lower-cased opener, a final mark swapped, a number changed or
typed twice, a comment after a label, a soft hyphen inside a word, two paragraphs
joined or one split. This search makes a few such slips at a time in a real draft (the
fixtures, and ../shared/corpus when present) and runs the checks. Its first runs found
six classes of bugs in half an hour (a label with only a comment, a number typed twice,
a directive typed inside a number, a soft hyphen inside an opener, …), where a
15-minute run of the byte fuzzer just before found none.

    PYTHONPATH=server:rules:tests:tests/robustness .venv/bin/python fuzz/mutate.py --seconds 600

With ``--export`` each draft's forced export is checked instead
(``invariants.check_export``: valid AKN, unique element ids, an HTML page, every word
of the draft as printed in it): its first minute found a list id made from an element
without one, which no lint check could see.

A failing draft is saved in fuzz/.work/mutate-finds/ (ignored by git; it may derive
from the real corpus: keep an invented draft as the regression test). The exit status is
1 when something was found. Not a CI stage: a run finds more the longer it goes.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

from invariants import check_export, check_text

from resolint.engine import lint

ROOT = Path(__file__).resolve().parent.parent
#: Inputs are cut to the length the byte fuzzer uses: long enough for lists, parts and
#: references, short enough to lint and fix a dozen times a second.
MAX_CHARS = 4096
#: What a slip may insert inside a paragraph.
INSERTS = (" <!-- note -->", "<!-- resolint: ignore[PRE002] -->", "[", "]", "*", "\u00ad", " (a) ", "; and", ", ")
LABELS = ("1. ", "2. ", "(a) ", "a) ", "- ", "")
_NUMBER = re.compile(r"^(\s*)(\d+)")


def _drafts() -> list[Path]:
    found = sorted(p for p in (ROOT / "fixtures").rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        found += sorted(corpus.glob("*.txt")) + sorted(corpus.glob("*.md"))
    return found


def _slip(rng: random.Random, lines: list[str], i: int) -> None:
    """One edit of line ``i`` (or of the lines around it)."""
    p = lines[i]
    op = rng.randrange(12)
    if op == 0:  # the first letter lower-cased
        j = next((k for k, ch in enumerate(p) if ch.isalpha()), None)
        if j is not None:
            p = p[:j] + p[j].lower() + p[j + 1 :]
    elif op == 1 and p[-1] in ",;.:":  # the final mark swapped
        p = p[:-1] + rng.choice(",;.:")
    elif op == 2:  # a mark added (or nothing)
        p += rng.choice([",", ";", ".", ":", ""])
    elif op == 3:  # the number changed
        p = _NUMBER.sub(lambda m: m.group(1) + str(int(m.group(2)) + rng.choice([-1, 1, 2])), p)
    elif op == 4:  # a label typed before
        p = rng.choice(LABELS) + p
    elif op == 5:  # the line pasted again somewhere
        lines.insert(rng.randrange(len(lines)), p)
        return
    elif op == 6 and len(p) < 60:  # a short line in capitals
        p = p.upper()
    elif op == 7:  # the first word lower-cased
        head, _, rest = p.partition(" ")
        p = head.lower() + (" " + rest if rest else "")
    elif op == 8:  # something typed inside
        k = rng.randrange(len(p) + 1)
        p = p[:k] + rng.choice(INSERTS) + p[k:]
    elif op == 9:  # a character lost
        k = rng.randrange(len(p))
        p = p[:k] + p[k + 1 :]
    elif op == 10:  # the line split in two
        k = rng.randrange(len(p) + 1)
        lines.insert(i + 1, p[k:])
        p = p[:k]
    elif op == 11 and i + 1 < len(lines):  # joined with the next
        p = p + " " + lines.pop(i + 1)
    lines[i] = p


def mutated(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        i = rng.randrange(len(lines))
        if lines[i].strip():
            _slip(rng, lines, i)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=300)
    ap.add_argument("--seed", type=int, default=None, help="default: random (printed)")
    ap.add_argument("--export", action="store_true",
                    help="check each draft's forced export (invariants.check_export) instead of its lint and fixes")
    ap.add_argument("--out", type=Path, default=ROOT / "fuzz" / ".work" / "mutate-finds")
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    rng = random.Random(seed)
    drafts = _drafts()
    print(f"mutate: seed {seed}, {len(drafts)} drafts, {args.seconds:.0f} s", flush=True)
    deadline, tried, found = time.monotonic() + args.seconds, 0, 0
    while time.monotonic() < deadline:
        source = rng.choice(drafts)
        text = mutated(source.read_bytes()[:MAX_CHARS].decode("utf-8", "replace"), rng)
        tried += 1
        try:
            if args.export:
                check_export(lint(text))
            else:
                check_text(text)
        except Exception as exc:  # a broken property (AssertionError) or a crash
            found += 1
            args.out.mkdir(parents=True, exist_ok=True)
            saved = args.out / f"{seed}-{tried}.txt"
            saved.write_text(text, encoding="utf-8")
            said = (str(exc).splitlines() or [""])[0][:160]
            print(f"FOUND {saved}: {type(exc).__name__}: {said}", flush=True)
    print(f"mutate: {tried} drafts tried, {found} found", flush=True)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
