"""What the title block, the opening and the closing say about the text itself.

Shared by the DOC rules that compare the title block with the opening and with the
reference data (sessions, places, dates); read as ``Analysis.titles``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field, replace

from resolint.citations.extract import date_from_match
from resolint.citations.patterns import DATE, MONTH_NUMBER, MONTHS, SYMBOL, symbol_boundary
from resolint.citations.types import DateMention
from resolint.invisible import ReaderView, document_has_comment, document_may_hide, reader_view
from resolint.lazyre import lazy
from resolint.model import Kind, Paragraph, Resolution
from resolint.parser.patterns import INTERPOL_MEETING, TITLE_NUMBER, UN_TITLE
from resolint.parser.title import title_head
from resolint.records import record
from resolint.source import Span

#: "from 24 to 27 November 2025", "from 28 November to 1 December 2023", "24-27 November 2025".
DATE_RANGE = lazy(
    rf"(?:from\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<m1>{MONTHS}))?(?:\s+(?P<y1>\d{{4}}))?"
    rf"\s*(?:to|–|-|—|until)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTHS})\s+(?P<y2>\d{{4}})"
)


#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_CLOSING = Kind.CLOSING


@record(slots=True)
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


@record(slots=True)
class SymbolNumber:
    """A document symbol or resolution number in the title block ("GA-2025-93-RES-03",
    "A/RES/78/10", "Resolution No. 5") and what it says: number, session, year, kind."""

    text: str
    span: Span
    number: int | None = None
    session: int | None = None
    year: int | None = None
    kind: str = ""  # interpol / un / resolution-no


@record(slots=True)
class TitleFacts:
    """What the title block and closing say about the text itself: its symbols and numbers,
    the meeting (session, place, dates) and the closing date, for the rules that compare
    them with the opening and the reference data."""

    numbers: list[SymbolNumber] = field(default_factory=list)
    meeting: Meeting | None = None
    closing_date: DateMention | None = None


def _symbol_numbers(body: str, base: int) -> list[SymbolNumber]:
    """Symbols in a title line: INTERPOL's "GA-2025-93-RES-03", the UN's "A/RES/78/10"."""
    out = []
    for s in SYMBOL.finditer(body):
        if not symbol_boundary(body, s.start()):
            continue
        g = s.group
        span = Span(base + s.start(), base + s.end())
        if g("ip_y"):
            out.append(SymbolNumber(s.group(0), span, int(g("ip_n")), int(g("ip_s")) if g("ip_s") else None, int(g("ip_y")), "interpol"))
        elif g("agn_s"):
            out.append(SymbolNumber(s.group(0), span, int(g("agn_n")), int(g("agn_s")), None, "interpol"))
        elif g("a_s") and not g("a_kind"):
            out.append(SymbolNumber(s.group(0), span, int(g("a_n")), int(g("a_s")), None, "un"))
    return out


def _title_numbers(body: str, base: int) -> list[SymbolNumber]:
    """The numbers a title line gives: "Resolution No. 3", "78/10. Title", symbols."""
    out = []
    m = TITLE_NUMBER.search(body)
    if m:
        out.append(SymbolNumber(m.group(0), Span(base + m.start("n"), base + m.end("n")), int(m.group("n")), kind="resolution-no"))
    m = UN_TITLE.match(body)
    if not m:
        return out + _symbol_numbers(body, base)
    sym = m.group("sym")
    sess = re.match(r"(?:S-|ES-)?(\d+)/", sym)
    session = int(sess.group(1)) if sess and not sym.startswith(("S-", "ES-")) else None
    out.append(SymbolNumber(sym, Span(base + m.start("sym"), base + m.end("sym")), int(m.group("n")), session=session, kind="un"))
    return out


#: A month name in any case ("november"), which CIT007's fix writes with its capital: the
#: meeting is read either way, so the fix reveals no error that was not reported.
_ANY_CASE_MONTH = lazy(rf"\b(?i:{MONTHS})\b")


def _meeting_dates(meet: Meeting, dates: str, base: int) -> None:
    """The first and last day of the meeting: a range ("from 24 to 27 November 2025") or a date."""
    dates = _ANY_CASE_MONTH.sub(lambda m: m.group(0).capitalize(), dates)  # (as long as it was)
    r = DATE_RANGE.search(dates)
    if r:
        y2, mo2, d2 = int(r.group("y2")), MONTH_NUMBER[r.group("m2")], int(r.group("d2"))
        mo1 = MONTH_NUMBER[r.group("m1")] if r.group("m1") else mo2
        y1 = int(r.group("y1")) if r.group("y1") else y2
        meet.start, meet.end = (y1, mo1, int(r.group("d1"))), (y2, mo2, d2)
        meet.dates_span = Span(base, base + len(dates))
        return
    d = DATE.search(dates)
    if d:
        dm = date_from_match(d, base)
        meet.start = meet.end = (dm.year, dm.month, dm.day)
        meet.dates_span = dm.span


def _meeting(body: str, base: int) -> Meeting | None:
    """The INTERPOL opening's "meeting in <place> from <dates> at its <Nth> session"."""
    m = INTERPOL_MEETING.search(body)
    if not m:
        return None
    meet = Meeting(
        " ".join(m.group("place").split()).strip(" ,"), Span(base + m.start("place"), base + m.end("place")),
        int(m.group("session")), Span(base + m.start("session"), base + m.end("suffix" if m.group("suffix") else "session")),
        m.group("suffix") or "",
    )
    _meeting_dates(meet, m.group("dates"), base + m.start("dates"))
    return meet


def find_title_facts(res: Resolution) -> TitleFacts:
    """Each paragraph is read as the printed draft reads (:func:`resolint.invisible.reader_view`):
    a comment or a soft hyphen typed inside "Resolution No. 4" or a date hides nothing,
    so a safe fix removing it brings in no finding."""
    text = res.source.text
    facts = TitleFacts()
    plain = not (document_has_comment(text) or document_may_hide(text))
    for p in res.title.paragraphs:
        view, placed = _read(text, p, plain, title_head(p))
        facts.numbers += [replace(n, span=placed(n.span)) for n in _title_numbers(view.text, 0)]
    for p in res.openings[:1]:
        view, placed = _read(text, p, plain)
        meet = _meeting(view.text, 0)
        if meet is not None:
            meet.place_span, meet.session_span = placed(meet.place_span), placed(meet.session_span)
            meet.dates_span = None if meet.dates_span is None else placed(meet.dates_span)
            facts.meeting = meet
    for p in res.paragraphs:
        if p.kind is _CLOSING:
            view, placed = _read(text, p, plain)
            for d in DATE.finditer(view.text):
                dm = date_from_match(d, 0)
                facts.closing_date = replace(dm, span=placed(dm.span))
    return facts


def _read(text: str, p: Paragraph, plain: bool, part: Span | None = None) -> tuple[ReaderView, Callable[[Span], Span]]:
    """``p`` (or its ``part``: a title line's head) as the reader sees it, and the way
    from a span of that back to the text (``plain``: the text has nothing to leave out)."""
    part = part or p.span
    ptext, base = text[part.start : part.end], part.start
    view = ReaderView(ptext, []) if plain else reader_view(ptext)
    return view, lambda sp: view.span(sp).moved(base)
