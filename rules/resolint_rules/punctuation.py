"""The fix that ends a paragraph with the mark its style wants, shared by PRE004 and OPR007."""

from __future__ import annotations

from resolint.rule import Edit, Fix, RuleContext
from resolint.source import Span


def terminal_fix(ctx: RuleContext, p, want: str) -> tuple[Span, Fix, str] | None:
    """The span to point at, the fix and the mark found, when ``p`` does not end with ``want``."""
    have = p.terminal_char(ctx.source)
    if have == want:
        return None
    if p.terminal is not None:
        return p.terminal, Fix.safe(f"Replace '{have}' with '{want}'", Edit(p.terminal, want)), have
    end = p.span.end
    text = ctx.text
    # Put the mark before closing emphasis or quotes only when they are markup, not a quotation.
    while end > p.span.start and text[end - 1] in "*_":
        end -= 1
    return Span(max(p.span.start, end - 1), end), Fix.safe(f"Add '{want}'", Edit(Span(end, end), want)), ""
