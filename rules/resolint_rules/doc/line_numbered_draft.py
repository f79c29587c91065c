from __future__ import annotations

from resolint.linenumbers import line_numbers
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation


class LineNumberedDraft(Rule):
    """
    ## What it does
    Reports a draft pasted with a line number at the start of each line ("1  The General
    Assembly,", "2  Recalling …"), as copied from a PDF viewer that numbers lines or from
    an editor that shows line numbers, and keeps only this finding: read with its line
    numbers, the draft has no opening, its preambular clauses read as operative
    paragraphs numbered "2" and "3", and its operative paragraphs as unnumbered ones, so
    every other finding would be wrong. Once the numbers are gone, the draft is checked
    as usual.

    The draft's first 200 lines are read: the first line with text carries a number, and
    so do nine in ten of the lines with text; each number follows the one before (counted
    by lines, or by lines with text) or starts again at 1 (a new page). "1." and "1)" are
    paragraph labels, not line numbers, and a draft whose paragraphs alone are numbered
    ("1 to continue the studies;") has lines with no number.

    ## Why is this bad?
    Line numbers are not part of the text: they number a viewer's lines, not the
    draft's paragraphs, and a reader of the draft sees numbers that mean nothing, beside
    the paragraphs' own.

    ## Example
    ```
    1  The General Assembly,
    2
    3  Recalling its resolution 70/1 of 25 September 2015,
    4
    5  Noting with concern the lack of progress in the matter,
    6
    7  1. Requests the Secretary-General to report on the implementation of the present resolution;
    8
    9  2. Decides to remain seized of the matter.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 70/1 of 25 September 2015,

    Noting with concern the lack of progress in the matter,

    1. Requests the Secretary-General to report on the implementation of the present resolution;

    2. Decides to remain seized of the matter.
    ```

    ## Fix safety
    Unsafe: removes the number and the spaces after it from every line that starts with
    one, in one fix. A draft taken for a line-numbered one by mistake would lose numbers
    of its own: review the result.

    ## Options
    None. A draft taken for a line-numbered one by mistake (please report it) is checked
    as usual when this rule is turned off (`ignore = ["DOC006"]`, or a
    `<!-- resolint: file-ignore[DOC006] -->` comment in the draft).

    ## References
    No drafting rule speaks of line numbers: they are a copy's artefact, as a PDF page's
    header is (DOC016). `server/resolint/linenumbers.py` says how they are told apart.
    """

    code = "DOC006"
    name = "line-numbered-draft"
    summary = "Draft pasted with line numbers: the other findings are left out"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.UNSAFE
    any_language = True  # (digits, in any language)

    def check(self, ctx: RuleContext):
        spans = line_numbers(ctx.text)
        if not spans:
            return
        first = spans[0]
        number = ctx.text[first.start : first.end].strip()
        yield Violation(
            first,
            f"This draft carries a line number at the start of {len(spans)} lines ('{number}' first), as copied "
            "from a numbered PDF or editor: remove them; its other findings are left out until then",
            Fix.unsafe(f"Remove the line numbers of {len(spans)} lines", *(Edit(s, "") for s in spans)),
        )
