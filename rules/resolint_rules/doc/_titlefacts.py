"""The title facts the DOC rules compare: computed once per document by
:mod:`resolint.facts.titles` and read here through the rule context."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from resolint.citations.refdata import interpol_session_for_year, interpol_table_holds
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


def year_names_another_session(meet: Meeting | None) -> bool:
    """Whether the INTERPOL opening's own meeting year was another session's ("from 23 to
    25 November 2021 at its 90th session": 2021 held the 89th). DOC011 reports that once,
    on the ordinal; the symbol's session and the city and dates are not then compared with
    the ordinal's session as well: one slip made five findings (found with a draft written
    for probing)."""
    if meet is None or meet.end is None or not interpol_table_holds(meet.end[0]):
        return False
    expected = interpol_session_for_year(meet.end[0])
    return expected is not None and expected != meet.session


__all__ = ["Meeting", "SymbolNumber", "TitleFacts", "number_violations", "title_facts", "year_names_another_session"]
