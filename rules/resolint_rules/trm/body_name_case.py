from __future__ import annotations

from resolint.citations.refdata import instruments_for
from resolint.literals import find_all
from resolint.rule import Applicability, Edit, Fix, RuleContext, Severity, Violation
from resolint.source import Span, word_after, word_before
from resolint_rules.refs import TextMatch, in_spans, own_matches
from resolint_rules.trm.paragraph_facts import TermKeyedRule, spans_in

#: Names of the United Nations' organs and the Organization's own, as every style writes
#: them (proper names: the UN Editorial Manual capitalizes each of their words).
NAMES = (
    "General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council",
    "Trusteeship Council", "International Court of Justice", "United Nations",
)
#: Each name by its last word, which is looked for first in either case ("Council",
#: "council"): a search of a few literals, at memory speed.
_BY_LAST: dict[str, tuple[str, ...]] = {}
for _name in NAMES:
    _last = _name.rsplit(" ", 1)[1]
    for _form in (_last, _last.lower()):
        _BY_LAST[_form] = (*_BY_LAST.get(_form, ()), _name)
_LAST_WORDS = tuple(_BY_LAST)


class BodyNameCase(TermKeyedRule):
    """
    ## What it does
    Reports the name of a United Nations organ, or of the United Nations, with a word in
    the wrong case: "Security council", "the general Assembly", "Economic and social
    Council", "United nations". A name written all in lower case ("a national security
    council") is a common noun, and one all in capitals a heading's or INTERPOL's: both
    are left alone, as are quotations.

    ## Why is this bad?
    These are proper names: each of their words takes its capital (but "and", "of"), and
    a name with one word in lower case looks like a typing slip to every reader.

    ## Example
    ```
    The General Assembly,

    Recalling Security council resolution 2334 (2016),

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling Security Council resolution 2334 (2016),

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Safe: only letter case changes.

    ## Options
    None.

    ## References
    - UN Editorial Manual, "Capitalization" (names of organs and bodies): <https://www.un.org/dgacm/en/content/editorial-manual/capitalization>
    """

    code = "TRM018"
    name = "body-name-case"
    summary = "Name of a United Nations organ with a word in the wrong case"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    # Local (TermKeyedRule): a paragraph's findings depend on its text, the quotations in
    # it and the character on each side of a name (``word_before``/``word_after``): TRM010's
    # and TRM011's keys (nine characters before the paragraph, eight after, its quotations
    # and titles) hold all of it, so the language server keeps them between edits instead
    # of searching the whole text for the names after every keystroke (an 18 % dearer
    # keystroke at 71 KB).
    own_paragraphs_only = True

    def check(self, ctx: RuleContext):
        """One search of the whole text for the names' last words (cheaper than one per
        paragraph); :meth:`check_paragraph` reads the same per paragraph."""
        hits = [hit for at, last in _last_word_hits(ctx) for hit in _miscased(ctx.text, at, last)]
        for _, hit in own_matches(ctx, sorted(hits, key=TextMatch.start)):
            yield from _reported(ctx, hit)

    def check_paragraph(self, ctx: RuleContext, paragraph):
        text, lo, hi = ctx.text, paragraph.span.start, paragraph.span.end
        quotes = spans_in(ctx, "quotes", paragraph)
        hits = []
        for last in _LAST_WORDS:
            for at in find_all(text, last, lo, hi):
                hits.extend(h for h in _miscased(text, at, last) if h.start() >= lo and not in_spans(h.start(), quotes))
        for hit in sorted(hits, key=TextMatch.start):
            yield from _reported(ctx, hit)


def _last_word_hits(ctx: RuleContext):
    """(offset, last word) of every last word of a name, in either case, in the text."""
    for last, starts in ctx.facts.literals_starts(_LAST_WORDS).items():
        for at in starts:
            yield at, last


def _miscased(text: str, at: int, last: str) -> list[TextMatch]:
    """The names ending with ``last`` at ``at`` written with a word in the wrong case."""
    end = at + len(last)
    if word_after(text, end):
        return []  # "Councils", "Nationsl"
    hits = []
    for name in _BY_LAST[last]:
        start = end - len(name)
        written = text[max(start, 0) : end]
        if start < 0 or written == name or written.lower() != name.lower() or word_before(text, start):
            continue
        if not written.islower() and not written.isupper():
            hits.append(TextMatch(start, end, name))
    return hits


def _reported(ctx: RuleContext, hit: TextMatch):
    if _in_an_instruments_title(ctx, hit):
        return  # "Charter of the United nations": TRM001 reports the title whole
    want = hit.group()
    span = Span(hit.start(), hit.end())
    yield Violation(span, f"Write the name as '{want}'", Fix.safe(f"Change to '{want}'", Edit(span, want)))


def _in_an_instruments_title(ctx: RuleContext, hit: TextMatch) -> bool:
    """Whether the name stands in a registered instrument's title or short title written
    with the wrong case, which the instrument rule reports (and fixes) as a whole: one
    slip, one finding. Asked of the rare miscased name only."""
    text, name = ctx.text, hit.group().lower()
    for instrument in instruments_for(ctx.resolution.terms):
        for title in (instrument.title, instrument.short):
            k = title.lower().find(name)
            if k >= 0 and text[hit.start() - k : hit.start() - k + len(title)].lower() == title.lower():
                return True
    return False
