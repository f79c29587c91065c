"""Where abbreviations are defined and used: shared by TRM008 and TRM009."""

from __future__ import annotations

from resolint.facts.abbreviations import Definition
from resolint.model import Kind
from resolint.rule import RuleContext
from resolint.source import Span, word_after, word_before
from resolint_rules.refs import in_spans, paragraph_at, quote_spans


def definitions(ctx: RuleContext) -> list[Definition]:
    """Where abbreviations are defined (``Analysis.abbreviations``)."""
    return ctx.facts.abbreviations


def uses(ctx: RuleContext, abbr: str, before: int) -> list[Span]:
    """Uses of ``abbr`` as a word before offset ``before`` (own text, outside quotations)."""
    text = ctx.text
    quotes = quote_spans(ctx)
    out = []
    pos = text.find(abbr, 0, before)
    while pos >= 0:
        end = pos + len(abbr)
        if not (word_before(text, pos, "/-_(") or word_after(text, end, "/-_")):
            p = paragraph_at(ctx, pos)
            if p is not None and p.own and p.kind is not Kind.NOTE and not in_spans(pos, quotes):
                out.append(Span(pos, end))
                break
        pos = text.find(abbr, end, before)
    return out
