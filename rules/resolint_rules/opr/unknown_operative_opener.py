from __future__ import annotations

from resolint.model import Kind
from resolint.openers import ADVERBS
from resolint.parser.wordshape import is_finite_verb
from resolint.rule import Applicability, Rule, RuleContext, Severity, Violation
from resolint_rules.common import (
    is_list_item,
    opener_case,
    reported_otherwise,
    suggestion_fix,
    unlisted_opener,
)
from resolint_rules.opr._verbs import wrong_operative_form


class UnknownOperativeOpener(Rule):
    """
    ## What it does
    Reports an operative opener that is not among the style's operative phrases and
    suggests the nearest listed one. A verb in the third person that is simply not
    listed ("Reiterates") is worth a look (info); a word that is no such verb is a
    warning. A listed phrase in another spelling ("Authorises", "Further authorises") is
    not reported: TRM010 checks the spelling where the style prescribes one; nor is one
    with a Cyrillic or Greek look-alike letter (TRM015). An opener letter-spaced by a PDF
    copy ("I n v i t e s") is reported as such, with a fix that joins its letters.

    ## Why is this bad?
    The phrase list is the house style's vocabulary of decisions; a misspelt or
    invented verb ("Requsts", "Strongly") slips past a reader.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requsts the Secretary-General to report at its next session.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary-General to report at its next session.
    ```

    ## Fix safety
    Unsafe, and offered only when one listed phrase is close to what was written.

    ## Options
    Add phrases with a custom style (`[styles.NAME.openers] operative = [...]`).

    ## References
    - Lists of preambulatory and operative phrases used in Model UN, e.g. Columbus State University: <https://politicalscience.columbusstate.edu/mun/preambulatoryclauses.php>; and the openers of adopted resolutions (A/RES/51/1, AG-2001-RES-05, GA-2025-93-RES-03)

    Repository note: the project knowledge base (`../shared/kb`) §2 (phrase lists, matching rule 4).
    """

    code = "OPR005"
    name = "unknown-operative-opener"
    summary = "Operative opener not in the style's phrase list"
    default_severity = Severity.INFO
    kinds = (Kind.OPERATIVE,)
    fix_applicability = Applicability.UNSAFE

    local = True

    def document_key(self, ctx: RuleContext):
        # The case a Model UN draft's openers are held to depends on its other openers.
        return opener_case(ctx, "operative")

    def check_paragraph(self, ctx: RuleContext, p):
        if is_list_item(p):
            return
        found = unlisted_opener(ctx, p)
        if found is None:
            return
        op, word = found
        lower = word.lower()
        if wrong_operative_form(lower) is not None:
            return  # OPR004 reports these
        written = ctx.read(op.span)
        instead = reported_otherwise(ctx, op, ctx.style.operative)
        if instead is not None:
            yield from instead
            return
        fix, hint = suggestion_fix(ctx, op, ctx.style.operative, "operative")
        # "Also, in this regard, calls upon": a modifier set off by commas.
        severity = Severity.INFO if is_finite_verb(lower) or lower in ADVERBS else Severity.WARNING
        yield Violation(op.span, f"'{written}' is not an operative opener of the {ctx.style.name} style{hint}", fix, severity)
