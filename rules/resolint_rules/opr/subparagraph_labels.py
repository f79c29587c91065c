from __future__ import annotations

from resolint.model import Kind, LabelScheme, Paragraph
from resolint.parser.labels import read_label, to_roman
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation


def _siblings(res) -> list[list[Paragraph]]:
    """Labelled sub-paragraphs grouped by parent, in order."""
    groups: dict[int, list[Paragraph]] = {}
    for p in res.of_kind(Kind.SUBPARAGRAPH):
        if p.label is None:
            continue
        key = p.parent.index if p.parent is not None else -1
        groups.setdefault(key, []).append(p)
    return list(groups.values())


def render_label(scheme: LabelScheme, value: int, form: str) -> str:
    if scheme is LabelScheme.LOWER_ALPHA:
        body = chr(ord("a") + value - 1) if value <= 26 else chr(ord("a") + value - 27) * 2
    elif scheme is LabelScheme.LOWER_ROMAN:
        body = to_roman(value)
    elif scheme is LabelScheme.UPPER_ALPHA:
        body = chr(ord("A") + value - 1) if value <= 26 else chr(ord("A") + value - 27) * 2
    elif scheme is LabelScheme.UPPER_ROMAN:
        body = to_roman(value).upper()
    else:
        body = str(value)
    return form.replace("#", body)


def reads_back(scheme: LabelScheme, value: int, form: str) -> bool:
    """Whether the label for ``value`` reads back as that value: a letter past "zz" or a
    numeral too long for the reader is no label at all, and a fix that wrote it would
    turn a list item into text (past "zz" it once wrote "({{)")."""
    text = render_label(scheme, value, form) + " x"
    label, _ = read_label(text, 0, len(text), prefer_alpha_for=value)
    return label is not None and label.value == value and label.scheme is scheme


class SubparagraphLabelSequence(Rule):
    """
    ## What it does
    Checks that the sub-paragraphs under one paragraph run (a), (b), (c) … or (i), (ii),
    (iii) … from the first letter without a gap or a repeat, and that one list does not
    mix schemes. Every break is reported, each label checked against the one before it
    (`(a) (b) (b) (c) (e)`: the second `(b)` and the `(e)`); the relabelling fix is one
    fix for the list, offered at its first break.

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
    Unsafe: relabelling changes what "subparagraph (c)" refers to.

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
        for group in _siblings(ctx.resolution):
            first = group[0].label
            expected = 1
            offered = False  # one relabelling fix per list, at its first break
            for p in group:
                label = p.label
                if (label.scheme, label.form) != (first.scheme, first.form):
                    yield Violation(label.span, f"Label '{label.text}' mixes schemes with '{first.text}' in the same list")
                    break
                if label.value != expected:
                    want = render_label(first.scheme, expected, first.form)
                    fix = None if offered else _relabel(group, first)
                    offered = True
                    yield Violation(label.span, f"Sub-paragraph '{label.text}' where '{want}' was expected", fix)
                # Every break is reported: the next label is checked against this one.
                expected = label.value + 1


def _relabel(group, first):
    if not all(reads_back(first.scheme, v, first.form) for v in range(1, len(group) + 1)):
        return None  # the list is longer than its scheme can label
    edits = []
    for i, q in enumerate(group):
        if q.label.value != i + 1 and (q.label.scheme, q.label.form) == (first.scheme, first.form):
            edits.append(Edit(q.label.span, render_label(first.scheme, i + 1, first.form)))
    return Fix.unsafe("Relabel the list", *edits) if edits else None


class SubparagraphLabelForm(Rule):
    """
    ## What it does
    Checks sub-paragraph labels against the style's scheme for each level: (a), then
    (i), then a., then i. in English UN texts; it reports the French and Spanish form
    `a)` and numbers used as sub-paragraph labels.

    ## Why is this bad?
    The UN Editorial Manual fixes the English forms level by level; `a)` is the French
    and Spanish form, and `(1)` under a numbered paragraph reads as a second operative
    paragraph 1.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary-General:

    a) To report at its next session;

    b) To circulate the report.
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
    Safe when only the brackets or points change (`a)` to `(a)`); no fix when the
    scheme changes (letters for numbers), since references would change.

    ## Options
    None; the forms come from the style (`[subparagraphs] forms` and `schemes`).

    ## References
    - UN Editorial Manual, "Paragraphs and subparagraphs" (operative paragraphs numbered 1., 2.; sub-paragraphs (a), (i), a., i.): <http://dd.dgacm.org/editorialmanual/ed-guidelines/format/para_subpara.htm>

    Repository note: the project knowledge base (`../shared/kb`) §1.4.
    """

    code = "OPR009"
    name = "subparagraph-label-form"
    summary = "Sub-paragraph label not in the style's form for its level"
    default_severity = Severity.WARNING
    kinds = (Kind.SUBPARAGRAPH,)
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        forms = ctx.style.get("subparagraphs.forms", [])
        schemes = ctx.style.get("subparagraphs.schemes", [])
        for p in ctx.resolution.of_kind(Kind.SUBPARAGRAPH):
            label = p.label
            if label is None or p.parent is None or p.parent.kind is Kind.PREAMBLE:
                continue
            level = _level(p)
            if level < 1 or level > len(forms):
                continue
            want_form, want_scheme = forms[level - 1], schemes[level - 1]
            if "|" in want_scheme:  # "lower-alpha|lower-roman": either is right at this level
                allowed = want_scheme.split("|")
                want_scheme = label.scheme.value if label.scheme.value in allowed else allowed[0]
            if label.scheme.value == want_scheme and label.form == want_form:
                continue
            if label.scheme.value == want_scheme:
                want = render_label(label.scheme, label.value, want_form)
                yield Violation(label.span, f"Write the label as '{want}' at this level", Fix.safe(f"Change to '{want}'", Edit(label.span, want)))
            else:
                example = render_label(LabelScheme(want_scheme), 1, want_form)
                yield Violation(label.span, f"Label '{label.text}' at level {level}: this style labels that level {example}, …")


def _level(p: Paragraph) -> int:
    """Sub-paragraph level below the operative paragraph (1 for (a))."""
    level = 0
    node = p
    while node is not None and node.kind is Kind.SUBPARAGRAPH:
        level += 1
        node = node.parent
    return level
