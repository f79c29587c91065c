from __future__ import annotations

import bisect
import itertools
import operator
import re

from resolint.citations import Basis, Organ, ResolutionCitation
from resolint.citations import patterns as P
from resolint.citations.local import WORD
from resolint.citations.refdata import sc_first_numbers, sc_possible_years, sc_years_for_number
from resolint.citations.shared_year import numbers_sharing_a_year
from resolint.citations.years import year_date_after
from resolint.model import Paragraph
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import citations, is_own, literal_forms, literal_gaps, paragraph_literals

#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_SC = Organ.SC


class ScResolutionYearMismatch(Rule):
    """
    ## What it does
    Checks that a Security Council resolution cited as "resolution N (YYYY)" carries
    the year in which resolution N was adopted, from the first number of each year
    (2000 on). A number from the table's last year on, cited with a later year, is
    not reported: where that year ended is not known. A number cited with a year up to
    1975 and no organ named, outside a Security Council text, may be the General
    Assembly's old consecutive number ("resolution 1514 (1960)"): reported as information.
    A date given after the citation ("2231 (2015) of 20 July 2014", "… of 2014") must be
    of the year in brackets, which is the year of adoption. A number named as the
    Council's without brackets ("Security Council resolution 2231 of 20 July 2015", or
    "its resolution …" in a Council text) is checked with its date's year, and numbers
    that share one year in brackets ("resolutions 2712, 2720 (2023)") each with that year.

    ## Why is this bad?
    Security Council resolutions are numbered consecutively since 1946 and cited with
    their year; a year that does not fit the number points at another resolution, or
    at none.

    ## Example
    ```
    The Security Council,

    Recalling its resolution 2178 (2017),

    1. Decides to remain seized of the matter.
    ```

    ## Use instead
    ```
    The Security Council,

    Recalling its resolution 2178 (2014),

    1. Decides to remain seized of the matter.
    ```

    ## Fix safety
    No fix: the number may be the wrong part.

    ## Options
    None.

    ## References
    - Dag Hammarskjöld Library, "Security Council: resolutions" (numbered consecutively since 1946, year in parentheses): <https://research.un.org/en/docs/sc/resolutions>

    Repository note: the project knowledge base (`../shared/kb`) §4.2 and `data/unsc_first_resolution_by_year.csv` (first number of each year, 2000–2025). Rows taken from recall allow ±3 near a year boundary, reported as a warning. Where the data only bounds a first number (2006, 2014 to 2017, 2025: `first_low`, `first_high`), a number between the bounds may be of that year or the one before, and either passes.
    """

    code = "CIT002"
    name = "sc-resolution-year-mismatch"
    summary = "Security Council resolution number does not match its year"
    default_severity = Severity.ERROR

    #: Its findings in a paragraph come from that paragraph: its citations (their organ
    #: read by the extraction, with what :meth:`paragraph_keys` adds) and its text (a date,
    #: a list of numbers after them, read no further than its end). The language server
    #: keeps them between edits instead of reading the whole document at every keystroke.
    local = True
    own_paragraphs_only = True

    def document_key(self, ctx: RuleContext):
        """Whether the text is the Council's (its "its resolution 2231 of 2015", a number
        with an old year) and how it may break a line between two words."""
        return (_council_text(ctx), literal_gaps(ctx))

    def paragraph_keys(self, ctx: RuleContext):
        return ctx.facts.derived(_paragraph_context)

    def check(self, ctx: RuleContext):
        """:meth:`check_paragraph` of the paragraphs that may hold a finding: those with a
        Council citation, or with the words an unbracketed or shared-year one follows.
        Each of those words holds "esolution", which the extraction's scan of the whole
        text found (``CitationSet.worded``): no search of its own."""
        if not sc_first_numbers():
            return
        found = citations(ctx)
        if found.worded is None:  # (read from the language server's memo: searched here)
            at = [c.span.start for c in found.resolutions if c.form == "sc"]
            words = ctx.facts.literals_starts(literal_forms(ctx, _WORDS))
            paragraphs = ctx.facts.own_paragraphs_at(itertools.chain(at, *words.values()))
        else:
            every = ctx.resolution.paragraphs
            indexes = found.worded.union(c.paragraph.index for c in found.resolutions if c.form == "sc" and c.paragraph is not None)
            paragraphs = [every[i] for i in sorted(indexes) if every[i].own]
        for p in paragraphs:
            yield from self.check_paragraph(ctx, p)

    def check_paragraph(self, ctx: RuleContext, paragraph: Paragraph):
        if not sc_first_numbers():
            return
        council_text, text, stop = _council_text(ctx), ctx.text, paragraph.span.end
        read: set[int] = set()
        for c in _resolutions_in(ctx, paragraph):
            read.add(c.span.start)
            if c.organ is not _SC or c.form != "sc" or c.number is None or c.year is None or not is_own(c):
                continue
            yield from _dated_in_another_year(c, text, stop)
            yield from _year_check(c, council_text)
        if text.find(WORD, paragraph.span.start, stop) < 0:
            return  # (each of the words holds it: one search, where most paragraphs hold none)
        words = paragraph_literals(ctx, paragraph, _WORDS)  # (one search of the paragraph for both)
        if not words:
            return
        for c in (*_unbracketed(ctx, paragraph, words, council_text), *_sharing_a_year(ctx, paragraph, words, read, council_text)):
            yield from _year_check(c, council_text)


