"""Italics of openers in a Word document: DOC030 and DOC031.

Plain text cannot say what is italic, so these rules only speak when the input carries
formatting (``ctx.formatting``: a .docx read by ``resolint.docx``) and the style asks
for italic openers (``[docx] italic-openers = true``: the UN styles).
"""

from __future__ import annotations

from resolint.formatting import from_emphasis
from resolint.model import Kind
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.common import is_list_item


def _applies(ctx: RuleContext) -> bool:
    return ctx.formatting is not None and bool(ctx.style.get("docx.italic-openers", False))


def _letters(ctx: RuleContext, span: Span) -> list[int]:
    return [i for i in range(span.start, span.end) if ctx.text[i].isalpha()]


def _openers(ctx: RuleContext):
    for p in ctx.resolution.of_kind(Kind.PREAMBLE, Kind.OPERATIVE):
        if is_list_item(p):
            continue
        op = ctx.opener(p)
        if op is not None:
            yield p, op


class _FormattingRule(Rule):
    @classmethod
    def example_input(cls, text: str):
        # The examples write italics as *these*: read them as formatting.
        clean, formatting = from_emphasis(text)
        return clean, {"formatting": formatting}


class OpenerNotItalic(_FormattingRule):
    """
    ## What it does
    In a Word document, checks that the opener of each preambular and operative paragraph
    ("Recalling also", "Requests") is in italics, where the house style prints it so.
    Only Word input is checked: plain text has no italics. In the examples below,
    `*these words*` stand for italics.

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
    default_severity = Severity.WARNING
    kinds = (Kind.PREAMBLE, Kind.OPERATIVE)

    def check(self, ctx: RuleContext):
        if not _applies(ctx):
            return
        fmt = ctx.formatting
        for _p, op in _openers(ctx):
            letters = _letters(ctx, op.span)
            flags = [fmt.italic_at(i) for i in letters]
            if not flags or None in flags or all(flags):
                continue
            written = ctx.slice(op.span)
            how = "not in italics" if not any(flags) else "only partly in italics"
            yield Violation(op.span, f"The opener '{written}' is {how}; the {ctx.style.name} style italicizes openers")


class ItalicBeyondOpener(_FormattingRule):
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
    default_severity = Severity.WARNING
    kinds = (Kind.PREAMBLE, Kind.OPERATIVE)

    def check(self, ctx: RuleContext):
        if not _applies(ctx):
            return
        fmt = ctx.formatting
        text = ctx.text
        for p, op in _openers(ctx):
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
