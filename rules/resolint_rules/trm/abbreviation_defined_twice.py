from __future__ import annotations

from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.trm.abbreviations import definitions


class AbbreviationDefinedTwice(Rule):
    """
    ## What it does
    Flags an abbreviation defined a second time ("… (UNODC)" twice) in the same part of
    a text.

    ## Why is this bad?
    Once defined, an abbreviation is used; a second definition is redundant and
    suggests the paragraphs were assembled from different drafts.

    ## Example
    ```
    The General Assembly,

    Noting the work of the United Nations Office on Drugs and Crime (UNODC),

    Welcoming the report of the United Nations Office on Drugs and Crime (UNODC),

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Noting the work of the United Nations Office on Drugs and Crime (UNODC),

    Welcoming the report of UNODC,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    No fix.

    ## Options
    None.

    ## References
    - American Model United Nations, "Document format and style" (abbreviations spelled out at first use, then used alone): <https://amun.org/handbooks/2018/amun-rules-and-procedures-2018/document-format-and-style>

    Repository note: the project knowledge base (`../shared/kb`) §1.10 (lint "defined twice"); §6 DR-05.
    """

    code = "TRM009"
    name = "abbreviation-defined-twice"
    summary = "Abbreviation defined twice"
    default_severity = Severity.WARNING

    def check(self, ctx: RuleContext):
        first: dict[tuple[str, int], int] = {}
        for d in definitions(ctx):
            key = (d.abbr, d.part)
            if key not in first:
                first[key] = d.span.start
                continue
            line = ctx.source.position(first[key]).line + 1
            yield Violation(d.span, f"'{d.abbr}' is already defined (line {line}): use the abbreviation alone")
