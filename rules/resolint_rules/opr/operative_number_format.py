from __future__ import annotations

import itertools
import operator

from resolint.model import Kind, Label, LabelScheme, Paragraph
from resolint.parser.labels import read_bullet, read_label
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span

_PART = operator.attrgetter("part")


#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_ARABIC = LabelScheme.ARABIC


class OperativeNumberFormat(Rule):
    """
    ## What it does
    Checks how an operative number is written: `1.` in every built-in style, not `1)`,
    `(1)` or a bare `1`; and reports a stray list bullet before an operative paragraph
    or item (`- 2. encourage …`), as left by a word processor's list formatting. A list
    whose items all carry a bullet and no number ("ENCOURAGES member countries to:" /
    "- make full use …;") is a bulleted list: its bullets are not reported.

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
    so `22.` before a symbol or a quotation mark keeps its full stop. A list numbered
    automatically (every item typed `1`) is one finding, at its first item, whose fix
    writes out every item's number.

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
        # The operative part reads nothing outside its resolution: one of a resolution of
        # a compilation that an edit did not reach keeps its findings (language server).
        for part, paragraphs in itertools.groupby(ctx.facts.of_kinds((Kind.OPERATIVE,)), key=_PART):
            ops = list(paragraphs)
            yield from ctx.kept_in_unedited_part(self.code, ops[0], ops[-1], lambda part=part, ops=ops: self._check_part(ctx, form, part, ops))

    def _check_part(self, ctx: RuleContext, form: str, part: int, ops: list[Paragraph]):
        """The operative paragraphs (and items) of one resolution (one part of a compilation)."""
        automatic = _automatic_lists(ctx, form, part)
        unnumbered_lists: dict[int, bool] = {}  # by the intro's id (asked at each of its items)
        for p in ops:
            if p.bullet is not None and not _bulleted_list_item(p, unnumbered_lists):
                yield Violation(p.bullet, "Stray list bullet before an operative paragraph", Fix.safe("Remove the bullet", Edit(_bullets(ctx, p), "")))
            label = p.label
            if label is None or label.scheme is not _ARABIC or label.form == form or label.inserted or label.negotiation_part:
                continue  # (a negotiation draft's "OP3" stands for the number the adopted text will have)
            if id(p) in automatic:
                violation = automatic[id(p)]
                if violation is not None:
                    yield violation
                continue
            yield Violation(label.span, _write_as(form, label), _number_fix(ctx, [p], form))


def _bulleted_list_item(p: Paragraph, unnumbered_lists: dict[int, bool]) -> bool:
    """Whether ``p`` is an item of a list marked with bullets throughout ("ENCOURAGES
    member countries to:" / "- make full use …;" / "- share …;"): its bullet is the list's
    mark, not a leftover. In a list whose items are numbered, a bullet is stray even
    before an item that lost its number. Whether a list has no numbered item is kept in
    ``unnumbered_lists`` (by the intro's id): read at every item, it was quadratic."""
    intro = p.parent
    if p.label is not None or intro is None:
        return False
    unnumbered = unnumbered_lists.get(id(intro))
    if unnumbered is None:
        unnumbered = unnumbered_lists[id(intro)] = all(item.label is None for item in intro.children)
    return unnumbered


def _bullets(ctx: RuleContext, p: Paragraph) -> Span:
    """The paragraph's bullets, up to its label or text: "- - 2." and "- — the …" whole (the
    parser reads two bullets in a row as one: removing one at a time left the next to be
    read as a bullet, and a label after it unread until then), and a longer row of them
    ("* * * …") in one go too."""
    end = p.label.span.start if p.label else p.content.start
    while p.label is None:
        more, after = read_bullet(ctx.text, end, p.content.end)
        if more is None:
            break
        end = after
    return Span(p.bullet.start, end)  # type: ignore[union-attr]


def _sequences_by_part(facts) -> dict[int, list[list[Paragraph]]]:
    """The numbered sequences (``Resolution.sequences``) of each part, once per lint."""
    out: dict[int, list[list[Paragraph]]] = {}
    for seq in facts.resolution.sequences:
        out.setdefault(seq[0].part, []).append(seq)
    return out


def _automatic_lists(ctx: RuleContext, form: str, part: int) -> dict[int, Violation | None]:
    """By the id of each wrongly written item of an automatically numbered list of ``part`` (every
    item typed with the same number: ``resolint.parser.numbering``), the one finding of
    its list, at its first such item (None at the others).

    Its numbers are written out together or not at all: writing one item's number makes
    the list no longer automatic, and the items left as typed then repeat a number (a new
    OPR002 error; found by the fuzzer). So the list has one fix; and one finding, not one
    per item each carrying that fix: with a finding per item, every report (JSON, SARIF,
    the editor's diagnostics) held every item's edit once per item, square in the length
    of the list (10 MB of JSON for a 10 KB draft of 300 items)."""
    out: dict[int, Violation | None] = {}
    for seq in ctx.facts.derived(_sequences_by_part).get(part, []):
        wrong = [p for p in seq if p.label is not None and p.label.typed is not None and p.label.form != form]
        if not wrong:
            continue
        first: Label = wrong[0].label  # type: ignore[assignment]
        if len(wrong) == 1:
            message = _write_as(form, first)
        else:
            last: Label = wrong[-1].label  # type: ignore[assignment]
            message = (
                f"This list is numbered automatically ({len(wrong)} items typed '{first.text}'): write its numbers out, "
                f"'{_written(form, first.value)}' to '{_written(form, last.value)}'"
            )
        out.update((id(p), None) for p in wrong)
        out[id(wrong[0])] = Violation(first.span, message, _number_fix(ctx, wrong, form))
    return out


def _written(form: str, value: int) -> str:
    """The number ``value`` written in the style's ``form`` ("#." -> "3.")."""
    return form.replace("#", str(value))


def _write_as(form: str, label: Label) -> str:
    return f"Write the number as '{_written(form, label.value)}', not '{label.text}'"


def _number_fix(ctx: RuleContext, wrong: list[Paragraph], form: str) -> Fix | None:
    """The fix writing the numbers of ``wrong`` (labelled paragraphs whose number is not
    in ``form``) in ``form``; None when one would no longer read as that number (then none
    is written)."""
    edits = [Edit(p.label.span, _written(form, p.label.value)) for p in wrong]  # type: ignore[union-attr]
    if not edits or not all(_reads_back(ctx.text, p.span.end, p.label, e.new_text, form) for p, e in zip(wrong, edits, strict=True)):  # type: ignore[arg-type]
        return None
    title = f"Change to '{edits[0].new_text}'" if len(edits) == 1 else f"Number the list {edits[0].new_text} to {edits[-1].new_text}"
    return Fix.safe(title, *edits)


def _reads_back(text: str, end: int, label: Label, want: str, form: str) -> bool:
    """Whether the paragraph, its label written ``want``, still opens with that number.

    A bare number is a label only before a word ("22 requests …"): "22." before anything
    else ("22. …", a symbol, a control character) written "22" would leave the paragraph
    unnumbered, so the fix would make a new error (found by the fuzzer)."""
    rest = want + text[label.span.end : end]
    found, _ = read_label(rest, 0, len(rest))
    return found is not None and found.value == label.value and found.form == form
