from __future__ import annotations

from resolint.model import Kind
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.common import is_list_item


class SubparagraphCase(Rule):
    """
    ## What it does
    Checks the first letter of a sub-paragraph and of an item of an operative list
    against the style: UN sub-paragraphs start with a capital ("(a) To develop …");
    items that continue an INTERPOL verb ("… member countries to:" / "1. encourage …")
    start in lower case, and so do the sub-items of such an item ("3. designate …, who
    will:" / "(a) take part …"), which go on with the same sentence.

    ## Why is this bad?
    The UN Editorial Manual's specimen begins sub-items with a capital; INTERPOL's items
    continue the sentence of the verb above them. Mixed forms in one list read as
    unfinished editing.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary-General:

    (a) to report at its next session;

    (b) To circulate the report.
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
    Safe: only the case of one letter changes.

    ## Options
    None; the case comes from the style (`[subparagraphs] case`, `[list-items] case`).

    ## References
    - UN Editorial Manual, "Paragraphs and subparagraphs" (operative paragraphs numbered 1., 2.; sub-paragraphs (a), (i), a., i.): <http://dd.dgacm.org/editorialmanual/ed-guidelines/format/para_subpara.htm>
    - INTERPOL General Assembly resolution GA-2025-93-RES-03 (93rd session, Marrakech, 2025)

    Repository note: the project knowledge base (`../shared/kb`) §1.4; §3.1 IP-OP-02.
    """

    code = "OPR010"
    name = "subparagraph-case"
    summary = "Sub-paragraph or list item starts in the wrong case"
    default_severity = Severity.WARNING
    kinds = (Kind.SUBPARAGRAPH, Kind.OPERATIVE)
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        text = ctx.text
        for p in ctx.resolution.paragraphs:
            if p.kind is Kind.SUBPARAGRAPH and p.label is not None and _under_list_item(p):
                # "3. designate …, who will:" / "(a) take part …": the sentence goes on.
                want = ctx.style.get("list-items.case", "lower")
                what = "Sub-item of a list item"
            elif p.kind is Kind.SUBPARAGRAPH and p.label is not None and p.parent is not None and p.parent.kind is not Kind.PREAMBLE:
                want = ctx.style.get("subparagraphs.case", "upper")
                what = "Sub-paragraph"
            elif is_list_item(p):
                want = ctx.style.get("list-items.case", "lower")
                what = "List item"
            else:
                continue
            i = p.content.start
            while i < p.content.end and text[i] in "*_\"“'‘":
                i += 1
            if i >= p.content.end or not text[i].isalpha():
                continue
            ch = text[i]
            if ch.upper() == ch.lower():
                continue  # a letter without case (Arabic, Hebrew, CJK): nothing to change
            # A proper name or acronym keeps its capital: "(b) INTERPOL's …", "1. Member States …".
            word_end = i
            while word_end < p.content.end and text[word_end].isalpha():
                word_end += 1
            word = text[i:word_end]
            if want == "lower" and (word.isupper() and len(word) > 1 or ch.islower()):
                continue
            if want == "upper" and ch.isupper():
                continue
            new = ch.upper() if want == "upper" else ch.lower()
            if want == "lower" and word[1:] != word[1:].lower():
                continue
            yield Violation(Span(i, word_end), f"{what} should start with {'a capital' if want == 'upper' else 'a lower-case letter'}", Fix.safe(f"Change to '{new}{word[1:]}'", Edit(Span(i, i + 1), new)))


def _under_list_item(p) -> bool:
    """Whether a sub-paragraph hangs (at any depth) under an item of an INTERPOL list."""
    parent = p.parent
    while parent is not None and parent.kind is Kind.SUBPARAGRAPH:
        parent = parent.parent
    return parent is not None and is_list_item(parent)
