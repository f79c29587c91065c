"""Whether words of a draft may be someone else's, not the drafter's own English.

A check of the drafter's English (spelling, "per cent") has no say over the name of a
foreign programme or law ("la reforma labor social", "sobre el 50% de los …") or the
title of a publication set in italics ("*Reducing labor costs in the region*"): its fix
would rewrite words whose form is theirs. :func:`not_the_drafters` says why a span may
be such words, for the rule to report it as worth a look with an unsafe fix. It reads
the span's paragraph only, so a paragraph-local rule's cache key still holds.
"""

from __future__ import annotations

from resolint.foreign import in_foreign_phrase
from resolint.rule import RuleContext
from resolint.source import Span
from resolint_rules.trm.italic_titles import in_longer_italics


def not_the_drafters(ctx: RuleContext, p, span: Span, head: int) -> str:
    """Why ``span`` of paragraph ``p`` may not be the drafter's own English, as a fix
    title's proviso ("" when it is): among another language's words, or inside a longer
    stretch in italics than the opener's (whose head word starts at ``head``)."""
    lo, hi = p.content.start, p.content.end
    if in_foreign_phrase(ctx.text, span.start, span.end, lo, hi):
        return "unless it is a word of the other language around it"
    if in_longer_italics(ctx, span, lo, hi, head):
        return "unless the italics are a title's or another language's"
    return ""
