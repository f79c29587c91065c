from __future__ import annotations

from resolint.model import Kind
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint_rules.common import inflect_like, reads_as_operative_verb, unlisted_opener


class FiniteVerbInPreamble(Rule):
    """
    ## What it does
    Reports a preambular paragraph that opens with an operative verb ("Recalls",
    "Urges", "Notes") instead of a participle, and offers the participle ("Recalling",
    "Urging", "Noting").

    ## Why is this bad?
    "Each preambular paragraph begins with a present, past or perfect participle or
    participial phrase or an adjective" (UN Editorial Manual). An operative verb in the
    preamble makes the paragraph read as a decision, which the preamble cannot take.

    ## Example
    ```
    The General Assembly,

    Recalls its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Unsafe: the fix changes a word. It keeps the word's case ("RECALLS" becomes
    "RECALLING").

    ## Options
    None.

    ## References
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", II. Drafting and editing: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-draft-edit>

    Repository note: the project knowledge base (`../shared/kb`) §1.1 UN-STRUCT-03; §2 matching rule 5.
    """

    code = "PRE001"
    name = "finite-verb-in-preamble"
    summary = "Preambular paragraph opens with an operative verb"
    default_severity = Severity.ERROR
    kinds = (Kind.PREAMBLE,)
    fix_applicability = Applicability.UNSAFE

    local = True

    def paragraphs(self, ctx: RuleContext):
        return ctx.facts.preamble

    def check_paragraph(self, ctx: RuleContext, p):
        found = unlisted_opener(ctx, p)
        if found is None:
            return
        op, word = found
        if not reads_as_operative_verb(word.lower()):
            return
        participle = inflect_like(word, "VBG")
        fix = Fix.unsafe(f"Replace with '{participle}'", Edit(op.head, participle)) if participle else None
        hint = f"; use '{participle}'" if participle else ""
        yield Violation(op.head, f"Preambular paragraph opens with the operative verb '{word}'{hint}", fix)
