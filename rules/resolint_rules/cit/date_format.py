from __future__ import annotations

import datetime as dt
import operator
import re

from resolint.citations.refdata import format_date
from resolint.citations.types import MONTH_NAMES
from resolint.lazyre import lazy
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import citations, in_spans, paragraph_at, quote_spans


class DateFormat(Rule):
    """
    ## What it does
    Checks that dates are written day, month, year, with the month in words and no
    ordinal suffix or comma: "24 December 2024", not "December 24, 2024",
    "24th December 2024", "24 December, 2024", "24 december 2024", "Dec. 24, 2024",
    "24 Dec 2024", "24.12.2024" or "2024-12-24"; and ranges: "28 June to 2 July 2024",
    "28 and 29 June 2024", not "June 28 to July 2, 2024", "June 28 and 29, 2024". A date in figures that reads two ways ("05/06/2024": 5 June, or 6 May
    as in the United States) is reported without a fix.

    ## Why is this bad?
    United Nations and INTERPOL texts write dates one way; a mixed text looks
    unedited, and "12/10/2024" style dates are read differently across countries.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 79/243 of December 24, 2024,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 79/243 of 24 December 2024,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Safe: the same day, month and year are written in the house order. None for a date
    in figures with two readings: the drafter says which day it is.

    ## Options
    None; the style's `[dates] format = "dmy"` turns the rule on (an empty value turns it off).

    ## References
    - UN Editorial Manual, "Numbers, dates and time": <https://www.un.org/dgacm/en/content/editorial-manual/numbers-dates-time>

    Repository note: the project knowledge base (`../shared/kb`) §1.7 UN-DATE-01 (UN Editorial Manual "Numbers, dates and time").
    """

    code = "CIT007"
    name = "date-format"
    summary = "Date not written as '24 December 2024'"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        if ctx.style.get("dates.format", "dmy") != "dmy":
            return
        quotes = quote_spans(ctx)
        text = ctx.text
        for d in citations(ctx).dates:
            if not d.valid or in_spans(d.span.start, quotes):
                continue
            # "1st and 2nd March 2022": the first day's ordinal goes too (the fix left it).
            first = _ORDINAL_DAY_BEFORE.search(text, max(0, d.span.start - 16), d.span.start)
            if d.form == "dmy" and first is None:
                continue
            want = d.canonical
            if first is None and d.form.startswith("mdy") and (pair := _from_month_day(text, d.span, want)):
                yield pair
                continue
            if first is None:
                yield Violation(
                    d.span,
                    f"Write the date as '{want}' (day, month, year; no ordinal, no comma)",
                    Fix.safe(f"Write '{want}'", Edit(_with_article(text, d.span), want)),
                )
                continue
            span = Span(first.start(), d.span.end)
            want = f"{first.group('day')}{first.group('joint')}{want}"
            yield Violation(span, f"Write the dates as '{want}' (day, month, year; no ordinal, no comma)", Fix.safe(f"Write '{want}'", Edit(span, want)))
        yield from _dates_not_in_words(ctx, quotes)


#: A first day with an ordinal right before a date: "1st and" in "1st and 2nd March 2022",
#: "10th–" in "10th–12th May".
_ORDINAL_DAY_BEFORE = re.compile(r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th)(?P<joint>\s+(?:and|to|or)\s+|\s?[-–]\s?)$")

#: A date in figures, day or month first: "15.12.2022", "15/12/2022" (see :func:`_readings`).
_DMY = re.compile(r"(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)")
#: A date in figures, year first (ISO 8601): "2022-12-15".
_ISO = re.compile(r"(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)")
#: A date whose month is in lower case: "1 october 2019" (the citations read a month
#: name only with its capital).
_GAP = r"[ \t\u00a0]{1,3}"
_LOWER_MONTH = re.compile(
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{_GAP}(?:of{_GAP})?(?P<m>" + "|".join(m.lower() for m in MONTH_NAMES) + rf"),?{_GAP}(?P<y>\d{{4}})"
)
#: A month's abbreviation ("Dec", "Sept"), not the start of a longer word ("December").
_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
_ABBREVIATED = "(?P<m>" + "|".join(_ABBREVIATIONS) + r")(?![^\W\d_])\.?"
#: A date with the month abbreviated, day first or month first: "6 Dec 2024", "6th Dec.,
#: 2024", "Dec. 6, 2024" (the citations read a month name only written out).
_ABBREVIATED_DAY_FIRST = re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{_GAP}{_ABBREVIATED},?{_GAP}(?P<y>\d{{4}})")
_ABBREVIATED_MONTH_FIRST = re.compile(rf"{_ABBREVIATED}{_GAP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?{_GAP}(?P<y>\d{{4}})")
#: A month, written out or abbreviated.
_MONTH = "(?P<m>" + "|".join(MONTH_NAMES) + "|" + "|".join(_ABBREVIATIONS) + r")(?![^\W\d_])\.?"
#: A month and day before a date written month first, and the word or dash between:
#: "June 28 to " in "from June 28 to July 2, 2024".
_MONTH_DAY_BEFORE = lazy(rf"(?<![^\W\d_]){_MONTH}{_GAP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?P<joint>{_GAP}(?:and|to){_GAP}|(?:{_GAP})?[-–](?:{_GAP})?)$")
#: Two days of one month, month first: "June 28 and 29, 2024", "September 15-16, 2026".
_MONTH_FIRST_DAYS = re.compile(
    rf"{_MONTH}{_GAP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?P<joint>{_GAP}(?:and|to){_GAP}|(?:{_GAP})?[-–](?:{_GAP})?)"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?{_GAP}(?P<y>\d{{4}})"
)


