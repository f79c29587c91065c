"""Where abbreviations are defined and used: shared by TRM008 and TRM009."""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolint.model import Kind
from resolint.rule import RuleContext
from resolint.source import Span
from resolint_rules.refs import in_spans, paragraph_at, quote_spans

#: "… Office on Drugs and Crime (UNODC)": a capitalized phrase, then the abbreviation in
#: parentheses. Roman numerals ("(XXX)") and single letters are not abbreviations.
DEFINITION = re.compile(r"\((?P<abbr>[A-Z][A-Za-z&]*[A-Z][A-Za-z0-9&]*)\)")
#: What stands before the parenthesis of a definition: a word (or a closing parenthesis) and a space.
_BEFORE = re.compile(r"[A-Za-z)]\s+$")
_ROMAN = re.compile(r"^[IVXLC]+$")


@dataclass(frozen=True, slots=True)
class Definition:
    abbr: str
    span: Span  # the abbreviation inside the parentheses
    part: int


def definitions(ctx: RuleContext) -> list[Definition]:
    key = "trm.abbr.definitions"
    if key in ctx.cache:
        return ctx.cache[key]
    text = ctx.text
    quotes = quote_spans(ctx)
    out = []
    if "(" not in text:
        ctx.cache[key] = out
        return out
    for m in DEFINITION.finditer(text):
        p = paragraph_at(ctx, m.start())
        if p is None or p.kind in (Kind.TITLE, Kind.ANNEX, Kind.DIRECTIVE, Kind.NOTE):
            continue  # the title repeats the agenda item; the body defines for itself
        if not _BEFORE.search(text, max(p.span.start, m.start() - 4), m.start()):
            continue
        abbr = m.group("abbr")
        if _ROMAN.match(abbr) or sum(ch.isupper() for ch in abbr) < 2 or in_spans(m.start(), quotes):
            continue
        # The phrase before must carry the capitals: "Office on Drugs and Crime (UNODC)".
        before = text[max(p.span.start, m.start() - 120) : m.start()]
        words = re.findall(r"[A-Z][\w’'-]*", before)
        if len(words) < 2 and not before.rstrip().endswith(("INTERPOL", "Interpol")):
            continue
        out.append(Definition(abbr, Span(m.start("abbr"), m.end("abbr")), p.part))
    ctx.cache[key] = out
    return out


def uses(ctx: RuleContext, abbr: str, before: int) -> list[Span]:
    """Uses of ``abbr`` as a word before offset ``before`` (own text, outside quotations)."""
    text = ctx.text
    quotes = quote_spans(ctx)
    out = []
    pos = text.find(abbr, 0, before)
    while pos >= 0:
        end = pos + len(abbr)
        prev = text[pos - 1] if pos else " "
        nxt = text[end] if end < len(text) else " "
        if not (prev.isalnum() or prev in "/-_(" or nxt.isalnum() or nxt in "/-_"):
            p = paragraph_at(ctx, pos)
            if p is not None and p.kind not in (Kind.ANNEX, Kind.DIRECTIVE, Kind.NOTE) and not in_spans(pos, quotes):
                out.append(Span(pos, end))
                break
        pos = text.find(abbr, end, before)
    return out
