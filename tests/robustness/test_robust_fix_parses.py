"""How many parses ``--fix`` spends checking that fixes keep a draft's structure
(:mod:`resolint.fixes`): counted, not timed, so that a search repeated for nothing shows
whatever the machine's speed."""

from __future__ import annotations

from collections import Counter

import pytest

import resolint.fixes as fixes_mod
from resolint.engine import lint
from resolint.fixes import fix_text, structure
from resolint.rule import Edit, Fix, Rule, Violation
from resolint.source import Span

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


class _OperativeAndCapitals(Rule):
    """Test rule: makes each preambular paragraph operative ("Recalling" -> "1. Decides",
    which changes how the draft reads) and gives each word of it in ``WORDS`` a capital
    (which does not): one paragraph, several fixes, the culprit at its head."""

    code = "TST010"
    name = "test-operative-and-capitals"
    summary = "test"
    WORDS = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta")

    def check(self, ctx):
        for p in ctx.resolution.preamble:
            s = ctx.slice(p.span)
            if s.startswith("Recalling"):
                yield Violation(p.span, "op", Fix.safe("operative", Edit(Span(p.span.start, p.span.start + 9), "1. Decides")))
            for w in self.WORDS:
                at = s.find(" " + w + " ")
                if at >= 0:
                    a = p.span.start + at + 1
                    yield Violation(Span(a, a + len(w)), "cap", Fix.safe("capital", Edit(Span(a, a + 1), w[0].upper())))


@pytest.mark.parametrize("paragraphs", [1, 4, 16])
def test_a_paragraph_whose_fixes_keep_changing_it_is_not_walked_one_fix_a_parse(paragraphs):
    """A paragraph holding several fixes, whose first one changes how it reads, was
    blamed for its last fix, then the one before, one full parse a round, until the
    rounds and then the bisection's budget ran out (14 parses for a pass here), and the
    capitals before the culprit were left out with it: all but a few were never applied.
    Blamed a second time, a paragraph is now blamed for all its fixes at once, and all but
    its first are tried back together: a few parses whatever the paragraphs, each capital
    applied and the paragraph kept preambular."""
    words = " ".join(_OperativeAndCapitals.WORDS)
    text = "The General Assembly,\n\n" + "".join(f"Recalling item {k} {words} here,\n\n" for k in range(paragraphs))
    text += "1. Decides to act.\n"
    rule = _OperativeAndCapitals()
    texts: Counter = Counter()
    real_parse = fixes_mod.parse
    fixes_mod.parse = lambda t, *a, **k: texts.update([t]) or real_parse(t, *a, **k)
    try:
        out = fix_text(text, lambda t: lint(t, rules=[rule]))
    finally:
        fixes_mod.parse = real_parse
    assert sum(texts.values()) <= 3 + 1 + 1, sum(texts.values())  # rounds to settle, the try back, the next pass
    capitalized = words.title()
    assert out.text.count(f"{capitalized} here,") == paragraphs
    assert out.text.count("Recalling item") == paragraphs  # the culprit itself is left out
    assert structure(lint(out.text, rules=[rule]).resolution) == structure(lint(text, rules=[rule]).resolution)
