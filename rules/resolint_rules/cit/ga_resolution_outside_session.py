from __future__ import annotations

from resolint.citations import Basis, Organ
from resolint.citations.refdata import format_date, ga_session_window, ga_sessions_for_date
from resolint.citations.years import year_date_after
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import citations, is_own

#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_GA = Organ.GA


class GaResolutionOutsideSession(Rule):
    """
    ## What it does
    Checks that a General Assembly resolution or decision cited as "N/x of D Month YYYY"
    bears a date inside regular session N: from September of 1945+N to September of
    1946+N; and one of the first thirty sessions, cited in the old style ("1514 (XV) of
    14 December 1960"), a date inside the session its numeral names (but the first
    session, whose first part met in January 1946). A citation dated by its year or its
    month alone ("71/19 of 2014", "71/19 (2014)", "72/3 adopted in March 2017") is
    checked too: no day of that year or month may fall inside the session.

    ## Why is this bad?
    The first part of a General Assembly number is its session, so the date and the
    number must agree; when they do not, one of them is wrong and the reader cannot
    tell which resolution is meant.

    The organ is resolved from the context first: "its resolution" in a General
    Assembly text, "General Assembly resolution …", or "Assembly resolution …" are
    checked as errors; a bare "resolution 53/12" may be a Human Rights Council or a
    commission's resolution, so it is reported only as information.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 71/19 of 21 November 2014,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 71/19 of 21 November 2016,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    No fix: either the number or the date may be the wrong part.

    ## Options
    None.

    ## References
    - Dag Hammarskjöld Library, "General Assembly: resolutions" (sessions and numbering): <https://research.un.org/en/docs/ga/resolutions>
    - General Assembly resolution 51/1 of 15 October 1996 (A/RES/51/1), a specimen of the layout: <https://undocs.org/A/RES/51/1>

    Repository note: the project knowledge base (`../shared/kb`) §4.1 (session N opens in September of 1945+N; window 1 September 1945+N to 30 September 1946+N); anchors 51/1 of 15 October 1996, 79/317 of 18 July 2025.
    """

    code = "CIT001"
    name = "ga-resolution-outside-session"
    summary = "General Assembly resolution dated outside its session"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext):
        for c in citations(ctx).resolutions:
            if c.organ is not _GA or not _numbered_in_a_session(c) or not is_own(c):
                continue
            if c.date is None:
                yield from _year_outside_session(c, ctx.text)
                continue
            d = c.date.date
            if d is None or c.session is None or not 1900 <= d.year <= 2100:
                continue  # an implausible year is CIT008's
            lo, hi = ga_session_window(c.session)
            if lo <= d <= hi:
                continue
            sessions = ga_sessions_for_date(d)
            hint = f"; a {_what(c).lower()} of that date belongs to session {' or '.join(map(str, sessions))}" if sessions else ""
            msg = (
                f"{_what(c)} {c.text} is numbered in session {c.session} ({lo.year}–{hi.year}) but dated "
                f"{format_date(d)}{hint}"
            )
            sev = None if c.basis.certain else Severity.INFO
            if c.basis is Basis.IMPLIED:
                msg += " (the organ is assumed: name it if this is not a General Assembly resolution)"
            yield Violation(Span(c.span.start, c.date.span.end), msg, severity=sev)


def _year_outside_session(c, text: str):
    """ "71/19 of 2014", "71/19 adopted in March 2016": a year, or a month, that no day
    of session N's window falls in."""
    yd = year_date_after(text, c.span.end)
    if yd is None or c.session is None or not 1900 <= yd.year <= 2100:
        return
    lo, hi = ga_session_window(c.session)
    if yd.last < lo or yd.first > hi:
        msg = (
            f"{_what(c)} {c.text} is numbered in session {c.session} (September {lo.year} to September {hi.year}) "
            f"but dated {yd.text}"
        )
        if c.basis is Basis.IMPLIED:
            msg += " (the organ is assumed: name it if this is not a General Assembly resolution)"
        yield Violation(Span(c.span.start, yd.span.end), msg, severity=None if c.basis.certain else Severity.INFO)


def _numbered_in_a_session(c) -> bool:
    """A resolution numbered in a regular session: "79/1", and the old style of the first
    thirty, "1514 (XV)" (the first session is left out: its first part met in London in
    January 1946, before the window of the session rule)."""
    return c.form == "ga" or (c.form == "ga-old" and c.session is not None and c.session >= 2)


def _what(c) -> str:
    """ "Decision 70/543" or "Resolution 70/1", as the text cites it."""
    return "Decision" if c.decision else "Resolution"
