"""OPR008: sub-paragraph labels out of sequence."""

from __future__ import annotations

from collections import Counter

from resolint.model import Kind, Label, LabelScheme, Paragraph
from resolint.parser.labels import decimal_path
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint_rules.labels import reads_back, render_label, style_form
from resolint_rules.opr.subparagraph_references import reference_edits


def _siblings(facts) -> list[list[Paragraph]]:
    """Labelled sub-paragraphs grouped by parent, in order. Those without one (lettered
    preambular paragraphs right after an opening, as the IAEA's General Conference
    letters its preamble: "(a) Recalling …,") are grouped by the part of the resolution
    they are in: each part's opening starts its lettering anew ("B." / its title / "The
    General Conference," / "(a) Noting …," was "'(a)' where '(c)' was expected", with an
    unsafe relabelling)."""
    groups: dict[tuple[bool, int], list[Paragraph]] = {}
    for p in facts.of_kinds((Kind.SUBPARAGRAPH,)):
        if p.label is None:
            continue
        key = (True, p.parent.index) if p.parent is not None else (False, p.part)
        groups.setdefault(key, []).append(p)
    return list(groups.values())


class SubparagraphLabelSequence(Rule):
    """
    ## What it does
    Checks that the sub-paragraphs under one paragraph run (a), (b), (c) … or (i), (ii),
    (iii) … from the first letter without a gap or a repeat, and that one list does not
    mix schemes. Every break is reported, each label checked against the one before it
    (`(a) (b) (b) (c) (e)`: the second `(b)` and the `(e)`); the relabelling fix is one
    fix for the list, offered at its first break. Paragraphs lettered right after an
    opening (a preamble lettered `(a) Recalling …,`, as the IAEA's General Conference
    writes) are one list in each part: a part's own opening starts them from `(a)` again.
    A letter in another bracket form than the list's (`(a)`, `b)`, `(c)`) is OPR009's
    finding where the style writes one form at that level; where it takes several (Model
    UN), the mix is reported here. Items numbered by decimals (`2.1`, `2.2` under
    paragraph 2) run the same way, and their first number must be their paragraph's:
    `2.1` under paragraph 4 is reported once, at the first.

    ## Why is this bad?
    Sub-paragraphs are cited by their label ("subparagraph (c)"); a gap or repeat makes
    a citation ambiguous and usually means a paragraph was lost or pasted twice.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary-General:

    (a) To report at its next session;

    (c) To circulate the report.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary-General:

    (a) To report at its next session;

    (b) To circulate the report.
    ```

    ## Fix safety
    Unsafe: relabelling changes what "subparagraph (c)" refers to outside the text.
    References inside it are relabelled with the list: "paragraph 1 (c) above",
    "paragraphs 1 (b) and (c) below", "subparagraph (c) of paragraph 1 of the present
    resolution", and "subparagraph (c) above" in the list itself. A label the list
    carries twice is left as it is in references, and so is a reference that says
    neither where nor which text ("subparagraph (c)"), which may be another's.

    ## Options
    None.

    ## References
    - UN Editorial Manual, "Paragraphs and subparagraphs" (operative paragraphs numbered 1., 2.; sub-paragraphs (a), (i), a., i.): <http://dd.dgacm.org/editorialmanual/ed-guidelines/format/para_subpara.htm>

    Repository note: the project knowledge base (`../shared/kb`) §1.4.
    """

    code = "OPR008"
    name = "subparagraph-label-sequence"
    summary = "Sub-paragraph labels skip, repeat or mix schemes"
    default_severity = Severity.WARNING
    kinds = (Kind.SUBPARAGRAPH,)
    fix_applicability = Applicability.UNSAFE

    def check(self, ctx: RuleContext):
        for group in _siblings(ctx.facts):
            first = group[0].label
            if _numbered_by_renderer(group):
                continue  # "1." "1." "1.": a Markdown list, which the renderer numbers 1, 2, 3
            yield from _under_another(group)
            expected = 1
            offered = False  # one relabelling fix per list, at its first break
            for p in group:
                label = p.label
                if (label.scheme, label.form) != (first.scheme, first.form) and not _form_reported(ctx, p, first):
                    yield Violation(label.span, f"Label '{label.text}' mixes schemes with '{first.text}' in the same list")
                    break
                if label.value != expected:
                    want = render_label(first.scheme, expected, first.form)
                    fix = None if offered else _relabel(ctx, group, first)
                    offered = True
                    yield Violation(label.span, f"Sub-paragraph '{label.text}' where '{want}' was expected", fix)
                # Every break is reported: the next label is checked against this one.
                expected = label.value + 1


def _under_another(group: list[Paragraph]):
    """Decimal items whose first number is not their paragraph's ("2.1", "2.2" under
    paragraph 4, copied from paragraph 2): one finding, at the first."""
    parent, first = group[0].parent, group[0].label
    path = decimal_path(first)
    own = None if parent is None or parent.label is None else parent.label.as_typed
    if path is None or own is None or decimal_path(parent.label) is not None or path == (own,):
        return
    yield Violation(first.span, f"Sub-paragraph '{first.text}' is under paragraph {own}: number its items '{own}.1', '{own}.2' …")


def _form_reported(ctx: RuleContext, p: Paragraph, first: Label) -> bool:
    """Whether a label of the list's scheme in another form than its first ("a)" then
    "(b)") is OPR009's finding: the style writes one form at that level, so the label in
    the wrong form is reported there, with its fix; the letters still run on here."""
    return p.label.scheme is first.scheme and style_form(ctx, p) is not None


def _numbered_by_renderer(group) -> bool:
    """Whether every item of a numbered list of two or more is typed "1.", as a Markdown
    list numbered by its renderer is."""
    return len(group) > 1 and all(q.label.scheme is LabelScheme.ARABIC and q.label.value == 1 and q.label.form == "#." for q in group)


def _relabel(ctx: RuleContext, group: list[Paragraph], first: Label) -> Fix | None:
    """The list relabelled from its first label's scheme and form, with the references to
    its sub-paragraphs inside the text ("paragraph 4 (c) above", "subparagraph (c) below")."""
    if not all(reads_back(first.scheme, v, first.form) for v in range(1, len(group) + 1)):
        return None  # the list is longer than its scheme can label
    edits = []
    moved: dict[int, int] = {}
    for i, q in enumerate(group):
        if (q.label.scheme, q.label.form) != (first.scheme, first.form):
            continue
        if q.label.value != i + 1:
            edits.append(Edit(q.label.span, render_label(first.scheme, i + 1, first.form)))
        moved[q.label.value] = i + 1
    # A label the list carries twice: a reference to it names either (left as it is).
    twice = {v for v, n in Counter(q.label.value for q in group).items() if n > 1}
    mapping = {old: new for old, new in moved.items() if old not in twice}
    if edits:
        edits += reference_edits(ctx.facts, group, mapping, first.scheme)
    return Fix.unsafe("Relabel the list", *edits) if edits else None
