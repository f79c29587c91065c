from __future__ import annotations

import re

from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span
from resolint_rules.refs import own_text_matches

_WORDS = r"and|or|the|of|in|on|to|for|with|by|at|as|from|that|which|since|until|between|before|after|during"
#: "2011and", "in2011": a year run into a short word. Codes such as "G20", "COVID-19",
#: "CO2" or "A/79/L.1" are not years joined to words and do not match.
GLUED = re.compile(rf"(?<![\w/.-])(?P<a>(?:1[89]|20)\d\d)(?P<b>{_WORDS})\b|\b(?P<c>{_WORDS})(?P<d>(?:1[89]|20)\d\d)(?![\w/])")
#: Cheap first pass: a year touching a letter.
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


class NumberGluedToWord(Rule):
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
    Safe: a space is inserted.

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

    def check(self, ctx: RuleContext):
        text = ctx.text
        for _p, t in own_text_matches(ctx, _YEAR):
            s, e = t.start(), t.end()
            if not ((s and text[s - 1].islower()) or (e < len(text) and text[e].islower())):
                continue
            m = GLUED.search(text, max(0, t.start() - 8), min(len(text), t.end() + 8))
            if m is None or not (m.start() <= t.start() < m.end()):
                continue
            cut = m.end("a") if m.group("a") else m.end("c")
            span = Span(m.start(), m.end())
            yield Violation(span, f"'{m.group(0)}': a space is missing", Fix.safe("Insert a space", Edit(Span(cut, cut), " ")))
