"""Shared by the italics rules (DOC030, DOC031) of a Word document.

Plain text cannot say what is italic, so these rules only speak when the input carries
formatting (``ctx.formatting``: a .docx read by ``resolint.docx``) and the style asks
for italic openers (``[docx] italic-openers = true``: the UN styles).
"""

from __future__ import annotations

from resolint.formatting import from_emphasis
from resolint.model import Kind
from resolint.rule import Rule, RuleContext
from resolint.source import Span
from resolint_rules.common import is_list_item


def applies(ctx: RuleContext) -> bool:
    return ctx.formatting is not None and bool(ctx.style.get("docx.italic-openers", False))


def letter_offsets(ctx: RuleContext, span: Span) -> list[int]:
    return [i for i in range(span.start, span.end) if ctx.text[i].isalpha()]


def opener_paragraphs(ctx: RuleContext):
    for p in ctx.resolution.of_kind(Kind.PREAMBLE, Kind.OPERATIVE):
        if is_list_item(p):
            continue
        op = ctx.opener(p)
        if op is not None:
            yield p, op


class FormattingRule(Rule):
    @classmethod
    def example_input(cls, text: str):
        # The examples write italics as *these*: read them as formatting.
        clean, formatting = from_emphasis(text)
        return clean, {"formatting": formatting}
