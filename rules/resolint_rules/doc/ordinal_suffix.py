from __future__ import annotations

import re

from resolint.lazyre import lazy
from resolint.literals import ascii_digits_only, automaton, find_indexes
from resolint.model import Paragraph
from resolint.numerals import ordinal
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span, word_before

#: A digit and a suffix (the engine scans digits fast); the number is read back in ``check_paragraph``.
ORDINAL = re.compile(r"\d(?P<suffix>st|nd|rd|th|ST|ND|RD|TH)(?![A-Za-z])")
#: Where ORDINAL may match in a paragraph (no lookahead: at a paragraph's end the next
#: character is not the paragraph's): the paragraphs a whole-document check reads.
_SUFFIXED = lazy(r"\d(?:st|nd|rd|th|ST|ND|RD|TH)")
#: What _SUFFIXED matches when the digits are ASCII, as literals in lower case, found in
#: any case of their letters (``ascii_case``); the suffixes it takes, of those found.
_SUFFIXED_LITERALS = tuple(d + s for d in "0123456789" for s in ("st", "nd", "rd", "th"))
_SUFFIXES = frozenset(("st", "nd", "rd", "th", "ST", "ND", "RD", "TH"))


def suffixed_starts(text: str) -> list[int]:
    """Where ``_SUFFIXED`` matches in ``text``. With ASCII digits only, one Aho-Corasick
    pass over its literals finds the same places (none can start inside another: a
    suffix is letters) in a fraction of the time of the regex, which starts with a set
    of characters and is tried at every position (2% of a corpus run). The pass reads
    the text's ASCII letters in lower case, and a suffix in mixed case ("1St") is then
    left out: forty literals, where the eighty of both cases made a search four times as
    long (9 ms of the corpus, against 2 ms)."""
    if ascii_digits_only(text):
        try:
            found = find_indexes(automaton(_SUFFIXED_LITERALS, leftmost_first=True), text, ascii_case=True)
        except UnicodeEncodeError:  # a lone surrogate: the regex
            return [m.start() for m in _SUFFIXED.finditer(text)]
        return [pos for _, pos, _ in found if text[pos + 1 : pos + 3] in _SUFFIXES]
    return [m.start() for m in _SUFFIXED.finditer(text)]


class OrdinalSuffix(Rule):
    """
    ## What it does
    Checks the suffix of ordinal numbers: "93rd", "91st", "92nd", "11th" — not "93th",
    "91th" or "12nd". The session line of an INTERPOL opening and the plenary meeting
    line of a UN closing are where these slip in.

    ## Why is this bad?
    A wrong suffix is an obvious typing error in the most visible line of the text.

    ## Example
    ```
    The ICPO-INTERPOL General Assembly, meeting in Marrakech, Morocco, from 24 to 27 November 2025 at its 93th session:

    RECALLING its previous resolutions,

    CALLS UPON all member countries to:

    1. support the programme.
    ```

    ## Use instead
    ```
    The ICPO-INTERPOL General Assembly, meeting in Marrakech, Morocco, from 24 to 27 November 2025 at its 93rd session:

    RECALLING its previous resolutions,

    CALLS UPON all member countries to:

    1. support the programme.
    ```

    ## Fix safety
    Safe: the number is kept, only the suffix changes.

    ## Options
    None.

    ## References
    - INTERPOL General Assembly resolution AG-2001-RES-05 (70th session, Budapest, 2001), a specimen of the layout: <http://avalon.law.yale.edu/sept11/interpol_007.asp>
    - INTERPOL General Assembly resolution GA-2025-93-RES-03 (93rd session, Marrakech, 2025)

    Repository note: the project knowledge base (`../shared/kb`) §3.1 IP-HEAD-03 ("ordinal suffix must be right").
    """

    code = "DOC013"
    name = "ordinal-suffix"
    summary = "Wrong ordinal suffix"
    default_severity = Severity.ERROR
    fix_applicability = Applicability.SAFE

    #: Its findings in a paragraph come from that paragraph's text alone: the language
    #: server keeps them between edits.
    local = True
    own_paragraphs_only = True

    def check(self, ctx: RuleContext):
        """One scan of the text finds the few paragraphs with a suffixed number; only those are read."""
        for p in ctx.facts.own_paragraphs_at(suffixed_starts(ctx.text)):
            yield from self.check_paragraph(ctx, p)

    def check_paragraph(self, ctx: RuleContext, paragraph: Paragraph):
        text, lo, hi = ctx.text, paragraph.span.start, paragraph.span.end
        for m in ORDINAL.finditer(text, lo, hi):
            start = m.start()
            while start > lo and text[start - 1].isdigit() and m.start() - start < 3:
                start -= 1
            if start > lo and word_before(text, start, "/.-_"):
                continue  # part of a code or a longer number
            digits = text[start : m.start("suffix")]
            n = int(digits)
            want = ordinal(n)[len(str(n)):]
            have = m.group("suffix")
            if have.lower() == want:
                continue
            new = want.upper() if have.isupper() else want
            span = Span(m.start("suffix"), m.end("suffix"))
            yield Violation(Span(start, m.end()), f"'{digits}{have}' should be '{digits}{new}'", Fix.safe(f"Write '{digits}{new}'", Edit(span, new)))
