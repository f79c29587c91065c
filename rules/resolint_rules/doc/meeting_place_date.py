from __future__ import annotations

import unicodedata

from resolint.citations.refdata import format_date, interpol_sessions, interpol_year_for_session
from resolint.model import Kind
from resolint.numerals import ordinal
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.doc._titlefacts import title_facts, year_names_another_session


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


class MeetingPlaceDate(Rule):
    """
    ## What it does
    Checks the INTERPOL opening's city and dates ("meeting in Marrakech, Morocco, from
    24 to 27 November 2025 at its 93rd session") against the reference list of General
    Assembly sessions. When the opening's year held another session than its ordinal
    says, DOC011 reports that once and the city and dates are not compared: which of the
    two sessions is meant is not known.

    ## Why is this bad?
    The opening is copied from year to year; a city or dates left from an earlier
    session put the resolution in the wrong place and time.

    ## Example
    ```
    The ICPO-INTERPOL General Assembly, meeting in Glasgow, United Kingdom, from 24 to 27 November 2025 at its 93rd session:

    RECALLING its previous resolutions,

    CALLS UPON all member countries to:

    1. support the programme.
    ```

    ## Use instead
    ```
    The ICPO-INTERPOL General Assembly, meeting in Marrakech, Morocco, from 24 to 27 November 2025 at its 93rd session:

    RECALLING its previous resolutions,

    CALLS UPON all member countries to:

    1. support the programme.
    ```

    ## Fix safety
    No fix.

    ## Options
    None.

    ## References
    - INTERPOL, "General Assembly" (one session a year; resolutions and their symbols): <https://www.interpol.int/Who-we-are/Governance/General-Assembly>
    - INTERPOL General Assembly resolution AG-2001-RES-05 (70th session, Budapest, 2001), a specimen of the layout: <http://avalon.law.yale.edu/sept11/interpol_007.asp>

    Repository note: the project knowledge base (`../shared/kb`) §3.3 and `data/interpol_sessions.csv` (each row with its source; aliases such as Marrakesh, St Petersburg accepted). Rows whose dates are unverified give warnings.
    """

    code = "DOC012"
    name = "meeting-place-date"
    summary = "INTERPOL session's city or dates differ from the reference data"
    default_severity = Severity.ERROR
    kinds = (Kind.OPENING,)

    def check(self, ctx: RuleContext):
        meet = title_facts(ctx).meeting
        if meet is None or year_names_another_session(meet):
            return  # the ordinal or the year is wrong (DOC011): which session to compare with is unknown
        sessions = interpol_sessions()
        row = sessions.get(interpol_year_for_session(meet.session))
        if row is None or row.session != meet.session:
            return
        sure = row.status == "verified"
        place = _fold(meet.place)
        if not any(_fold(name) in place for name in (row.city, *row.aliases) if name):
            yield Violation(
                meet.place_span,
                f"The {ordinal(row.session)} session ({row.year}) met in {row.city}, {row.country}, not '{meet.place}'",
                severity=None if sure else Severity.WARNING,
            )
        if meet.dates_span is None or meet.end is None:
            return
        for label, have, want in (("opened", meet.start, row.start), ("closed", meet.end, row.end)):
            if have is None or want is None:
                continue
            if have != (want.year, want.month, want.day):
                yield Violation(
                    meet.dates_span,
                    f"The {ordinal(row.session)} session {label} on {format_date(want)} (reference data: {row.source.split(';')[0]})",
                    severity=None if sure else Severity.WARNING,
                )
