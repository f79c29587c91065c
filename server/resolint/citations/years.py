"""A citation dated by its year, or its month and year, instead of a full date:
"resolution 70/186 of 2015", "resolution 71/19 adopted in November 2016", "resolution
71/19 (2016)".

Drafters write these as often as full dates, and the reference data can check them as
well: a General Assembly number names its session, and so the years it may bear. Read
from the text after a citation when a rule asks (the extraction attaches full dates
only). Only "of", "adopted in" and "dated" introduce one: a bare "in 2023" after a
citation is as often when something was done under it ("the implementation of
resolution 1540 (2004) in 2023") as when it was adopted.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from resolint.citations.types import MONTH_NAMES
from resolint.records import record
from resolint.source import Span

_MONTHS = "|".join(MONTH_NAMES)
#: ", of 2015" / " adopted in December 2015" / " dated 2015"; not a span of years
#: ("of 2015–2016"), a longer number, nor a year that begins a name ("of 2030 Agenda",
#: "of 2005 World Summit Outcome").
_YEAR_AFTER = re.compile(
    rf",?\s{{1,3}}(?:of|adopted\s{{1,3}}in|dated)\s{{1,3}}(?:(?P<month>{_MONTHS})\s{{1,3}})?"
    r"(?P<year>(?:19[4-9]|20\d)\d)(?![\w/]|\s?[-–]\s?\d|\s{1,3}[A-Z][a-z])"
)
#: " (2016)": the year in brackets, as the Security Council's numbers carry it, written
#: after a number that does not ("resolution 71/19 (2016)").
_YEAR_IN_BRACKETS = re.compile(r"\s?\((?P<year>(?:19[4-9]|20\d)\d)\)")


@record(frozen=True, slots=True)
class YearDate:
    """A year, or a month of a year, given as a citation's date."""

    span: Span  # the year, or the month and year, as written
    year: int
    month: int | None  # 1..12, None for a year alone

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month or 1, 1)

    @property
    def last(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def text(self) -> str:
        return f"{MONTH_NAMES[self.month - 1]} {self.year}" if self.month else str(self.year)


def year_date_after(text: str, end: int, stop: int | None = None) -> YearDate | None:
    """The year (or month and year) dating the citation that ends at ``end``, if any;
    read no further than ``stop`` (its paragraph's end, for a rule that reads one
    paragraph at a time: the text after it is another paragraph's)."""
    stop = len(text) if stop is None else stop
    m = _YEAR_AFTER.match(text, end, stop) or _YEAR_IN_BRACKETS.match(text, end, stop)
    if m is None:
        return None
    month = MONTH_NAMES.index(m.group("month")) + 1 if m.re is _YEAR_AFTER and m.group("month") else None
    start = m.start("month") if month else m.start("year")
    return YearDate(Span(start, m.end()), int(m.group("year")), month)
