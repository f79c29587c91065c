from __future__ import annotations

from resolint.model import Kind, Label, LabelScheme, Paragraph
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
    so `22.` before a symbol or a quotation mark keeps its full stop. In a list numbered
    automatically (every item typed `1`), one fix writes out every item's number.

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
        operative = ctx.resolution.of_kind(Kind.OPERATIVE)
        lists = _automatic_lists(operative)
        for p in operative:
            if p.bullet is not None:
                end = p.label.span.start if p.label else p.content.start
                yield Violation(p.bullet, "Stray list bullet before an operative paragraph", Fix.safe("Remove the bullet", Edit(Span(p.bullet.start, end), "")))
            label = p.label
            if label is None or label.scheme is not LabelScheme.ARABIC or label.form == form:
                continue
            want = form.replace("#", str(label.value))
            message = f"Write the number as '{want}', not '{label.text}'"
            group = [q for q in lists.get(id(p), [p]) if q.label is not None and q.label.form != form]
            edits = [Edit(q.label.span, form.replace("#", str(q.label.value))) for q in group]  # type: ignore[union-attr]
            if not all(_reads_back(ctx.text, q.span.end, q.label, e.new_text, form) for q, e in zip(group, edits, strict=True)):  # type: ignore[arg-type]
                yield Violation(label.span, message)
                continue
            title = f"Change to '{want}'" if len(group) == 1 else f"Number the list {edits[0].new_text} to {edits[-1].new_text}"
            yield Violation(label.span, message, Fix.safe(title, *edits))


def _automatic_lists(operative: list[Paragraph]) -> dict[int, list[Paragraph]]:
    """The items of each automatically numbered list (every item typed with the same
    number: ``resolution.parser.numbering``), by each item's id. Their numbers are written
    out together or not at all: writing one item's number makes the list no longer
    automatic, and the items left as typed then repeat a number (a new OPR002 error; found
    by the fuzzer)."""
    groups: dict[tuple, list[Paragraph]] = {}
    for p in operative:
        if p.label is not None and p.label.typed is not None:
            groups.setdefault((p.part, id(p.parent)), []).append(p)
    return {id(p): items for items in groups.values() for p in items}


def _reads_back(text: str, end: int, label: Label, want: str, form: str) -> bool:
    """Whether the paragraph, its label written ``want``, still opens with that number.

    A bare number is a label only before a word ("22 requests …"): "22." before anything
    else ("22. …", a symbol, a control character) written "22" would leave the paragraph
    unnumbered, so the fix would make a new error (found by the fuzzer)."""
    rest = want + text[label.span.end : end]
    found, _ = read_label(rest, 0, len(rest))
    return found is not None and found.value == label.value and found.form == form
