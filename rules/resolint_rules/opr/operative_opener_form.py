from __future__ import annotations

from resolint.lazyre import lazy
from resolint.model import Kind
from resolint.parser.patterns import CHARTER_LEAD_IN
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint_rules.common import inflect_like, is_list_item, unlisted_opener
from resolint_rules.opr._verbs import wrong_operative_form


class OperativeOpenerForm(Rule):
    """
    ## What it does
    Reports an operative paragraph that opens with a participle ("Calling upon") or a
    bare verb ("Call upon") instead of a verb in the present tense, third person
    ("Calls upon"), and offers that form. Items of an INTERPOL list, which continue "…
    member countries to:", are left alone, and so is the Security Council's lead-in
    "Acting under Chapter VII of the Charter of the United Nations" (or "under Article
    41"): a paragraph it opens takes its verb after it ("…, decides that …") or in its
    sub-paragraphs ("…:" / "(a) Decides …").

    ## Why is this bad?
    "Each operative paragraph begins with an operative verb (or phrase) in the present
    indicative tense" (UN Editorial Manual): the body decides, requests, calls upon. A
    participle turns the paragraph into another preambular clause.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Calling upon all States to cooperate;

    2. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Calls upon all States to cooperate;

    2. Decides to keep the matter under review.
    ```

    ## Fix safety
    Unsafe: the fix changes a word (keeping its case: "CALLING" becomes "CALLS"). None
    where the participle is the subject of a verb after it ("Investing in the care economy
    is essential"): the paragraph is no operative clause, and "Invests … is" no sentence.

    ## Options
    None.

    ## References
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", II. Drafting and editing: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-draft-edit>

    Repository note: the project knowledge base (`../shared/kb`) §1.1 UN-STRUCT-04; §2 matching rule 5.
    """

    code = "OPR004"
    name = "operative-opener-form"
    summary = "Operative paragraph opens with a participle or bare verb"
    default_severity = Severity.ERROR
    kinds = (Kind.OPERATIVE,)
    fix_applicability = Applicability.UNSAFE

    local = True

    def check_paragraph(self, ctx: RuleContext, p):
        if is_list_item(p) or CHARTER_LEAD_IN.match(ctx.slice(p.content)):
            return
        found = unlisted_opener(ctx, p)
        if found is None:
            return
        op, word = found
        form = wrong_operative_form(word.lower())
        if form is None:
            return
        finite = inflect_like(word, "VBZ")
        if not finite:
            return
        if form == "participle" and _VERB_AFTER_SUBJECT.match(ctx.text, op.head.end, min(p.content.end, op.head.end + _SUBJECT_REACH)):
            # "Investing in the care economy is essential …": the -ing word is the sentence's subject, and
            # "Invests … is essential" would be no sentence: reported, with no fix.
            yield Violation(op.head, f"Operative paragraph opens with the {form} '{word}', the subject of a sentence; "
                            f"an operative paragraph opens with a verb ('{finite}')")
            return
        fix = Fix.unsafe(f"Replace with '{finite}'", Edit(op.head, finite))
        yield Violation(op.head, f"Operative paragraph opens with the {form} '{word}'; use '{finite}'", fix)


#: A finite verb after an opening participle, in its clause (no comma, semicolon or colon
#: before it, nor a relative pronoun: "Calling upon States that are …" is no subject):
#: "Investing in the care economy is essential" — the participle is the subject of "is".
_VERB_AFTER_SUBJECT = lazy(r"(?:(?!\s(?:that|which|who|whom|whose|where|when)\s)[^,;:])*?\s(?:is|are|was|were|remains|remain|has\s+been|have\s+been|will\s+be|should\s+be|must\s+be|can\s+be)\s")
#: How far after the participle that verb is looked for.
_SUBJECT_REACH = 160
