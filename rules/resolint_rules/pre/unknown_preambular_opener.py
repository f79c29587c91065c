from __future__ import annotations

from resolint.model import Kind
from resolint.rule import Applicability, Rule, RuleContext, Severity, Violation
from resolint_rules.common import (
    listed_heads,
    opener_case,
    reads_as_operative_verb,
    reported_otherwise,
    suggestion_fix,
    unlisted_opener,
)

#: Adjectives that open preambular paragraphs (UN-STRUCT-03: "… or an adjective").
ADJECTIVE_OPENERS = frozenset(
    ["aware", "mindful", "conscious", "convinced", "desirous", "cognizant", "cognisant", "alarmed", "concerned", "determined", "grieved", "shocked", "encouraged", "gratified", "appreciative", "confident", "eager", "anxious", "sensitive", "resolved"]
)


class UnknownPreambularOpener(Rule):
    """
    ## What it does
    Reports a preambular opener that is not among the style's preambular phrases, and
    suggests the nearest listed phrase. A participle or adjective that is simply not
    listed ("Demanding that …") is worth a look (info); a word that is neither
    ("The", "In") is a warning, since the paragraph then has no opener at all. A listed phrase in
    another spelling ("Emphasising") is not reported: TRM010 checks the spelling where
    the style prescribes one. Nor is the participle of listed phrases with another
    complement ("Expressing its full support", "Calling upon", "Having conducted", where
    the style lists "Expressing concern", "Calling attention to", "Having examined"), nor
    a listed adjective after "Remaining" ("Remaining deeply concerned", as the Security
    Council writes it), nor an opener with a Cyrillic or Greek look-alike letter (TRM015).
    An opener letter-spaced by a PDF copy ("R e c a l l i n g") is reported as such, with
    a fix that joins its letters.

    ## Why is this bad?
    The phrase lists are the house style's vocabulary. A misspelt opener ("Recaling")
    or one from another register slips past a reader far more easily than past a list.

    ## Example
    ```
    The General Assembly,

    Recaling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Unsafe, and offered only when one listed phrase is close to what was written: it
    changes words.

    ## Options
    Add phrases with a custom style (`[styles.NAME.openers] preambular = [...]`).

    ## References
    - Lists of preambulatory and operative phrases used in Model UN, e.g. Columbus State University: <https://politicalscience.columbusstate.edu/mun/preambulatoryclauses.php>; and the openers of adopted resolutions (A/RES/51/1, AG-2001-RES-05, GA-2025-93-RES-03)

    Repository note: the project knowledge base (`../shared/kb`) §2 (phrase lists and matching rules 1–4).
    """

    code = "PRE002"
    name = "unknown-preambular-opener"
    summary = "Preambular opener not in the style's phrase list"
    default_severity = Severity.INFO
    kinds = (Kind.PREAMBLE,)
    fix_applicability = Applicability.UNSAFE

    local = True

    def document_key(self, ctx: RuleContext):
        # The case a Model UN draft's openers are held to depends on its other openers.
        return opener_case(ctx, "preambular")

    def paragraphs(self, ctx: RuleContext):
        return ctx.facts.preamble

    def check_paragraph(self, ctx: RuleContext, p):
        found = unlisted_opener(ctx, p)
        if found is None:
            return
        op, word = found
        lower = word.lower()
        if reads_as_operative_verb(lower):
            return  # PRE001 reports an operative verb in the preamble
        written = ctx.read(op.span)
        instead = reported_otherwise(ctx, op, ctx.style.preambular)
        if instead is not None:
            yield from instead
            return
        severity = Severity.INFO if lower.endswith(("ing", "ed")) or lower in ADJECTIVE_OPENERS else Severity.WARNING
        if severity is Severity.INFO and lower in listed_heads(ctx.style.preambular):
            # The participle of listed phrases with a complement the list does not hold
            # ("Expressing its full support", "Calling upon", "Having conducted"): the
            # lists cannot name every complement, and "'Calling' is not a preambular
            # opener; did you mean 'Recalling'?" told a drafter something false.
            return
        fix, hint = suggestion_fix(ctx, op, ctx.style.preambular, "preambular")
        yield Violation(op.span, f"'{written}' is not a preambular opener of the {ctx.style.name} style{hint}", fix, severity)
