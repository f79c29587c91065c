"""What a draft says after an INTERPOL resolution's symbol about where and when it was
adopted: "GA-2016-85-RES-02 (Kigali, 2016)", "AG-2001-RES-05 adopted at the 70th session
in Budapest", "GA-2021-89-RES-11, adopted in Istanbul, Türkiye, in 2021".

The symbol gives the year (or the session); the session table gives the session's place,
so each of these can contradict it. Read when CIT003 asks, from the text after the
symbol (and after its date, when one follows). Only these forms are read: a place after a
bare "in" ("GA-2018-87-RES-03 in Santiago") may be where something was done under the
resolution, not where it was adopted.
"""

from __future__ import annotations

import re

from resolint.citations.types import MONTH_NAMES
from resolint.lazyre import lazy
from resolint.records import record
from resolint.source import Span

#: A place as written: "Kigali", "New Delhi", "Rio de Janeiro", "Saint-Denis", "Yaoundé";
#: not a month ("adopted in December 2018" is a date).
_PLACE = (
    rf"(?!(?:{'|'.join(MONTH_NAMES)})\b)"
    r"[A-Z][^\W\d_]*(?:(?:[ \-]|\s(?:de|da|do|di|of)\s)[A-Z][^\W\d_]*){0,3}"
)
_BRACKETS = lazy(rf"\s?\((?P<place>{_PLACE}),\s?(?P<year>\d{{4}})\)")
_ADOPTED = lazy(
    r",?\s{1,3}(?P<adopted>adopted\s{1,3})?"
    r"(?:(?:at|during|by)\s{1,3}(?:the|its)\s{1,3}(?P<session>\d{1,3})(?:st|nd|rd|th)\s{1,3}"
    r"(?:General\s{1,3}Assembly\s{1,3})?session\b,?\s{0,3}(?:held\s{1,3})?)?"
    rf"(?:in\s{{1,3}}(?P<place>{_PLACE})(?:,\s{{1,3}}{_PLACE})?)?"
    r"(?:,?\s{1,3}in\s{1,3}(?P<year>\d{4})(?![\w/])|\s?\((?P<byear>\d{4})\))?"
)


@record(frozen=True, slots=True)
class AdoptionSaid:
    """The place, session and year a draft gives for an INTERPOL resolution it cites;
    each with its span, or None where the draft does not give it."""

    place: str | None = None
    place_span: Span | None = None
    session: int | None = None
    session_span: Span | None = None
    year: int | None = None
    year_span: Span | None = None
    span: Span | None = None  # all that was read


def adoption_after(text: str, end: int) -> AdoptionSaid | None:
    """What the text right after ``end`` (a symbol's end, or its date's) says of where and
    when the resolution was adopted; None when it says nothing."""
    m = _BRACKETS.match(text, end)
    if m is not None:
        return AdoptionSaid(
            m.group("place"), Span(*m.span("place")), None, None, int(m.group("year")), Span(*m.span("year")), Span(*m.span())
        )
    m = _ADOPTED.match(text, end)
    if m is None or not (m.group("adopted") or m.group("session")):
        return None
    year = _group(m, "year", "byear")
    if not (m.group("place") or m.group("session") or year):
        return None
    return AdoptionSaid(
        m.group("place"), Span(*m.span("place")) if m.group("place") else None,
        int(m.group("session")) if m.group("session") else None, Span(*m.span("session")) if m.group("session") else None,
        int(m.group(year)) if year else None, Span(*m.span(year)) if year else None,
        Span(*m.span()),
    )


#: A session named in running text with its place or year, as INTERPOL texts recall
#: earlier ones: "at the 67th session in Cairo (1998)", "at its 88th session, held in
#: Santiago, in 2019", "the 70th General Assembly session (Budapest, 2001)". Found from
#: the word "session" (a literal the engine scans for fast: a pattern opening on the
#: ordinal was tried at every position, 0.1 s a megabyte), then read back and forth.
_SESSION_WORD = lazy(r"session\b")
_ORDINAL_BEFORE = lazy(
    r"(?P<its>\bits\s{1,3})?(?<![\w/.-])(?P<session>\d{1,3})(?:st|nd|rd|th)\s{1,3}(?:General\s{1,3}Assembly\s{1,3})?$"
)
_SESSION_TAIL = lazy(
    rf"(?:,?\s{{1,3}}(?:held\s{{1,3}})?in\s{{1,3}}(?P<place>{_PLACE})(?:,\s{{1,3}}{_PLACE})?)?"
    r"(?:\s?\((?:(?P<bplace>[A-Z][^\W\d_]*(?:[ \-][A-Z][^\W\d_]*){0,3}),\s?)?(?P<byear>\d{4})\)"
    r"|,?\s{1,3}in\s{1,3}(?P<year>\d{4})(?![\w/]))?"
)


def _group(m: re.Match, *names: str) -> str | None:
    """The first of ``names`` that matched."""
    return next((n for n in names if m.group(n)), None)


def sessions_said(text: str):
    """(span of the mention, what it says, whether the draft says "its") for each
    session named with a place or a year."""
    for w in _SESSION_WORD.finditer(text):
        head = _ORDINAL_BEFORE.search(text, max(0, w.start() - 60), w.start())
        if head is None:
            continue
        tail = _SESSION_TAIL.match(text, w.end())
        place, year = _group(tail, "place", "bplace"), _group(tail, "byear", "year")
        if place is None and year is None:
            continue
        yield Span(head.start(), tail.end()), AdoptionSaid(
            tail.group(place) if place else None, Span(*tail.span(place)) if place else None,
            int(head.group("session")), Span(*head.span("session")),
            int(tail.group(year)) if year else None, Span(*tail.span(year)) if year else None,
        ), bool(head.group("its"))
