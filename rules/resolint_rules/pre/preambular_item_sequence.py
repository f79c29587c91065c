from __future__ import annotations

from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint_rules.labels import render_label


class PreambularItemSequence(Rule):
    """
    ## What it does
    Checks the labels of the items of a preambular group (an opener alone on its line,
    "considering", heading items `a)`, `b)`, `c)`): each label must follow the one before
    it, from `a)`, with no letter skipped or repeated. Every break is reported; one
    relabelling fix for the group is offered at the first break.

    ## Why is this bad?
    The items are cited by opener and letter ("recognizing c) above"); a skipped or
    repeated letter makes such a reference ambiguous, or points at nothing.

    ## Example
    ```
    The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
    considering
    a) that networks keep growing;
    c) that costs differ between regions,
    resolves
    1 to continue the studies.
    ```

    ## Use instead
    ```
    The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
    considering
    a) that networks keep growing;
    b) that costs differ between regions,
    resolves
    1 to continue the studies.
    ```

    ## Fix safety
    Unsafe: relabelling changes what references such as "considering c) above" point to.

    ## Options
    None.

    ## References
    Final Acts of the ITU Plenipotentiary Conference (Dubai, 2018): lettered items under
    each preambular opener.
    """

    code = "PRE008"
    name = "preambular-item-sequence"
    summary = "Items of a preambular group skip or repeat a letter"
    default_severity = Severity.ERROR
    fix_applicability = Applicability.UNSAFE

    def check(self, ctx: RuleContext):
        res = ctx.resolution
        for head in ctx.facts.preamble:
            if not head.heads_group:
                continue
            items = [p for p in res.group_items(head) if p.label is not None]
            if not items:
                continue
            scheme, form = items[0].label.scheme, items[0].label.form
            edits = [
                Edit(p.label.span, render_label(scheme, i + 1, form))
                for i, p in enumerate(items)
                if p.label.scheme is scheme and p.label.value != i + 1
            ]
            fix = Fix.unsafe(f"Relabel the items {render_label(scheme, 1, form)} to {render_label(scheme, len(items), form)}", *edits) if edits else None
            prev = None
            for p in items:
                label = p.label
                expected = 1 if prev is None else prev + 1
                if label.scheme is scheme and label.value != expected:
                    want = render_label(scheme, expected, form)
                    yield Violation(label.span, f"Item '{label.text}' where '{want}' was expected", fix)
                    fix = None
                prev = label.value if label.scheme is scheme else expected
