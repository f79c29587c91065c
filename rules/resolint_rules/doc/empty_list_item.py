"""DOC032: an item of a Word list with nothing after the number Word draws for it."""

from __future__ import annotations

import re

from resolint.formatting import SpanFormatting
from resolint.lazyre import lazy
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.doc.drawn_labels import drawn_labels

#: In a rule example, a label alone on its line ("2.", "(b)", "•"): the examples stand for
#: a Word document, where such a line is the number Word draws for an empty paragraph.
_LONE_LABEL_LINE = lazy(r"^[ \t]*(\(?(?:\d{1,3}|[a-z]{1,3})[.)]|•)[ \t]*$", re.MULTILINE)


class EmptyListItem(Rule):
    """
    ## What it does
    In a Word document, reports a paragraph of a numbered or bulleted list that holds
    nothing but the number Word draws for it ("3.", "(b)", a bullet): an item left empty.
    Word counts it in its list, so the numbers after it are as Word prints them (OPR002
    counts it too); this rule says the item itself is empty. In plain text a number
    alone on its line is DOC016's (a page number left by a PDF, or a paragraph still to
    write). In the examples below, a number alone on its line stands for the one Word
    draws.

    ## Why is this bad?
    Word prints the number with nothing after it, so the draft goes out with an empty
    paragraph "3." — usually a paragraph deleted by selecting its text but not its
    paragraph mark, or one still to write — and the paragraphs after it are numbered one
    higher than the drafter counts them, as are references to them.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review;

    2.

    3. Requests the Secretary-General to report on the implementation of the present resolution.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review;

    2. Requests the Secretary-General to report on the implementation of the present resolution.
    ```

    ## Fix safety
    No fix: removing the paragraph renumbers every paragraph after it, and the
    references to them. Write its text, or delete the paragraph in Word (select its
    paragraph mark with it); `resolint annotate` puts the finding on the paragraph as a
    comment.

    ## Options
    None.

    ## References
    No drafting rule speaks of an empty item: it is an editing slip. How Word numbers a
    list (and counts an empty paragraph in it) is in `docs/word.md` and
    `server/resolint/docx/numbering.py`.
    """

    code = "DOC032"
    name = "empty-list-item"
    summary = "Item of a Word list with nothing after its number (Word documents)"
    default_severity = Severity.WARNING
    any_language = True

    def check(self, ctx: RuleContext):
        text = ctx.text
        for p, start, drawn in drawn_labels(ctx, str.isspace):
            end = p.span.end
            if drawn == end:
                label = text[start:end].strip()
                yield Violation(Span(start, start + len(text[start:end].rstrip())),
                                f"Empty item of a list: Word shows '{label}' with nothing after it; write its text or delete the paragraph")

    @classmethod
    def example_input(cls, text: str):
        # The examples stand for a Word document: a label alone on its line is the one
        # Word draws for an empty paragraph of its list.
        drawn = [m.span(1) for m in _LONE_LABEL_LINE.finditer(text)]
        return text, {"formatting": SpanFormatting(len(text), [], drawn)}
