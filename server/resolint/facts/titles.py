"""What the title block, the opening and the closing say about the text itself.

Shared by the DOC rules that compare the title block with the opening and with the
reference data (sessions, places, dates); read as ``Analysis.titles``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resolint.citations.extract import date_from_match
from resolint.citations.patterns import DATE, MONTH_NUMBER, MONTHS, SYMBOL, symbol_boundary
from resolint.citations.types import DateMention
from resolint.model import Kind, Resolution
from resolint.parser.patterns import INTERPOL_MEETING, TITLE_NUMBER, UN_TITLE
from resolint.source import Span

#: "from 24 to 27 November 2025", "from 28 November to 1 December 2023", "24-27 November 2025".
DATE_RANGE = re.compile(
    rf"(?:from\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<m1>{MONTHS}))?(?:\s+(?P<y1>\d{{4}}))?"
    rf"\s*(?:to|–|-|—|until)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTHS})\s+(?P<y2>\d{{4}})"
)


@dataclass(slots=True)
class Meeting:
    """The INTERPOL opening's "meeting in <place> from <dates> at its <Nth> session"."""

    place: str
    place_span: Span
    session: int
    session_span: Span  # "93rd"
    suffix: str
    start: tuple[int, int, int] | None = None  # (year, month, day)
    end: tuple[int, int, int] | None = None
    dates_span: Span | None = None


@dataclass(slots=True)
class SymbolNumber:
    text: str
    span: Span
    number: int | None = None
    session: int | None = None
    year: int | None = None
    kind: str = ""  # interpol / un / resolution-no


@dataclass(slots=True)
class TitleFacts:
    numbers: list[SymbolNumber] = field(default_factory=list)
    meeting: Meeting | None = None
    closing_date: DateMention | None = None


def find_title_facts(res: Resolution) -> TitleFacts:
    text = res.source.text
    facts = TitleFacts()
    for p in res.title.paragraphs:
        body = text[p.span.start : p.span.end]
        base = p.span.start
        m = TITLE_NUMBER.search(body)
        if m:
            facts.numbers.append(SymbolNumber(m.group(0), Span(base + m.start("n"), base + m.end("n")), int(m.group("n")), kind="resolution-no"))
        m = UN_TITLE.match(body)
        if m:
            sym = m.group("sym")
            sess = re.match(r"(?:S-|ES-)?(\d+)/", sym)
            facts.numbers.append(SymbolNumber(sym, Span(base + m.start("sym"), base + m.end("sym")), int(m.group("n")),
                                              session=int(sess.group(1)) if sess and not sym.startswith(("S-", "ES-")) else None, kind="un"))
            continue
        for s in SYMBOL.finditer(body):
            if not symbol_boundary(body, s.start()):
                continue
            g = s.group
            span = Span(base + s.start(), base + s.end())
            if g("ip_y"):
                facts.numbers.append(SymbolNumber(s.group(0), span, int(g("ip_n")), int(g("ip_s")) if g("ip_s") else None, int(g("ip_y")), "interpol"))
            elif g("agn_s"):
                facts.numbers.append(SymbolNumber(s.group(0), span, int(g("agn_n")), int(g("agn_s")), None, "interpol"))
            elif g("a_s") and not g("a_kind"):
                facts.numbers.append(SymbolNumber(s.group(0), span, int(g("a_n")), int(g("a_s")), None, "un"))
    for p in res.openings[:1]:
        body = text[p.span.start : p.span.end]
        m = INTERPOL_MEETING.search(body)
        if m:
            base = p.span.start
            meet = Meeting(
                m.group("place").strip(" ,"), Span(base + m.start("place"), base + m.end("place")),
                int(m.group("session")), Span(base + m.start("session"), base + m.end("suffix" if m.group("suffix") else "session")),
                m.group("suffix") or "",
            )
            r = DATE_RANGE.search(m.group("dates"))
            if r:
                y2, mo2, d2 = int(r.group("y2")), MONTH_NUMBER[r.group("m2")], int(r.group("d2"))
                mo1 = MONTH_NUMBER[r.group("m1")] if r.group("m1") else mo2
                y1 = int(r.group("y1")) if r.group("y1") else y2
                meet.start, meet.end = (y1, mo1, int(r.group("d1"))), (y2, mo2, d2)
                meet.dates_span = Span(base + m.start("dates"), base + m.end("dates"))
            else:
                d = DATE.search(m.group("dates"))
                if d:
                    dm = date_from_match(d, base + m.start("dates"))
                    meet.start = meet.end = (dm.year, dm.month, dm.day)
                    meet.dates_span = dm.span
            facts.meeting = meet
    for p in res.paragraphs:
        if p.kind is Kind.CLOSING:
            for d in DATE.finditer(text, p.span.start, p.span.end):
                facts.closing_date = date_from_match(d, 0)
    return facts
