"""What a list introduces, kept out of reach of safe fixes.

A paragraph that ends with a colon and is followed by list items ("…should include:"
then "• reporting on …") introduces that list: turning the colon into a semicolon, or
capitalizing an item's first word as if it opened a paragraph of its own, changes what
the text says (issue 18: three real drafts were damaged this way). The parser does not
always see such items as sub-paragraphs (a bullet under a numbered paragraph may be
read as a paragraph of its own), so rules that judge punctuation or case by the parse
can propose those fixes.

This module marks the protected spans from the text itself, and the engine demotes a
safe fix that would change one of them to unsafe: every rule, today's or a future one,
is held to the same guarantee. Rules that know better also stay silent there.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Any, TypeVar

from resolint.model import Paragraph, Resolution
from resolint.rule import Applicability, Fix
from resolint.source import Span

#: A finding (anything with a ``fix`` a dataclass copy can replace).
F = TypeVar("F", bound=Any)


def _first_letter(res: Resolution, p: Paragraph) -> int | None:
    text = res.source.text
    for i in range(p.content.start, min(p.content.end, p.content.start + 8)):
        if text[i].isalpha():
            return i
    return None


def protected_spans(res: Resolution) -> list[Span]:
    """The colon before each list and the first letter of each list item, sorted.

    Which paragraphs end with a colon is read for all of them at once, and a paragraph
    with a label or bullet is told apart without a call: the language server asks this
    after every keystroke, and three calls per paragraph made it a pass over the
    document in Python (the rest of the loop is one test per paragraph)."""
    body, text = res.body, res.source.text
    colon = [p.terminal is not None and text[p.terminal.start] == ":" for p in body]  # _introduces of each
    out: list[Span] = []
    in_list = False
    for k, p in enumerate(body):
        item = p.bullet is not None or (
            k > 0 and p.label is None and (in_list or colon[k - 1]) and _lower_start(res, p)
        )
        if item:
            prev = body[k - 1] if k else None
            if prev is not None and colon[k - 1]:
                out.append(prev.terminal)  # type: ignore[arg-type]  # (colon: it has one)
            i = _first_letter(res, p)
            if i is not None:
                out.append(Span(i, i + 1))
        in_list = item
    out.sort(key=lambda s: s.start)
    return out


def _lower_start(res: Resolution, p: Paragraph) -> bool:
    i = _first_letter(res, p)
    return i is not None and res.source.text[i].islower()


def guard(fix: Fix | None, protected: list[Span], text: str, starts: list[int] | None = None) -> Fix | None:
    """``fix``, demoted to unsafe when it is safe and changes a protected span (``starts``:
    the spans' starts, when the caller guards many fixes)."""
    if fix is None or fix.applicability is not Applicability.SAFE or not protected:
        return fix
    if starts is None:
        starts = [s.start for s in protected]
    for e in fix.edits:
        k = bisect.bisect_left(starts, e.span.start)
        for s in protected[max(0, k - 1) : k + 2]:
            if e.span.start < s.end and s.start < e.span.end and text[e.span.start : e.span.end] != e.new_text:
                return Fix(fix.title, Applicability.UNSAFE, fix.edits)
    return fix


def guard_findings(findings: list[F], protected: list[Span], text: str) -> list[F]:
    """``findings`` with each fix guarded (:func:`guard`); a finding whose fix stays as
    it was is kept, not copied: copying every finding with a fix, and listing the
    protected starts for each, was a twentieth of a keystroke's lint in a long
    compilation with a thousand findings."""
    starts = [s.start for s in protected]
    out = list(findings)
    for i, f in enumerate(out):
        fix = f.fix
        if fix is not None and fix.applicability is Applicability.SAFE:
            guarded = guard(fix, protected, text, starts)
            if guarded is not fix:
                out[i] = replace(f, fix=guarded)
    return out


def protected_starts(ctx) -> set[int]:
    """Starts of the protected spans of a rule context's draft, computed once per lint."""
    return ctx.facts.derived(document_protected_starts)


def document_protected_spans(facts) -> list[Span]:
    """:func:`protected_spans` of an analysed draft, once per lint (``facts.derived``)."""
    return protected_spans(facts.resolution)


def document_protected_starts(facts) -> set[int]:
    """The starts of :func:`document_protected_spans`, once per lint (``facts.derived``)."""
    return {s.start for s in facts.derived(document_protected_spans)}
