"""No finding's edge, and no fix's, between a letter and the accents written after it.

An accented letter may be two or more code points: the letter and combining marks after
it ("e" + U+0301 for "é"). macOS keeps names so, and text copied from a PDF often has
them. The rules read words as runs of letters, and a combining mark is none: a word's end
fell between "e" and its accent, and a fix replacing the word left the accent on what it
wrote ("Deeply concerne\u0301 by" became "Deeply concerned\u0301 by": PRE002's fix, found
by a probe of the language server). The engine moves every edge that stands just before a
combining mark to after the marks, for each finding and each of its fixes' edits, whatever
the rule: a replacement then takes the whole letter, and an insertion goes after it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Any, TypeVar

from resolint.rule import Edit, Fix
from resolint.source import Span

#: A finding (anything with a ``span`` and a ``fix`` a dataclass copy can replace).
F = TypeVar("F", bound=Any)

#: Below this code point no character is a combining mark (U+0300 is the first): the
#: usual edge is told apart with one comparison, not a Unicode lookup.
_FIRST_MARK = "\u0300"


def _past_marks(text: str, i: int) -> int:
    """``i``, or the offset after the combining marks that start there."""
    n = len(text)
    while i < n and text[i] >= _FIRST_MARK and unicodedata.combining(text[i]):
        i += 1
    return i


def _whole(span: Span, text: str) -> Span:
    """``span`` with each edge moved past the combining marks that start there: the marks
    belong to the letter before the edge."""
    start, end = _past_marks(text, span.start), _past_marks(text, span.end)
    if (start, end) == (span.start, span.end):
        return span
    return Span(min(start, end), end)


def _whole_fix(fix: Fix, text: str) -> Fix:
    edits = tuple(e if (s := _whole(e.span, text)) is e.span else Edit(s, e.new_text) for e in fix.edits)
    return fix if all(a is b for a, b in zip(edits, fix.edits, strict=True)) else Fix(fix.title, fix.applicability, edits)


def guard_findings(findings: list[F], text: str) -> list[F]:
    """``findings`` with each edge before a combining mark moved past the marks; the
    others kept, not copied. Only the edges are looked at, each first by one comparison
    (the language server runs this after every keystroke: a call per finding and edge
    was 1.5 ms at 1 MB; a scan of the whole text for marks cost more on a corpus)."""
    if text.isascii():
        return findings
    out: list[F] | None = None
    n = len(text)
    for i, f in enumerate(findings):
        if not _may_touch_marks(f, text, n):
            continue
        span = _whole(f.span, text)
        fix = f.fix if f.fix is None else _whole_fix(f.fix, text)
        if span is not f.span or fix is not f.fix:
            if out is None:
                out = list(findings)
            out[i] = replace(f, span=span, fix=fix)
    return findings if out is None else out


def _may_touch_marks(f: Any, text: str, n: int) -> bool:
    """Whether an edge of ``f`` or of its fix's edits stands before a character that may
    be a combining mark (at or past U+0300)."""
    span = f.span
    if (span.start < n and text[span.start] >= _FIRST_MARK) or (span.end < n and text[span.end] >= _FIRST_MARK):
        return True
    if f.fix is not None:
        for e in f.fix.edits:
            if (e.span.start < n and text[e.span.start] >= _FIRST_MARK) or (e.span.end < n and text[e.span.end] >= _FIRST_MARK):
                return True
    return False
