"""OPR009: a sub-paragraph label written in the wrong form for its level."""

from __future__ import annotations

from resolint.model import Kind, LabelScheme, Paragraph
from resolint.parser.labels import decimal_path
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint_rules.labels import render_label, subparagraph_level

#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_PREAMBLE = Kind.PREAMBLE


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
    scheme changes (letters for numbers), since references would change, nor for a
    decimal item's number (`2.1` under paragraph 2), which references cite whole.

    ## Options
    None; the forms come from the style (`[subparagraphs] forms` and `schemes`). A level
    whose form is written with alternatives (`"(#)|#."`, as the Model UN style has it)
    takes either. Items numbered by decimals under their paragraph (`2.1`, `2.2` under
    paragraph 2) are taken where the style says `decimal = true` (ITU, Model UN).

    ## References
    - UN Editorial Manual, "Paragraphs and subparagraphs" (operative paragraphs numbered 1., 2.; sub-paragraphs (a), (i), a., i.): <http://dd.dgacm.org/editorialmanual/ed-guidelines/format/para_subpara.htm>

    Repository note: the project knowledge base (`../shared/kb`) §1.4.
    """

    code = "OPR009"
    name = "subparagraph-label-form"
    summary = "Sub-paragraph label not in the style's form for its level"
    house_convention = True  # the default style's convention, not a slip any draft makes
    default_severity = Severity.WARNING
    kinds = (Kind.SUBPARAGRAPH,)
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        forms = ctx.style.get("subparagraphs.forms", [])
        schemes = ctx.style.get("subparagraphs.schemes", [])
        decimal = ctx.style.get("subparagraphs.decimal", False)
        for p in ctx.facts.of_kinds((Kind.SUBPARAGRAPH,)):
            label = p.label
            if label is None or p.parent is None or p.parent.kind is _PREAMBLE:
                continue
            if decimal and decimal_path(label) is not None:
                continue  # "2.1" under paragraph 2, where the style takes decimal items
            level = subparagraph_level(p)
            if level < 1 or level > len(forms):
                continue
            want_form, want_scheme = forms[level - 1], schemes[level - 1]
            if "|" in want_form:  # "(#)|#.": either form is right at this level
                # (Each label is judged by its own form here; a list that mixes forms is OPR008's finding.)
                allowed_forms = want_form.split("|")
                want_form = label.form if label.form in allowed_forms else allowed_forms[0]
            if "|" in want_scheme:  # "lower-alpha|lower-roman": either is right at this level
                allowed = want_scheme.split("|")
                want_scheme = label.scheme.value if label.scheme.value in allowed else allowed[0]
            if label.scheme.value == want_scheme and label.form == want_form:
                continue
            if label.scheme.value == want_scheme and decimal_path(label) is None:
                want = render_label(label.scheme, label.value, want_form)
                yield Violation(label.span, f"Write the label as '{want}' at this level", Fix.safe(f"Change to '{want}'", Edit(label.span, want)))
            else:
                examples = ", ".join(render_label(LabelScheme(want_scheme), n, want_form) for n in (1, 2, 3))
                yield Violation(label.span, f"Label '{label.text}' {_under(p)}: this style labels these sub-paragraphs {examples} …")


def _under(p: Paragraph) -> str:
    """Where the sub-paragraph is, in the drafter's words: a level number means nothing
    to a reader ("under (b)", "under paragraph 2", else "in this list")."""
    parent = p.parent
    if parent is None or parent.label is None:
        return "in this list"
    if parent.kind is Kind.SUBPARAGRAPH:
        return f"under '{parent.label.text}'"
    return f"under paragraph {parent.label.text.rstrip('.)')}"
