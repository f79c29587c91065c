"""DOC033: a number typed after the number Word draws for a paragraph ("2. 2. Calls upon")."""

from __future__ import annotations

import re

from resolint.formatting import SpanFormatting
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.doc.drawn_labels import drawn_labels

#: A label typed at the start of a paragraph's text: "2.", "2)", "(2)", "(b)", "b)",
#: "(iv)", then the space or tab after it. A letter label needs its bracket, so that a
#: word ("i.e.", "a.m.") is never taken for one.
_TYPED_LABEL = re.compile(r"(?:\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z]{1,4}\))[ \t\u00a0]+")
#: In a rule example, a label followed by another on its line: the first stands for the
#: number Word draws (the examples stand for a Word document).
_DRAWN_THEN_TYPED = re.compile(r"^(\d{1,3}\.)[ \t]+(?=\d{1,3}\.)", re.MULTILINE)


class TypedNumberAfterAutomatic(Rule):
    """
    ## What it does
    In a Word document, reports a paragraph that Word numbers automatically (a numbered
    list, a numbered style) whose text begins with a number typed by hand as well: Word
    prints both, "2. 2. Calls upon …". It happens when a draft numbered by hand is
    pasted into a numbered list, or numbering is switched on for typed paragraphs. In
    the examples below, the first number of a line stands for the one Word draws.

    ## Why is this bad?
    The draft goes out with every paragraph numbered twice, and when the two numbers
    differ (the typed one left from an earlier version) a reader cannot tell which one a
    reference means.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. 1. Decides to keep the matter under review;

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
    Unsafe: the fix deletes the typed number and keeps Word's. When they differ, the
    typed one may be the number the drafter meant (and references use): check the
    numbering after accepting it.

    ## Options
    None.

    ## References
    No drafting rule speaks of a doubled number: it is an editing slip. How Word numbers
    a list is in `docs/word.md` and `server/resolint/docx/numbering.py`.
    """

    code = "DOC033"
    name = "typed-number-after-automatic"
    summary = "Number typed after the one Word draws for the paragraph (Word documents)"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.UNSAFE
    any_language = True

    def check(self, ctx: RuleContext):
        text = ctx.text
        for p, start, drawn in drawn_labels(ctx, " \t".__contains__):
            end = p.span.end
            label = text[start:drawn].strip()
            m = _TYPED_LABEL.match(text, drawn, end)
            if not label or label == "•" or m is None:
                continue
            typed = m.group().rstrip(" \t\u00a0")
            yield Violation(
                Span(drawn, drawn + len(typed)),
                f"Word numbers this paragraph '{label}' and '{typed}' is typed after it: both are printed; delete the typed number",
                Fix.unsafe(f"Delete the typed '{typed}'", Edit(Span(drawn, m.end()), "")),
            )

    @classmethod
    def example_input(cls, text: str):
        # The examples stand for a Word document: a label followed by another on its line
        # is the number Word draws, then the one typed.
        drawn = [m.span(1) for m in _DRAWN_THEN_TYPED.finditer(text)]
        return text, {"formatting": SpanFormatting(len(text), [], drawn)}
