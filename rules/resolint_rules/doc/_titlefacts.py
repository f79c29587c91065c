"""The title facts the DOC rules compare: computed once per document by
:mod:`resolint.facts.titles` and read here through the rule context."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from resolint.facts.titles import Meeting, SymbolNumber, TitleFacts
from resolint.rule import RuleContext, Violation


def title_facts(ctx: RuleContext) -> TitleFacts:
    return ctx.facts.titles


def number_violations(numbers: Iterable[SymbolNumber], problems: Callable[[SymbolNumber], Iterable[str]]) -> Iterator[Violation]:
    """The walk DOC010 and DOC011 share: each number of the title block ("Resolution No. 3",
    "GA-2025-93-RES-03", "79/136.") with what a rule finds it disagrees with, reported on
    the number as written. A rule says only what is wrong with one number."""
    for n in numbers:
        for message in problems(n):
            yield Violation(n.span, message)


__all__ = ["Meeting", "SymbolNumber", "TitleFacts", "number_violations", "title_facts"]
