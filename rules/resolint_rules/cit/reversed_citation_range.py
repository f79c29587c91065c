from __future__ import annotations

import re

from resolint.citations import ArticleCitation, Organ, ResolutionCitation
from resolint.citations.patterns import INSERTED_ARTICLE, RANGE_JOINT
from resolint.citations.years import year_date_after
from resolint.invisible import as_read
from resolint.lazyre import lazy
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import citations, is_own

#: Between the two ends of a range, as the extraction reads them: " to ", " through ",
#: an en dash (the one definition: ``resolint.citations.patterns.RANGE_JOINT``).
_RANGE_JOINT = re.compile(RANGE_JOINT)

#: What orders the numbers of each form: the session (or year) first, then the number.
#: The Security Council's and the old General Assembly's numbers run on across years
#: and sessions, so the number alone orders them.
_ORDER = {
    "sc": lambda c: (c.number,),
    "ga-old": lambda c: (c.number,),
    "ga": lambda c: (c.session, c.number),
    "session": lambda c: (c.session, c.number),
    "ga-special": lambda c: (c.session, c.number),
    "ga-emergency": lambda c: (c.session, c.number),
    "ecosoc": lambda c: (c.year, c.number),
    "interpol-year": lambda c: (c.year, c.number),
    "interpol-session": lambda c: (c.year, c.number),
    "interpol-agn": lambda c: (c.session, c.number),
}

#: How each organ numbers, for the message (the rule pages' sources).
_HOW = {
    "sc": "the Security Council numbers its resolutions consecutively since 1946",
    "ga-old": "the General Assembly numbered the resolutions of its first thirty sessions consecutively",
    "ecosoc": "the first part of the number is the year, the second the number within it",
    "interpol-year": "the symbol gives the year, then the resolution's number in it",
    "interpol-session": "the symbol gives the year and session, then the resolution's number in it",
    "interpol-agn": "the symbol gives the session, then the resolution's number in it",
}
_BY_SESSION = "the first part of the number is the session, the second the number within it"
#: Forms whose numbers only one body gives in that order: another body citing "12 (2019)"
#: may number each year from 1.
_ONE_BODY = {"sc": Organ.SC, "ga-old": Organ.GA}


class ReversedCitationRange(Rule):
    """
    ## What it does
    Checks that a range of resolutions or decisions ("resolutions 70/1 to 70/5",
    "2231 (2015) through 2300 (2016)", "1325 (2000)–2467 (2019)") names its lower end
    first: the session (or year) and number of the second end must come after those of
    the first. Both ends must be of one body and one form of number; a range whose ends
    are numbered differently is not compared. A range of articles ("articles 50 to 40",
    "articles 12-12") must run upwards too, to another article than the first; an
    article inserted after a number comes after it and before the next (14, 14 bis,
    14 ter, 15: "articles 14 bis to 14" runs backwards).

    ## Why is this bad?
    A range that runs backwards names no resolution at all in between ("resolutions
    70/300 to 70/1"); usually one end is mistyped or the ends were swapped, and the
    reader cannot tell which resolutions are meant. A range of articles that ends where
    it starts names one article, or a mistyped end.

    ## Example
    ```
    The Security Council,

    Recalling its resolutions 2300 (2016) to 2231 (2015),

    1. Decides to remain seized of the matter.
    ```

    ## Use instead
    ```
    The Security Council,

    Recalling its resolutions 2231 (2015) to 2300 (2016),

    1. Decides to remain seized of the matter.
    ```

    ## Fix safety
    No fix: swapping the ends is wrong when one of them is mistyped.

    ## Options
    None.

    ## References
    - Dag Hammarskjöld Library, "Security Council: resolutions" (numbered consecutively since 1946): <https://research.un.org/en/docs/sc/resolutions>
    - Dag Hammarskjöld Library, "General Assembly: resolutions" (session/number from the 31st session): <https://research.un.org/en/docs/ga/resolutions>

    Repository note: the project knowledge base (`../shared/kb`) §1.6 (how resolutions are identified and cited).
    """

    code = "CIT015"
    name = "reversed-citation-range"
    summary = "Range of resolutions or articles that runs backwards"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext):
        yield from self._resolutions(ctx)
        yield from _articles(ctx)

    def _resolutions(self, ctx: RuleContext):
        text = ctx.text
        previous: ResolutionCitation | None = None
        for c in citations(ctx).resolutions:
            first, previous = previous, c
            if first is None or not is_own(c) or not _range_of(first, c, text):
                continue
            order = _ORDER[c.form]
            if order(c) < order(first):
                how = _HOW.get(c.form, _BY_SESSION)
                yield Violation(
                    Span(first.span.start, c.span.end),
                    f"This range runs backwards: {_name(c)} comes before {_name(first)} ({how}); "
                    f"name the lower end first, or check the numbers",
                )


