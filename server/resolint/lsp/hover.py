"""Hover: rule documentation on a finding, what an opener is, and citations.

Citations plug in without this module knowing their type: if the parsed resolution has
a ``citations`` attribute whose items have a ``span`` and either a ``describe()`` method
or a ``hover`` attribute (text or Markdown), the text under the cursor's citation is
shown. That is the contract with the citations engine (``LintResult.facts.citations``).
"""

from __future__ import annotations

import re

from lsprotocol import types

from resolint.custom_rules.rule import KNOWN
from resolint.docs import rule_url
from resolint.lsp.diagnostics import lsp_range
from resolint.lsp.outline import opener_of
from resolint.lsp.state import LintState
from resolint.model import Kind
from resolint.registry import rule_by_code
from resolint.source import Span


def citation_hovers(state: LintState, offset: int) -> list[tuple[Span, str]]:
    out = []
    for c in state.result.facts.citations or ():
        span = getattr(c, "span", None)
        if span is None or not (span.start <= offset < span.end):
            continue
        text = None
        try:
            describe = getattr(c, "describe", None)
            text = describe() if callable(describe) else getattr(c, "hover", None)
        except Exception:  # a citation provider's bug must not break hover
            text = None
        if text:
            out.append((span, str(text)))
    return out


def rule_hover(code: str, docs_base: str = "") -> str:
    rule = rule_by_code(code)
    if rule is None:
        house = KNOWN.get(code.upper())
        if house is not None:  # a house rule documents itself (there is no page to link to)
            what = house.doc_sections().get("What it does", house.summary)
            return f"**{house.code} {house.name}** — {house.summary}\n\n{what}"
        return f"**{code}** — [documentation]({rule_url(code, docs_base)})"
    what = rule.doc_sections().get("What it does", rule.summary)
    return f"**{rule.code} {rule.name}** — {rule.summary}\n\n{what}\n\n[Rule documentation]({rule_url(code, docs_base)})"


def opener_hover(state: LintState, offset: int) -> tuple[Span, str] | None:
    res = state.result.resolution
    for p in res.paragraphs:
        if p.span.start > offset:
            break
        if p.kind not in (Kind.PREAMBLE, Kind.OPERATIVE) or not (p.span.start <= offset < p.span.end):
            continue
        if p.parent is not None and p.parent.heads_group:
            continue  # an item of a group ("a) that …") has no opener of its own
        op = opener_of(state, p)
        if op is None or not (op.span.start <= offset < op.span.end):
            continue
        style = state.result.style
        word = state.text[op.span.start : op.span.end]
        if p.kind is Kind.PREAMBLE:
            # (what the place asks for, not what the word is: "Recalls" there is no participle)
            what = "opens a preambular paragraph: a preambular opener is a participle or adjective that sets out a consideration (the paragraph ends with a comma)"
            listing = "preambular"
        else:
            what = "opens an operative paragraph: an operative opener is a verb in the present tense that states what the body does (the paragraph is numbered)"
            listing = "operative"
        if p.heads_group:
            n = len(res.group_items(p))
            what = f"the opener of a group of {n} {'item' if n == 1 else 'items'} below it ({'preambular' if p.kind is Kind.PREAMBLE else 'operative'} part)"
        if op.listed:
            listed = f"Listed in the **{style.name}** style as “{op.phrase}”."
        else:
            listed = f"Not in the **{style.name}** style's list of {listing} openers."
        return op.span, f"**{word}** — {what}.\n\n{listed}"
    return None


#: A rule code as a directive names it ("PRE004", "hse001").
_CODE = re.compile(r"[A-Za-z]{2,4}\d{3}")


def directive_code_hover(state: LintState, offset: int) -> tuple[Span, str] | None:
    """The documentation of the rule a directive comment names under the cursor
    (``<!-- resolint: ignore[PRE004] -->``): hovering the code showed nothing."""
    text = state.text
    for d in state.result.resolution.directives:
        if not (d.span.start <= offset < d.span.end):
            continue
        for m in _CODE.finditer(text, d.span.start, d.span.end):
            code = m.group().upper()
            if m.start() <= offset < m.end() and (rule_by_code(code) is not None or code in KNOWN):
                return Span(m.start(), m.end()), rule_hover(code, state.docs_base)
    return None


def hover(state: LintState, offset: int) -> types.Hover | None:
    parts: list[str] = []
    spans: list[Span] = []
    for span, text in citation_hovers(state, offset):
        parts.append(text)
        spans.append(span)
    op = opener_hover(state, offset) or directive_code_hover(state, offset)
    if op:
        spans.append(op[0])
        parts.append(op[1])
    codes_seen: set[str] = set()
    for f in state.findings:
        hit = f.span.start <= offset < f.span.end or (len(f.span) == 0 and f.span.start == offset)
        if hit and f.code not in codes_seen:
            codes_seen.add(f.code)
            spans.append(f.span)
            parts.append(rule_hover(f.code, state.docs_base))
    if not parts:
        return None
    span = min(spans, key=len)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
        range=lsp_range(state.index, span),
    )
