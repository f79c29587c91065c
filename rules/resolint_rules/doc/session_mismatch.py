from __future__ import annotations

import re
from collections.abc import Iterator

from resolint.citations.refdata import (
    format_date,
    ga_session_window,
    interpol_no_session_years,
    interpol_session_for_year,
    interpol_table_holds,
)
from resolint.invisible import as_read
from resolint.model import Kind
from resolint.numerals import ordinal, ordinal_words_value
from resolint.parser.title import title_head
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.doc._titlefacts import (
    Meeting,
    SymbolNumber,
    TitleFacts,
    number_violations,
    title_facts,
    year_names_another_session,
)
from resolint_rules.doc.wha_session import wha_session_violations


class SessionMismatch(Rule):
    """
    ## What it does
    Checks the session and year of the text itself: the symbol's year and session
    against each other (INTERPOL: session = year − 1931 to 2019, year − 1932 from 2021)
    and against the opening's "at its Nth session" and meeting dates; a United Nations
    "N/x." title against its date of adoption (inside session N); a World Health
    Assembly's opening ("The Seventy-ninth World Health Assembly,") against its symbol
    (`WHA79.4`) and the year of its closing line (session n met in 1947 + n); a General
    Assembly draft's symbol (`A/81/L.12`, `A/C.3/81/L.5`) against the session line of its
    title block ("Eighty-second session").

    ## Why is this bad?
    A title block copied from last year's resolution keeps last year's session; the
    symbol then names a text that does not exist.

    ## Example
    ```
    Resolution No. 3

    GA-2025-92-RES-03

    The ICPO-INTERPOL General Assembly, meeting in Marrakech, Morocco, from 24 to 27 November 2025 at its 93rd session:

    RECALLING its previous resolutions,

    CALLS UPON all member countries to:

    1. support the programme.
    ```

    ## Use instead
    ```
    Resolution No. 3

    GA-2025-93-RES-03

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
    - INTERPOL General Assembly resolution GA-2025-93-RES-03 (93rd session, Marrakech, 2025)
    - Dag Hammarskjöld Library, "General Assembly: resolutions" (sessions and numbering): <https://research.un.org/en/docs/ga/resolutions>

    - Resolution WHA62.1 of the Sixty-second World Health Assembly (2009), as printed in the volume of its resolutions: <https://slidelegend.com/resolutions-world-health-organization_59cc8a581723dd9aa4136d3a.html>

    Repository note: the project knowledge base (`../shared/kb`) §3.2 (INTERPOL symbols), §3.3 (sessions by year; none in 2020; a year outside the table's rows is not checked for its session), §4.1 (GA sessions); the World Health Assembly's sessions: `resolint_rules/wha.py`.
    """

    code = "DOC011"
    name = "session-mismatch"
    summary = "Symbol, opening and dates disagree on the session"
    default_severity = Severity.ERROR
    kinds = (Kind.TITLE, Kind.OPENING)

    def check(self, ctx: RuleContext):
        facts = title_facts(ctx)
        yield from wha_session_violations(ctx, facts)
        yield from number_violations(facts.numbers, lambda n: _number_problems(ctx, facts, n))
        yield from _draft_symbol_session(ctx)
        meet = facts.meeting
        if meet is not None and meet.end is not None:
            year = meet.end[0]
            expected = interpol_session_for_year(year) if interpol_table_holds(year) else None
            if year in interpol_no_session_years():
                yield Violation(meet.session_span, f"No INTERPOL General Assembly session was held in {year}")
            elif expected is not None and expected != meet.session and _is_interpol(ctx):
                yield Violation(meet.session_span, f"The session held in {year} was the {ordinal(expected)}, not the {ordinal(meet.session)}")


def _number_problems(ctx: RuleContext, facts: TitleFacts, n: SymbolNumber) -> Iterator[str]:
    if n.kind == "interpol" and n.year is not None:
        yield from _interpol_symbol(n, facts.meeting)
    elif n.kind == "un" and n.session is not None and facts.closing_date is not None and facts.closing_date.date is not None:
        yield from _un_title(ctx, n, facts.closing_date.date)


def _interpol_symbol(n: SymbolNumber, meet: Meeting | None) -> Iterator[str]:
    """An INTERPOL symbol's session against its year, then against the opening's session
    and meeting dates (once the symbol is wrong in itself, the opening is not compared)."""
    if n.year in interpol_no_session_years():
        yield f"No INTERPOL General Assembly session was held in {n.year}"
        return
    expected = interpol_session_for_year(n.year) if interpol_table_holds(n.year) else None
    if n.session is not None and expected is not None and n.session != expected:
        yield f"The {ordinal(expected)} session was held in {n.year}; the symbol says {n.session}"
        return
    if meet is not None and n.session is not None and meet.session != n.session and not year_names_another_session(meet):
        yield f"The symbol says session {n.session}; the opening says the {ordinal(meet.session)}"
    if meet is not None and meet.end is not None and meet.end[0] != n.year:
        yield f"The symbol says {n.year}; the opening's meeting ends in {meet.end[0]}"


def _un_title(ctx: RuleContext, n: SymbolNumber, d) -> Iterator[str]:
    """A General Assembly "N/x." title against the date of adoption (inside session N)."""
    lo, hi = ga_session_window(n.session)
    if not lo <= d <= hi and ctx.resolution.opening is not None and "General Assembly" in as_read(ctx.slice(ctx.resolution.opening.span)):
        yield f"'{n.text}' is of session {n.session} ({lo.year}–{hi.year}), but the text is dated {format_date(d)}"


def _is_interpol(ctx: RuleContext) -> bool:
    op = ctx.resolution.opening
    return op is not None and "INTERPOL" in ctx.read(op.span).upper()



#: A General Assembly draft's symbol ("A/81/L.12", a Main Committee's "A/C.3/82/L.14"):
#: group 1 is its session.
_DRAFT_SYMBOL = re.compile(r"(?<![\w/])A/(?:C\.[1-6]/)?(\d{1,3})/L\.\d{1,4}\b")
#: The title block's session line: "Eighty-second session" (a regular session; a special
#: or emergency special session has its own numbers and symbols).
_SESSION_LINE = re.compile(r"^[ \t]*([A-Za-z]+(?:-[a-z]+)?)[ \t]+session[ \t]*$", re.MULTILINE)


def _draft_symbol_session(ctx: RuleContext) -> Iterator[Violation]:
    """A General Assembly draft's symbol against the session line of its title block
    ("A/81/L.12" over "Eighty-second session"): a draft carried over from the session
    before keeps the old symbol or the old line (found by a draft written for probing;
    the symbols of drafts were read for their style only)."""
    symbols, lines = [], []
    for p in ctx.resolution.title.paragraphs:
        body = ctx.slice(title_head(p))  # (a draft with no opening is all title)
        symbols += [(int(m.group(1)), m.group(0)) for m in _DRAFT_SYMBOL.finditer(body)]
        lines += [(m, p.span.start) for m in _SESSION_LINE.finditer(body)]
    if len({n for n, _ in symbols}) != 1:
        return
    session, symbol = symbols[0]
    for m, base in lines:
        said = ordinal_words_value(m.group(1))
        if said is not None and said != session:
            yield Violation(
                Span(base + m.start(1), base + m.end(1)),
                f"The symbol {symbol} is of the {ordinal(session)} session; this line says the {ordinal(said)}",
            )
