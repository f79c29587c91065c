from __future__ import annotations

import re

from resolint.citations.patterns import WHA_SYMBOL
from resolint.numerals import ordinal
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span, word_before
from resolint_rules.refs import own_matches
from resolint_rules.wha import session_year

#: "WHA77.6 (2024)": the session, the resolution's number and the year in brackets.
_SYMBOL_WITH_YEAR = re.compile(WHA_SYMBOL.pattern + r"\s*\((\d{4})\)")


class WhaResolutionYear(Rule):
    """
    ## What it does
    Checks the year written after a World Health Assembly resolution's symbol: in
    `WHA77.6 (2024)` the 77th Assembly met in 2024. The Assembly has held one ordinary
    session a year since the first, in 1948, so session *n* met in 1947 + *n*. Symbols
    of special sessions (`WHASS1.1`) are not checked.

    ## Why is this bad?
    The symbol and the year name the same resolution twice: when they disagree, a reader
    cannot tell which resolution is meant, and one of them was copied wrong.

    ## Example
    ```
    The Seventy-ninth World Health Assembly,

    Recalling resolution WHA77.6 (2023) on the supply of safe blood products;

    1. URGES Member States to act.
    ```

    ## Use instead
    ```
    The Seventy-ninth World Health Assembly,

    Recalling resolution WHA77.6 (2024) on the supply of safe blood products;

    1. URGES Member States to act.
    ```

    ## Fix safety
    No fix: the session or the year may be the wrong part.

    ## Options
    None.

    ## References
    - Resolution WHA62.1 of the Sixty-second World Health Assembly (2009), as printed in the volume of its resolutions: <https://slidelegend.com/resolutions-world-health-organization_59cc8a581723dd9aa4136d3a.html>
    - Resolution WHA72.1 of the Seventy-second World Health Assembly (2019), in "Extracts from document WHA72/2019/REC/1": <https://fdocuments.in/document/extracts-from-document-wha722019rec1-for-for-consideration-by-the-executive.html>

    Repository note: the volumes of resolutions read for the `wha` style (its file names
    them) agree with session *n* in 1947 + *n* (the Twenty-eighth in 1975, the
    Sixty-second in 2009, the Seventy-second in 2019).
    """

    code = "CIT014"
    name = "wha-resolution-year"
    summary = "World Health Assembly resolution cited with a year its session was not held in"
    default_severity = Severity.ERROR

    def check(self, ctx: RuleContext):
        text = ctx.text
        found = (_SYMBOL_WITH_YEAR.match(text, pos) for pos in ctx.facts.literal_starts("WHA") if not word_before(text, pos))
        for _p, m in own_matches(ctx, (m for m in found if m is not None)):
            session, number, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            held = session_year(session)
            if year != held:
                yield Violation(
                    Span(m.start(), m.end()),
                    f"Resolution WHA{session}.{number} is of the {ordinal(session)} World Health Assembly, held in {held}, not {year}",
                )
