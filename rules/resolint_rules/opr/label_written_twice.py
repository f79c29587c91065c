"""OPR012: a paragraph's number written twice ("2. 2. Calls upon …")."""

from __future__ import annotations

from resolint.model import LabelScheme, Paragraph
from resolint.parser.labels import read_label
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span

#: What may follow the labels: a space, a tab or a no-break space.
_BLANKS = " \t\u00a0"


class LabelWrittenTwice(Rule):
    """
    ## What it does
    Reports a numbered or lettered paragraph whose text begins with a second label of the
    same form: "2. 2. Calls upon …", "(b) (b) To report …". It is what a draft keeps when
    Word's automatic numbering is saved as text above numbers typed by hand, or when a
    paragraph is renumbered by typing a new number in front of the old one. "1. (a) …"
    (a paragraph and its first item on one line) is left alone; so is a number that is
    not a label ("2. 5 per cent of …", "3. 1.5 million …").

    ## Why is this bad?
    The paragraph is printed with two numbers; when they differ ("2. 3. Calls upon"), a
    reader cannot tell which one a reference such as "paragraph 3 above" means.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review;

    2. 2. Requests the Secretary-General to report on the implementation of the present resolution.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review;

    2. Requests the Secretary-General to report on the implementation of the present resolution.
    ```

    ## Fix safety
    Safe when the two labels are the same: the second is deleted and nothing else
    changes. Unsafe when they differ ("2. 3."): the fix keeps the first, which the
    numbering checks read, but the second may be the number the drafter meant.

    ## Options
    None.

    ## References
    No drafting rule speaks of a doubled number: it is an editing slip. In a Word
    document, a number typed after the one Word draws is `typed-number-after-automatic`
    (DOC033), not this rule.
    """

    code = "OPR012"
    name = "label-written-twice"
    summary = "Paragraph number or letter written twice"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE
    any_language = True

    local = True

    def check_paragraph(self, ctx: RuleContext, p: Paragraph):
        label = p.label
        if label is None or label.inserted or _drawn_by_word(ctx, label.span.start):
            return
        text = ctx.text
        start, end = p.content.start, p.content.end
        # A second label of the same form starts as the first does: with a digit, or with
        # the first's own bracket or letter. Checked before reading a label, which most
        # paragraphs (every one of a corpus run) would pay for nothing.
        lead = label.text[0]
        first = text[start : start + 1]
        if not (first.isdigit() if lead.isdigit() else first == lead):
            return
        second, after = read_label(text, start, end)
        if second is None or second.form != label.form or second.scheme is not label.scheme:
            return
        # A letter label repeats only as the same letter: "(a) (i) …" may be an item and
        # its first sub-item on one line, and "(i)" reads as a letter or a numeral.
        if label.scheme is not LabelScheme.ARABIC and second.text != label.text:
            return
        if after >= end or not text[after].isalpha() or text[second.span.end : after].strip(_BLANKS):
            return
        delete = Edit(Span(start, after), "")
        if second.text == label.text:
            yield Violation(second.span, f"The label '{label.text}' is written twice: delete the second", Fix.safe(f"Delete the second '{second.text}'", delete))
        else:
            yield Violation(
                second.span,
                f"The paragraph is labelled twice, '{label.text}' and then '{second.text}': keep one",
                Fix.unsafe(f"Delete '{second.text}' and keep '{label.text}'", delete),
            )


def _drawn_by_word(ctx: RuleContext, at: int) -> bool:
    """Whether the label at ``at`` is one Word draws (its automatic numbering): a number
    typed after it is DOC033's."""
    fmt = ctx.formatting
    return fmt is not None and fmt.drawn_at(at)
