"""How many parses ``--fix`` spends checking that fixes keep a draft's structure
(:mod:`resolint.fixes`): counted, not timed, so that a search repeated for nothing shows
whatever the machine's speed."""

from __future__ import annotations

from collections import Counter

import pytest

import resolint.fixes as fixes_mod
from resolint.engine import lint
from resolint.fixes import fix_text

#: A list intro, a stray line read as its continuation, a lettered item and an operative
#: paragraph without its capital, then a long run of one-word paragraphs: every fix of
#: the run is offered, and together with those above it they change how the draft reads.
HEAD = ("1. Requests the Secretary-General:", "the Secretary-General:", "(b) ...;", "3. decides ...")


def _draft(run: int) -> str:
    return "\n\n".join([*HEAD, *["x"] * run]) + "\n"


def _parsed_texts(text: str, unsafe: bool) -> tuple[Counter, fixes_mod.FixOutcome]:
    """The texts the fix loop parsed to check structures (how often each), and its outcome."""
    texts: Counter = Counter()
    real_parse = fixes_mod.parse
    fixes_mod.parse = lambda t, *a, **k: texts.update([t]) or real_parse(t, *a, **k)
    try:
        out = fix_text(text, lambda t: lint(t, style="un-ga"), unsafe=unsafe)
    finally:
        fixes_mod.parse = real_parse
    return texts, out


@pytest.mark.parametrize("run", [50, 200])
def test_unsafe_retries_do_not_search_the_same_fixes_again(run):
    """With unsafe fixes, a set that changes the structure is followed by its safe ones;
    once the unsafe ones were refused, the next retry chose those same safe ones and
    searched them again, then its safe retry a third time: 46 parses (8 of them for the
    safe fixes alone), each text up to three times, and nothing applied in the end. Each
    set is now searched once: the unsafe search and the safe one, no text twice."""
    safe_texts, safe = _parsed_texts(_draft(run), unsafe=False)
    texts, unsafe = _parsed_texts(_draft(run), unsafe=True)
    assert max(texts.values()) == 1, texts.most_common(1)[0][1]
    bound = fixes_mod.LOCATE_TRIALS + fixes_mod.BISECT_BUDGET  # one full search with unsafe fixes
    assert sum(texts.values()) <= bound + sum(safe_texts.values()), sum(texts.values())
    assert unsafe.text == safe.text  # here nothing can be applied either way
