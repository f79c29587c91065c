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
from itertools import pairwise
from typing import Any, TypeVar

from resolint.model import Kind, Paragraph, Resolution
from resolint.rule import Applicability, Fix
from resolint.source import Span

#: A finding (anything with a ``fix`` a dataclass copy can replace).
F = TypeVar("F", bound=Any)
_DIRECTIVE = Kind.DIRECTIVE


def _first_letter(res: Resolution, p: Paragraph) -> int | None:
    text = res.source.text
    for i in range(p.content.start, min(p.content.end, p.content.start + 8)):
        if text[i].isalpha():
            return i
    return None


def protected_spans(res: Resolution, numbers: list[int] | None = None, kept: Any = None) -> list[Span]:
    """The colon before each list and the first letter of each list item, sorted.

    Read part by part (a compilation's resolutions, from one opening to the next), each
    from the state the part before left (whether its last paragraph ends with a colon,
    whether it ended in a list). With the language server's memo (``numbers``: the
    paragraphs' numbers, which stand for their texts and placements; ``kept``:
    :meth:`resolint.facts.Analysis.kept`), a part whose paragraphs and incoming state are
    those of an earlier lint takes that lint's answer, kept relative to its paragraphs:
    a keystroke reads again only the part it edited, not every paragraph of the
    document (issue 13). Without it, the same loop runs over every part."""
    paragraphs = res.paragraphs
    bounds = [0, *(o.index for o in res.openings[1:]), len(paragraphs)] if numbers is not None else [0, len(paragraphs)]
    out: list[Span] = []
    state: tuple[bool, bool] = (False, False)
    last: Paragraph | None = None  # the last paragraph of the body (no directive) read so far
    for a, b in pairwise(bounds):
        if a >= b:
            continue
        if numbers is None or kept is None:
            found = _part_spans(res, a, b, state)
        else:
            found = kept(("listguard", tuple(numbers[a:b]), state), lambda a=a, b=b, s=state: _part_spans(res, a, b, s))
        spans, state, tail = found
        for at, lo, hi in spans:
            if at < 0:  # the colon of the body paragraph before the part
                out.append(last.terminal)  # type: ignore[union-attr, arg-type]  # (a colon: there was one)
            else:
                base = paragraphs[a + at].span.start
                out.append(Span(base + lo, base + hi))
        if tail is not None:
            last = paragraphs[a + tail]
    out.sort(key=lambda s: s.start)
    return out


def _part_spans(res: Resolution, a: int, b: int, state: tuple[bool, bool]) -> tuple:
    """The protected spans of ``res.paragraphs[a:b]`` read from ``state`` (whether the
    body paragraph before ends with a colon, whether it is a list item): each as
    (position of its paragraph in the part, -1 for the body paragraph before it; start
    and end relative to that paragraph's start), the state after the part and the
    position of its last body paragraph (None: none). Which paragraphs end with a colon
    is read without a call per paragraph (three calls per paragraph made this a pass
    over the document in Python)."""
    text = res.source.text
    out: list[tuple[int, int, int]] = []
    colon_before, in_list = state
    tail: int | None = None
    for k in range(a, b):
        p = res.paragraphs[k]
        if p.kind is _DIRECTIVE:
            continue
        item = p.bullet is not None or (
            p.label is None and (in_list or colon_before) and _lower_start(res, p)
        )
        if item:
            if colon_before:
                if tail is None:
                    out.append((-1, 0, 0))  # (the colon of the body paragraph before the part)
                else:
                    prev = res.paragraphs[a + tail]
                    out.append((tail, prev.terminal.start - prev.span.start, prev.terminal.end - prev.span.start))  # type: ignore[union-attr]
            i = _first_letter(res, p)
            if i is not None:
                out.append((k - a, i - p.span.start, i + 1 - p.span.start))
        in_list = item
        colon_before = p.terminal is not None and text[p.terminal.start] == ":"
        tail = k - a
    return tuple(out), (colon_before, in_list), tail


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
    """:func:`protected_spans` of an analysed draft, once per lint (``facts.derived``);
    with the language server's memo, parts seen before are not read again."""
    numbers = facts.paragraph_numbers()
    return protected_spans(facts.resolution, numbers, facts.kept if numbers is not None else None)


def document_protected_starts(facts) -> set[int]:
    """The starts of :func:`document_protected_spans`, once per lint (``facts.derived``)."""
    return {s.start for s in facts.derived(document_protected_spans)}
