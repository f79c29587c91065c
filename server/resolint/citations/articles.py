"""Articles cited ("article 41", "articles 3 to 5 of the Convention") and the instrument each
belongs to.
"""

from __future__ import annotations

import bisect
import re

from resolint.citations import patterns as P
from resolint.citations.refdata import instrument_by_key
from resolint.citations.scan import _matches_at
from resolint.citations.types import (
    ArticleCitation,
)
from resolint.source import Span, word_before


def _title_after(ptext: str, base: int, end: int) -> tuple[str, Span | None, int]:
    """An article's title after its number ("article 5 (Jurisdiction)"), and where it ends."""
    tm = P.ARTICLE_TITLE.match(ptext, end)
    if not tm:
        return "", None, end
    title = tm.group("title").strip()
    return title, Span(base + tm.start("title"), base + tm.start("title") + len(title)), tm.end()


class _Lookback:
    """What an article looks back at, found once per paragraph, not once per article
    ("article 5" repeated 10,000 times in one paragraph was quadratic): the mentions
    before a point by bisection, the nearest earlier convention from a running index,
    the previous paragraph's newest mention and the first "the Convention"."""

    def __init__(self, ptext: str, base: int, p, pmentions, earlier) -> None:
        self.base = base
        self.ordered = sorted(pmentions, key=lambda mm: mm.span.start)
        self.starts = [mm.span.start - base for mm in self.ordered]
        self.last_conv: list = []
        for mm in self.ordered:
            self.last_conv.append(mm if mm.instrument.kind == "convention" else (self.last_conv[-1] if self.last_conv else None))
        newest = earlier[-1] if earlier else None
        near = newest is not None and newest.paragraph is not None and newest.paragraph.index >= p.index - 1
        self.prev_par = [newest] if near else []
        the_conv = P.THE_CONVENTION.search(ptext)
        self.first_the_conv_end = the_conv.end() if the_conv else None

    def convention_before(self, at: int):
        k = bisect.bisect_left(self.starts, at)
        return self.last_conv[k - 1] if k else None

    def mention_before(self, at: int) -> list:
        k = bisect.bisect_left(self.starts, at)
        return self.ordered[k - 1 : k]  # the nearest mention before the point, if any


def _instrument_of(ptext: str, at: int, art_start: int, starts, look: _Lookback, last_convention):
    """The instrument after "of" ("article 5 of the Convention …"): (instrument, basis)."""
    rest = ptext[at : at + 40]
    if at in starts:
        return starts[at].instrument, "of"
    if rest.startswith("Charter") and not rest.startswith("Charter of the") or rest.startswith("Charter of the United Nations"):
        return instrument_by_key("charter"), "of"
    if rest.startswith("Convention") and not re.match(r"Convention\s+(?:on|against|for|of|relating|concerning)\b", rest):
        conv = look.convention_before(art_start) or last_convention
        return (conv.instrument, "convention") if conv is not None else (None, "")
    return None, "other"


def _instrument_near(art_start: int, look: _Lookback, last_convention):
    """Without "of": the instrument named before it in this or the previous paragraph, or
    the convention "the Convention" means: (instrument, basis)."""
    cands = look.mention_before(art_start) or look.prev_par
    if cands:
        return cands[-1].instrument, "near"
    if look.first_the_conv_end is not None and look.first_the_conv_end <= art_start and last_convention is not None:
        return last_convention.instrument, "context"
    return None, ""


def _articles(ptext, base, p, annex, pmentions, earlier, last_convention) -> list[ArticleCitation]:
    out = []
    starts = {m.span.start - base: m for m in pmentions}
    look = _Lookback(ptext, base, p, pmentions, earlier)
    for m in _matches_at(P.ARTICLE, ptext, ("rticle",), (1,)):
        if word_before(ptext, m.start()):
            continue
        num = int(m.group("num"))
        title, title_span, end = _title_after(ptext, base, m.end())
        om = P.ARTICLE_OF.match(ptext, end)
        if om:
            inst, basis = _instrument_of(ptext, om.end(), m.start(), starts, look, last_convention)
        else:
            inst, basis = _instrument_near(m.start(), look, last_convention)
        out.append(
            ArticleCitation(
                Span(base + m.start(), base + m.start("num") + len(m.group("num"))),
                Span(base + m.start("word"), base + m.end("word")), num, inst, basis,
                m.group("word") == "Article", title, title_span, annex, p,
            )
        )
    return out
