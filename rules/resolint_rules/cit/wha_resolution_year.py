from __future__ import annotations

import re
from typing import NamedTuple

from resolint.citations.patterns import WHA_SYMBOL
from resolint.lazyre import lazy
from resolint.numerals import ordinal
from resolint.rule import Rule, RuleContext, Severity, Violation
from resolint.source import Span, word_before
from resolint_rules.refs import own_matches
from resolint_rules.wha import session_year

#: "WHA77.6 (2024)": the session, the resolution's number and the year in brackets.
_SYMBOL_WITH_YEAR = lazy(WHA_SYMBOL.pattern + r"\s*\((\d{4})\)")


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
        for _p, found in own_matches(ctx, _symbols_with_year(ctx)):
            session, number, year = found.groups
            held = session_year(session)
            if year != held:
                yield Violation(
                    found.span,
                    f"Resolution WHA{session}.{number} is of the {ordinal(session)} World Health Assembly, held in {held}, not {year}",
                )


class _Found(NamedTuple):
    """A symbol with its year, where it stands in the text as written."""

    span: Span
    groups: tuple[int, int, int]  # session, number, year

    def start(self) -> int:
        return self.span.start

    def end(self) -> int:
        return self.span.end


def _symbols_with_year(ctx: RuleContext):
    """Each "WHA77.6 (2024)" of the text, read as the printed draft reads: a soft hyphen or
    a comment inside it ("WHA\u00ad72.1 (2020)", from a web page) hides nothing, so that
    the safe fix removing it brings in no finding (found by fuzz/mutate.py)."""
    seen = ctx.facts.seen
    text = seen.text
    starts = ctx.facts.literal_starts("WHA") if not seen.runs else [m.start() for m in re.finditer("WHA", text)]
    for pos in starts:
        m = None if word_before(text, pos) else _SYMBOL_WITH_YEAR.match(text, pos)
        if m is not None:
            yield _Found(seen.span(Span(m.start(), m.end())), (int(m.group(1)), int(m.group(2)), int(m.group(3))))
