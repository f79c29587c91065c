"""References to the resolution's own paragraphs ("paragraph 5 above", "paragraph 3 (b)")
and the paragraph each points to.
"""

from __future__ import annotations

import re

from resolint.citations import patterns as P
from resolint.citations.scan import _matches_at
from resolint.citations.types import (
    InternalReference,
)
from resolint.model import Kind, LabelScheme, Paragraph, Resolution, paragraphs_after
from resolint.records import record
from resolint.source import Span, word_before

#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_ARABIC, _OPERATIVE = LabelScheme.ARABIC, Kind.OPERATIVE


def _numbered_paragraphs(res: Resolution) -> dict[tuple[int, int], list[Paragraph]]:
    """Operative paragraphs (and INTERPOL list items) by (part, number), in text order:
    an omnibus resolution numbers each section from 1, so one part may have several."""
    out: dict[tuple[int, int], list[Paragraph]] = {}
    for p in res.paragraphs:
        if p.kind is _OPERATIVE and p.label is not None and p.label.scheme is _ARABIC:
            out.setdefault((p.part, p.label.value), []).append(p)
    return out


def numbered_paragraphs(res: Resolution) -> dict[tuple[int, int], list[Paragraph]]:
    """:func:`_numbered_paragraphs`, for :func:`numbered_target`'s callers outside the package."""
    return _numbered_paragraphs(res)


def _section_at(res: Resolution, offset: int) -> list[Paragraph]:
    """The top-level operative paragraphs numbered together (a section of an omnibus
    resolution, or a whole part) that the last one starting before ``offset`` belongs to."""
    found: list[Paragraph] = []
    for seq in res.sequences:
        if seq and seq[0].parent is None and seq[0].span.start <= offset:
            if not found or seq[0].span.start > found[0].span.start:
                found = seq
    return found


def numbered_target(res: Resolution, numbered, number: int, part: int, offset: int) -> Paragraph | None:
    """Operative paragraph ``number`` as a reference at ``offset`` in part ``part`` means
    it: the one of its own section first (each section of an omnibus resolution is
    numbered from 1: "paragraph 2 above" in section II is section II's paragraph 2), then
    the part's first top-level one, then its first list item (INTERPOL numbers the items
    of "CALLS UPON … to:"). CIT011 and go-to-definition both ask this, so the finding and
    the jump name one paragraph."""
    candidates = numbered.get((part, number))
    if not candidates:
        return None
    if len(candidates) > 1:
        section = {id(q) for q in _section_at(res, offset)}
        own = next((q for q in candidates if id(q) in section), None)
        if own is not None:
            return own
    return next((q for q in candidates if q.parent is None), candidates[0])


def _sub_target(parent: Paragraph, sub: str) -> Paragraph | None:
    """The sub-paragraph labelled ``sub`` under ``parent``, shallowest first."""
    level = list(parent.children)
    while level:
        for c in level:
            if c.label is not None and c.label.text.strip("().").lower() == sub.lower():
                return c
        level = [g for c in level for g in c.children]
    return None


def _sub_after(res: Resolution, para: Paragraph, sub: str) -> Paragraph | None:
    """A sub-paragraph labelled ``sub`` between ``para`` and the next operative paragraph:
    the parser may have hung it elsewhere, but the reader sees it under ``para``."""
    for q in paragraphs_after(res.paragraphs, para.index):
        if q.kind is Kind.OPERATIVE and q.parent is None and q.label is not None and q.label.scheme is LabelScheme.ARABIC:
            return None
        if q.kind is Kind.SUBPARAGRAPH and q.label is not None and q.label.text.strip("().").lower() == sub.lower():
            return q
    return None


def _top(p: Paragraph) -> Paragraph:
    while p.parent is not None and p.kind is Kind.SUBPARAGRAPH:
        p = p.parent
    return p


