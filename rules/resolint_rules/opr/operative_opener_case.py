from __future__ import annotations

from resolint.model import Kind
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.common import expected_case, is_list_item, opener_case, opener_to_rewrite, recased_in_place


class OperativeOpenerCase(Rule):
    """
    ## What it does
    Checks the case of an operative opener against the style: `CALLS UPON` in INTERPOL
    style, `Calls upon` in United Nations style.

    ## Why is this bad?
    The opener carries the decision; the house style fixes its form so that a reader
    scanning the operative part finds every verb the same way.

    ## Example
    ```
    The ICPO-INTERPOL General Assembly, meeting in Lyon from 1 to 4 November 2027 at its 95th session:

    RECALLING resolution GA-2025-93-RES-03,

    Calls upon member countries to share information;

    REQUESTS the Secretary General to report.
    ```

    ## Use instead
    ```
    The ICPO-INTERPOL General Assembly, meeting in Lyon from 1 to 4 November 2027 at its 95th session:

    RECALLING resolution GA-2025-93-RES-03,

    CALLS UPON member countries to share information;

    REQUESTS the Secretary General to report.
    ```

    ## Fix safety
    Safe: only letter case changes.

    ## Options
    None; the case comes from the style (`[openers] case`).

    ## References
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", II. Drafting and editing: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-draft-edit>
    - INTERPOL General Assembly resolution AG-2001-RES-05 (70th session, Budapest, 2001), a specimen of the layout: <http://avalon.law.yale.edu/sept11/interpol_007.asp>

    Repository note: the project knowledge base (`../shared/kb`) §1.3 UN-OP-02; §3.1 IP-OP-01.
    """

    code = "OPR006"
    name = "operative-opener-case"
    summary = "Operative opener not cased as the style writes it"
    house_convention = True  # the default style's convention, not a slip any draft makes
    default_severity = Severity.WARNING
    kinds = (Kind.OPERATIVE,)
    fix_applicability = Applicability.SAFE

    local = True

    def reports_house_convention(self, span: Span, text: str) -> bool:
        # Capitals or sentence case is the house's; an opener in lower case ("1. decides")
        # is a slip in any house that starts its paragraphs with a capital.
        return not text[span.start : span.start + 1].islower()

    def document_key(self, ctx: RuleContext):
        # The case a Model UN draft's openers are held to depends on its other openers.
        return opener_case(ctx, "operative")

    def check_paragraph(self, ctx: RuleContext, p):
        if is_list_item(p):
            return
        op = ctx.opener(p)
        if op is None or not opener_to_rewrite(ctx, op):
            return
        written = ctx.read(op.span)
        want = expected_case(ctx, written, opener_case(ctx, "operative"))
        if written != want:
            shown = " ".join(want.split())  # an opener wrapped over two lines, as one
            yield Violation(op.span, f"Write the opener as '{shown}' in the {ctx.style.name} style",
                            Fix.safe(f"Change to '{shown}'", Edit(op.span, recased_in_place(ctx, op.span, want))))
