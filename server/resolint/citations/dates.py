"""Dates in the text ("21 November 2016", "November 21, 2016", "21st of November 2016").
"""

from __future__ import annotations

import re

from resolint.citations import patterns as P
from resolint.citations.types import (
    MONTH_NAMES,
    DateMention,
)
from resolint.literals import first_of
from resolint.source import Span


def date_from_match(m: re.Match, base: int = 0) -> DateMention:
    if m.group("d1"):
        day, month, year = int(m.group("d1")), P.MONTH_NUMBER[m.group("m1")], int(m.group("y1"))
        form = "ordinal" if m.group("o1") else ("dmy-comma" if m.group("c1") else "dmy")
    else:
        day, month, year = int(m.group("d2")), P.MONTH_NUMBER[m.group("m2")], int(m.group("y2"))
        form = "mdy-ordinal" if m.group("o2") else "mdy"
    return DateMention(Span(base + m.start(), base + m.end()), day, month, year, form, m.group(0))


def _months(text: str, starts: list[int] | None):
    """The matches of ``P.MONTH`` in ``text``, tried where a month name starts: at
    ``starts`` when known, else where :func:`~resolint.literals.first_of` finds one (a
    month name never starts inside another, so these are all the places one does)."""
    if starts is None:
        starts = [pos for pos, _ in first_of(text, MONTH_NAMES)]
    for s in starts:
        m = P.MONTH.match(text, s)
        if m is not None:
            yield m


def find_dates(text: str, months: list[int] | None = None) -> list[DateMention]:
    """Every date in ``text``, found from its month name (one fast literal scan), or from
    ``months``, where month names start in ``text`` when they are known (in order; month
    names never overlap, so these are the matches the scan would find)."""
    out: list[DateMention] = []
    last_end = 0
    for m in _months(text, months):
        ms, me = m.start(), m.end()
        if ms and text[ms - 1].isalpha():
            continue
        month = P.MONTH_NUMBER[m.group(0)]
        before = P.DAY_BEFORE.search(text, max(last_end, ms - 12), ms)
        after = P.YEAR_AFTER.match(text, me) if before else None
        if before and after:
            start = before.start()
            form = "ordinal" if before.group("o") else ("dmy-comma" if after.group("c") else "dmy")
            d = DateMention(Span(start, after.end()), int(before.group("d")), month, int(after.group("y")), form, text[start : after.end()])
        else:
            md = P.DAY_YEAR_AFTER.match(text, me)
            if not md:
                continue
            form = "mdy-ordinal" if md.group("o") else "mdy"
            d = DateMention(Span(ms, md.end()), int(md.group("d")), month, int(md.group("y")), form, text[ms : md.end()])
        out.append(d)
        last_end = d.span.end
    return out
