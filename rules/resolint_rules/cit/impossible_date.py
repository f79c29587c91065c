from __future__ import annotations

from resolint.citations.types import MONTH_NAMES
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.refs import citations

_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class ImpossibleDate(Rule):
    """
    ## What it does
    Finds dates that do not exist: "31 November 2016", "29 February 2023", "0 May 2020".

    ## Why is this bad?
    A date that is not in the calendar is certainly a typing error, usually in a
    citation whose real date must then be looked up.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 71/19 of 31 November 2016,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 71/19 of 21 November 2016,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    No fix: the right day cannot be guessed.

    ## Options
    None.

    ## References
    - UN Editorial Manual, "Numbers, dates and time": <https://www.un.org/dgacm/en/content/editorial-manual/numbers-dates-time>

    Repository note: the project knowledge base (`../shared/kb`) §1.7 UN-DATE-01.
    """

    code = "CIT006"
    name = "impossible-date"
    summary = "Date that does not exist"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext):
        for d in citations(ctx).dates:
            if d.valid:
                continue
            month = MONTH_NAMES[d.month - 1]
            if d.day == 0 or d.day > _DAYS[d.month - 1]:
                why = f"{month} has {_DAYS[d.month - 1] if d.month != 2 else '28 or 29'} days"
            else:
                why = f"{d.year} is not a leap year"
            yield Violation(d.span, f"'{d.text}' is not a date: {why}")
