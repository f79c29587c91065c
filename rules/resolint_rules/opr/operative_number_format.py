from __future__ import annotations

from resolint.model import Kind, Label, LabelScheme
from resolint.parser.labels import read_label
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span


class OperativeNumberFormat(Rule):
    """
    ## What it does
    Checks how an operative number is written: `1.` in every built-in style, not `1)`,
    `(1)` or a bare `1`; and reports a stray list bullet before an operative paragraph
    or item (`- 2. encourage …`), as left by a word processor's list formatting.

    ## Why is this bad?
    Operative paragraphs are numbered with arabic numerals followed by a full stop. A
    bullet in front of a number is a leftover of list formatting that shows in the
    adopted text.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1) Decides to keep the matter under review;

    - 2. Requests the Secretary-General to report at its next session.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review;

    2. Requests the Secretary-General to report at its next session.
    ```

    ## Fix safety
    Safe: the number itself does not change. No fix where the number written the style's
    way would no longer read as a number: a bare number (`22`) is one only before a word,
    so `22.` before a symbol or a quotation mark keeps its full stop.

    ## Options
    None; the form comes from the style (`[numbering] form`).

    ## References
    - UN Editorial Manual, "Paragraphs and subparagraphs" (operative paragraphs numbered 1., 2.; sub-paragraphs (a), (i), a., i.): <http://dd.dgacm.org/editorialmanual/ed-guidelines/format/para_subpara.htm>

    Repository note: the project knowledge base (`../shared/kb`) §1.3 UN-OP-01; §1.4 (lint of `1)` and `(1)`).
    """

    code = "OPR003"
    name = "operative-number-format"
    summary = "Operative number not written as '1.', or a stray bullet"
    default_severity = Severity.WARNING
    kinds = (Kind.OPERATIVE,)
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        form = ctx.style.get("numbering.form", "#.")
        for p in ctx.resolution.of_kind(Kind.OPERATIVE):
            if p.bullet is not None:
                end = p.label.span.start if p.label else p.content.start
                yield Violation(p.bullet, "Stray list bullet before an operative paragraph", Fix.safe("Remove the bullet", Edit(Span(p.bullet.start, end), "")))
            label = p.label
            if label is None or label.scheme is not LabelScheme.ARABIC or label.form == form:
                continue
            want = form.replace("#", str(label.value))
            message = f"Write the number as '{want}', not '{label.text}'"
            if not _reads_back(ctx.text, p.span.end, label, want, form):
                yield Violation(label.span, message)
                continue
            yield Violation(label.span, message, Fix.safe(f"Change to '{want}'", Edit(label.span, want)))


def _reads_back(text: str, end: int, label: Label, want: str, form: str) -> bool:
    """Whether the paragraph, its label written ``want``, still opens with that number.

    A bare number is a label only before a word ("22 requests …"): "22." before anything
    else ("22. …", a symbol, a control character) written "22" would leave the paragraph
    unnumbered, so the fix would make a new error (found by the fuzzer)."""
    rest = want + text[label.span.end : end]
    found, _ = read_label(rest, 0, len(rest))
    return found is not None and found.value == label.value and found.form == form
