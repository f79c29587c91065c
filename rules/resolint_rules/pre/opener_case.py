from __future__ import annotations

from resolint.listguard import protected_starts
from resolint.model import Kind
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint_rules.common import expected_case


class PreambleOpenerCase(Rule):
    """
    ## What it does
    Checks the case of a preambular opener against the style: all capitals in INTERPOL
    style (`RECALLING ALSO`, a trailing preposition may stay lower case: `SHOCKED by`),
    sentence case in United Nations style (`Recalling also`).

    ## Why is this bad?
    The opener is how a reader finds the start of each clause; the house style fixes its
    form, and mixed forms in one text look like unfinished editing.

    ## Example
    ```
    The General Assembly,

    RECALLING its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Safe: only letter case changes.

    ## Options
    None; the case comes from the style (`[openers] case`).

    ## References
    kb §1.2 UN-PRE-01; §3.1 IP-PRE-01; §2 matching rule 2.
    """

    code = "PRE003"
    name = "preambular-opener-case"
    summary = "Preambular opener not cased as the style writes it"
    default_severity = Severity.WARNING
    kinds = (Kind.PREAMBLE,)
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        case = ctx.style.opener_case
        for p in ctx.resolution.preamble:
            op = ctx.opener(p)
            if op is None:
                continue
            if op.span.start in protected_starts(ctx):
                continue  # a list item ("• reporting on …"), not a paragraph with an opener
            written = ctx.slice(op.span)
            want = expected_case(ctx, written, case)
            if written != want:
                yield Violation(op.span, f"Write the opener as '{want}' in the {ctx.style.name} style", Fix.safe(f"Change to '{want}'", Edit(op.span, want)))
