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

import dataclasses

from resolint.citations.articles import ArticleCandidate
from resolint.citations.internal import InternalCandidate
from resolint.citations.types import DateMention, ResolutionCitation
from resolint.invisible import ReaderView
from resolint.source import Span


def symbol_in_view(own_symbol: Span | None, view: ReaderView) -> Span | None:
    """The document's own symbol (a span of the paragraph) in ``view``'s readable text."""
    if own_symbol is None:
        return None
    return Span(view.forward(own_symbol.start), view.forward(own_symbol.end))


def placed_back(loc, view: ReaderView):
    """``loc`` (a :class:`~resolint.citations.local.Local` of ``view.text``) with its
    offsets on the paragraph's own text."""
    dates = tuple(_date(d, view) for d in loc.dates)
    return loc._replace(
        dates=dates,
        resolutions=tuple(_resolution(c, view) for c in loc.resolutions),
        mentions=tuple(dataclasses.replace(m, span=view.span(m.span)) for m in loc.mentions),
        unknown_conventions=tuple(view.back(at) for at in loc.unknown_conventions),
        articles=tuple(_article(a, view) for a in loc.articles),
        internal=tuple(_internal(r, view) for r in loc.internal),
    )


def _date(d: DateMention, view: ReaderView) -> DateMention:
    return dataclasses.replace(d, span=view.span(d.span))


def _resolution(c: ResolutionCitation, view: ReaderView) -> ResolutionCitation:
    date = None if c.date is None else _date(c.date, view)
    return dataclasses.replace(c, span=view.span(c.span), date=date)


def _article(a: ArticleCandidate, view: ReaderView) -> ArticleCandidate:
    c = a.cite
    title_span = None if c.title_span is None else view.span(c.title_span)
    cite = dataclasses.replace(c, span=view.span(c.span), word=view.span(c.word), title_span=title_span)
    return dataclasses.replace(a, cite=cite)


def _internal(r: InternalCandidate, view: ReaderView) -> InternalCandidate:
    span = view.span(Span(r.start, r.end))
    return dataclasses.replace(r, start=span.start, end=span.end)

