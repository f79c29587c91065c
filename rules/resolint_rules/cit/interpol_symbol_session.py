from __future__ import annotations

from resolint.citations import Organ
from resolint.citations.refdata import interpol_no_session_years, interpol_session_for_year, interpol_year_for_session
from resolint.numerals import ordinal
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.refs import citations, is_own

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
    2012).

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

    Repository note: the project knowledge base (`../shared/kb`) §3.2 (symbols by era; the transition years are UNVERIFIED, so an era mismatch is a warning) and §3.3 (session = year − 1931 to 2019, year − 1932 from 2021; none in 2020).
    """

    code = "CIT003"
    name = "interpol-symbol-session"
    summary = "INTERPOL resolution symbol whose session, year or format is wrong"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext):
        for c in citations(ctx).resolutions:
            if c.organ is not _INTERPOL or not c.form.startswith("interpol") or not is_own(c):
                continue
            if c.form == "interpol-agn":
                if c.session is not None and c.session > 69:
                    year = interpol_year_for_session(c.session)
                    yield Violation(c.span, f"'AGN/…' symbols were used up to the 69th session (2000); the {ordinal(c.session)} session ({year}) wrote 'AG-{year}-RES-…' or 'GA-{year}-…'", severity=Severity.WARNING)
                continue
            year = c.year
            if year is None:
                continue
            if year in interpol_no_session_years():
                postponed = interpol_session_for_year(year + 1)
                yield Violation(c.span, f"No INTERPOL General Assembly session was held in {year} (the {ordinal(postponed or 0)} was postponed to {year + 1})")
                continue
            expected = interpol_session_for_year(year)
            if c.form == "interpol-session":
                if expected is not None and c.session != expected:
                    yield Violation(c.span, f"The {ordinal(expected)} session was held in {year}; this symbol says {ordinal(c.session)}")
                elif year < 2012:
                    yield Violation(c.span, f"Symbols with the session number ('GA-YYYY-SS-RES-NN') are used from 2012; a {year} resolution is cited as 'AG-{year}-RES-{c.number:02d}' or 'GA-{year}-RES-{c.number:02d}'", severity=Severity.WARNING)
            elif c.form == "interpol-year":
                if year >= 2012 and expected is not None:
                    yield Violation(c.span, f"From 2012 the symbol includes the session: 'GA-{year}-{expected}-RES-{c.number:02d}'", severity=Severity.WARNING)
                elif year <= 2000:
                    yield Violation(c.span, f"Resolutions of {year} carry symbols 'AGN/{expected}/RES/…'", severity=Severity.WARNING)
