from __future__ import annotations

from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.refs import citations


class InconsistentInstrumentShortForm(Rule):
    """
    ## What it does
    Checks that, once an instrument has been named, the text keeps to one short form
    for it: not "UNTOC" in one paragraph and "the Palermo Convention" in the next.

    ## Why is this bad?
    Two names for one instrument make the reader wonder whether two instruments are
    meant; a text picks one short form after the title and keeps it.

    ## Example
    ```
    The General Assembly,

    Recalling the United Nations Convention against Transnational Organized Crime (UNTOC),

    Noting that UNTOC has 190 parties,

    Noting also that the Palermo Convention is widely ratified,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling the United Nations Convention against Transnational Organized Crime (UNTOC),

    Noting that UNTOC has 190 parties,

    Noting also that UNTOC is widely ratified,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    No fix: which short form the text keeps is the drafter's choice.

    ## Options
    None.

    ## References
    - American Model United Nations, "Document format and style" (abbreviations spelled out at first use, then used alone): <https://amun.org/handbooks/2018/amun-rules-and-procedures-2018/document-format-and-style>

    Repository note: the project knowledge base (`../shared/kb`) §1.10 (an abbreviation defined once and used consistently), §6 DR-05.
    """

    code = "TRM013"
    name = "inconsistent-instrument-short-form"
    summary = "One instrument called by two short forms"
    default_severity = Severity.WARNING

    def check(self, ctx: RuleContext):
        first_alias: dict[str, str] = {}
        for m in citations(ctx).instruments:
            if m.form != "alias" or m.in_annex or m.in_quote:
                continue
            key = m.instrument.key
            prev = first_alias.setdefault(key, m.text)
            if prev != m.text:
                yield Violation(m.span, f"The {m.instrument.short} is called '{prev}' above: keep one short form")
