"""Go to definition from a reference such as "paragraph 5 above" to operative paragraph 5.

A reference is "paragraph N" or "paragraphs N, M and K" (with "to", "-" or "–" between
numbers too). The number under the cursor is the target (on the word "paragraph", the
first number). A reference followed by "of" and anything but the present resolution
("paragraph 3 of resolution 2250 (2015)", "paragraph 2 of the annex", "of article 5"), or
by "thereof", names another text's paragraph and has no target here. The paragraph is
looked up as CIT011 looks it up (:func:`resolint.citations.internal.numbered_target`):
among the operative paragraphs of the same section first (an omnibus resolution numbers
each section from 1), then of the same part (multi-part resolutions number each part from
1); not in another part, where CIT011 says the text has no such paragraph.

"paragraph 3 of section II" (or "of part B", "of chapter 2", "of the present resolution"
after it or not) is paragraph 3 under this draft's heading "II" ("II",
"II. Capital master plan", "Section II"), before the next heading numbered the same way;
no target when the draft has no such section, or when another text follows ("of section
II of resolution 72/266"): that is another text's section.

"paragraph 3 (b)" and "paragraph 3 (b) (ii)" go on down to that sub-paragraph of paragraph 3 when
the draft has it. "annex", "the annex" or "annex II" (not "the annex to resolution 70/1") goes to the
heading of that annex of the draft ("Annex II"), or of its first annex when none is named.
"""

from __future__ import annotations

import re

from resolint.citations.internal import numbered_paragraphs, numbered_target
from resolint.lsp.state import LintState
from resolint.model import Kind, Paragraph
from resolint.source import Span

_REF = re.compile(r"\bparagraphs?\s+(\d{1,3})((?:\s*(?:,|and|to|-|–|or)\s*(?:paragraph\s+)?\d{1,3})*)", re.IGNORECASE)
_NUM = re.compile(r"\d{1,3}")
#: Sub-paragraph labels right after a paragraph number: " (b)", " (b) (ii)", "(b)(ii)".
_SUB_LABELS = re.compile(r"(?:\s*\(([a-z]{1,4})\))+")
#: After a reference (and an optional sub-paragraph label): "of" another text, not "of the
#: present resolution", or "thereof" (of the text named before: "its resolution 66/233, in
#: particular paragraph 7 thereof").
_ELSEWHERE = re.compile(
    r"(?:\s*\([a-z]{1,4}\))*\s*,?\s*(?:thereof\b|of\s+(?!(?:the\s+|this\s+)?(?:present|this)\s+(?:resolution|decision)\b))",
    re.IGNORECASE,
)


#: After a reference (and its sub-paragraph labels): "of section II", "of part B", "of
#: chapter 2".
_OF_SECTION = re.compile(
    r"(?:\s*\([a-z]{1,4}\))*\s*,?\s*(?i:of\s+(?:section|part|chapter)\s+)"
    r"(?P<name>[IVXLC]{1,6}|[A-Z]|\d{1,2})\b"
)


def reference_at(text: str, offset: int, window: int = 300) -> tuple[int, Span, str | None] | None:
    """(paragraph number, span of the number, the section named after it or None) of
    the reference under ``offset``."""
    lo = max(0, offset - window)
    hi = min(len(text), offset + window)
    for m in _REF.finditer(text, lo, hi):
        if not (m.start() <= offset <= m.end()):
            continue
        section = _OF_SECTION.match(text, m.end())
        if _ELSEWHERE.match(text, section.end() if section else m.end()):
            return None
        name = section.group("name") if section else None
        nums = [(int(n.group(0)), Span(n.start(), n.end())) for n in _NUM.finditer(text, m.start(1), m.end())]
        for value, span in nums:
            if span.start <= offset <= span.end:
                return value, span, name
        return (*nums[0], name) if nums else None
    return None


#: "annex", "annex II", "annex 2", "annex A", unless it is another text's ("annex to/of resolution 70/1").
_ANNEX_REF = re.compile(r"\bannex(?![a-z])(?:\s+(?P<name>[IVXLC]{1,6}|\d{1,2}|[A-Z])\b)?", re.IGNORECASE)
_OTHER_TEXTS = re.compile(r"\s*,?\s*(?:to|of)\s+(?!(?:the\s+|this\s+)?(?:present|this)\s+(?:resolution|decision)\b)", re.IGNORECASE)
_ANNEX_HEAD = re.compile(r"\W*annex(?![a-z])(?:\s+(?P<name>[IVXLC]{1,6}|\d{1,2}|[A-Z])\b)?", re.IGNORECASE)


