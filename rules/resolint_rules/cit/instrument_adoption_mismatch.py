from __future__ import annotations

import re
from collections.abc import Callable

from resolint.citations.patterns import MONTH_NUMBER, MONTHS
from resolint.citations.refdata import format_date, instruments_for
from resolint.lazyre import lazy
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import citations

#: "<instrument>, adopted by the General Assembly in its resolution 79/243 of 24 December 2024"
#: / "<instrument>, adopted on 24 December 2024"; a resolution of the sessions numbered in
#: Roman figures as it is cited: "resolution 2200 A (XXI) of 16 December 1966".
ADOPTED_AFTER = re.compile(
    r"\s*,?\s*(?:which\s+was\s+|as\s+)?adopted\s+(?:by\s+(?:the\s+)?(?:United\s+Nations\s+)?General\s+Assembly\s*,?\s*)?"
    r"(?:(?:in|by|through|under)\s+(?:its\s+|General\s+Assembly\s+)?resolution\s+(?P<res>\d{1,3}/\d{1,3}|\d{1,4}\s?(?:[A-Z]\s?)?\([IVXL]+\))"
    rf"(?:\s+of\s+(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTHS})\s+(?P<y1>\d{{4}}))?"
    rf"|on\s+(?P<d2>\d{{1,2}})\s+(?P<m2>{MONTHS})\s+(?P<y2>\d{{4}}))"
)

#: An instrument named as part of another's name: "Protocol against the Illicit
#: Manufacturing of … Ammunition, supplementing the United Nations Convention against
#: Transnational Organized Crime, adopted by … 55/255", "the Optional Protocols to the
#: Convention on the Rights of the Child, adopted …": the adoption said after it is the
#: protocol's.
PART_OF_A_LONGER_NAME = lazy(r"(?:\b(?:Protocols?|Amendments?)\s+(?:to|of)|\bsupplementing|\bamending)\s+(?:the\s+)?$", re.IGNORECASE)

#: "<resolution 79/243 of 24 December 2024>, by which it adopted the <instrument>".
ADOPTED_BY_WHICH = re.compile(
    r",?\s*(?:by|in|through)\s+which\s+(?:it|the\s+(?:United\s+Nations\s+)?General\s+Assembly)\s+adopted\s+(?:the\s+)?"
)


class InstrumentAdoptionMismatch(Rule):
    """
    ## What it does
    Checks what a text says about a known instrument's adoption against the reference
    data: "the United Nations Convention against Corruption, adopted by the General
    Assembly in its resolution 58/4 of 31 October 2003" — the resolution and the date
    (a resolution of the early sessions as it is cited too: "resolution 2200 A (XXI) of
    16 December 1966");
    and the other way round, "its resolution 79/243 of 24 December 2024, by which it
    adopted the Convention on Cybercrime" — the instrument that resolution adopted (the
    United Nations one, not the Council of Europe's), as in "the Convention on
    Cybercrime, adopted by the General Assembly in its resolution 79/243", where the
    name is wrong, not the date after it.

    ## Why is this bad?
    The adopting resolution and date are how readers find an instrument's text; a
    wrong number or date sends them to another resolution.

    ## Example
    ```
    The General Assembly,

    Recalling the United Nations Convention against Cybercrime, adopted by the General Assembly in its resolution 79/234 of 24 December 2024,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling the United Nations Convention against Cybercrime, adopted by the General Assembly in its resolution 79/243 of 24 December 2024,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    No fix.

    ## Options
    None.

    ## References
    - United Nations Convention against Cybercrime, annexed to General Assembly resolution 79/243 of 24 December 2024 (A/RES/79/243): <https://undocs.org/A/RES/79/243>
    - United Nations Convention against Transnational Organized Crime, adopted by General Assembly resolution 55/25 of 15 November 2000 (A/RES/55/25): <https://undocs.org/A/RES/55/25>
    - United Nations Convention against Corruption, adopted by General Assembly resolution 58/4 of 31 October 2003: <https://legal.un.org/avl/ha/uncc/uncc.html>

    Repository note: the project knowledge base (`../shared/kb`) §5.1 CYB-04 (79/243 of 24 December 2024), §5.3 (UNTOC 55/25 of 15 November 2000; UNCAC 58/4 of 31 October 2003).
    """

    code = "CIT012"
    name = "instrument-adoption-mismatch"
    summary = "Instrument's adopting resolution or date differs from the reference data"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext):
        yield from self._adopted_after(ctx)
        yield from self._adopted_by_which(ctx)

    def _adopted_after(self, ctx: RuleContext):
        # Read as the printed draft reads ("in its reso\u00adlution 58/4"): a safe fix that
        # removes a soft hyphen or a comment must not bring in a finding.
        seen = ctx.facts.seen
        text, fwd = seen.text, seen.forward
        adopted_by = None
        for m in citations(ctx).instruments:
            inst = m.instrument
            if m.in_annex or m.in_quote or not (inst.adopted_by or inst.adopted_on):
                continue
            a = ADOPTED_AFTER.match(text, fwd(m.span.end))
            if not a or PART_OF_A_LONGER_NAME.search(text, max(0, fwd(m.span.start) - 40), fwd(m.span.start)):
                continue
            res = a.group("res")
            if res and "/" not in inst.adopted_by:
                # "the Convention on Cybercrime, adopted by the General Assembly in its
                # resolution 79/243": the name is what is wrong (the Council of Europe's
                # treaty was never adopted by a resolution), not the date after it.
                if adopted_by is None:
                    adopted_by = _adopted_by_resolution(ctx)
                other = adopted_by.get(res)
                if other is not None and other is not inst:
                    osev = None if other.status == "verified" else Severity.WARNING
                    yield Violation(m.span, f"Resolution {res} adopted the {other.short}, not the {inst.short}", severity=osev)
                    continue
            yield from _said_adoption(inst, a, seen.span, instruments_for(ctx.resolution.terms))

    def _adopted_by_which(self, ctx: RuleContext):
        """A General Assembly resolution cited as the one "by which it adopted" an
        instrument: the instrument must be the one the reference data says it adopted."""
        found = citations(ctx)
        named_at = {m.span.start: m for m in found.instruments if not (m.in_annex or m.in_quote)}
        if not named_at:
            return
        adopted_by = _adopted_by_resolution(ctx)
        seen = ctx.facts.seen
        for c in found.resolutions:
            if c.form != "ga" or c.decision or c.in_annex or c.session is None or c.number is None:
                continue
            a = ADOPTED_BY_WHICH.match(seen.text, seen.forward(c.date.span.end if c.date is not None else c.span.end))
            m = None if a is None else named_at.get(seen.back(a.end()))
            if m is not None:
                yield from _adoption_disagrees(c, f"{c.session}/{c.number}", m, adopted_by)


