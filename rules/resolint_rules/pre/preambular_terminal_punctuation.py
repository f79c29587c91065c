from __future__ import annotations

import itertools
import operator

from resolint.model import Kind, Paragraph
from resolint.rule import Applicability, Rule, RuleContext, Severity, Violation
from resolint_rules.groups import is_group_head, item_mark
from resolint_rules.punctuation import terminal_fix

_PART = operator.attrgetter("part")


class PreambularTerminalPunctuation(Rule):
    """
    ## What it does
    Checks that each preambular paragraph ends with a comma (a colon when sub-paragraphs
    follow it), or with the mark the style's `preamble.terminal` names (a semicolon in
    the `wha` style, where the last preambular paragraph ends with a comma:
    `preamble.last-terminal`). A paragraph that starts with a listed preambular opener before the
    operative part is preambular whatever its final mark, so `AWARE of …;` before
    `URGES member countries to:` is reported here, not as an unknown operative opener.

    ## Why is this bad?
    The preamble and the operative part are one sentence: each preambular paragraph
    ends with a comma so that the sentence runs on to the operative verbs. A semicolon
    or a full stop ends the sentence too early.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019;

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Safe: only punctuation changes. Unsafe when the paragraph ends with a word no clause
    ends with ("the", "of", "and", "their"…): it was broken, by a page break or a stray
    blank line, and its words go on in the next paragraph. A full stop that closes an
    abbreviation ("the U.S.", "etc.") is kept, the mark written after it ("the U.S.,").
    Unsafe when the mark to replace is a colon: it announces a list or a quotation the
    paragraph does not hold as read, and the sentence may go on there.

    ## Options
    None. The marks are the style's: `preamble.terminal` (`,` by default) and, for the
    last preambular paragraph of a resolution, `preamble.last-terminal` (by default the
    same).

    ## References
    - General Assembly resolution 51/1 of 15 October 1996 (A/RES/51/1), a specimen of the layout: <https://undocs.org/A/RES/51/1>
    - INTERPOL General Assembly resolution AG-2001-RES-05 (70th session, Budapest, 2001), a specimen of the layout: <http://avalon.law.yale.edu/sept11/interpol_007.asp>

    Repository note: the project knowledge base (`../shared/kb`) §1.2 UN-PRE-02; §3.1 IP-PRE-01.
    """

    code = "PRE004"
    name = "preambular-terminal-punctuation"
    summary = "Preambular paragraph not ended by a comma (or the style's mark)"
    default_severity = Severity.WARNING
    kinds = (Kind.PREAMBLE,)
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        # A preamble reads nothing outside its resolution: one of a resolution of a
        # compilation that an edit did not reach keeps its findings (language server).
        for _, clauses in itertools.groupby(ctx.facts.preamble, key=_PART):
            preamble = list(clauses)
            yield from ctx.kept_in_unedited_part(self.code, preamble[0], preamble[-1], lambda preamble=preamble: self._check_preamble(ctx, preamble))

    def _check_preamble(self, ctx: RuleContext, preamble: list[Paragraph]):
        """The preambular clauses of one resolution (one part of a compilation)."""
        mark = ctx.style.get("preamble.terminal", ",")
        last_mark = ctx.style.get("preamble.last-terminal") or mark
        for p in preamble:
            if is_group_head(ctx, p):
                yield from self._items(ctx, p)
                continue
            want = ":" if p.children else last_mark if p is preamble[-1] else mark
            if p.children and p.terminal_char(ctx.source) in (mark, last_mark):
                continue
            found = terminal_fix(ctx, p, want)
            if found is None:
                continue
            span, fix, have = found
            what = f"ends with '{have}'" if have else "has no final punctuation"
            yield Violation(span, f"Preambular paragraph {what}; end it with '{want}'", fix)

    def _items(self, ctx: RuleContext, head):
        """A preambular group's items end ";", its last item "," (the style's ``[groups]``)."""
        items = ctx.resolution.group_items(head)
        for i, item in enumerate(items):
            want = item_mark(ctx, i == len(items) - 1, ends_text=False)
            if item.children and item.terminal_char(ctx.source) == ":":
                continue  # "a) that … in the following areas:" then its sub-items
            found = terminal_fix(ctx, item, want)
            if found is None:
                continue
            span, fix, have = found
            what = f"ends with '{have}'" if have else "has no final punctuation"
            yield Violation(span, f"Preambular item {what}; end it with '{want}'", fix)
