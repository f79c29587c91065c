"""Where "also" and "further" stand in an opener, shared by PRE007 and OPR011."""

from __future__ import annotations

from resolint.rule import Edit, Fix, RuleContext, Violation
from resolint_rules.common import expected_case, opener_to_rewrite

_MODIFIERS = ("also", "further")


def reorder_fix(ctx: RuleContext, op, prefer: str, case: str) -> str | None:
    """The opener with its modifier moved to the side the style prefers, or None."""
    words = ctx.read(op.span).split()
    if len(words) < 2:
        return None
    if prefer == "after" and words[0].lower() in _MODIFIERS:
        return expected_case(ctx, " ".join(words[1:] + [words[0].lower()]), case)
    # After a verb only "also" is surely a modifier: in "Encourages further efforts"
    # "further" belongs to the object.
    if prefer == "before" and words[-1].lower() == "also":
        return expected_case(ctx, " ".join([words[-1]] + words[:-1]), case)
    return None


def modifier_violations(ctx: RuleContext, paragraphs, prefer: str, part: str):
    """Violations for openers whose also/further stands on the side ``prefer`` does not
    (``part``: ``"preambular"`` or ``"operative"``, whose openers' case the fix keeps)."""
    if prefer == "either":
        return
    for p in paragraphs:
        op = ctx.opener(p)
        if op is None or not opener_to_rewrite(ctx, op):
            continue
        new = reorder_fix(ctx, op, prefer, ctx.style.opener_case_in(part))
        if new is None:
            continue
        written = " ".join(ctx.read(op.span).split())  # an opener wrapped over two lines, as one
        yield Violation(op.span, f"Write '{new}' rather than '{written}' in the {ctx.style.name} style", Fix.safe(f"Change to '{new}'", Edit(op.span, new)))
