"""Helpers for the citation and terminology rules (CIT, TRM) and the title-block checks.

Rules read the citations the model extracted once per document
(``ctx.resolution.citations``); these helpers add what several rules share: the house
term for a concept (configuration over style), the paragraphs whose words are the
drafter's own (not an annex, not a quotation), and the document's own facts.
"""

from __future__ import annotations

import re
from typing import Any

from resolint.citations import CitationSet
from resolint.citations.patterns import QUOTE
from resolint.model import Kind, Paragraph
from resolint.rule import RuleContext
from resolint.source import Span


def citations(ctx: RuleContext) -> CitationSet:
    return ctx.resolution.citations


def term(ctx: RuleContext, key: str, default: Any = None) -> Any:
    """A house term: the organization's ``[terms]`` first, then the style's ``[terms]``."""
    own = ctx.resolution.terms or {}
    if key in own:
        return own[key]
    return ctx.style.get(f"terms.{key}", default)


def own_paragraphs(ctx: RuleContext) -> list[Paragraph]:
    """Paragraphs in the drafter's own words: not an annex (often a treaty), not a directive."""
    key = "refs.own_paragraphs"
    if key not in ctx.cache:
        ctx.cache[key] = [p for p in ctx.resolution.paragraphs if p.kind not in (Kind.ANNEX, Kind.DIRECTIVE)]
    return ctx.cache[key]


def quote_spans(ctx: RuleContext) -> list[Span]:
    """Quotations in the text ("…" or “…”), where wording is someone else's."""
    key = "refs.quotes"
    if key not in ctx.cache:
        text = ctx.text
        ctx.cache[key] = [Span(m.start(), m.end()) for m in QUOTE.finditer(text)] if ('"' in text or "“" in text) else []
    return ctx.cache[key]


def in_spans(offset: int, spans: list[Span]) -> bool:
    return any(s.start <= offset < s.end for s in spans)


def instrument_spans(ctx: RuleContext) -> list[Span]:
    """Where official titles stand: their spelling is the title's own."""
    return [m.span for m in citations(ctx).instruments]


def is_own(c: Any) -> bool:
    """A citation in the drafter's own text (not in an annex)."""
    return not getattr(c, "in_annex", False)


def own_text_matches(ctx: RuleContext, regex: re.Pattern[str], skip_quotes: bool = True):
    """Matches of ``regex`` in the drafter's own paragraphs, outside quotations."""
    quotes = quote_spans(ctx) if skip_quotes else []
    text = ctx.text
    for p in own_paragraphs(ctx):
        for m in regex.finditer(text, p.span.start, p.span.end):
            if quotes and in_spans(m.start(), quotes):
                continue
            yield p, m
