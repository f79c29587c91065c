"""DOC030: an opener not in italics in a Word document (see ``_italics``)."""

from __future__ import annotations

from resolint.model import Kind
from resolint.rule import RuleContext, Severity, Violation
from resolint_rules.doc._italics import FormattingRule, applies, letter_offsets, opener_paragraphs


class OpenerNotItalic(FormattingRule):
    """
    ## What it does
    In a Word document, checks that the opener of each preambular and operative paragraph
    ("Recalling also", "Requests") is in italics, where the house style prints it so.
    Only Word input is checked: plain text has no italics. A preposition that ends the
    opener's phrase may be upright ("*Takes note* of"), as printed resolutions set it. In
    the examples below, `*these words*` stand for italics.

    ## Why is this bad?
    Printed United Nations resolutions set the opening words of every preambular and
    operative paragraph in italics; a reader finds the action of each paragraph by them.
    A draft that leaves one upright will be corrected by the editors, and until then it
    reads as if the paragraph were a continuation.

    ## Example
    ```
    The General Assembly,

    *Recalling* its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    *Recalling* its resolution 74/1 of 1 October 2019,

    1. *Decides* to keep the matter under review.
    ```

    ## Fix safety
    No fix: the fix is formatting, which a text edit cannot carry; `resolint annotate`
    puts the finding on the opener as a Word comment.

    ## Options
    None; the style turns it on with `[docx] italic-openers = true` (on for `un-ga` and
    `un-sc`, off for `interpol` and `mun`).

    ## References
    - UN Editorial Manual, "Italics": <https://www.un.org/dgacm/en/content/editorial-manual/italics>
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", II. Drafting and editing: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-draft-edit>

    Repository note: the project knowledge base (`../shared/kb`) §1.5 (italics in printed GA resolutions) and §1.2 UN-PRE-04.
    """

    code = "DOC030"
    name = "opener-not-italic"
    summary = "Opener of a preambular or operative paragraph not in italics (Word documents)"
    house_convention = True  # the default style's convention, not a slip any draft makes
    default_severity = Severity.WARNING
    kinds = (Kind.PREAMBLE, Kind.OPERATIVE)

    def check(self, ctx: RuleContext):
        if not applies(ctx):
            return
        fmt = ctx.formatting
        for _p, op in opener_paragraphs(ctx):
            letters = letter_offsets(ctx, op.span)
            flags = [fmt.italic_at(i) for i in letters]
            if not flags or None in flags or all(flags) or _roman_preposition_after(ctx, letters, flags):
                continue
            written = ctx.read(op.span)
            how = "not in italics" if not any(flags) else "only partly in italics"
            yield Violation(op.span, f"The opener '{written}' is {how}; the {ctx.style.name} style italicizes openers")


#: Words an opener's phrase may end with that print upright after its italic words:
#: "*Takes note* of", "*Deeply concerned* at", "*Expressing deep concern* about".
_PREPOSITIONS = frozenset({"of", "at", "about", "by", "with", "to", "that", "for", "on", "in", "over", "upon"})


def _roman_preposition_after(ctx: RuleContext, letters: list[int], flags: list[bool | None]) -> bool:
    """Whether the opener is italic up to a last word or two that are prepositions in
    roman ("*Takes note* of": printed resolutions set the preposition upright)."""
    first_roman = flags.index(False)
    if not all(flags[:first_roman]) or any(flags[first_roman:]) or first_roman == 0:
        return False
    rest = ctx.text[letters[first_roman] : letters[-1] + 1].split()
    return 0 < len(rest) <= 2 and all(word.lower() in _PREPOSITIONS for word in rest)

