from __future__ import annotations

import re

from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import citations, in_spans, quote_spans


class DateFormat(Rule):
    """
    ## What it does
    Checks that dates are written day, month, year, with the month in words and no
    ordinal suffix or comma: "24 December 2024", not "December 24, 2024",
    "24th December 2024" or "24 December, 2024".

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
    Safe: the same day, month and year are written in the house order.

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
        for d in citations(ctx).dates:
            if d.form == "dmy" or not d.valid or in_spans(d.span.start, quotes):
                continue
            want = d.canonical
            yield Violation(
                d.span,
                f"Write the date as '{want}' (day, month, year; no ordinal, no comma)",
                Fix.safe(f"Write '{want}'", Edit(_with_article(ctx.text, d.span), want)),
            )


#: "the" before a date written "the 1st of May 2025": the date in the house form takes none.
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t\u00a0]+$")


def _with_article(text: str, span: Span) -> Span:
    """``span``, with the "the " before it when the date is written "the 1st of May 2025"
    (the fix writes "of 1 May 2025", not "of the 1 May 2025")."""
    if " of " not in text[span.start : span.end]:
        return span
    m = _THE_BEFORE.search(text, max(0, span.start - 8), span.start)
    return span if m is None or text[m.start()] == "T" else Span(m.start(), span.end)