def _council_text(ctx: RuleContext) -> bool:
    return ctx.facts.organ is _SC


_START = operator.attrgetter("span.start")


def _resolutions_in(ctx: RuleContext, p: Paragraph) -> list[ResolutionCitation]:
    """The cited resolutions of ``p``, by bisection of the document's (in text order)."""
    found = citations(ctx).resolutions
    lo = bisect.bisect_left(found, p.span.start, key=_START)
    hi = bisect.bisect_left(found, p.span.end, lo, key=_START)
    return found[lo:hi]


def _paragraph_context(facts) -> dict[int, object]:
    """What a paragraph's findings depend on besides its text and the document's key, by
    paragraph index (the few that have any): outside a Council text, the organ the
    extraction gave each number of the Council's form ("Council resolution 1305 (2009)"
    is the Security Council's only after it was named, paragraphs before); a paragraph
    that a quotation runs into or out of is checked again at every lint (a key equal to
    no other)."""
    out: dict[int, object] = {}
    if facts.organ is not _SC:  # (in its text, a number of its form is the Council's)
        for c in facts.citations.resolutions:
            if c.form == "sc" and c.paragraph is not None:
                mine = out.setdefault(c.paragraph.index, [])
                mine.append((c.span.start - c.paragraph.span.start, c.organ, c.basis))
        out = {i: tuple(v) for i, v in out.items()}
    paras, starts = facts.resolution.paragraphs, None
    for q in facts.quotes:
        p = facts.paragraph_at(q.start)
        if p is not None and q.end <= p.span.end:
            continue  # (nearly all: a quotation ends in its paragraph)
        if starts is None:
            starts = [pp.span.start for pp in paras]
        for i in range(max(0, bisect.bisect_right(starts, q.start) - 1), bisect.bisect_left(starts, q.end)):
            out[i] = object()
    return out


def _year_check(c: ResolutionCitation, council_text: bool):
    """The year a Council citation gives against the first numbers of the table."""
    table = sc_first_numbers()
    first_year, last_year = min(table), max(table)
    expected, _, certain = sc_years_for_number(c.number)
    if expected is None:
        # Before the table: only say so when the year is inside it.
        if c.year >= first_year:
            yield Violation(
                c.span,
                f"Security Council resolution {c.number} predates {first_year} (the first of {first_year} is "
                f"{table[first_year].first}), but is cited with the year {c.year}",
                severity=_before_a_recalled_first(c.number),
            )
        return
    if expected == c.year:
        return
    bounded = _bounded_years(c)
    if bounded is not None:
        yield from bounded
        return
    if expected == last_year and c.year > last_year:
        # The table ends with the first number of its last year: where that year
        # ended is not known, so "2810 (2026)" may well be right.
        return
    if c.year < first_year and c.number < table[first_year].first:
        return  # a number before the table's range with an earlier year: not known
    msg = f"Security Council resolution {c.number} was adopted in {expected}, not {c.year}"
    if expected == last_year:
        # The table's last year has no end: a later number is of that year or after.
        msg = _after_the_last_first(c, table[last_year])
    if _maybe_old_assembly(c, council_text):
        yield Violation(c.span, msg + _OLD_GA_HINT.format(year=c.year), severity=Severity.INFO)
        return
    yield Violation(c.span, msg, severity=None if certain else Severity.WARNING)


def _before_a_recalled_first(number: int) -> Severity | None:
    """A warning for a number just before the table's first number when that row is
    from recall (kb §4.2: ±3 near its bounds), as for a number just after it."""
    row = sc_first_numbers()[min(sc_first_numbers())]
    return Severity.WARNING if row.status.startswith("recall") and row.first - number < 3 else None


def _bounded_years(c) -> list[Violation] | None:
    """For a number near a first number the data gives only bounds of (the first of 2025
    lies between 2751 and 2772): nothing when the year cited is one it may be of, else a
    finding naming both; None for a number whose year the table tells."""
    years = sc_possible_years(c.number)
    if len(years) < 2:
        return None
    if c.year in years:
        return []
    row = sc_first_numbers()[years[-1]]
    return [Violation(
        c.span,
        f"Security Council resolution {c.number} was adopted in {years[0]} or {years[-1]}, not {c.year} "
        f"(the first of {row.year} is between {row.low} and {row.high})",
    )]


def _after_the_last_first(c, row) -> str:
    """The message for a number of the table's last year or later cited with an earlier
    year, naming the highest the last year's first number can be."""
    if row.high != row.first:
        return (
            f"Security Council resolution {c.number} is not before {row.high}, which was adopted in {row.year}, "
            f"so it was adopted in {row.year} or later, not {c.year}"
        )
    return (
        f"Security Council resolution {c.number} is not before {row.first}, the first of "
        f"{row.year}, so it was adopted in {row.year} or later, not {c.year}"
    )


