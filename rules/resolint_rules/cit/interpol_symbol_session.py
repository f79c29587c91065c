from __future__ import annotations

import functools
import unicodedata

from resolint.citations import Organ
from resolint.citations.interpol_after import adoption_after, sessions_said
from resolint.citations.refdata import (
    format_date,
    interpol_no_session_years,
    interpol_session_for_year,
    interpol_sessions,
    interpol_table_holds,
    interpol_year_for_session,
)
from resolint.citations.years import year_date_after
from resolint.lazyre import lazy
from resolint.model import Kind
from resolint.numerals import ordinal
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import TextMatch, citations, is_own, own_matches

#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_INTERPOL = Organ.INTERPOL


class InterpolSymbolSession(Rule):
    """
    ## What it does
    Checks INTERPOL General Assembly resolution symbols: the session in
    `GA-YYYY-SS-RES-NN` must be the session held in year YYYY; no session was held in
    2020; and the symbol's format must fit its era (`AGN/SS/RES/N` to 2000,
    `AG-YYYY-RES-NN` or `GA-YYYY-RES-NN` from 2001 to 2011, `GA-YYYY-SS-RES-NN` from
    2012). A number said before the symbol ("resolution No. 5 (GA-2019-88-RES-05)") must
    be the symbol's last part. What the draft says after the symbol about its adoption is checked against
    the session the symbol names: a date ("of 21 November 2018", "of 2018") must be of
    its year, and inside the session's days where the table has them; a place and year
    in brackets ("(Dubai, 2018)"), or "adopted at the 87th session in Dubai in 2018",
    must be the session's. A place is reported only when the table names it for another
    session (an unknown one may be a venue), and only for a year the table has a row for.
    In an INTERPOL text, an earlier session recalled with its place or year ("at the 67th
    session in Cairo (1998)") is checked the same way, when the draft says "its" or names
    a place of the table (a "60th session in New York" may be another body's).

    ## Why is this bad?
    A symbol whose year and session disagree names no resolution; readers look it up by
    symbol and find nothing, or the wrong text.

    ## Example
    ```
    The ICPO-INTERPOL General Assembly, meeting in Marrakech, Morocco, from 24 to 27 November 2025 at its 93rd session:

    RECALLING resolution GA-2022-91-RES-01,

    CALLS UPON all member countries to:

    1. support the programme.
    ```

    ## Use instead
    ```
    The ICPO-INTERPOL General Assembly, meeting in Marrakech, Morocco, from 24 to 27 November 2025 at its 93rd session:

    RECALLING resolution GA-2022-90-RES-01,

    CALLS UPON all member countries to:

    1. support the programme.
    ```

    ## Fix safety
    No fix: the year or the session may be the wrong part.

    ## Options
    None.

    ## References
    - INTERPOL, "General Assembly" (one session a year; resolutions and their symbols): <https://www.interpol.int/Who-we-are/Governance/General-Assembly>
    - INTERPOL General Assembly resolution AG-2001-RES-05 (70th session, Budapest, 2001), a specimen of the layout: <http://avalon.law.yale.edu/sept11/interpol_007.asp>
    - INTERPOL General Assembly resolution GA-2025-93-RES-03 (93rd session, Marrakech, 2025)

    Repository note: the project knowledge base (`../shared/kb`) §3.2 (symbols by era; the transition years are UNVERIFIED, so an era mismatch is a warning) and §3.3 (session = year − 1931 to 2019, year − 1932 from 2021; none in 2020; a year outside the table's rows, 1956 to its last, has no session the data can tell, and is not checked for one); places and dates from `data/interpol_sessions.csv`, each row with its source (quoted in the message; rows not verified give warnings).
    """

    code = "CIT003"
    name = "interpol-symbol-session"
    summary = "INTERPOL resolution symbol whose session, year or format, or whose place or date of adoption, is wrong"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext):
        read: list[Span] = []  # what is read after the symbols, not to be read again as a session
        for c in citations(ctx).resolutions:
            if c.organ is not _INTERPOL or not c.form.startswith("interpol") or not is_own(c):
                continue
            yield from _symbol(c)
            yield from _number_said(c, ctx.text)
            yield from adoption_checks(c, ctx.text, read)
        if ctx.facts.organ is _INTERPOL:
            yield from _sessions_recalled(ctx, read)


