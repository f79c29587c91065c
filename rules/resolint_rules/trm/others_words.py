"""Whether words of a draft may be someone else's, not the drafter's own English.

A check of the drafter's words (spelling, "per cent", the chief's title, "Article", "the
present resolution") has no say over words whose form is another's: a quotation, the
title of a work after "entitled" ('the report entitled Report of the Secretary General
on labor') or in italics ("*Reducing labor costs in the region*"), the name of a foreign
programme or law ("la reforma labor social", "sobre el 50% de los …"), a web or e-mail
address, a Markdown code span, an HTML comment. Its safe fix would rewrite them.
:func:`not_the_drafters` says why a span may be such words, and :func:`guarded` makes a
rule's safe fix unsafe there, saying why: every TRM rule with a safe fix asks this one
place. It reads the span's paragraph only (and the document's list of quotations), so a
paragraph-local rule's cache key still holds.
"""

from __future__ import annotations

from resolint.foreign import in_foreign_phrase
from resolint.model import Kind
from resolint.rule import Applicability, Fix, RuleContext
from resolint.source import Span
from resolint_rules.refs import in_spans, quote_spans
from resolint_rules.trm.entitled import in_entitled_title
from resolint_rules.trm.italic_titles import in_longer_italics
from resolint_rules.trm.not_prose import in_address, in_code_span, in_comment

#: Paragraphs led by an opener, whose head word may carry the opener's own italics.
_CLAUSES = (Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH)


def not_the_drafters(ctx: RuleContext, p, span: Span, head: int) -> str:
    """Why ``span`` of paragraph ``p`` may not be the drafter's own English, as a fix
    title's proviso ("" when it is): in a quotation, an address, code or a comment, in a
    title after "entitled", among another language's words, or inside a longer stretch in italics
    than the opener's (whose head word starts at ``head``)."""
    lo, hi = p.content.start, p.content.end
    text = ctx.text
    if in_spans(span.start, quote_spans(ctx)):
        return "unless the quotation is the draft's own words"
    if unless := outside_prose(text, span, lo, hi):
        return unless
    if in_entitled_title(text, span.start, lo):
        return "unless it is no part of the title after 'entitled'"
    if in_foreign_phrase(text, span.start, span.end, lo, hi):
        return "unless it is a word of the other language around it"
    if in_longer_italics(ctx, span, lo, hi, head):
        return "unless the italics are a title's or another language's"
    return ""


def outside_prose(text: str, span: Span, lo: int, hi: int) -> str:
    """Why ``span`` of ``text[lo:hi]`` (its paragraph) is no prose, as a fix title's
    proviso ("" when it is): in a web or e-mail address, a code span or a comment. Even a
    fix that keeps the words as read (TRM015's Latin letters for look-alikes) may change
    an address or a name in code there."""
    if in_address(text, span.start, span.end):
        return "unless it is no part of the address"
    if in_code_span(text, span.start, span.end, lo, hi):
        return "unless the code is prose"
    if in_comment(text, span.start, lo):
        return "unless the comment is the drafter's own words"
    return ""


def opener_head(ctx: RuleContext, p) -> int:
    """Where the paragraph's opener word starts: after Markdown emphasis ("*Recognising*")
    and a modifier ("Further recognising"), where a capital is the opener's, not a name's;
    the content's start in a paragraph led by no opener."""
    if p.kind not in _CLAUSES:
        return p.content.start
    op = ctx.opener(p)
    return op.head.start if op is not None else p.content.start


def guarded(ctx: RuleContext, span: Span, fix: Fix, p=None) -> tuple[Fix, str]:
    """``fix`` for the words at ``span`` (in paragraph ``p``, found when not given), made
    unsafe with the reason in its title when the words may not be the drafter's own
    (:func:`not_the_drafters`), and that reason ("" when none)."""
    if fix.applicability is not Applicability.SAFE:
        return fix, ""
    p = p if p is not None else ctx.facts.paragraph_at(span.start)
    if p is None:
        return fix, ""
    unless = not_the_drafters(ctx, p, span, opener_head(ctx, p))
    if not unless:
        return fix, ""
    return Fix(f"{fix.title} ({unless})", Applicability.UNSAFE, fix.edits), unless