def _month_number(written: str) -> int:
    """1..12 for a month's name or abbreviation ("Sept." as "Sept")."""
    written = written.rstrip(".")
    return next(i for i, name in enumerate(MONTH_NAMES, start=1) if name.startswith(written))


def _day_month(m: re.Match[str]) -> str:
    """ "28 June" for a match of "June 28" (its groups ``d`` and ``m``)."""
    return f"{int(m.group('d'))} {MONTH_NAMES[_month_number(m.group('m')) - 1]}"


#: Where each kind of date is looked for: a literal it holds, found as the language
#: server finds literals (again only around an edit), then the pattern tried at the few
#: places the date may start. A pattern led by a digit scanned over the whole text cost
#: a third more instructions on the corpus than the rest of the lint.
_SEPARATOR_BEFORE_YEAR = ("/19", "/20", ".19", ".20")
_ISO_MONTH = ("-0", "-1")
_LOWER_MONTHS = tuple(" " + m.lower() for m in MONTH_NAMES)
#: The space before an abbreviated month (" Sep" finds "Sept" too; a month written out
#: is found too, as "May": month first, two of its days may follow, "June 28 and 29, 2024").
_ABBREVIATED_MONTHS = tuple(" " + m for m in _ABBREVIATIONS if m != "Sept") + (" May",)
#: Each starts with a separator that stands nowhere else in any of them: no two can
#: overlap (``Analysis.separated_literal_starts``).
_ANCHORS = _SEPARATOR_BEFORE_YEAR + _ISO_MONTH + _LOWER_MONTHS + _ABBREVIATED_MONTHS
#: What stands before the space before a lower-case month in a date: a digit, an
#: ordinal's suffix, or "of".
_BEFORE_MONTH = frozenset({"st", "nd", "rd", "th", "of"})


def _found(ctx: RuleContext, text: str):
    """The match of each date in figures or with a lower-case month, in no particular
    order, each standing alone (:func:`_stands_alone`)."""
    starts = ctx.facts.separated_literal_starts(_ANCHORS)
    for lit in _SEPARATOR_BEFORE_YEAR:  # the second separator: the date starts 3-5 before it
        for q in starts[lit]:
            yield from _first_alone(_DMY, text, range(max(0, q - 5), max(0, q - 2)), lambda m, q=q: m.end() == q + 5)
    for lit in _ISO_MONTH:  # the hyphen after the year
        for q in starts[lit]:
            yield from _first_alone(_ISO, text, range(max(0, q - 4), max(0, q - 3)), lambda m: True)
    for lit in _LOWER_MONTHS:  # the space before the month: the day is at most 12 before it
        for q in starts[lit]:
            if q and (text[q - 1].isdigit() or text[q - 2 : q] in _BEFORE_MONTH):
                yield from _first_alone(_LOWER_MONTH, text, range(max(0, q - 12), q), lambda m, q=q: m.start("m") == q + 1)
    for lit in _ABBREVIATED_MONTHS:
        for q in starts[lit]:
            yield from _abbreviated_at(text, q)


#: What a date :func:`_abbreviated_at` finds starts with after the space: an abbreviated
#: month that no letter follows, or a month written out and a day ("June 28"). Most of
#: the places it is asked about are neither ("December 2023", "Declaration", "Decides":
#: 5,298 in the corpus, none a date), and this one test saves the three patterns there.
_WORTH_TRYING = re.compile(
    "(?:" + "|".join(_ABBREVIATIONS) + r")(?![^\W\d_])"
    "|(?:" + "|".join(MONTH_NAMES) + rf")\.?{_GAP}\d{{1,2}}(?!\d)"
)


def _abbreviated_at(text: str, q: int):
    """The date with an abbreviated month whose month starts after the space at ``q``:
    month first, or the day at most six characters before ("6th Dec"); or two days of a
    month, month first ("June 28 and 29, 2024")."""
    if _WORTH_TRYING.match(text, q + 1) is None:
        return []
    found = list(_first_alone(_MONTH_FIRST_DAYS, text, range(q + 1, q + 2), lambda m: True))
    if not found:
        found = list(_first_alone(_ABBREVIATED_MONTH_FIRST, text, range(q + 1, q + 2), lambda m: True))
    if not found and q and (text[q - 1].isdigit() or text[q - 2 : q] in _BEFORE_MONTH):
        found = list(_first_alone(_ABBREVIATED_DAY_FIRST, text, range(max(0, q - 6), q), lambda m: m.start("m") == q + 1))
    return found


