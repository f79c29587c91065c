"""Where abbreviations are defined and used: shared by TRM008 and TRM009."""

from __future__ import annotations

import bisect

from resolint.facts.abbreviations import Definition
from resolint.model import Kind
from resolint.rule import RuleContext
from resolint.source import Span, word_after, word_before
from resolint_rules.refs import in_spans, paragraph_at, quote_spans


def definitions(ctx: RuleContext) -> list[Definition]:
    """Where abbreviations are defined (``Analysis.abbreviations``)."""
    return ctx.facts.abbreviations


def uses(ctx: RuleContext, abbr: str, before: int, after: int = 0) -> list[Span]:
    """Uses of ``abbr`` as a word from offset ``after`` to offset ``before`` (own text,
    outside quotations): the first one only. Its occurrences from
    ``Analysis.literal_starts`` (after a keystroke the language server searches near the
    edit only), taken left to right without overlapping, as successive ``str.find``
    calls would."""
    starts = ctx.facts.literal_starts(abbr)
    width = len(abbr)
    # From the last occurrence at or before ``after``'s that no earlier one overlaps (it
    # is taken whoever came before): not from the text's start for each definition, which
    # was quadratic in a compilation of many resolutions defining the same abbreviation.
    i = bisect.bisect_left(starts, after)
    if i == len(starts):
        return []  # none at or after ``after``
    while i > 0 and starts[i] - starts[i - 1] < width:
        i -= 1  # overlapped by the one before: taken or not as that one is
    end = 0
    for pos in starts[i:]:
        if pos + width > before:
            break  # (in order: the later ones end later still)
        if pos < end:
            continue
        end = pos + width
        if pos >= after and is_use(ctx, pos, end):
            return [Span(pos, end)]
    return []


def is_use(ctx: RuleContext, start: int, end: int) -> bool:
    """Whether the occurrence of an abbreviation at ``start``-``end`` is a use: a word of
    its own, in the drafter's own text (not a note), outside quotations."""
    text = ctx.text
    if word_before(text, start, "/-_(") or word_after(text, end, "/-_"):
        return False
    p = paragraph_at(ctx, start)
    return p is not None and p.own and p.kind is not Kind.NOTE and not in_spans(start, quote_spans(ctx))