def _articles(ctx: RuleContext):
    """Ranges of articles whose second end is not above the first ("articles 50 to 40",
    "articles 12-12", "articles 14 bis to 14"): the two ends are items of one list (the
    same word "articles"). An article inserted after another ("14 bis", "14 ter") comes
    after it and before the next number: 14 < 14 bis < 14 ter < 15, the order in which
    treaties and codes insert them (the Latin ordinals' order)."""
    text = ctx.text
    previous: ArticleCitation | None = None
    for a in citations(ctx).articles:
        first, previous = previous, a
        if first is None or not a.ranged or a.word != first.word or not is_own(a) or a.number > first.number:
            continue
        low, high = _place(text, a), _place(text, first)
        if low > high:
            continue
        span = Span(first.span.start, a.span.end)
        if low < high:
            yield Violation(span, f"This range runs backwards: article {_label(low)} comes before article {_label(high)}; "
                                  "name the lower end first, or check the numbers")
        else:
            yield Violation(span, f"This range starts and ends at article {_label(low)}: cite the one article, or check the numbers")


#: The words for inserted articles, in their order ("bis" second, "ter" third …).
_INSERTED_WORDS = ("", "", "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")


def _place(text: str, a: ArticleCitation) -> tuple[int, int]:
    """Where article ``a`` stands: its number, then the rank of the word inserting it after
    that number (0 for none, 2 for "bis", 3 for "ter" …)."""
    m = _INSERTED.match(text, a.span.end)
    return a.number, (0 if m is None else _INSERTED_WORDS.index(m.group(0).split()[0]))


def _label(place: tuple[int, int]) -> str:
    number, rank = place
    return f"{number} {_INSERTED_WORDS[rank]}" if rank else str(number)


#: "bis", "ter" … after an article's number (patterns.INSERTED_ARTICLE, which may match empty).
_INSERTED = lazy(INSERTED_ARTICLE.removesuffix("?"))


def _range_of(first: ResolutionCitation, second: ResolutionCitation, text: str) -> bool:
    """Whether ``first`` and ``second`` are the two ends of one range: one body, one form
    of number, numbers known, and only " to ", " through " or a dash between them (after
    the first one's date, if it has one)."""
    if first.form != second.form or first.form not in _ORDER or first.organ is not second.organ:
        return False
    if _ONE_BODY.get(first.form, first.organ) is not first.organ:
        return False
    if first.organ is Organ.UNKNOWN or first.decision != second.decision or first.paragraph is not second.paragraph:
        return False
    if any(v is None for v in (*_ORDER[first.form](first), *_ORDER[first.form](second))):
        return False
    end = _end_of(first, text)
    # Read as printed: "thr\u00adough" (a soft hyphen in the joint) is " through ", as the
    # extraction reads the citations on either side through such characters.
    # (A joint is a dozen characters at most: a longer gap is read no further.)
    gap = second.span.start - end
    return 0 <= gap <= 64 and _RANGE_JOINT.fullmatch(as_read(text[end : second.span.start])) is not None


def _end_of(c: ResolutionCitation, text: str) -> int:
    """Where citation ``c`` ends with its date ("70/1 of 25 September 2015", "70/1 of 2015")."""
    if c.date is not None:
        return c.date.span.end
    yd = year_date_after(text, c.span.end)
    return c.span.end if yd is None else yd.span.end


def _name(c: ResolutionCitation) -> str:
    what = "decision" if c.decision else "resolution"
    return f"{what} {' '.join(c.text.split())}"