def _symbol(c):
    """The symbol alone: its session against its year, and its format against its era."""
    if c.form == "interpol-agn":
        if c.session is not None and c.session > 69:
            year = interpol_year_for_session(c.session)
            later = f"the {ordinal(c.session)} session ({year}) wrote 'AG-{year}-RES-…' or 'GA-{year}-…'" if year and interpol_table_holds(year) else "later sessions write the year"
            yield Violation(c.span, f"'AGN/…' symbols were used up to the 69th session (2000); {later}", severity=Severity.WARNING)
        return
    year = c.year
    if year is None:
        return
    if year in interpol_no_session_years():
        postponed = interpol_session_for_year(year + 1)
        yield Violation(c.span, f"No INTERPOL General Assembly session was held in {year} (the {ordinal(postponed or 0)} was postponed to {year + 1})")
        return
    expected = interpol_session_for_year(year) if interpol_table_holds(year) else None
    if c.form == "interpol-session":
        if expected is not None and c.session != expected:
            yield Violation(c.span, f"The {ordinal(expected)} session was held in {year}; this symbol says {ordinal(c.session)}")
        elif year < 2012:
            yield Violation(c.span, f"Symbols with the session number ('GA-YYYY-SS-RES-NN') are used from 2012; a {year} resolution is cited as 'AG-{year}-RES-{c.number:02d}' or 'GA-{year}-RES-{c.number:02d}'", severity=Severity.WARNING)
    elif c.form == "interpol-year":
        if year >= 2012:
            yield Violation(c.span, f"From 2012 the symbol includes the session: 'GA-{year}-{expected or 'SS'}-RES-{c.number:02d}'", severity=Severity.WARNING)
        elif year <= 2000:
            yield Violation(c.span, f"Resolutions of {year} carry symbols 'AGN/{expected or 'SS'}/RES/…'", severity=Severity.WARNING)


#: "resolution No. 5 (" / "Resolution No 5, " right before a symbol.
_NUMBER_BEFORE = lazy(r"\b[Rr]esolution\s{1,3}No\.?\s{0,3}(?P<n>\d{1,3})\s{0,3}[(,]?\s{0,3}$")


def _number_said(c, text: str):
    """ "resolution No. 5 (GA-2019-88-RES-06)": the number said before the symbol must be
    the symbol's last part, as "Resolution No. 3" over "GA-2025-93-RES-03" in a title
    block (DOC010)."""
    if c.number is None or c.form == "interpol-agn" or (c.paragraph is not None and c.paragraph.kind is Kind.TITLE):
        return  # (a title block's numbers are DOC010's)
    m = _NUMBER_BEFORE.search(text, max(0, c.span.start - 40), c.span.start)
    if m is None or int(m.group("n")) == c.number:
        return
    yield Violation(
        Span(m.start(), c.span.end),
        f"'No. {m.group('n')}' and the symbol {c.text} (resolution No. {c.number}) name two resolutions: "
        "the symbol's last part is the resolution's number",
    )


def _session_of(c) -> tuple[int, int] | None:
    """(year, session) the symbol names, when its parts agree with the session table."""
    if c.form == "interpol-agn":
        year = interpol_year_for_session(c.session) if c.session is not None else None
        return None if year is None else (year, c.session)
    if c.year is None or c.year in interpol_no_session_years():
        return None
    if not interpol_table_holds(c.year):
        # Beyond the table the session of a year is not known: only the symbol's own.
        return (c.year, c.session) if c.form == "interpol-session" and c.session else None
    expected = interpol_session_for_year(c.year)
    if expected is None or (c.form == "interpol-session" and c.session != expected):
        return None  # a symbol at odds with itself is reported above
    return c.year, expected