#: A Council number written without its year in brackets, named as the Council's:
#: "Security Council resolution 2231 of 20 July 2015", and in a Council text "its
#: resolution 2231 of 2015". The extraction reads a number only with its year or session.
#: Found from the words before it (fixed strings, found at memory speed and, in the
#: editor, only near an edit: a pattern opening on them cost 45 ms a megabyte).
_UNBRACKETED_NAMES = ("Security Council resolution", "its resolution", "Its resolution")
#: The words before a list of numbers that share a year ("resolutions 2712, 2720 (2023)").
_SHARED_NAMES = ("resolutions",)
_WORDS = _UNBRACKETED_NAMES + _SHARED_NAMES
_NUMBER_AFTER = re.compile(r" (?P<n>\d{1,4})(?![\d/]|\s{0,12}\(|\s[A-Z]\b)")


def _unbracketed(ctx: RuleContext, p: Paragraph, words: list, council_text: bool):
    """Council citations of ``p`` without brackets but with a date or year: the number
    and the date's year, as a citation "N (YYYY)" would give them. ``words``: where
    :data:`_WORDS` stand in ``p`` (:func:`paragraph_literals`)."""
    text, stop = ctx.text, p.span.end
    for _, _, end, lit in words:
        if lit not in _UNBRACKETED_NAMES:
            continue
        m = _NUMBER_AFTER.match(text, end, stop)
        if m is None or not (council_text or lit.startswith("Security")):
            continue
        dm = P.OF_DATE.match(text, m.end(), stop)
        date = P.DATE.match(text, dm.end(), stop) if dm else None
        if date is not None:
            year, end = int(date.group("y1") or date.group("y2")), date.end()
        else:
            yd = year_date_after(text, m.end(), stop)
            if yd is None:
                continue
            year, end = yd.year, yd.span.end
        span = Span(m.start("n"), end)
        yield ResolutionCitation(span, text[span.start : span.end], "sc", _SC, Basis.NAMED, number=int(m.group("n")), year=year)


def _dated_in_another_year(c: ResolutionCitation, text: str, stop: int):
    """ "resolution 2231 (2015) of 20 July 2014", "… (2015) of 2014": the year in brackets
    is the year of adoption, so a date of another year contradicts it, whatever the table
    says of the number."""
    if c.date is not None:
        year, span, said = c.date.year, c.date.span, c.date.canonical
    else:
        yd = year_date_after(text, c.span.end, stop)
        if yd is None:
            return
        year, span, said = yd.year, yd.span, yd.text
    if year != c.year:
        yield Violation(
            Span(c.span.start, span.end),
            f"Security Council resolution {c.number} is cited with the year {c.year} but dated {said}: "
            f"the year in brackets is the year of adoption",
        )


#: The last year of the General Assembly's first thirty sessions, whose resolutions were
#: numbered consecutively ("1514 (XV)"); kb §1.6 ("GA, sessions 1–30 (to 1975)").
_LAST_OLD_GA_YEAR = 1975
_OLD_GA_HINT = (
    " (if the General Assembly's resolution of {year} is meant, cite it with its session in Roman "
    "numerals, as in '1514 (XV)')"
)


def _maybe_old_assembly(c: ResolutionCitation, council_text: bool) -> bool:
    """ "resolution 1514 (1960)" with no organ named, outside a Council text: read as the
    Council's only by its form, it may be the Assembly's old consecutive number cited with
    its year (a Council number of the table's range cannot be of 1975 or before)."""
    return c.basis is Basis.FORM and c.year <= _LAST_OLD_GA_YEAR and not council_text


#: A body named right before "resolutions" ("Conference resolutions"): not the Council's
#: numbers, unless it is the Council (the organ words of ``citations.patterns.ORGAN_END``).
_BODY_BEFORE = re.compile(
    r"\b(Council|Assembly|Commission|Conference|Committee|Board|Parties|Summit|Forum|Meeting|Congress|Organization"
    r"|INTERPOL|Interpol)\s+$"
)


def _sharing_a_year(ctx: RuleContext, p: Paragraph, words: list, read: set[int], council_text: bool):
    """ "resolutions 2712, 2720 (2023), 2728 and 2735 (2024)" in ``p``: each number with
    the year that closes its group, unless the extraction read it. The Council's by their
    form, as a bracketed year is (another body's old number with a year is CIT002's
    information). The words before it are read in the paragraph only."""
    text, lo, stop = ctx.text, p.span.start, p.span.end
    for _, _, end, lit in words:
        if lit not in _SHARED_NAMES or not text.startswith(" ", end, stop):
            continue
        start = end - len(lit)
        named = start - 17 >= lo and text.startswith("Security Council ", start - 17)
        body = _BODY_BEFORE.search(text, max(lo, start - 40), start)
        if body is not None and not named and not (council_text and body.group(1) == "Council"):
            continue  # "Conference resolutions 5 and 6 (2019)": another body's
        for span, number, year in numbers_sharing_a_year(text, end + 1, stop):
            if span.start not in read:
                basis = Basis.NAMED if named or council_text else Basis.FORM
                yield ResolutionCitation(span, text[span.start : span.end], "sc", _SC, basis, number=number, year=year)
