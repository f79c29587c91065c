from __future__ import annotations

import re

from resolint.numerals import ordinal
from resolint.rule import Applicability, Edit, Fix, Rule, RuleContext, Severity, Violation
from resolint.source import Span, word_before
from resolint_rules.refs import own_text_matches

#: A digit and a suffix (the engine scans digits fast); the number is read back in ``check``.
ORDINAL = re.compile(r"\d(?P<suffix>st|nd|rd|th|ST|ND|RD|TH)(?![A-Za-z])")


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

    def check(self, ctx: RuleContext):
        text = ctx.text
        for _p, m in own_text_matches(ctx, ORDINAL, skip_quotes=False):
            start = m.start()
            while start and text[start - 1].isdigit() and m.start() - start < 3:
                start -= 1
            if word_before(text, start, "/.-_"):
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
