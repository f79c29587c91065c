"""Articles cited ("article 41", "articles 3 to 5 of the Convention") and the instrument each
belongs to.
"""

from __future__ import annotations

import re

from resolint.citations import patterns as P
from resolint.citations.scan import _matches_at
from resolint.citations.types import (
    ArticleCitation,
)
from resolint.source import Span


def _articles(ptext, base, p, annex, pmentions, earlier, last_convention) -> list[ArticleCitation]:
    out = []
    starts = {m.span.start - base: m for m in pmentions}
    for m in _matches_at(P.ARTICLE, ptext, ("rticle",), (1,)):
        if m.start() and (ptext[m.start() - 1].isalnum() or ptext[m.start() - 1] in "-_"):
            continue
        num = int(m.group("num"))
        end = m.end()
        inst, basis = None, ""
        title, title_span = "", None
        tm = P.ARTICLE_TITLE.match(ptext, end)
        if tm:
            title = tm.group("title").strip()
            title_span = Span(base + tm.start("title"), base + tm.start("title") + len(title))
            end = tm.end()
        om = P.ARTICLE_OF.match(ptext, end)
        if om:
            at = om.end()
            rest = ptext[at : at + 40]
            if at in starts:
                inst, basis = starts[at].instrument, "of"
            elif rest.startswith("Charter") and not rest.startswith("Charter of the") or rest.startswith("Charter of the United Nations"):
                from resolint.citations.refdata import instrument_by_key

                inst, basis = instrument_by_key("charter"), "of"
            elif rest.startswith("Convention") and not re.match(r"Convention\s+(?:on|against|for|of|relating|concerning)\b", rest):
                conv = next((x for x in reversed([mm for mm in pmentions if mm.span.start - base < m.start()]) if x.instrument.kind == "convention"), None)
                conv = conv or last_convention
                if conv is not None:
                    inst, basis = conv.instrument, "convention"
            else:
                basis = "other"
        if basis == "" and not om:
            before = [mm for mm in pmentions if mm.span.start - base < m.start()]
            prev_par = []
            for mm in reversed(earlier):  # only the previous paragraph's, newest first: no quadratic scan
                if mm.paragraph is None or mm.paragraph.index < p.index - 1:
                    break
                prev_par.insert(0, mm)
            cands = before or prev_par
            if cands:
                inst, basis = cands[-1].instrument, "near"
            elif P.THE_CONVENTION.search(ptext, 0, m.start()) and last_convention is not None:
                inst, basis = last_convention.instrument, "context"
        out.append(
            ArticleCitation(
                Span(base + m.start(), base + m.start("num") + len(m.group("num"))),
                Span(base + m.start("word"), base + m.end("word")), num, inst, basis,
                m.group("word") == "Article", title, title_span, annex, p,
            )
        )
    return out
