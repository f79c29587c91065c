"""Articles cited ("article 41", "articles 3 to 5 of the Convention") and the instrument each
belongs to.
"""

from __future__ import annotations

import re

from resolint.citations import patterns as P
from resolint.citations.refdata import instrument_by_key
from resolint.citations.scan import _matches_at
from resolint.citations.types import (
    ArticleCitation,
)
from resolint.source import Span


def _title_after(ptext: str, base: int, end: int) -> tuple[str, Span | None, int]:
    """An article's title after its number ("article 5 (Jurisdiction)"), and where it ends."""
    tm = P.ARTICLE_TITLE.match(ptext, end)
    if not tm:
        return "", None, end
    title = tm.group("title").strip()
    return title, Span(base + tm.start("title"), base + tm.start("title") + len(title)), tm.end()


def _instrument_of(ptext: str, base: int, at: int, art_start: int, starts, pmentions, last_convention):
    """The instrument after "of" ("article 5 of the Convention …"): (instrument, basis)."""
    rest = ptext[at : at + 40]
    if at in starts:
        return starts[at].instrument, "of"
    if rest.startswith("Charter") and not rest.startswith("Charter of the") or rest.startswith("Charter of the United Nations"):
        return instrument_by_key("charter"), "of"
    if rest.startswith("Convention") and not re.match(r"Convention\s+(?:on|against|for|of|relating|concerning)\b", rest):
        conv = next((x for x in reversed([mm for mm in pmentions if mm.span.start - base < art_start]) if x.instrument.kind == "convention"), None)
        conv = conv or last_convention
        return (conv.instrument, "convention") if conv is not None else (None, "")
    return None, "other"


def _instrument_near(ptext: str, base: int, art_start: int, p, pmentions, earlier, last_convention):
    """Without "of": the instrument named before it in this or the previous paragraph, or
    the convention "the Convention" means: (instrument, basis)."""
    before = [mm for mm in pmentions if mm.span.start - base < art_start]
    prev_par = []
    for mm in reversed(earlier):  # only the previous paragraph's, newest first: no quadratic scan
        if mm.paragraph is None or mm.paragraph.index < p.index - 1:
            break
        prev_par.insert(0, mm)
    cands = before or prev_par
    if cands:
        return cands[-1].instrument, "near"
    if P.THE_CONVENTION.search(ptext, 0, art_start) and last_convention is not None:
        return last_convention.instrument, "context"
    return None, ""


def _articles(ptext, base, p, annex, pmentions, earlier, last_convention) -> list[ArticleCitation]:
    out = []
    starts = {m.span.start - base: m for m in pmentions}
    for m in _matches_at(P.ARTICLE, ptext, ("rticle",), (1,)):
        if m.start() and (ptext[m.start() - 1].isalnum() or ptext[m.start() - 1] in "-_"):
            continue
        num = int(m.group("num"))
        title, title_span, end = _title_after(ptext, base, m.end())
        om = P.ARTICLE_OF.match(ptext, end)
        if om:
            inst, basis = _instrument_of(ptext, base, om.end(), m.start(), starts, pmentions, last_convention)
        else:
            inst, basis = _instrument_near(ptext, base, m.start(), p, pmentions, earlier, last_convention)
        out.append(
            ArticleCitation(
                Span(base + m.start(), base + m.start("num") + len(m.group("num"))),
                Span(base + m.start("word"), base + m.end("word")), num, inst, basis,
                m.group("word") == "Article", title, title_span, annex, p,
            )
        )
    return out