def _first_alone(pattern: re.Pattern[str], text: str, starts: range, fits):
    """The match of ``pattern`` at the first of ``starts`` that ``fits`` and stands alone."""
    for s in starts:
        m = pattern.match(text, s)
        if m is not None and fits(m) and _stands_alone(text, s, m.end()):
            yield m
            return


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether a date found at ``start``-``end`` is not part of something longer: a symbol
    ("A/RES/1.1.2000"), a number or a word around it."""
    before = text[start - 1] if start else " "
    after = text[end : end + 2] or " "  # the text's end ("" is in every string: no date stood alone there)
    if before.isalnum() or before in "/.-_":
        return False
    return not (after[:1].isalnum() or after[:1] in "/-_" or (after[:1] in ".," and after[1:2].isdigit()))


def _readings(m: re.Match[str]) -> list[dt.date]:
    """The days a date found by :func:`_found` may be: one for a lower-case month, for
    ISO and for "15.12.2022"; two for "05.06.2022" (5 June, or 6 May as in the United
    States); one for the same number twice ("06/06/2022"); none for no such day."""
    if m.re is _LOWER_MONTH:
        candidates = [(int(m.group("y")), MONTH_NAMES.index(m.group("m").capitalize()) + 1, int(m.group("d")))]
    elif m.re in (_ABBREVIATED_DAY_FIRST, _ABBREVIATED_MONTH_FIRST, _MONTH_FIRST_DAYS):
        candidates = [(int(m.group("y")), _month_number(m.group("m")), int(m.group("d")))]
    elif m.re is _ISO:
        candidates = [(int(m.group("iy")), int(m.group("im")), int(m.group("id")))]
    else:
        y, a, b = int(m.group("y")), int(m.group("a")), int(m.group("b"))
        candidates = [(y, b, a), (y, a, b)]
    return list(dict.fromkeys(d for d in map(_day, candidates) if d is not None))


def _day(ymd: tuple[int, int, int]) -> dt.date | None:
    try:
        return dt.date(*ymd)
    except ValueError:
        return None


_START = operator.methodcaller("start")


def _dates_not_in_words(ctx: RuleContext, quotes):
    """Dates in figures and dates with the month in lower case, in the drafter's own
    paragraphs outside quotations. A date in figures that reads two ways has no fix: the
    drafter says which day it is."""
    text = ctx.text
    for m in sorted(_found(ctx, text), key=_START):
        start, end = m.span()
        p = paragraph_at(ctx, start)
        if p is None or not p.own or in_spans(start, quotes):
            continue
        span = Span(start, end)
        readings = _readings(m)
        if m.re is _MONTH_FIRST_DAYS:
            yield from _two_days(m, span, readings)
        elif m.re is _ABBREVIATED_MONTH_FIRST and readings and (pair := _from_month_day(text, span, format_date(readings[0]))):
            yield pair
        elif len(readings) == 1:
            want = format_date(readings[0])
            fix = Fix.safe(f"Write '{want}'", Edit(_with_article(text, span), want))
            yield Violation(span, f"Write the date as '{want}' (day, month, year, the month in words)", fix)
        elif readings:
            both = " or ".join(f"'{format_date(r)}'" for r in readings)
            yield Violation(span, f"Write the date in words, day, month, year: '{m.group(0)}' may be {both}")


def _from_month_day(text: str, span: Span, want: str) -> Violation | None:
    """The finding for a date written month first (``span``, to be written ``want``) that
    ends a range from another month ("from June 28 to July 2, 2024"): both dates go
    together (a fix of the second alone wrote "June 28 to 2 July 2024"); None when none
    stands before it."""
    first = _MONTH_DAY_BEFORE.search(text, max(0, span.start - 30), span.start)
    if first is None:
        return None
    whole, both = Span(first.start(), span.end), f"{_day_month(first)}{first.group('joint')}{want}"
    return Violation(whole, f"Write the dates as '{both}' (day, month, year)", Fix.safe(f"Write '{both}'", Edit(whole, both)))


def _two_days(m: re.Match[str], span: Span, readings: list[dt.date]):
    """ "28 and 29 June 2024" for "June 28 and 29, 2024" (both days real ones)."""
    if readings and _day((readings[0].year, readings[0].month, int(m.group("d2")))) is not None:
        want = f"{int(m.group('d'))}{m.group('joint')}{int(m.group('d2'))} {MONTH_NAMES[readings[0].month - 1]} {readings[0].year}"
        yield Violation(span, f"Write the dates as '{want}' (day, month, year)", Fix.safe(f"Write '{want}'", Edit(span, want)))


#: "the" before a date written "the 1st of May 2025": the date in the house form takes none.
_THE_BEFORE = lazy(r"\b[Tt]he[ \t\u00a0]+$")


def _with_article(text: str, span: Span) -> Span:
    """``span``, with the "the " before it when the date is written "the 1st of May 2025"
    (the fix writes "of 1 May 2025", not "of the 1 May 2025")."""
    if " of " not in text[span.start : span.end]:
        return span
    m = _THE_BEFORE.search(text, max(0, span.start - 8), span.start)
    return span if m is None or text[m.start()] == "T" else Span(m.start(), span.end)
