from __future__ import annotations

import re

from resolint.lazyre import lazy
from resolint.literals import first_of, matches_at
from resolint.rule import Applicability, Edit, Fix, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import in_spans, own_matches
from resolint_rules.trm.others_words import guarded
from resolint_rules.trm.paragraph_facts import TermKeyedRule, spans_in

_WORDS = r"and|or|the|of|in|on|to|for|with|by|at|as|from|that|which|since|until|between|before|after|during"
#: "2011and", "in2011": a year run into a short word. Codes such as "G20", "COVID-19",
#: "CO2" or "A/79/L.1" are not years joined to words and do not match.
GLUED = lazy(rf"(?<![\w/.-])(?P<a>(?:1[89]|20)\d\d)(?P<b>{_WORDS})\b|\b(?P<c>{_WORDS})(?P<d>(?:1[89]|20)\d\d)(?![\w/])")
#: Cheap first pass: a year touching a letter.
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
#: How every match of _YEAR starts.
_YEAR_HEADS = ("18", "19", "20")


class NumberGluedToWord(TermKeyedRule):
    """
    ## What it does
    Finds a year run into the next or previous word: "in 2011and 2012", "adopted in2019".

    ## Why is this bad?
    A missing space is a typing error that spell-checkers skip (the token is not a word),
    and search tools miss the year.

    ## Example
    ```
    The General Assembly,

    Recalling its resolutions adopted in 2011and 2012,

    1. Decides to keep the matter under review.
    ```

    ## Use instead
    ```
    The General Assembly,

    Recalling its resolutions adopted in 2011 and 2012,

    1. Decides to keep the matter under review.
    ```

    ## Fix safety
    Safe: a space is inserted. Unsafe after a day and a month ("30 December 2025on"): the
    space makes a date, which the citation checks then read. Unsafe in the title of a
    work (after "entitled" or "titled", or in italics) or an address, which keep their
    characters.

    ## Options
    None.

    ## References
    - UN Editorial Manual, "Numbers, dates and time": <https://www.un.org/dgacm/en/content/editorial-manual/numbers-dates-time>

    Repository note: the project knowledge base (`../shared/kb`) §1.7 (numbers in figures, words apart).
    """

    code = "TRM011"
    name = "number-glued-to-word"
    summary = "Year run into a word"
    default_severity = Severity.WARNING
    fix_applicability = Applicability.SAFE

    # Local (TermKeyedRule): a paragraph's findings depend on its text, the quotations in
    # it and the characters around a year, up to nine before the paragraph and eight after
    # it, all in ``paragraph_facts.term_keys`` (shared with TRM010, TRM018).
    own_paragraphs_only = True

    def check(self, ctx: RuleContext):
        """What :meth:`check_paragraph` finds in each of :meth:`paragraphs`, by one scan
        of the whole text for years (cheaper than one per paragraph)."""
        text = ctx.text
        # Only a year next to a lower-case letter can be glued (the first test of
        # ``_glued``): the others need not be placed in their paragraphs.
        for p, t in own_matches(ctx, [t for t in year_scan(text) if _touches_lower(text, t)]):
            v = _glued(text, t)
            if v is not None:
                yield _guarded(ctx, v, p)

    def check_paragraph(self, ctx: RuleContext, p):
        quotes = spans_in(ctx, "quotes", p)
        for t in year_matches(ctx.text, p.span.start, p.span.end):
            if not in_spans(t.start(), quotes):
                v = _glued(ctx.text, t)
                if v is not None:
                    yield _guarded(ctx, v, p)


def _guarded(ctx: RuleContext, v: Violation, p) -> Violation:
    """``v`` with its fix unsafe where the year is glued inside a work's title or an
    address ("the study entitled Agenda 2030for cities"): the title keeps its letters."""
    fix, _ = guarded(ctx, v.span, v.fix, p)
    return v if fix is v.fix else Violation(v.span, v.message, fix)


def year_scan(text: str) -> list[re.Match[str]]:
    """``_YEAR.finditer(text)``: the regex, which starts with a set of characters and was
    tried at every position of the text, is tried only where "18", "19" or "20" stands
    (none of the three can start inside another)."""
    return matches_at(_YEAR, text, [pos for pos, _ in first_of(text, _YEAR_HEADS)])


def year_matches(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """The years a scan of the whole text finds that start at ``lo`` or after and end by
    ``hi``. The scan starts where the run of digits before ``lo`` starts: a year begun
    there would have taken digits after it."""
    start = lo
    while start and text[start - 1].isdecimal():
        start -= 1
    return [t for t in _YEAR.finditer(text, start, hi) if t.start() >= lo]


def _touches_lower(text: str, t: re.Match[str]) -> bool:
    """Whether a lower-case letter stands right before or after year ``t``."""
    s, e = t.start(), t.end()
    return bool((s and text[s - 1].islower()) or (e < len(text) and text[e].islower()))


def _glued(text: str, t: re.Match[str]) -> Violation | None:
    """The finding for year ``t`` when a short word is run into it."""
    if not _touches_lower(text, t):
        return None
    s, e = t.start(), t.end()
    m = GLUED.search(text, max(0, s - 8), min(len(text), e + 8))
    if m is None or not (m.start() <= s < m.end()):
        return None
    cut = m.end("a") if m.group("a") else m.end("c")
    span = Span(m.start(), m.end())
    edit = Edit(Span(cut, cut), " ")
    if _ENDS_A_DATE.search(text, max(0, s - 20), s):
        # "30 December 2025on": the space makes a date of it, which the citation checks
        # then read (a meeting's date against the session): worth a look, not --fix.
        return Violation(span, f"'{m.group(0)}': a space is missing", Fix.unsafe("Insert a space (a date is read there then)", edit))
    return Violation(span, f"'{m.group(0)}': a space is missing", Fix.safe("Insert a space", edit))


#: A day and a month right before a year: the year ends a date ("30 December ").
_ENDS_A_DATE = lazy(r"\d{1,2}[ \t\u00a0]+(?:January|February|March|April|May|June|July|August|September|October|November|December)[ \t\u00a0]+$")
