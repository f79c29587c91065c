from __future__ import annotations

from resolint.facts import Analysis
from resolint.lazyre import lazy
from resolint.model import Kind, LabelScheme, Paragraph
from resolint.parser.patterns import LINE_BREAK
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span

#: Numbers typed again after the label ("2. 2. Recalling …,"): removed with it, or the
#: paragraph kept a number and its finding.
_NUMBERS_AGAIN = lazy(r"(?:\(?\d{1,3}[.)][ \t\u00a0]+)+")


class NumberedPreambularParagraph(Rule):
    """
    ## What it does
    Reports a numbered preambular paragraph, and (as a warning) a list bullet left before
    one ("- Recalling …,").

    ## Why is this bad?
    Preambular paragraphs are not numbered; only operative paragraphs are. A number in
    the preamble shifts every reference to "paragraph N" of the resolution.

    ## Example
    ```
    The General Assembly,

    1. Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Unsafe: removing a number may break a reference to it. Removing a bullet is safe,
    but unsafe on a line right below or above another paragraph's (no blank line between):
    in Markdown, lines without their bullets are one paragraph.

    ## Options
    None.

    ## References
    - General Assembly resolution 51/1 of 15 October 1996 (A/RES/51/1), a specimen of the layout: <https://undocs.org/A/RES/51/1>
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", II. Drafting and editing: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-draft-edit>

    Repository note: the project knowledge base (`../shared/kb`) §1.2 UN-PRE-03.
    """

    code = "PRE005"
    name = "numbered-preambular-paragraph"
    summary = "Preambular paragraph carries a number, or a stray bullet"
    default_severity = Severity.ERROR
    kinds = (Kind.PREAMBLE,)
    fix_applicability = Applicability.UNSAFE

    def check(self, ctx: RuleContext):
        for p in ctx.facts.preamble:
            if p.bullet is not None and _stray_bullet(ctx, p):
                remove = Span(p.bullet.start, p.content.start)
                fix = Fix.unsafe if _beside_a_paragraph(ctx, p) else Fix.safe
                yield Violation(p.bullet, "Stray list bullet before a preambular paragraph", fix("Remove the bullet", Edit(remove, "")),
                                severity=Severity.WARNING)
                continue
            if p.label is None or p.label.scheme is not LabelScheme.ARABIC or p.label.negotiation_part is not None:
                continue  # (a negotiation draft's "PP3" names the paragraph while it is negotiated)
            again = _NUMBERS_AGAIN.match(ctx.text, p.content.start, p.span.end)
            remove = Span(p.label.span.start, p.content.start if again is None else again.end())
            yield Violation(p.label.span, "Preambular paragraphs are not numbered", Fix.unsafe("Remove the number", Edit(remove, "")))


def _first_operatives(facts: Analysis) -> dict[int, int]:
    """Part -> index of its first operative paragraph (asked only of a draft whose preamble
    has a bullet)."""
    out: dict[int, int] = {}
    for p in facts.of_kinds((Kind.OPERATIVE,)):
        out.setdefault(p.part, p.index)
    return out


def _stray_bullet(ctx: RuleContext, p: Paragraph) -> bool:
    """Whether the bullet of preambular paragraph ``p`` is a list bullet left by a word
    processor ("- Recalling …,"): no reference can point at it, so removing it is safe.
    Items under a lead-in keep theirs, and so does a bulleted paragraph after the operative
    part began ("… should include:" / "• reporting on …,") or one in lower case: a list's
    item read as a preambular clause, whose bullet says what it is."""
    if p.parent is not None or p.label is not None or p.index >= ctx.facts.derived(_first_operatives).get(p.part, p.index + 1):
        return False
    return ctx.text[p.content.start : p.content.start + 3].lstrip("*_")[:1].isupper()



def _beside_a_paragraph(ctx: RuleContext, p: Paragraph) -> bool:
    """Whether ``p`` has a paragraph on the line right before or after it, with no blank
    line between: a Markdown list typed so ("- *Recalling* …," / "- *Noting* …,") reads
    as one paragraph once its bullets are gone, and the clauses run together on screen."""
    paragraphs, text = ctx.resolution.paragraphs, ctx.text
    before = paragraphs[p.index - 1].span.end if p.index > 0 else None
    after = paragraphs[p.index + 1].span.start if p.index + 1 < len(paragraphs) else None
    return (before is not None and len(LINE_BREAK.findall(text, before, p.span.start)) < 2) or (
        after is not None and len(LINE_BREAK.findall(text, p.span.end, after)) < 2
    )
