"""Articles cited ("article 41", "articles 3 to 5 of the Convention") and the instrument each
belongs to.
"""

from __future__ import annotations

import bisect
import re

from resolint.citations import patterns as P
from resolint.citations.article_lists import ArticleList, article_lists
from resolint.citations.refdata import instrument_by_key
from resolint.citations.scan import _matches_at
from resolint.citations.types import (
    ArticleCitation,
)
from resolint.records import record
from resolint.source import Span, word_before


def _title_after(ptext: str, base: int, end: int) -> tuple[str, Span | None, int]:
    """An article's title after its number ("article 5 (Jurisdiction)"), and where it ends."""
    tm = P.ARTICLE_TITLE.match(ptext, end) or P.ARTICLE_TITLE_IN_BRACKETS.match(ptext, end)
    if not tm:
        return "", None, end
    title = tm.group("title").strip()
    return title, Span(base + tm.start("title"), base + tm.start("title") + len(title)), tm.end()


class _Lookback:
    """What an article looks back at in its own paragraph, found once per paragraph, not
    once per article ("article 5" repeated 10,000 times in one paragraph was quadratic):
    the mentions before a point by bisection, the nearest earlier convention from a
    running index, and the first "the Convention"."""

    def __init__(self, ptext: str, pmentions) -> None:
        self.ordered = sorted(pmentions, key=lambda mm: mm.span.start)
        self.starts = [mm.span.start for mm in self.ordered]
        self.last_conv: list = []
        for mm in self.ordered:
            self.last_conv.append(mm if mm.instrument.kind == "convention" else (self.last_conv[-1] if self.last_conv else None))
        the_conv = P.THE_CONVENTION.search(ptext)
        self.first_the_conv_end = the_conv.end() if the_conv else None

    def convention_before(self, at: int):
        k = bisect.bisect_left(self.starts, at)
        return self.last_conv[k - 1] if k else None

    def kind_before(self, kind: str, at: int):
        """The nearest instrument of ``kind`` named before ``at`` in the paragraph, when
        it is the only one of its kind named there (else None: "the Covenant" after both
        Covenants is either)."""
        k = bisect.bisect_left(self.starts, at)
        named = [mm for mm in self.ordered[:k] if mm.instrument.kind == kind]
        return named[-1] if named and len({mm.instrument.key for mm in named}) == 1 else None

    def mention_before(self, at: int) -> list:
        k = bisect.bisect_left(self.starts, at)
        return self.ordered[k - 1 : k]  # the nearest mention before the point, if any


#: What an article's instrument waits for when its paragraph does not say it: the
#: convention "the Convention" means there, or (no "of") the previous paragraph's last
#: mention. :func:`resolve_article` settles it while the document is walked in order.
CONVENTION, NEAR = "convention", "near"


@record(frozen=True, slots=True)
class ArticleCandidate:
    """An article as its paragraph alone tells it (spans relative to the paragraph)."""

    cite: ArticleCitation
    pending: str = ""  # "", CONVENTION or NEAR
    after_the_convention: bool = False  # "the Convention" stands before it in the paragraph


def _instrument_of(ptext: str, at: int, art_start: int, starts, look: _Lookback):
    """The instrument after "of" ("article 5 of the Convention …"): (instrument, basis, pending)."""
    rest = ptext[at : at + 40]
    if at in starts:
        return starts[at].instrument, "of", ""
    if rest.startswith("Charter") and not rest.startswith("Charter of the") or rest.startswith("Charter of the United Nations"):
        return instrument_by_key("charter"), "of", ""
    if rest.startswith("Convention") and not re.match(r"Convention\s+(?:on|against|for|of|relating|concerning)\b", rest):
        conv = look.convention_before(art_start)
        return (conv.instrument, "convention", "") if conv is not None else (None, "", CONVENTION)
    short = P.SHORT_REFERENCE.match(rest)
    if short is not None:
        kind = short.group(1).lower()
        named = look.kind_before(kind, art_start)
        return (named.instrument, "convention", "") if named is not None else (None, "", kind)
    return None, "other", ""



#: An instrument's name the reference data does not hold ("the Vienna Convention on the Law
#: of Treaties", "the Rome Statute of the International Criminal Court"): an article after
#: it ("in particular article 60 thereof", "(article 70)") is that one's.
_OTHER_INSTRUMENT = re.compile(r"\b[A-Z][\w'’-]*\s+(?:Convention|Statute|Protocol|Covenant|Treaty|Agreement)\b")
#: How far before an article "thereof" looks for that name.
_NEAR_CHARS = 300