def adoption_checks(c, text: str, read: list[Span]):
    """The date, place, session and year a draft gives after the symbol, against the
    session the symbol names ("GA-2018-87-RES-03 (Santiago, 2018)": the 87th met in Dubai)."""
    named = _session_of(c)
    if named is None:
        return
    year, session = named
    row = interpol_sessions().get(year)
    if row is not None and row.session != session:
        row = None
    yield from _date_checks(c, text, year, session, row)
    end = c.date.span.end if c.date is not None else c.span.end
    yd = year_date_after(text, end) if c.date is None else None
    said = adoption_after(text, yd.span.end if yd is not None else end)
    if said is None:
        return
    if said.span is not None:
        read.append(said.span)
    what = f"{c.text} is a resolution of the {ordinal(session)} session ({year})"
    if said.session is not None and said.session != session:
        yield Violation(said.session_span, f"{what}, not of the {ordinal(said.session)}")
    if said.year is not None and said.year != year:
        yield Violation(said.year_span, f"{what}, not of {said.year}")
    if said.place is not None and row is not None and not _is_place_of(said.place, row) and _fold(said.place) in _known_places():
        yield Violation(
            said.place_span,
            f"{what}, which met in {row.city}, {row.country}, not in {said.place} (reference data: {row.source.split(';')[0]})",
            severity=None if row.status == "verified" else Severity.WARNING,
        )


def _date_checks(c, text: str, year: int, session: int, row):
    """A date after the symbol: of the symbol's year, and inside the session's days when
    the table knows them."""
    what = f"{c.text} is a resolution of the {ordinal(session)} session ({year})"
    if c.date is None:
        yd = year_date_after(text, c.span.end)
        if yd is not None and yd.year != year:
            yield Violation(Span(c.span.start, yd.span.end), f"{what}, but is dated {yd.text}")
        return
    d = c.date.date
    if d is None:
        return  # not a calendar date: CIT007's
    if d.year != year:
        yield Violation(Span(c.span.start, c.date.span.end), f"{what}, but is dated {format_date(d)}")
    elif row is not None and row.start is not None and row.end is not None and not row.start <= d <= row.end:
        yield Violation(
            Span(c.span.start, c.date.span.end),
            f"{what}, which met from {format_date(row.start)} to {format_date(row.end)}, but is dated {format_date(d)} "
            f"(reference data: {row.source.split(';')[0]})",
            severity=None if row.status == "verified" else Severity.WARNING,
        )


def _fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch)).lower()


def _is_place_of(place: str, row) -> bool:
    folded = _fold(place)
    return any(_fold(name) in folded for name in row.names() if name)


@functools.lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    """Every city, country and alias of the session table, folded: a place named after a
    symbol is reported only when it is one of them (an unknown one may be a district or a
    venue of the right city)."""
    return frozenset(_fold(name) for row in interpol_sessions().values() for name in row.names() if name)


def _sessions_recalled(ctx: RuleContext, read: list[Span]):
    """ "at the 67th session in Seoul (1998)" in an INTERPOL text: the session's place and
    year against the table. A session is taken for the Assembly's when the draft says
    "its", or names a place of the table (another body's "60th session in New York" is
    left alone)."""
    found = ((TextMatch(span.start, span.end, data=(said, its))) for span, said, its in sessions_said(ctx.text))
    for p, m in own_matches(ctx, found):
        if p.kind in (Kind.OPENING, Kind.TITLE) or any(r.start <= m.start() < r.end for r in read):
            continue  # the opening's own session is DOC011's and DOC012's; a symbol's, checked above
        said, its = m.data
        known = said.place is not None and _fold(said.place) in _known_places()
        year = interpol_year_for_session(said.session)
        if year is None or not interpol_table_holds(year) or not (its or known):
            continue
        what = f"The {ordinal(said.session)} session was held in {year}"
        if said.year is not None and said.year != year:
            yield Violation(said.year_span, f"{what}, not {said.year}")
        row = interpol_sessions().get(year)
        if known and row is not None and row.session == said.session and not _is_place_of(said.place, row):
            yield Violation(
                said.place_span,
                f"{what} in {row.city}, {row.country}, not in {said.place} (reference data: {row.source.split(';')[0]})",
                severity=None if row.status == "verified" else Severity.WARNING,
            )
