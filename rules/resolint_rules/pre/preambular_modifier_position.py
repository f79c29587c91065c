from __future__ import annotations

from resolint.model import Kind
from resolint.rule import Applicability, Rule, RuleContext, Severity
from resolint_rules.modifiers import modifier_violations


class PreambularModifierPosition(Rule):
    """
    ## What it does
    Checks where "also" or "further" stands in a preambular opener: after the participle
    in UN and INTERPOL style ("Recalling further"), before it in the Model UN form
    ("Further recalling"), either in the `mun` style.

    ## Why is this bad?
    UN texts write "Recalling also", "Noting further"; the Model UN lists carry "Further
    recalling". One text should use one form, the house's.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    Further recalling its resolution 76/3 of 4 November 2021,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    Recalling further its resolution 76/3 of 4 November 2021,

    1. Decides to keep the matter under review.
    ```

    The finding is information only: which side the house prefers is not settled
    (kb §1.2 UN-PRE-05 and §1.3 UN-OP-05 mark the preference UNVERIFIED, and adopted
    texts use both forms).

    ## Fix safety
    Safe: the same words, reordered.

    ## Options
    None; the position comes from the style (`[openers] preamble-modifier`: `after`,
    `before` or `either`).

    ## References
    - General Assembly resolution 51/1 of 15 October 1996 (A/RES/51/1), a specimen of the layout: <https://undocs.org/A/RES/51/1>
    - Lists of preambulatory and operative phrases used in Model UN, e.g. Columbus State University: <https://politicalscience.columbusstate.edu/mun/preambulatoryclauses.php>; and the openers of adopted resolutions (A/RES/51/1, AG-2001-RES-05, GA-2025-93-RES-03)

    Repository note: the project knowledge base (`../shared/kb`) §1.2 UN-PRE-05; §2 matching rule 3.
    """

    code = "PRE007"
    name = "preambular-modifier-position"
    summary = "also/further on the wrong side of a preambular opener"
    default_severity = Severity.INFO
    kinds = (Kind.PREAMBLE,)
    fix_applicability = Applicability.SAFE

    local = True

    def paragraphs(self, ctx: RuleContext):
        return ctx.facts.preamble

    def check_paragraph(self, ctx: RuleContext, p):
        yield from modifier_violations(ctx, (p,), ctx.style.get("openers.preamble-modifier", "after"), "preambular")
