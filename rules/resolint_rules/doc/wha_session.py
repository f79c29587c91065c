"""DOC011's reading of a World Health Assembly text: the session its opening names in
words ("The Seventy-ninth World Health Assembly,") against its own symbol in the title
block ("WHA78.4") and the year of its closing line's date. A title block and an opening
copied from last year's resolution keep last year's session."""

from __future__ import annotations

import re
from collections.abc import Iterator

from resolint.citations.patterns import WHA_SYMBOL
from resolint.citations.refdata import format_date
from resolint.invisible import reader_view
from resolint.numerals import ordinal, ordinal_words_value
from resolint.parser.title import title_head
from resolint.rule import RuleContext, Violation
from resolint.source import Span, word_before
from resolint_rules.doc._titlefacts import TitleFacts
from resolint_rules.wha import session_year

#: The Assembly's opening, its session's ordinal in words.
_OPENING = re.compile(r"[*_\s]*The\s+(?P<ordinal>[A-Za-z]+(?:-[A-Za-z]+)?)\s+World\s+Health\s+Assembly\b", re.IGNORECASE)


def wha_session_violations(ctx: RuleContext, facts: TitleFacts) -> Iterator[Violation]:
    op = ctx.resolution.opening
    if op is None:
        return
    # The opening as printed: a soft hyphen or a comment inside "Seventy-ninth" hid the
    # mismatch until TRM014's safe fix removed it (found by fuzz/mutate.py).
    seen = reader_view(ctx.slice(op.span))
    m = _OPENING.match(seen.text)
    session = None if m is None else ordinal_words_value(m.group("ordinal"))
    if session is None:
        return
    named = f"the {m.group('ordinal')} ({ordinal(session)})"
    for p in ctx.resolution.title.paragraphs:
        line = reader_view(ctx.slice(title_head(p)))  # the symbol as printed too ("WH<!-- … -->A78.4")
        for s in WHA_SYMBOL.finditer(line.text):
            if word_before(line.text, s.start()) or int(s.group(1)) == session:
                continue
            yield Violation(line.span(Span(s.start(), s.end())).moved(p.span.start),
                            f"The symbol {s.group(0)} is of the {ordinal(int(s.group(1)))} World Health Assembly; the opening names {named}")
    dated = facts.closing_date
    if dated is not None and dated.date is not None and dated.date.year != session_year(session):
        yield Violation(seen.span(Span(m.start("ordinal"), m.end("ordinal"))).moved(op.span.start),
                        f"The {m.group('ordinal')} World Health Assembly met in {session_year(session)}; the text is dated {format_date(dated.date)}")
