"""Citations read from one paragraph (:mod:`resolint.citations.local`), put in place: their
offsets moved by where the paragraph starts, their paragraph attached.

A language server reuses a paragraph's reading after an edit elsewhere moved it; these
copies are what the rules of that lint see, so the cached reading is never changed. Each
function names every field of its type (``tests/citations/test_local.py`` fails when a
type gains one, so a new span cannot be left unmoved).
"""

from __future__ import annotations

from resolint.citations.types import DateMention, InstrumentMention, ResolutionCitation
from resolint.model import Paragraph


def place_date(x: DateMention, d: int) -> DateMention:
    """``x`` moved by ``d`` characters."""
    return DateMention(x.span.moved(d), x.day, x.month, x.year, x.form, x.text)


def place_resolution(c: ResolutionCitation, d: int, p: Paragraph, dates: dict[int, DateMention]) -> ResolutionCitation:
    """``c`` moved by ``d`` into ``p``; its date is the placed one of ``dates`` (by start)."""
    date = None if c.date is None else dates[c.date.span.start + d]
    return ResolutionCitation(
        c.span.moved(d), c.text, c.form, c.organ, c.basis, c.number, c.session, c.year, date,
        c.decision, c.symbol, c.organ_name, c.prefix, c.in_annex, p,
    )


def place_mention(m: InstrumentMention, d: int, p: Paragraph) -> InstrumentMention:
    """``m`` moved by ``d`` into ``p``."""
    return InstrumentMention(
        m.span.moved(d), m.text, m.instrument, m.form, m.variant_fix, m.variant_safe,
        m.variant_why, m.in_annex, m.in_quote, p,
    )
