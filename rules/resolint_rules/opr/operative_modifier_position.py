from __future__ import annotations

from resolint.model import Kind
from resolint.rule import Applicability, Rule, RuleContext, Severity
from resolint_rules.common import is_list_item
from resolint_rules.modifiers import modifier_violations


class OperativeModifierPosition(Rule):
    """
    ## What it does
    Checks where "also" or "further" stands in an operative opener: before the verb in
    General Assembly and INTERPOL style ("Also requests", "FURTHER DECIDES"); either side
    in Security Council and Model UN style, which also write "Decides further".

    ## Why is this bad?
    General Assembly texts write "Also requests", "Further invites". One text should use
    one form, the house's.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary-General to report at its next session;

    2. Requests also the Secretary-General to circulate the report.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary-General to report at its next session;

    2. Also requests the Secretary-General to circulate the report.
    ```

    The finding is information only: which side the house prefers is not settled
    (kb §1.2 UN-PRE-05 and §1.3 UN-OP-05 mark the preference UNVERIFIED, and adopted
    texts use both forms).

    ## Fix safety
    Safe: the same words, reordered.

    ## Options
    None; the position comes from the style (`[openers] operative-modifier`).

    ## References
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", II. Drafting and editing: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-draft-edit>
    - Dag Hammarskjöld Library, "Security Council: resolutions" (numbered consecutively since 1946, year in parentheses): <https://research.un.org/en/docs/sc/resolutions>

    Repository note: the project knowledge base (`../shared/kb`) §1.3 UN-OP-05.
    """

    code = "OPR011"
    name = "operative-modifier-position"
    summary = "also/further on the wrong side of an operative verb"
    default_severity = Severity.INFO
    kinds = (Kind.OPERATIVE,)
    fix_applicability = Applicability.SAFE

    local = True

    def check_paragraph(self, ctx: RuleContext, p):
        # List items are skipped here, not left out of paragraphs(): the operative
        # paragraphs' list (its cache keys) is then the one OPR004-OPR006 read, built once
        # per keystroke for all of them.
        if is_list_item(p):
            return
        yield from modifier_violations(ctx, (p,), ctx.style.get("openers.operative-modifier", "before"), "operative")
