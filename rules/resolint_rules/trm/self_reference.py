from __future__ import annotations

import bisect

from resolint.lazyre import lazy
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import citations, own_literals, term
from resolint_rules.trm.others_words import guarded


class SelfReference(Rule):
    """
    ## What it does
    Checks how the text refers to itself: "the present resolution" in United Nations
    style, not "this resolution"; in a style that writes "this resolution" (the ITU's),
    not "the present resolution".

    ## Why is this bad?
    United Nations resolutions say "the present resolution" (A/RES/51/1: "to implement
    the present resolution"); "this resolution" is unidiomatic there and can be read as
    a resolution just cited.

    ## Example
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary-General to report on the implementation of this resolution.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolution 74/1 of 1 October 2019,

    1. Requests the Secretary-General to report on the implementation of the present resolution.
    ```

    ## Fix safety
    Safe: the same reference in the house words. Unsafe where the paragraph cites a
    resolution before it ("its resolution 70/1 and the follow-up to this resolution"):
    "this resolution" may mean the one just cited, and the message says so. Unsafe in the
    title of a work (after "entitled" or "titled", or in italics), which keeps its words.

    ## Options
    `self-reference` in the style's or the configuration's `[terms]`: "the present
    resolution" or "this resolution" (empty: no check).

    ## References
    - General Assembly resolution 51/1 of 15 October 1996 (A/RES/51/1), a specimen of the layout: <https://undocs.org/A/RES/51/1>

    Repository note: the project knowledge base (`../shared/kb`) §1.3 UN-OP-06.
    """

    code = "TRM007"
    name = "self-reference"
    summary = "'this resolution' instead of 'the present resolution'"
    house_convention = True  # the default style's convention, not a slip any draft makes
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    def check(self, ctx: RuleContext):
        want = term(ctx, "self-reference")
        if want == "this resolution":
            yield from _the_present_resolution(ctx)
            return
        if want != "the present resolution":
            return
        cited: list[int] | None = None  # where each resolution citation ends, in text order: read once, when needed
        named: dict[int, list[int]] = {}  # paragraph start -> where another resolution is named in it
        for p, start, end, lit in own_literals(ctx, ("this resolution", "This resolution")):
            span = Span(start, end)
            new = want if lit[0] == "t" else "The present resolution"
            if cited is None:
                cited = [c.span.end for c in citations(ctx).resolutions]
            if _cites_a_resolution_before(cited, p.span.start, start) or _names_a_resolution_before(ctx.text, p, start, named):
                # "… its resolution 70/1 and the follow-up to this resolution": maybe the
                # resolution just cited, which the fix would change into the text itself.
                yield Violation(span, f"'this resolution' may mean the resolution named before it; if it means the text itself, write '{want}'",
                                Fix.unsafe(f"Write '{new}'", Edit(span, new)))
                continue
            fix, _ = guarded(ctx, span, Fix.safe(f"Write '{new}'", Edit(span, new)), p)  # not in a work's title
            yield Violation(span, f"Refer to the text itself as '{want}'", fix)


def _the_present_resolution(ctx: RuleContext):
    """In a style that says "this resolution" (ITU texts): "the present resolution", which
    means the text itself wherever it stands, written the house's way (a safe fix)."""
    for p, start, end, lit in own_literals(ctx, ("the present resolution", "The present resolution")):
        span, new = Span(start, end), "this resolution" if lit[0] == "t" else "This resolution"
        fix, _ = guarded(ctx, span, Fix.safe(f"Write '{new}'", Edit(span, new)), p)
        yield Violation(span, "Refer to the text itself as 'this resolution'", fix)


#: A resolution named without a number ("the annual resolution on oceans", "the draft
#: resolution"): not "this resolution" or "the present resolution" themselves.
_ANOTHER_RESOLUTION = lazy(r"\b(?<!this )(?<!This )(?<!present )resolutions?\b")


def _names_a_resolution_before(text: str, p, at: int, named: dict[int, list[int]]) -> bool:
    """Whether another resolution is named in ``p`` before ``at`` ("… consultations on the
    annual resolution on sustainable fisheries … on this resolution": that one, maybe).
    The paragraph is searched once."""
    found = named.get(p.span.start)
    if found is None:
        found = named[p.span.start] = [m.start() for m in _ANOTHER_RESOLUTION.finditer(text, p.span.start, p.span.end)]
    return bool(found) and found[0] < at


def _cites_a_resolution_before(ends: list[int], lo: int, at: int) -> bool:
    """Whether a resolution citation ends in ``[lo, at]`` (``ends`` sorted)."""
    i = bisect.bisect_left(ends, lo)
    return i < len(ends) and ends[i] <= at
