"""What a house style says about grouped clauses, for the rules that check them.

The parser reads groups (an opener alone on its line heading items) in any text; the
style's ``[groups]`` table says whether its body writes them (``used``) and which mark
ends each item. With ``used = false`` (the UN styles) a group opener is checked as any
clause; with ``used = true`` (ITU) the opener has no mark and its items carry the marks.
"""

from __future__ import annotations

from resolint.model import Paragraph
from resolint.rule import RuleContext


def uses_groups(ctx: RuleContext) -> bool:
    return bool(ctx.style.get("groups.used", False))


def is_group_head(ctx: RuleContext, p: Paragraph) -> bool:
    """A group opener the style expects (its marks are its items')."""
    return p.heads_group and uses_groups(ctx)


def in_group(ctx: RuleContext, p: Paragraph) -> bool:
    """An item of a group the style expects."""
    return p.parent is not None and is_group_head(ctx, p.parent)


def item_mark(ctx: RuleContext, is_last_item: bool, ends_text: bool) -> str:
    """The mark that ends an item: ";" mid-group, "," at a group's end, "." at the text's."""
    if ends_text:
        return ctx.style.get("groups.final-terminal", ".")
    if is_last_item:
        return ctx.style.get("groups.last-item-terminal", ",")
    return ctx.style.get("groups.item-terminal", ";")
