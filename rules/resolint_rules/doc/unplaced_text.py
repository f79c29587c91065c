from __future__ import annotations

from resolint.model import Kind
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.common import first_line_span


class UnplacedText(Rule):
    """
    ## What it does
    Reports text the parser could not place in the structure of a resolution, once per
    document, at the first such paragraph, with the number of paragraphs concerned.

    ## Why is this bad?
    Text after the closing lines (the vote, the meeting and date) is outside the
    resolution: a stray note, a pasted fragment or a clause that lost its place. No other
    rule checks it, so it must at least be seen. `--fix` leaves such a file alone.

    ## Example
    ```
    The General Assembly,

    1. Decides to keep the matter under review.

    38th plenary meeting
    21 November 2023

    Some stray remark that belongs nowhere
    ```

    ## Use instead
    ```
    The General Assembly,

    1. Decides to keep the matter under review.

    38th plenary meeting
    21 November 2023
    ```

    ## Fix safety
    No fix.

    ## Options
    None.

    ## References
    DESIGN §2: the parser records what it could not place.
    """

    code = "DOC004"
    name = "unplaced-text"
    summary = "Text the parser could not place"
    default_severity = Severity.WARNING
    kinds = (Kind.UNPLACED,)

    def check(self, ctx: RuleContext):
        unplaced = ctx.resolution.unplaced
        if not unplaced:
            return
        more = f" (and {len(unplaced) - 1} more paragraph{'s' if len(unplaced) > 2 else ''})" if len(unplaced) > 1 else ""
        yield Violation(first_line_span(ctx, unplaced[0]), f"This text is not a paragraph, heading or closing line of the resolution{more}: "
                        "move or remove it; until then --fix leaves this file unchanged")
