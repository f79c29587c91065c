"""A safe fix never deletes a comment it was not written to delete.

Citations and instruments' names are read through a comment typed inside them, so a fix
that writes a name right may replace a stretch holding the drafter's note or directive:
the engine makes it unsafe (resolint.commentguard)."""

from __future__ import annotations

import pytest

from resolint.commentguard import drops_a_comment
from resolint.engine import lint
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Violation
from resolint.source import Span

HEAD = "The General Assembly,\n\nRecalling the United Nations Convention "
TAIL = "Transnational Organized Crime,\n\n1. Decides to act.\n"


class _RewritesTheName(Rule):
    """A rule whose safe fix writes a name again from the text a reader sees."""

    code, name, summary = "TST001", "rewrites-the-name", "test"

    def check(self, ctx: RuleContext):
        at = ctx.text.index("Convention")
        end = ctx.text.index(",", at)
        seen = ctx.facts.seen
        name = seen.text[seen.forward(at) : seen.forward(end)]
        yield Violation(Span(at, end), "rewrite", Fix.safe("Rewrite", Edit(Span(at, end), " ".join(name.split()))))


@pytest.mark.parametrize(("typed", "applicability"), [("", Applicability.SAFE), ("<!-- check the title -->", Applicability.UNSAFE)])
def test_a_safe_fix_over_a_comment_it_does_not_keep_is_unsafe(typed: str, applicability: Applicability):
    text = HEAD + "against " + typed + TAIL
    (f,) = lint(text, rules=[_RewritesTheName()]).findings
    assert f.fix is not None and f.fix.applicability is applicability
    assert f.fix.edits[0].new_text == "Convention against Transnational Organized Crime"


@pytest.mark.parametrize(
    ("text", "edit", "drops"),
    [
        ("a <!-- x --> b", Edit(Span(2, 12), ""), False),  # the comment alone, deleted
        ("a <!-- x --> b", Edit(Span(0, 14), "a b"), True),  # rewritten without it
        ("a <!-- x --> b", Edit(Span(0, 14), "A <!-- x --> B"), False),  # kept
        ("a <!-- x b", Edit(Span(0, 10), "a x b"), True),  # an unclosed one
        ("a b c", Edit(Span(0, 5), "abc"), False),  # none
    ],
)
def test_drops_a_comment(text: str, edit: Edit, drops: bool):
    assert drops_a_comment(Fix.safe("t", edit), text) is drops


def test_removing_a_directive_that_suppresses_nothing_stays_safe():
    text = "The General Assembly,\n\nRecalling the report, <!-- resolint: ignore[OPR001] -->\n\n1. Decides to act.\n"
    (f,) = [f for f in lint(text).findings if f.code == "SUP001"]
    assert f.fix is not None and f.fix.applicability is Applicability.SAFE
