from __future__ import annotations

from resolint.model import Kind
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.common import expected_case


class RepeatedPreambularOpener(Rule):
    """
    ## What it does
    Reports a preambular opener that repeats the opener of the paragraph just before it
    without "also" or "further", and offers the form the style prefers ("Recalling
    also" in UN and INTERPOL style). Openers repeated further apart are left alone:
    adopted UN texts do that routinely.

    ## Why is this bad?
    UN usage marks a repeated opener: "Recalling …, Recalling also …, Recalling further
    …". Without the modifier the second paragraph reads as a duplicate.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    Recalling its resolution 76/3 of 4 November 2021,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    Recalling also its resolution 76/3 of 4 November 2021,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Unsafe: it adds a word ("also"), and the drafter may prefer "further".

    ## Options
    None; where the modifier goes comes from the style (`[openers] preamble-modifier`).

    ## References
    - General Assembly resolution 51/1 of 15 October 1996 (A/RES/51/1), a specimen of the layout: <https://undocs.org/A/RES/51/1>

    Repository note: the project knowledge base (`../shared/kb`) §1.2 UN-PRE-05.
    """

    code = "PRE006"
    name = "repeated-preambular-opener"
    summary = "Preambular opener repeated without also/further"
    default_severity = Severity.INFO
    kinds = (Kind.PREAMBLE,)
    fix_applicability = Applicability.UNSAFE

    def check(self, ctx: RuleContext):
        prefer = ctx.style.get("openers.preamble-modifier", "after")
        previous: tuple[int, str] | None = None
        for p in ctx.facts.preamble:
            op = ctx.opener(p)
            if op is None or not op.listed:
                previous = None
                continue
            phrase = op.phrase.lower()
            modified = op.before is not None or op.after is not None or phrase.endswith(("also", "further")) or phrase.startswith(("also ", "further "))
            repeated = previous == (p.part, phrase)
            previous = (p.part, phrase) if not modified else None
            if modified or not repeated:
                continue
            written = ctx.slice(op.span)
            if prefer == "before":
                word = expected_case(ctx, "Further", ctx.style.opener_case)
                new = f"{word} {written[:1].lower() + written[1:] if ctx.style.opener_case != 'upper' else written}"
                edit = Edit(op.span, new)
            else:
                word = "ALSO" if ctx.style.opener_case == "upper" else "also"
                new = f"{written} {word}"
                edit = Edit(Span(op.span.end, op.span.end), f" {word}")
            yield Violation(op.span, f"'{written}' repeats an earlier opener; write '{new}'", Fix.unsafe(f"Change to '{new}'", edit))
