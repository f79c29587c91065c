"""The title facts the DOC rules compare: computed once per document by
:mod:`resolint.facts.titles` and read here through the rule context."""

from __future__ import annotations

from resolint.facts.titles import Meeting, SymbolNumber, TitleFacts
from resolint.rule import RuleContext


def title_facts(ctx: RuleContext) -> TitleFacts:
    return ctx.facts.titles


__all__ = ["Meeting", "SymbolNumber", "TitleFacts", "title_facts"]