def _instrument_near(ptext: str, art_start: int, look: _Lookback):
    """Without "of": the instrument named before it in the paragraph: (instrument, basis,
    pending); none when another instrument's name, one the data does not hold, stands
    between ("the Convention on Cybercrime and the Vienna Convention on the Law of
    Treaties, in particular article 60 thereof": not article 60 of the first)."""
    cands = look.mention_before(art_start)
    lo = max(cands[-1].span.end if cands else 0, art_start - _NEAR_CHARS)
    if _OTHER_INSTRUMENT.search(ptext, lo, art_start):
        return None, "", ""
    if cands:
        return cands[-1].instrument, "near", ""
    return None, "", NEAR


#: "and" or "or" and another article right after one: "article 499 bis and article 500 bis
#: of the Penal Code".
_AND_ANOTHER = re.compile(r",?\s+(?:and|or)\s+(?=[Aa]rticle\s)")


def _of_after_the_next(ptext: str, end: int) -> re.Match[str] | None:
    """The "of" after the article that follows the one ending at ``end`` with "and" or
    "or" between: it names both articles' instrument ("article 499 bis and article 500
    bis of the Penal Code" are both the code's, not those of a treaty named before)."""
    a = _AND_ANOTHER.match(ptext, end)
    nxt = None if a is None else P.ARTICLE.match(ptext, a.end())
    return None if nxt is None else P.ARTICLE_OF.match(ptext, nxt.end())


def article_candidates(ptext: str, annex: bool, pmentions) -> tuple[ArticleCandidate, ...]:
    """The articles of one paragraph (``pmentions``: its instruments), spans relative to it."""
    out = []
    starts = {m.span.start: m for m in pmentions}
    look = _Lookback(ptext, pmentions)
    for m in _matches_at(P.ARTICLE, ptext, ("rticle",), (1,)):
        if word_before(ptext, m.start()):
            continue
        num = int(m.group("num"))
        title, title_span, end = _title_after(ptext, 0, m.end())
        om = P.ARTICLE_OF.match(ptext, end) or _of_after_the_next(ptext, end)
        if om:
            inst, basis, pending = _instrument_of(ptext, om.end(), m.start(), starts, look)
        else:
            inst, basis, pending = _instrument_near(ptext, m.start(), look)
        cite = ArticleCitation(
            Span(m.start(), m.start("num") + len(m.group("num"))), Span(m.start("word"), m.end("word")), num, inst, basis,
            m.group("word") == "Article", title, title_span, annex, None,
        )
        after = look.first_the_conv_end is not None and look.first_the_conv_end <= m.start()
        out.append(ArticleCandidate(cite, pending, after))
    if "rticles" in ptext:
        for found in article_lists(ptext):
            out.extend(_listed(ptext, annex, found, starts, look))
        out.sort(key=lambda a: a.cite.span.start)
    return tuple(out)


def _listed(ptext: str, annex: bool, found: ArticleList, starts, look: _Lookback) -> list[ArticleCandidate]:
    """The items of a list ("articles 3, 5 and 99 of the Convention"), each an article
    whose instrument is the list's, found as the single form finds it."""
    at = found.word.start
    om = P.ARTICLE_OF.match(ptext, found.end)
    if om:
        inst, basis, pending = _instrument_of(ptext, om.end(), at, starts, look)
    else:
        inst, basis, pending = _instrument_near(ptext, at, look)
    after = look.first_the_conv_end is not None and look.first_the_conv_end <= at
    capital = ptext[at] == "A"
    return [
        ArticleCandidate(
            ArticleCitation(i.span, found.word, i.number, inst, basis, capital, i.title, i.title_span, annex, None, i.ranged), pending, after
        )
        for i in found.items
    ]


def resolve_article(a: ArticleCandidate, d: int, p, previous, referent, sole=None) -> ArticleCitation:
    """The article of ``a`` in paragraph ``p`` (``d``: where it starts), its instrument
    settled: ``previous`` is the last instrument named in the paragraph before (None when
    that is not the previous paragraph), ``referent`` the convention "the Convention" means,
    ``sole`` the instrument of a kind "the Covenant" or "the Treaty" means (a function of
    the kind: the one of that kind named before, or None)."""
    c = a.cite
    inst, basis = c.instrument, c.basis
    if a.pending == CONVENTION:
        inst, basis = (referent.instrument, "convention") if referent is not None else (None, "")
    elif a.pending in P.SHORT_KINDS:
        named = None if sole is None else sole(a.pending)
        inst, basis = (named.instrument, "convention") if named is not None else (None, "")
    elif a.pending == NEAR:
        if previous is not None:
            inst, basis = previous.instrument, "near"
        elif a.after_the_convention and referent is not None:
            inst, basis = referent.instrument, "context"
    title_span = None if c.title_span is None else Span(c.title_span.start + d, c.title_span.end + d)
    return ArticleCitation(
        Span(c.span.start + d, c.span.end + d), Span(c.word.start + d, c.word.end + d), c.number, inst, basis,
        c.capitalized, c.title, title_span, c.in_annex, p, c.ranged,
    )
