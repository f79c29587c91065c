from __future__ import annotations

from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint_rules.refs import citations


class InstrumentNameVariant(Rule):
    """
    ## What it does
    Finds wrong names of known instruments and offers the official one: "United
    Nations Convention Against Corruption" (capital "Against"), "United Nations
    Convention on Cybercrime" (which names the Budapest treaty), "UN Charter".

    ## Why is this bad?
    Instruments are identified by their exact titles. A wrong preposition or capital
    reads as careless; a title borrowed from another treaty names the wrong
    instrument — the Council of Europe's "Convention on Cybercrime" is not the United
    Nations Convention against Cybercrime.

    ## Example
    ```
    The General Assembly,

    Welcoming the entry into force of the United Nations Convention Against Corruption,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Welcoming the entry into force of the United Nations Convention against Corruption,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Safe when only case or punctuation changes ("Against" → "against", ":" → ";");
    unsafe when the words change ("Convention on Cybercrime" → "Convention against
    Cybercrime"), since the drafter may have meant the other treaty.

    ## Options
    None. An organization lists its own wrong names under
    `[[terms.instruments."Title".variants]]` (`text`, `fix`, `safe`).

    ## References
    - United Nations Convention against Cybercrime, annexed to General Assembly resolution 79/243 of 24 December 2024 (A/RES/79/243): <https://undocs.org/A/RES/79/243>
    - United Nations Convention against Transnational Organized Crime, adopted by General Assembly resolution 55/25 of 15 November 2000 (A/RES/55/25): <https://undocs.org/A/RES/55/25>
    - United Nations Convention against Corruption, adopted by General Assembly resolution 58/4 of 31 October 2003: <https://legal.un.org/avl/ha/uncc/uncc.html>

    Repository note: the project knowledge base (`../shared/kb`) §5.1 CYB-03, §5.3 (official titles with lower-case "against").
    """

    code = "TRM001"
    name = "instrument-name-variant"
    summary = "Instrument called by a wrong name"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        for m in citations(ctx).instruments:
            if m.form != "variant" or m.in_annex or m.in_quote:
                continue
            edit = Edit(m.span, m.variant_fix)
            title = f"Write '{m.variant_fix}'"
            fix = Fix.safe(title, edit) if m.variant_safe else Fix.unsafe(title, edit)
            yield Violation(m.span, f"'{m.text}' is not the instrument's title: {m.variant_why}", fix)
