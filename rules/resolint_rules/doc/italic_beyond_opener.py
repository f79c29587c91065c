"""DOC031: italics of an opener running on into the paragraph in a Word document."""

from __future__ import annotations

from resolint.model import Kind
from resolint.rule import RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.doc._italics import FormattingRule, applies, opener_paragraphs


class ItalicBeyondOpener(FormattingRule):
    """
    ## What it does
    In a Word document, checks that the italics of an opener stop where the opener does:
    the words right after it ("*Recalling its resolution*") should be upright. Only the
    stretch of italics that continues from the opener is reported; italics further on
    (the title of a publication) are left alone. In the examples, `*these words*` stand
    for italics.

    ## Why is this bad?
    Only the opening words are italic in printed United Nations resolutions; italics that
    run on make the opener look longer than it is and are undone by the editors.

    ## Example
    ```
    The General Assembly,

    *Recalling its resolution* 74/1 of 1 October 2019,

    1. *Decides* to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    *Recalling* its resolution 74/1 of 1 October 2019,

    1. *Decides* to keep the matter under review.
    ```

    ## Fix safety
    No fix: the fix is formatting, which a text edit cannot carry.

    ## Options
    None; on when the style says `[docx] italic-openers = true`.

    ## References
    - UN Editorial Manual, "Italics": <https://www.un.org/dgacm/en/content/editorial-manual/italics>
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", II. Drafting and editing: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-draft-edit>

    Repository note: the project knowledge base (`../shared/kb`) §1.5 (italics in printed GA resolutions) and §1.2 UN-PRE-04.
    """

    code = "DOC031"
    name = "italic-beyond-opener"
    summary = "Italics of an opener run on into the paragraph (Word documents)"
    house_convention = True  # the default style's convention, not a slip any draft makes
    default_severity = Severity.WARNING
    kinds = (Kind.PREAMBLE, Kind.OPERATIVE)

    def check(self, ctx: RuleContext):
        if not applies(ctx):
            return
        fmt = ctx.formatting
        text = ctx.text
        for p, op in opener_paragraphs(ctx):
            if not op.listed:
                continue  # an opener we only guessed may be longer than we think
            i = op.span.end
            while i < p.span.end and not text[i].isalnum():
                i += 1
            start = i
            end = start
            # The run of italic words from just after the opener.
            while end < p.span.end:
                j = end
                while j < p.span.end and not text[j].isspace():
                    j += 1
                word = [k for k in range(end, j) if text[k].isalnum()]
                if not word or not all(fmt.italic_at(k) for k in word):
                    break
                end = j
                while end < p.span.end and text[end].isspace():
                    end += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                yield Violation(Span(start, end), f"Italics run on past the opener into '{text[start:end]}'; only the opener is italic")
