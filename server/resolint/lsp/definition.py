"""Go to definition from a reference such as "paragraph 5 above" to operative paragraph 5.

A reference is "paragraph N" or "paragraphs N, M and K" (with "to", "-" or "–" between
numbers too). The number under the cursor is the target (on the word "paragraph", the
first number). A reference followed by "of" and anything but the present resolution
("paragraph 3 of resolution 2250 (2015)", "paragraph 2 of the annex", "of article 5") names
another text's paragraph and has no target here. The paragraph is looked up among the top-level operative paragraphs of
the same part first (multi-part resolutions number each part from 1), then of any part.
"""

from __future__ import annotations

import re

from resolint.lsp.state import LintState
from resolint.model import Kind, Paragraph
from resolint.source import Span

_REF = re.compile(r"\bparagraphs?\s+(\d{1,3})((?:\s*(?:,|and|to|-|–|or)\s*(?:paragraph\s+)?\d{1,3})*)", re.IGNORECASE)
_NUM = re.compile(r"\d{1,3}")
#: After a reference (and an optional sub-paragraph label): "of" another text, not "of the present resolution".
_ELSEWHERE = re.compile(
    r"(?:\s*\([a-z]{1,4}\))*\s*,?\s*of\s+(?!(?:the\s+|this\s+)?(?:present|this)\s+(?:resolution|decision)\b)",
    re.IGNORECASE,
)


def reference_at(text: str, offset: int, window: int = 300) -> tuple[int, Span] | None:
    """(paragraph number, span of the number) of the reference under ``offset``."""
    lo = max(0, offset - window)
    hi = min(len(text), offset + window)
    for m in _REF.finditer(text, lo, hi):
        if not (m.start() <= offset <= m.end()):
            continue
        if _ELSEWHERE.match(text, m.end()):
            return None
        nums = [(int(n.group(0)), Span(n.start(), n.end())) for n in _NUM.finditer(text, m.start(1), m.end())]
        for value, span in nums:
            if span.start <= offset <= span.end:
                return value, span
        return nums[0] if nums else None
    return None


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
        return None
    number = ref[0]
    res = state.result.resolution
    candidates = [p for p in res.paragraphs if p.kind is Kind.OPERATIVE and p.parent is None and p.number == number]
    if not candidates:
        return None
    part = _part_of(res.paragraphs, offset)
    same = [p for p in candidates if p.part == part]
    return (same or candidates)[0]
