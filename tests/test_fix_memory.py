"""What ``--fix`` keeps while it runs (:mod:`resolint.fixes`): counted, not timed.

A draft with hundreds of thousands of findings holds hundreds of megabytes in one lint;
the fix loop must not keep one lint per pass alive."""

from __future__ import annotations

import gc
import re
import weakref

from resolint.engine import LintResult, lint
from resolint.fixes import fix_text
from resolint.rule import Edit, Fix, Rule, Violation
from resolint.source import Span

STEPS = 6


class _Step(Rule):
    """Test rule: "stepK" (K below STEPS) is to be "stepK+1", one at a time: each pass
    writes a new text, so the loop runs STEPS - 1 passes."""

    code = "TST020"
    name = "test-step"
    summary = "test"

    def check(self, ctx):
        m = re.search(r"step(\d)", ctx.text)
        if m and int(m.group(1)) < STEPS:
            span = Span(m.start(1), m.end(1))
            yield Violation(span, "step", Fix.safe("next", Edit(span, str(int(m.group(1)) + 1))))


class _Tracked(LintResult):
    """A lint result a weak reference can follow (LintResult has slots only)."""


def test_the_fix_loop_keeps_no_lint_of_an_earlier_pass():
    """Each pass's lint was kept (to go back to a text met again) until the loop ended:
    a 322 KB draft of 277,049 findings peaked at 1.2 GB under --fix. Now at most the
    first lint (the report's) and the last pass's are alive when a pass lints."""
    rule = _Step()
    made: list[weakref.ref] = []
    alive_at_lint: list[int] = []

    def run(text: str) -> LintResult:
        gc.collect()
        alive_at_lint.append(sum(r() is not None for r in made))
        r = lint(text, rules=[rule])
        tracked = _Tracked(r.source, r.resolution, r.style, r.findings, r.facts)
        made.append(weakref.ref(tracked))
        return tracked

    text = "The General Assembly,\n\n1. Decides to take step1 now.\n"
    out = fix_text(text, run)
    assert f"step{STEPS} now" in out.text and out.passes == STEPS - 1
    assert len(alive_at_lint) == STEPS
    assert max(alive_at_lint) <= 2, alive_at_lint


def test_equal_messages_and_fix_titles_are_one_object():
    """A rule builds its message and fix title anew for each finding: a draft of 90,000
    alike paragraphs held 90,000 copies of each (a sixth of what its findings held).
    Equal ones are now one object, whichever paragraph they were built for."""
    text = "The General Assembly,\n\n" + "".join(f"{k}. Decides to act on item {k}\n\n" for k in range(1, 6))
    found = [f for f in lint(text, style="un-ga").findings if f.code == "OPR007" and f.fix is not None]
    messages: dict[str, set[int]] = {}
    titles: dict[str, set[int]] = {}
    for f in found:
        messages.setdefault(f.message, set()).add(id(f.message))
        titles.setdefault(f.fix.title, set()).add(id(f.fix.title))
    assert max(len(v) for v in messages.values()) == 1 and max(len(v) for v in titles.values()) == 1
    assert len(found) - len(messages) >= 3  # (the last paragraph is told to end with a full stop)


class _Turn(Rule):
    """Test rule: "alpha" is to be "beta", "beta" "gamma", and "gamma" "beta" again;
    each reported at the draft's first word, away from what the fix writes (so the
    lineage of fixes does not see it), a circle the memo of texts met must end."""

    code = "TST021"
    name = "test-turn"
    summary = "test"
    TURNS = {"alpha": "beta", "beta": "gamma", "gamma": "beta"}

    def check(self, ctx):
        for old, new in self.TURNS.items():
            at = ctx.text.find(old)
            if at >= 0:
                yield Violation(Span(0, 3), old, Fix.safe(new, Edit(Span(at, at + len(old)), new)))


def test_a_circle_back_to_a_text_met_after_the_first_ends_with_that_texts_lint():
    """The memo of texts met keeps no lint now: a circle back to a text after the first
    one lints it again, and the outcome's lint is that text's."""
    rule = _Turn()
    text = "The General Assembly,\n\n1. Decides to take the alpha road.\n"
    linted: list[str] = []
    out = fix_text(text, lambda t: linted.append(t) or lint(t, rules=[rule]))
    assert linted.count(text.replace("alpha", "beta")) == 2  # reached, then met again (the circle)
    assert out.text == text.replace("alpha", "beta") and out.applied == 1 and out.applied_codes == ["TST021"]
    assert out.result.source.text == out.text
    assert [f.message for f in out.result.findings if f.code == "TST021"] == ["beta"]
