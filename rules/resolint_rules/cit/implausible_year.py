from __future__ import annotations

from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.refs import citations

#: Resolutions cite and plan within this range; a year outside it is a typing error
#: ("2107" for "2017"). Options may widen it.
#: From the treaties resolutions still cite (the Geneva Convention of 22 August 1864, the
#: Hague Conventions of 1899 and 1907) to the end of the century.
DEFAULT_RANGE = (1800, 2100)


class ImplausibleYear(Rule):
    """
    ## What it does
    Flags a date or a cited resolution whose year is implausible: before 1800 or after
    2100 by default ("21 November 2107"). Resolutions still cite nineteenth-century
    treaties ("the Geneva Convention of 22 August 1864").

    ## Why is this bad?
    Transposed digits in a year survive proofreading because the date still "looks
    like" a date; the citation then points nowhere.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 71/19 of 21 November 2106,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 71/19 of 21 November 2016,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    No fix.

    ## Options
    `min-year` (default 1800), `max-year` (default 2100).

    ## References
    - UN Editorial Manual, "Numbers, dates and time": <https://www.un.org/dgacm/en/content/editorial-manual/numbers-dates-time>

    Repository note: the project knowledge base (`../shared/kb`) §1.7.
    """

    code = "CIT008"
    name = "implausible-year"
    summary = "Year outside the plausible range"
    default_severity = Severity.WARNING
    default_options = {"min-year": DEFAULT_RANGE[0], "max-year": DEFAULT_RANGE[1]}

    def check(self, ctx: RuleContext):
        lo, hi = int(ctx.options.get("min-year", DEFAULT_RANGE[0])), int(ctx.options.get("max-year", DEFAULT_RANGE[1]))
        cs = citations(ctx)
        for d in cs.dates:
            if not lo <= d.year <= hi:
                yield Violation(d.span, f"The year {d.year} is implausible here (expected {lo}–{hi}): check the digits")
        for c in cs.resolutions:
            if c.year is not None and not lo <= c.year <= hi and c.date is None:
                yield Violation(c.span, f"The year {c.year} in {c.text} is implausible (expected {lo}–{hi})")
