"""Text-scanning helpers the extractors share: quotation spans, regex runs that start only
where a needle occurs, and the paragraphs a needle occurs in.
"""

from __future__ import annotations

import bisect
import re

from resolint.citations import patterns as P
from resolint.literals import matches_at, starts_of
from resolint.model import Paragraph


def _quotes(ptext: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches_at(P.QUOTE, ptext, starts_of(ptext, P.QUOTE_OPENERS))]


def _in(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _paragraphs_with(text: str, needles: tuple[str, ...], starts: list[int], body: list[Paragraph]) -> set[int]:
    """Indices of the paragraphs containing any of ``needles`` (``str.find``, one hit per paragraph)."""
    out: set[int] = set()
    n = len(text)
    for needle in needles:
        pos = text.find(needle)
        while pos >= 0:
            i = bisect.bisect_right(starts, pos) - 1
            if i >= 0 and pos < body[i].span.end:
                out.add(body[i].index)
                nxt = body[i].span.end
            else:
                nxt = pos + 1
            pos = text.find(needle, nxt) if nxt < n else -1
    return out


def _matches_at(pattern: re.Pattern[str], text: str, needles: tuple[str, ...], backs: tuple[int, ...]):
    """Matches of ``pattern`` that start ``back`` characters before a needle ("esolution" for
    "Resolution"), in text order, without overlaps: ``str.find`` does the scanning, the
    regex is tried only where it can match."""
    found = []
    for needle in needles:
        pos = text.find(needle)
        while pos >= 0:
            for back in backs:
                if pos - back >= 0:
                    m = pattern.match(text, pos - back)
                    if m is not None:
                        found.append(m)
                        break
            pos = text.find(needle, pos + 1)
    found.sort(key=lambda m: m.start())
    out, end = [], -1
    for m in found:
        if m.start() >= end:
            out.append(m)
            end = m.end()
    return out
