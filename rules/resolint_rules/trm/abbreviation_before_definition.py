from __future__ import annotations

from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.trm.abbreviations import definitions, uses


class AbbreviationBeforeDefinition(Rule):
    """
    ## What it does
    Flags an abbreviation used before the place where the text defines it ("… the
    United Nations Office on Drugs and Crime (UNODC)"). In a compilation each resolution
    defines its abbreviations for itself: a use is looked for in the definition's own
    resolution.

    ## Why is this bad?
    An abbreviation is spelled out at first use, with the abbreviation in parentheses,
    and used afterwards; used before its definition it is unexplained where the reader
    first meets it.

    ## Example
    ```
    The General Assembly,

    Noting the work of UNODC,

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
    No fix: the definition has to move, which rewrites two sentences.

    ## Options
    None.

    ## References
    - American Model United Nations, "Document format and style" (abbreviations spelled out at first use, then used alone): <https://amun.org/handbooks/2018/amun-rules-and-procedures-2018/document-format-and-style>
    - General Assembly resolution 51/1 of 15 October 1996 (A/RES/51/1), a specimen of the layout: <https://undocs.org/A/RES/51/1>

    Repository note: the project knowledge base (`../shared/kb`) §1.10 (AMUN: spell out at first use; lint "abbreviation used before its definition"); §6 DR-05.
    """

    code = "TRM008"
    name = "abbreviation-before-definition"
    summary = "Abbreviation used before it is defined"
    default_severity = Severity.WARNING

    def check(self, ctx: RuleContext):
        # Each resolution of a compilation defines its abbreviations for itself (TRM009
        # counts a definition twice only within one): a use is looked for between the
        # start of the definition's resolution and the definition.
        seen: set[tuple[str, int]] = set()
        res = ctx.resolution
        for d in definitions(ctx):
            if (d.abbr, d.part) in seen:
                continue
            seen.add((d.abbr, d.part))
            first = res.part_range(d.part).start
            earlier = uses(ctx, d.abbr, d.span.start, res.paragraphs[first].span.start if first else 0)
            if earlier:
                line = ctx.source.position(d.span.start).line + 1
                yield Violation(earlier[0], f"'{d.abbr}' is used before it is defined (line {line}): define it at first use")
