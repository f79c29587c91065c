from __future__ import annotations

from resolint.model import Kind
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint_rules.common import head_span

#: Enum members read for every paragraph or citation, as module names: on Python 3.11 an
#: Enum class's attribute is read through the hook of ``EnumType.__getattr__`` (about
#: 850 instructions; 570,000 reads were 4% of a corpus run).
_HEADING, _OPERATIVE, _PREAMBLE = Kind.HEADING, Kind.OPERATIVE, Kind.PREAMBLE


class PreambleAfterOperative(Rule):
    """
    ## What it does
    Reports a preambular paragraph (a participle opener ending with a comma) placed after
    the operative part has begun. Preambular paragraphs right after a heading are a
    section's own preamble, as in an omnibus resolution whose sections each have one
    ("II" / "Enterprise resource planning" / "Recalling …," / "1. Takes note …").

    ## Why is this bad?
    A resolution is organ, preamble, operative part, in that order. A preambular
    paragraph among the operative ones is either misplaced or an operative paragraph
    with the wrong opener, and either way the text does not parse as one sentence.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review;

    Noting the report of the Secretary-General,

    2. Requests the Secretary-General to report at its next session.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    Noting the report of the Secretary-General,

    1. Decides to keep the matter under review;

    2. Requests the Secretary-General to report at its next session.
    ```

    ## Fix safety
    No fix: moving a paragraph is the drafter's call.

    ## Options
    None.

    ## References
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", II. Drafting and editing: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-draft-edit>

    Repository note: the project knowledge base (`../shared/kb`) §1.1 UN-STRUCT-01; §1.2 UN-PRE-06.
    """

    code = "DOC003"
    name = "preamble-after-operative"
    summary = "Preambular paragraph after the operative part began"
    default_severity = Severity.ERROR
    kinds = (Kind.PREAMBLE,)

    def check(self, ctx: RuleContext):
        """A section of an omnibus resolution ("II" / "Enterprise resource planning" /
        "Recalling …," / "1. Takes note …") has a preamble of its own: preambular
        paragraphs right after a heading, before the section's first operative one, are
        its preamble, not out of place."""
        seen_operative: set[int] = set()
        section_preamble = False
        for p in ctx.resolution.paragraphs:
            if p.kind is _OPERATIVE:
                seen_operative.add(p.part)
                section_preamble = False
            elif p.kind is _HEADING:
                section_preamble = p.part in seen_operative
            elif p.kind is _PREAMBLE and p.part in seen_operative and not section_preamble:
                yield Violation(head_span(ctx, p), "Preambular paragraph after the operative part has begun")