def annex_at(text: str, offset: int, window: int = 40) -> tuple[str | None, Span] | None:
    """(the annex's name or None, span of the reference) under ``offset``."""
    for m in _ANNEX_REF.finditer(text, max(0, offset - window), min(len(text), offset + window)):
        if not (m.start() <= offset <= m.end()):
            continue
        if _OTHER_TEXTS.match(text, m.end()):
            return None
        name = m.group("name")
        return (name.upper() if name else None), Span(m.start(), m.end())
    return None


def annex_target(state: LintState, offset: int) -> Paragraph | None:
    """The heading of the annex referred to under ``offset``, if the draft has it."""
    ref = annex_at(state.text, offset)
    if ref is None:
        return None
    heads = []
    for p in state.result.resolution.paragraphs:
        m = _ANNEX_HEAD.match(state.text, p.span.start, p.span.end) if p.kind is Kind.ANNEX else None
        if m is not None and p.span.start <= offset < p.span.end:
            return None  # on the heading itself
        if m is not None:
            heads.append(((m.group("name") or "").upper() or None, p))
    if ref[0] is None:
        return heads[0][1] if heads else None
    return next((p for name, p in heads if name == ref[0]), None)


def _part_of(paragraphs: list[Paragraph], offset: int) -> int | None:
    part = None
    for p in paragraphs:
        if p.span.start > offset:
            break
        part = p.part
    return part


def target(state: LintState, offset: int) -> Paragraph | None:
    ref = reference_at(state.text, offset)
    if ref is None:
        return annex_target(state, offset)
    number, span, section = ref
    res = state.result.resolution
    if section is not None:
        found = _in_section(state.text, res.paragraphs, section, number)
        return _down_to(state.text, span.end, found) if found is not None else None
    part = _part_of(res.paragraphs, offset)
    found = numbered_target(res, numbered_paragraphs(res), number, part if part is not None else 0, offset)
    return _down_to(state.text, span.end, found) if found is not None else None


#: A section heading's number or letter: "II", "II. Capital master plan", "Section II", "**B**".
#: A bare one ends at a full stop or the line's end ("A new approach" is no section A).
_SECTION_NAME = re.compile(
    r"[\W_]*(?:(?i:section|part|chapter)\s+(?P<named>[IVXLC]{1,6}|[A-Z]|\d{1,2})\b"
    r"|(?P<bare>[IVXLC]{1,6}|[A-Z]|\d{1,2})(?=[.:*_]|[ \t]*(?:\r?\n|$)))"
)


def _numbering(name: str) -> str:
    """How a section is numbered: "roman", "letter" or "digit" (sections numbered one
    way hold sub-sections numbered another: "II" / "A" / "B" / "III")."""
    if name.isdigit():
        return "digit"
    return "roman" if re.fullmatch("[IVXLC]+", name) and (len(name) > 1 or name in "IVX") else "letter"


def _in_section(text: str, paragraphs: list[Paragraph], name: str, number: int) -> Paragraph | None:
    """Top-level operative paragraph ``number`` after the heading of section ``name``
    and before the next heading numbered the same way."""
    inside = False
    for p in paragraphs:
        if p.kind is Kind.HEADING or p.kind is Kind.TITLE:  # (the first part's "A" is in the title block)
            m = _SECTION_NAME.match(text, p.span.start, p.span.end)
            heading = m and (m.group("named") or m.group("bare"))
            if heading and inside and _numbering(heading) == _numbering(name):
                return None
            inside = inside or heading == name
        elif inside and p.kind is Kind.OPERATIVE and p.parent is None and p.number == number:
            return p
    return None


def _down_to(text: str, after: int, p: Paragraph) -> Paragraph:
    """``p``, or its sub-paragraph named by the labels right after the number ("3 (b) (ii)"),
    as deep as the draft has them."""
    m = _SUB_LABELS.match(text, after)
    if m is None:
        return p
    for name in re.findall(r"\(([a-z]{1,4})\)", m.group(0)):
        child = next((c for c in p.children if c.label is not None and c.label.text.strip("().").lower() == name), None)
        if child is None:
            break
        p = child
    return p
