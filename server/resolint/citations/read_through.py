"""A paragraph's citations read through its comments and the invisible characters inside its words.

A soft hyphen (Word's optional hyphen), a word joiner or a zero-width space inside a word
of a citation ("reso\u00adlution 71/19", "Art\u00adicle 35", "the Convention against
Corrup\u00adtion") hid the citation from every check: the reader saw two words. TRM014's
safe fix then removed the character, and the checks found what the citation had hidden all
along, as if the fix had brought it in; a directive typed inside a citation ("(Rev<!-- …
-->. Dubai, 2017)") did the same with SUP001's removal of it. The paragraph is now read as
a reader sees it (:class:`resolint.invisible.ReaderView`) and what it cites placed back on
its own text: the spans cover what was left out.

Every span field of the reading's types is named here (``tests/citations/test_local.py``
fails when one of those types gains a field).
"""

from __future__ import annotations

from collections.abc import Callable

from resolint.citations.articles import ArticleCandidate
from resolint.citations.internal import InternalCandidate
from resolint.citations.types import ArticleCitation, DateMention, InstrumentMention, ResolutionCitation
from resolint.invisible import ReaderView
from resolint.source import Span


def symbol_in_view(own_symbol: Span | None, view: ReaderView) -> Span | None:
    """The document's own symbol (a span of the paragraph) in ``view``'s readable text."""
    if own_symbol is None:
        return None
    return Span(view.forward(own_symbol.start), view.forward(own_symbol.end))


def placed_back(loc, view: ReaderView):
    """``loc`` (a :class:`~resolint.citations.local.Local` of ``view.text``) with its
    offsets on the paragraph's own text. (Each type's constructor is called with every
    field, as :mod:`resolint.citations.placed` does: ``dataclasses.replace`` was most of
    the cost of a long text with a comment in every paragraph.)"""
    at = view.span
    return loc._replace(
        dates=tuple(_date(d, at) for d in loc.dates),
        resolutions=tuple(_resolution(c, at) for c in loc.resolutions),
        mentions=tuple(
            InstrumentMention(at(m.span), m.text, m.instrument, m.form, m.variant_fix, m.variant_safe, m.variant_why,
                              m.in_annex, m.in_quote, m.paragraph)
            for m in loc.mentions
        ),
        unknown_conventions=tuple(view.back(x) for x in loc.unknown_conventions),
        articles=tuple(_article(a, at) for a in loc.articles),
        internal=tuple(_internal(r, at) for r in loc.internal),
    )


def _date(d: DateMention, at: Callable[[Span], Span]) -> DateMention:
    return DateMention(at(d.span), d.day, d.month, d.year, d.form, d.text)


def _resolution(c: ResolutionCitation, at: Callable[[Span], Span]) -> ResolutionCitation:
    return ResolutionCitation(
        at(c.span), c.text, c.form, c.organ, c.basis, c.number, c.session, c.year, None if c.date is None else _date(c.date, at),
        c.decision, c.symbol, c.organ_name, c.prefix, c.in_annex, c.paragraph,
    )


def _article(a: ArticleCandidate, at: Callable[[Span], Span]) -> ArticleCandidate:
    c = a.cite
    cite = ArticleCitation(
        at(c.span), at(c.word), c.number, c.instrument, c.basis, c.capitalized, c.title,
        None if c.title_span is None else at(c.title_span), c.in_annex, c.paragraph, c.ranged,
    )
    return ArticleCandidate(cite, a.pending, a.after_the_convention)


def _internal(r: InternalCandidate, at: Callable[[Span], Span]) -> InternalCandidate:
    span = at(Span(r.start, r.end))
    return InternalCandidate(span.start, span.end, r.number, r.sub, r.direction)
