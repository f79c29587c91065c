from __future__ import annotations

from resolint.citations.internal import numbered_paragraphs, numbered_target
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.refs import citations


class InternalReferenceTarget(Rule):
    """
    ## What it does
    Checks internal references — "paragraph 5 above", "paragraph 3 (b) below",
    "paragraph 2 of the present resolution", "subparagraph (c) above" — against the
    text: the operative paragraph (and sub-paragraph) must exist, and "above" or
    "below" must point the right way, not at the paragraph that says it. In a
    resolution whose sections are each numbered from 1, a number is its own section's
    paragraph first, as go to definition reads it.

    ## Why is this bad?
    Paragraph numbers change while a draft is negotiated; a reference left behind
    points to another paragraph, or to none (UN Editorial Manual: "internal
    cross-references should be carefully checked").

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to establish a working group;

    2. Requests the Secretary-General to report on the implementation of paragraph 3 above.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to establish a working group;

    2. Requests the Secretary-General to report on the implementation of paragraph 1 above.
    ```

    ## Fix safety
    No fix (renumbering with OPR rules updates references that were right before).

    ## Options
    None.

    ## References
    - UN Editorial Manual, instructions for the preparation of documents ("internal cross-references should be carefully checked in the final draft"): <http://dd.dgacm.org/editorialmanual/ed-guidelines/instr_prep_docs/instructions.htm>

    Repository note: the project knowledge base (`../shared/kb`) §1.11 (lint ideas a–b).
    """

    code = "CIT011"
    name = "internal-reference-target"
    summary = "Internal reference to a paragraph that is not there"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext):
        if not ctx.facts.last_operative_of_part:  # no operative paragraph (kept once per lint)
            return
        for r in citations(ctx).internal:
            if not r.explicit or r.paragraph is None:
                continue
            what = f"paragraph {r.number}" if r.number is not None else "subparagraph"
            if r.sub:
                what += f" ({r.sub})"
            if r.target is None:
                if r.number is not None and r.sub and _paragraph_of(ctx, r) is not None:
                    yield Violation(r.span, f"Paragraph {r.number} has no subparagraph ({r.sub})")
                elif r.number is not None:
                    yield Violation(r.span, f"There is no operative paragraph {r.number} in this text")
                else:
                    yield Violation(r.span, f"This paragraph has no subparagraph ({r.sub})")
                continue
            here = r.paragraph.span.start
            if r.target is r.paragraph and r.direction in ("above", "below"):
                yield Violation(r.span, f"{what.capitalize()} is this paragraph, not {r.direction} it")
            elif r.direction == "above" and r.target.span.start > here:
                yield Violation(r.span, f"{what.capitalize()} is below this paragraph, not above")
            elif r.direction == "below" and r.target.span.start < here:
                yield Violation(r.span, f"{what.capitalize()} is above this paragraph, not below")


def _paragraph_of(ctx: RuleContext, r):
    """The operative paragraph "paragraph 4 (b)" names, whether or not it has a (b): the
    message says which of the two is missing."""
    res = ctx.resolution  # (only for a reference whose target is missing: rare)
    return numbered_target(res, numbered_paragraphs(res), r.number, r.paragraph.part, r.paragraph.span.start)
