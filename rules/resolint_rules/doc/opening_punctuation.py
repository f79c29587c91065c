from __future__ import annotations

import functools
import re

from resolint.model import Kind
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span


class OpeningPunctuation(Rule):
    """
    ## What it does
    Checks the mark that ends the opening line: a comma in United Nations style ("The
    General Assembly,"), a colon in INTERPOL style ("… at its 93rd session:"). A
    decision written as one sentence keeps the colon after its verb: "The General
    Assembly, recalling its resolution 79/327, decides:" and the items after it.

    ## Why is this bad?
    The opening runs on into the first clause; the house style fixes the mark between
    them, and a full stop or a missing mark cuts the subject off from its clauses.

    ## Example
    ```
    The General Assembly.

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Safe: only punctuation changes.

    ## Options
    None; the mark comes from the style (`[opening] terminal`).

    ## References
    - UN Editorial Manual, "Resolutions and other formal decisions of United Nations organs", II. Drafting and editing: <https://www.un.org/dgacm/en/content/editorial-manual/res-dec-draft-edit>
    - INTERPOL General Assembly resolution AG-2001-RES-05 (70th session, Budapest, 2001), a specimen of the layout: <http://avalon.law.yale.edu/sept11/interpol_007.asp>

    Repository note: the project knowledge base (`../shared/kb`) §1.1 UN-STRUCT-02; §3.1 IP-HEAD-02.
    """

    code = "DOC002"
    name = "opening-punctuation"
    summary = "Opening line not ended by the style's mark"
    default_severity = Severity.WARNING
    kinds = (Kind.OPENING,)
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        want = ctx.style.get("opening.terminal", ",")
        for p in ctx.resolution.openings:
            have = p.terminal_char(ctx.source)
            if have == want or (have == ":" and _has_operative_phrase(ctx, p)):
                continue
            if p.terminal is not None:
                span = p.terminal
                edit = Edit(span, want)
                msg = f"The opening ends with '{have}'; this style ends it with '{want}'"
            else:
                span = Span(p.span.end, p.span.end)
                end = p.span.end
                # Insert before closing emphasis markers ("**The General Assembly**").
                while end > p.span.start and ctx.text[end - 1] in "*_":
                    end -= 1
                edit = Edit(Span(end, end), want)
                span = Span(max(p.span.start, end - 1), end)
                msg = f"The opening has no final mark; this style ends it with '{want}'"
            yield Violation(span, msg, Fix.safe(f"End the opening with '{want}'", edit))


def _has_operative_phrase(ctx: RuleContext, p) -> bool:
    """Whether the opening goes on into one of the style's operative phrases before its
    mark: a decision's one sentence, "The General Assembly, recalling its resolution
    79/327, decides:" or "…, requests the Secretary-General:" and its lettered items,
    where the colon is right (the fix wrote "decides,")."""
    if p.terminal is None:
        return False
    words = " ".join(ctx.text[p.content.start : p.terminal.start].split())
    return _operative_pattern(ctx.style.operative).search(words) is not None


@functools.lru_cache(maxsize=16)
def _operative_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """The phrases as whole words, in any case, after a comma or a word."""
    alternatives = "|".join(re.escape(ph) for ph in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?i)(?<=[\w,] )(?:{alternatives})(?![\w-])")