def _is_internal(ptext: str, m) -> bool:
    """Whether a match of ``P.INTERNAL`` is a reference of its own ("paragraph 5 above"):
    not the end of a longer word, and, without "above"/"below"/"of the present
    resolution", not a paragraph of another text ("paragraph 5 of resolution 70/1")."""
    if word_before(ptext, m.start()):
        return False
    if m.group("tail"):
        return True
    return not (P.EXTERNAL_TAIL.match(ptext, m.end()) or P.EXTERNAL_HEAD.search(ptext, max(0, m.start() - 20), m.start()))


def _target(p: Paragraph, res: Resolution, numbered, num: int | None, sub: str) -> Paragraph | None:
    """The paragraph "paragraph ``num`` (``sub``)" points to, or None."""
    if num is not None:
        target = numbered_target(res, numbered, num, p.part, p.span.start)
        if target is not None and sub:
            target = _sub_target(target, sub) or _sub_after(res, target, sub)
        return target
    if sub:
        top = _top(p)
        return _sub_target(top, sub) if top.kind is Kind.OPERATIVE else None
    return None


@record(frozen=True, slots=True)
class InternalCandidate:
    """A reference to one of the text's own paragraphs as its paragraph tells it (offsets
    relative to the paragraph); :func:`resolve_internal` finds its target."""

    start: int
    end: int
    number: int | None
    sub: str
    direction: str


def _direction(tail: str) -> str:
    return "above" if "above" in tail else "below" if "below" in tail else ("present" if tail else "")


#: After "paragraphs 1": more numbers, then where they are ("paragraphs 1 and 7 above",
#: "paragraphs 2, 3 and 5 below", "paragraphs 1 to 5 of the present resolution").
_MORE_NUMBERS = re.compile(
    r"(?P<more>(?:\s*,\s*(?:and\s+)?|\s+(?:and|to)\s+|\s?[–-]\s?)(?:paragraphs?\s+)?\d{1,3}(?![\d/.])){1,12}"
    r"(?P<tail>\s+(?:above|below|of\s+(?:the\s+present|this)\s+resolution|hereof))"
)
_NUMBER = re.compile(r"(?:[Pp]aragraphs?\s+)?(?P<n>\d{1,3})")


def _listed(ptext: str, m) -> list[InternalCandidate]:
    """ "paragraphs 1 and 7 above": one candidate per number, each with the list's
    direction (only the first was read, without one, so a missing 7 passed)."""
    if m.group("sub1") or m.group("tail") or not m.group("num") or word_before(ptext, m.start()):
        return []
    more = _MORE_NUMBERS.match(ptext, m.end())
    if more is None:
        return []
    direction = _direction(more.group("tail"))
    out = [InternalCandidate(m.start(), m.end(), int(m.group("num")), "", direction)]
    for n in _NUMBER.finditer(ptext, more.start("more"), more.end("more")):
        out.append(InternalCandidate(n.start(), n.end(), int(n.group("n")), "", direction))
    return out


def internal_candidates(ptext: str) -> tuple[InternalCandidate, ...]:
    """The internal references of one paragraph ("paragraph 5 above", "paragraphs 1 and 7 above")."""
    out: list[InternalCandidate] = []
    read = 0  # where the last list read ends ("paragraphs 1 and paragraph 7 above" is one)
    for m in _matches_at(P.INTERNAL, ptext, ("aragraph",), (5, 4, 1)):
        if m.start() < read:
            continue
        listed = _listed(ptext, m)
        if listed:
            out.extend(listed)
            read = listed[-1].end
            continue
        if not _is_internal(ptext, m):
            continue
        num = int(m.group("num")) if m.group("num") else None
        sub = m.group("sub1") or m.group("sub2") or ""
        out.append(InternalCandidate(m.start(), m.end(), num, sub, _direction(m.group("tail") or "")))
    return tuple(out)


def resolve_internal(c: InternalCandidate, d: int, p: Paragraph, res: Resolution, numbered) -> InternalReference:
    """The reference ``c`` in paragraph ``p`` (starting at ``d``), with its target."""
    target = _target(p, res, numbered, c.number, c.sub)
    ref = InternalReference(Span(c.start + d, c.end + d), c.number, c.sub, c.direction, target, None, p)
    if target is not None:
        ref.target_line = res.source.position(target.span.start).line
    return ref
