from __future__ import annotations

from resolint.listguard import document_protected_starts, protected_starts
from resolint.model import Kind
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.common import expected_case, opener_case, opener_to_rewrite, recased_in_place


class PreambularOpenerCase(Rule):
    """
    ## What it does
    Checks the case of a preambular opener against the style: all capitals in INTERPOL
    style (`RECALLING ALSO`, a trailing preposition may stay lower case: `SHOCKED by`),
    sentence case in United Nations style (`Recalling also`). In plain text, a paragraph
    that starts with a listed opener in lower case (`recalling also …`) after a blank
    line is a paragraph of its own, even after one ending with a comma; only a lower-case
    paragraph that does not start with an opener (or that follows a numbered paragraph)
    is read as the rest of the paragraph before, broken by a stray blank line.

    ## Why is this bad?
    The opener is how a reader finds the start of each clause; the house style fixes its
    form, and mixed forms in one text look like unfinished editing.

    ## Example
    ```
    The General Assembly,

    RECALLING its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Safe: only letter case changes.

    ## Options
    None; the case comes from the style (`[openers] case`).

    ## References
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", II. Drafting and editing: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-draft-edit>
    - INTERPOL General Assembly resolution AG-2001-RES-05 (70th session, Budapest, 2001), a specimen of the layout: <http://avalon.law.yale.edu/sept11/interpol_007.asp>

    Repository note: the project knowledge base (`../shared/kb`) §1.2 UN-PRE-01; §3.1 IP-PRE-01; §2 matching rule 2.
    """

    code = "PRE003"
    name = "preambular-opener-case"
    summary = "Preambular opener not cased as the style writes it"
    house_convention = True  # the default style's convention, not a slip any draft makes
    default_severity = Severity.WARNING
    kinds = (Kind.PREAMBLE,)
    fix_applicability = Applicability.SAFE

    local = True

    def reports_house_convention(self, span: Span, text: str) -> bool:
        # Capitals or sentence case is the house's; an opener in lower case ("1. decides")
        # is a slip in any house that starts its paragraphs with a capital.
        return not text[span.start : span.start + 1].islower()

    def document_key(self, ctx: RuleContext):
        # The case a Model UN draft's openers are held to depends on its other openers.
        return opener_case(ctx, "preambular")

    def paragraphs(self, ctx: RuleContext):
        return ctx.facts.preamble

    def paragraph_keys(self, ctx: RuleContext):
        # Whether the opener starts a list item depends on the paragraph before it.
        # (a plain dict: every other clause reads as None, see Rule.paragraph_keys)
        return dict.fromkeys(ctx.facts.derived(_item_openers), True)

    def check_paragraph(self, ctx: RuleContext, p):
        op = ctx.opener(p)
        if op is None or op.span.start in protected_starts(ctx) or not opener_to_rewrite(ctx, op):
            return  # no opener, or a list item ("• reporting on …"), not a paragraph with an opener; or an acronym
        written = ctx.read(op.span)
        want = expected_case(ctx, written, opener_case(ctx, "preambular"))
        if written != want:
            shown = " ".join(want.split())  # an opener wrapped over two lines, as one
            yield Violation(op.span, f"Write the opener as '{shown}' in the {ctx.style.name} style",
                            Fix.safe(f"Change to '{shown}'", Edit(op.span, recased_in_place(ctx, op.span, want))))


def _item_openers(facts) -> set[int]:
    """Indexes of the preambular clauses whose opener starts a list item ("• reporting
    on …"): only a paragraph holding the start of an item can have one, so the openers of
    the others are not looked up (the server asks this after every edit)."""
    out = set()
    for start in sorted(facts.derived(document_protected_starts)):
        p = facts.paragraph_at(start)
        if p is not None and p.kind is Kind.PREAMBLE and p.parent is None:
            op = facts.opener(p)
            if op is not None and op.span.start == start:
                out.add(p.index)
    return out
