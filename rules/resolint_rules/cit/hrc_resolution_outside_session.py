from __future__ import annotations

from resolint.citations import Organ
from resolint.citations.refdata import format_date
from resolint.numerals import ordinal
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import citations, is_own

_HRC = Organ.HRC

#: The Council's first regular session met in June 2006; it has held three regular
#: sessions a year since (kb §4: the sessions of year Y are 3(Y-2007)+4 to +6).
_FIRST_YEAR = 2006
_SESSIONS_A_YEAR = 3


def hrc_session_year(session: int) -> int:
    """The year regular session ``session`` of the Human Rights Council met in."""
    return _FIRST_YEAR + (session - 1) // _SESSIONS_A_YEAR


class HrcResolutionOutsideSession(Rule):
    """
    ## What it does
    Checks that a Human Rights Council resolution cited as "N/x of D Month YYYY" bears a
    date in the year its regular session N met: the Council has met in three regular
    sessions a year since 2006 (sessions 1-3 in 2006, 52-54 in 2023, 58-60 in 2025), and
    each ends within its year. Special sessions ("S-30/1") are left alone. Only a
    citation whose organ is known (named, or "its resolution" in a Council text) is
    checked; a bare "resolution 48/3" may be the General Assembly's (CIT001's).

    ## Why is this bad?
    The first part of the Council's number is its session, so the date and the number
    must agree; when they do not, one of them is wrong and the reader cannot tell which
    resolution is meant.

    ## Example
    ```
    The General Assembly,

    Recalling Human Rights Council resolution 48/13 of 8 October 2023,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling Human Rights Council resolution 48/13 of 8 October 2021,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    No fix: either the number or the date may be the wrong part.

    ## Options
    None.

    ## References
    - United Nations Human Rights Council, "Sessions" (three regular sessions a year, since June 2006): <https://www.ohchr.org/en/hr-bodies/hrc/sessions>
    - Human Rights Council resolution 48/13 of 8 October 2021 (A/HRC/RES/48/13), a specimen: <https://undocs.org/A/HRC/RES/48/13>

    Repository note: the project knowledge base (`../shared/kb`) §4, "Human Rights Council: session/number; three regular sessions a year" (marked UNVERIFIED there: a warning, not an error).
    """

    code = "CIT016"
    name = "hrc-resolution-outside-session"
    summary = "Human Rights Council resolution dated outside its session's year"
    # The kb marks the rule of three sessions a year UNVERIFIED: a warning, never an error.
    default_severity = Severity.WARNING

    def check(self, ctx: RuleContext):
        for c in citations(ctx).resolutions:
            if c.organ is not _HRC or c.form != "session" or c.session is None or c.date is None or not is_own(c):
                continue
            d = c.date.date
            if d is None or not c.basis.certain or not 1900 <= d.year <= 2100:
                continue  # an implausible year is CIT008's
            year = hrc_session_year(c.session)
            if d.year == year:
                continue
            msg = (f"Human Rights Council resolution {c.text} is of the Council's {ordinal(c.session)} session, "
                   f"held in {year}, but dated {format_date(d)}")
            yield Violation(Span(c.span.start, c.date.span.end), msg)

