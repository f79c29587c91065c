from __future__ import annotations

from collections.abc import Iterator

from resolint.model import Kind
from resolint.rule import Rule, RuleContext, Severity
from resolint_rules.doc._titlefacts import SymbolNumber, number_violations, title_facts


class TitleNumberMismatch(Rule):
    """
    ## What it does
    Checks that the numbers of the title block agree: "Resolution No. 3" with the symbol
    "GA-2025-93-RES-03"; "79/136." with "A/RES/79/136".

    ## Why is this bad?
    The resolution number and the symbol identify the same text; when they disagree, one
    was not updated when the draft was renumbered, and the text will be filed or cited
    under the wrong number.

    ## Example
    ```
    Resolution No. 4

    GA-2025-93-RES-03

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
    No fix: either number may be the right one.

    ## Options
    None.

    ## References
    - INTERPOL General Assembly resolution GA-2025-93-RES-03 (93rd session, Marrakech, 2025)
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", I. System of identification: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-sys-ident>

    Repository note: the project knowledge base (`../shared/kb`) §3.1 IP-HEAD-01, §3.2; §1.6 (A/RES/N/x).
    """

    code = "DOC010"
    name = "title-number-mismatch"
    summary = "Resolution number and symbol disagree"
    default_severity = Severity.ERROR
    kinds = (Kind.TITLE,)

    def check(self, ctx: RuleContext):
        nums = [n for n in title_facts(ctx).numbers if n.number is not None]
        if len(nums) < 2:
            return
        yield from number_violations(nums[1:], lambda n: _against(n, nums[0]))


def _against(n: SymbolNumber, first: SymbolNumber) -> Iterator[str]:
    """How ``n`` disagrees with the first number of the title block: its number, else its session."""
    if n.number != first.number:
        yield f"'{n.text}' is number {n.number}, but '{first.text}' above says {first.number}"
    elif n.session is not None and first.session is not None and n.session != first.session:
        yield f"'{n.text}' is of session {n.session}, but '{first.text}' above says {first.session}"
