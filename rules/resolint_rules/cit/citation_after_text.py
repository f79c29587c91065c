from __future__ import annotations

import datetime as dt

from resolint.citations import Organ
from resolint.citations import patterns as P
from resolint.citations.refdata import format_date, ga_session_window
from resolint.citations.resolutions import symbol_citation
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.refs import citations, is_own

#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_GA, _OTHER, _SC, _UNKNOWN = Organ.GA, Organ.OTHER, Organ.SC, Organ.UNKNOWN


class CitationAfterText(Rule):
    """
    ## What it does
    Checks that nothing a resolution cites is later than the resolution itself: a cited
    date after the date of adoption (the closing line, or the last day of an INTERPOL
    session), a Security Council or INTERPOL year after the text's year, a General
    Assembly session after the text's own session (a General Assembly resolution whose
    date lies outside the session its number names is CIT001's, reported once), or, in a Security Council resolution
    with its symbol ("S/RES/2231 (2015)"), a Council resolution numbered after it. In a compilation, each resolution is
    dated by its own symbol line ("76/13. …") and closing lines where it has them.

    ## Why is this bad?
    A text cannot recall what did not yet exist. A later date is a typing error in the
    date or the number, or a citation copied from a later draft.

    ## Example
    ```
    78/10. Cooperation in criminal matters

    The General Assembly,

    Recalling its resolution 79/136 of 6 December 2024,

    1. Decides to keep the matter under review.

    38th plenary meeting
    21 November 2023
    ```

    ## Use instead
    ```
    78/10. Cooperation in criminal matters

    The General Assembly,

    Recalling its resolution 77/20 of 21 November 2022,

    1. Decides to keep the matter under review.

    38th plenary meeting
    21 November 2023
    ```

    ## Fix safety
    No fix.

    ## Options
    None.

    ## References
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", I. System of identification: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-sys-ident>
    - INTERPOL, "General Assembly" (one session a year; resolutions and their symbols): <https://www.interpol.int/Who-we-are/Governance/General-Assembly>
    - Dag Hammarskjöld Library, "Security Council: resolutions" (numbered consecutively since 1946): <https://research.un.org/en/docs/sc/resolutions>

    Repository note: the project knowledge base (`../shared/kb`) §3.2 ("A cited resolution must not be later than the citing one"); §4.1.
    """

    code = "CIT004"
    name = "citation-after-text"
    summary = "Cited text postdates the citing text"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext):
        cs = citations(ctx)
        for c in cs.resolutions:
            if not is_own(c) or c.organ in (_OTHER, _UNKNOWN) or c.form in ("draft", "report"):
                continue
            # A resolution of a compilation is dated by its own symbol and closing lines.
            facts = cs.facts_of(0 if c.paragraph is None else c.paragraph.part)
            if facts.latest is None and facts.session is None:
                continue
            if c.date is not None and not 1900 <= c.date.year <= 2100:
                continue  # an implausible year is CIT008's
            later = self._later(c, facts)
            if later:
                yield Violation(c.span, f"{c.text} {later}", severity=None if c.basis.certain else Severity.INFO)
        yield from _after_own_council_number(ctx, cs)

    def _later(self, c, facts) -> str | None:
        """How citation ``c`` postdates the text, or None if it does not."""
        latest = facts.latest
        if _dated_outside_its_session(c):
            latest = None  # the date contradicts the number (CIT001, once); the session is compared below
        if c.date is not None and c.date.date is not None and latest is not None and c.date.date > latest:
            return f"is dated {format_date(c.date.date)}, after this text ({self._when(facts)})"
        if c.year is not None and latest is not None and c.year > latest.year:
            return f"is of {c.year}, after this text ({self._when(facts)})"
        if (
            c.organ is _GA and c.form == "ga" and facts.organ is _GA and facts.session
            and c.session is not None and c.session > facts.session
        ):
            return f"belongs to session {c.session}, after this text's session {facts.session}"
        return None

    @staticmethod
    def _when(facts) -> str:
        if facts.date is not None:
            return f"{facts.date_basis}: {format_date(facts.date)}"
        if facts.year is not None:
            return f"of {facts.year}"
        if facts.session:
            return f"session {facts.session}, which ends by {format_date(dt.date(1946 + facts.session, 9, 30))}"
        return "date unknown"


def _dated_outside_its_session(c) -> bool:
    """Whether ``c`` is a General Assembly "N/x" (or "1514 (XV)") whose date falls outside
    session N: CIT001 reports that, and the date is the suspect, so a date after the text
    is not reported again ("Recalling its resolution 78/3 of 13 October 2025" in a text of
    12 December 2024 made two errors for one wrong year). The number's session is still
    compared with the text's."""
    if c.organ is not _GA or c.session is None or c.date is None or c.date.date is None:
        return False
    if not (c.form == "ga" or (c.form == "ga-old" and c.session >= 2)):
        return False
    lo, hi = ga_session_window(c.session)
    return not lo <= c.date.date <= hi


def _after_own_council_number(ctx: RuleContext, cs):
    """In a Council resolution whose symbol gives its number ("S/RES/2231 (2015)"), a
    Council resolution cited with a higher number ("2250 (2015)"): the Council numbers
    its resolutions consecutively, so that one was adopted after this text."""
    sym = ctx.resolution.title.symbol
    if sym is None or len(ctx.resolution.openings) > 1:
        return  # (a compilation's resolutions are numbered each its own)
    m = P.SYMBOL.fullmatch(ctx.text, sym.start, sym.end)
    own = symbol_citation(m, 0) if m is not None else None
    if own is None or own.form != "sc" or own.number is None:
        return
    for c in cs.resolutions:
        if c.organ is not _SC or c.form != "sc" or not is_own(c) or c.number is None or c.number <= own.number:
            continue
        if c.year is None or own.year is None or c.year <= own.year:  # (a later year is reported above)
            yield Violation(
                c.span,
                f"Security Council resolution {c.number} was adopted after this text, resolution {own.number}: "
                "the Council numbers its resolutions consecutively",
                severity=None if c.basis.certain else Severity.INFO,
            )
