from __future__ import annotations

from resolint.model import Kind
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.common import first_line_span


class MissingOpening(Rule):
    """
    ## What it does
    Reports a draft whose clauses are not introduced by an opening line that names the
    body adopting it ("The General Assembly,", "The ICPO-INTERPOL General Assembly,
    meeting in …:").

    ## Why is this bad?
    The opening is the grammatical subject of every clause that follows: "The General
    Assembly, … Decides". Without it the clauses have no subject (UN Editorial Manual,
    "Drafting and editing": the order is organ, preamble, operative part).

    ## Example
    ```
    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    No fix: only the drafter knows which body adopts the text.

    ## Options
    None.

    ## References
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", II. Drafting and editing: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-draft-edit>
    - General Assembly resolution 51/1 of 15 October 1996 (A/RES/51/1), a specimen of the layout: <https://undocs.org/A/RES/51/1>
    - INTERPOL General Assembly resolution AG-2001-RES-05 (70th session, Budapest, 2001), a specimen of the layout: <http://avalon.law.yale.edu/sept11/interpol_007.asp>

    Repository note: the project knowledge base (`../shared/kb`) §1.1 UN-STRUCT-01, UN-STRUCT-02; §3.1 IP-HEAD-02.
    """

    code = "DOC001"
    name = "missing-opening"
    summary = "Clauses without an opening line naming the body"
    default_severity = Severity.WARNING
    kinds = (Kind.OPENING,)

    def check(self, ctx: RuleContext):
        res = ctx.resolution
        if res.openings:
            return
        clauses = res.of_kind(Kind.PREAMBLE, Kind.OPERATIVE)
        if not clauses:
            return
        yield Violation(
            first_line_span(ctx, clauses[0]),
            "No opening line names the body adopting this text (e.g. 'The General Assembly,')",
        )