def _said_adoption(inst, a: re.Match[str], placed: Callable[[Span], Span], known=()):
    """What :data:`ADOPTED_AFTER`'s match ``a`` says of ``inst``'s adoption (its resolution,
    its date) where the reference data says otherwise. A date that is another of the
    ``known`` instruments' adoption is named with it ("the Convention on Cybercrime,
    adopted … on 24 December 2024" means the United Nations Convention against Cybercrime):
    the name may be what is wrong, not the date. ``placed`` puts a span of the text ``a``
    matched back on the draft (:attr:`resolint.facts.Analysis.seen`)."""
    sev = None if inst.status == "verified" else Severity.WARNING
    res = a.group("res")
    if res and inst.adopted_by and _compact(res) != _compact(inst.adopted_by):
        yield Violation(placed(Span(a.start("res"), a.end("res"))), f"The {inst.short} was adopted by resolution {inst.adopted_by}, not {res}", severity=sev)
    d, mo, y = (a.group("d1"), a.group("m1"), a.group("y1")) if a.group("d1") else (a.group("d2"), a.group("m2"), a.group("y2"))
    if d and inst.adopted_on:
        said = (int(y), MONTH_NUMBER[mo], int(d))
        want = inst.adopted_on
        if said != (want.year, want.month, want.day):
            start = a.start("d1") if a.group("d1") else a.start("d2")
            end = a.end("y1") if a.group("d1") else a.end("y2")
            other = next((i for i in known if i is not inst and i.adopted_on is not None
                          and (i.adopted_on.year, i.adopted_on.month, i.adopted_on.day) == said), None)
            if other is None and not inst.adopted_by and inst.date_kind != "adopted":
                # No adopting resolution: the data's date is the day the treaty was done
                # (the Convention on Cybercrime's, opened for signature at Budapest on 23
                # November 2001; the Committee of Ministers adopted it on 8 November), and
                # the day said may be its adoption's. Only another instrument's day is told.
                return
            hint = "" if other is None else f"; the {other.short} was adopted on that day: is it the one meant?"
            yield Violation(placed(Span(start, end)), f"The {inst.short} was adopted on {format_date(want)}{hint}", severity=sev)


def _compact(symbol: str) -> str:
    """A resolution's number without its spaces: "2200 A (XXI)" and "2200A(XXI)" are one."""
    return "".join(symbol.split())


def _adopted_by_resolution(ctx: RuleContext) -> dict:
    """The known instruments a General Assembly resolution adopted, by its number ("79/243")."""
    return {i.adopted_by: i for i in instruments_for(ctx.resolution.terms) if "/" in i.adopted_by}


def _adoption_disagrees(c, cited: str, m, adopted_by: dict):
    """The finding when resolution ``cited`` (citation ``c``) did not adopt the instrument
    named in ``m``: that instrument was adopted by another, or ``cited`` adopted another."""
    inst = m.instrument
    if inst.adopted_by == cited:
        return
    if "/" in inst.adopted_by:
        sev = None if inst.status == "verified" else Severity.WARNING
        yield Violation(c.span, f"The {inst.short} was adopted by resolution {inst.adopted_by}, not {cited}", severity=sev)
    elif cited in adopted_by:
        other = adopted_by[cited]
        sev = None if other.status == "verified" else Severity.WARNING
        yield Violation(m.span, f"Resolution {cited} adopted the {other.short}, not the {inst.short}", severity=sev)
