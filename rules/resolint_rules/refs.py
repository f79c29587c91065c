"""Helpers for the citation and terminology rules (CIT, TRM) and the title-block checks.

Rules read the citations extracted once per document (``ctx.facts.citations``, see
:mod:`resolint.facts`); these helpers add what several rules share: the house
term for a concept (configuration over style), the paragraphs whose words are the
drafter's own (not an annex, not a quotation), and the document's own facts.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from typing import Any

from resolint.citations import CitationSet
from resolint.lazyre import lazy
from resolint.model import Paragraph
from resolint.rule import RuleContext
from resolint.source import Span, SpanList, word_after, word_before


def citations(ctx: RuleContext) -> CitationSet:
    return ctx.facts.citations


def term(ctx: RuleContext, key: str, default: Any = None) -> Any:
    """A house term: the organization's ``[terms]`` first, then the style's ``[terms]``."""
    own = ctx.resolution.terms or {}
    if key in own:
        return own[key]
    return ctx.style.get(f"terms.{key}", default)


def own_paragraphs(ctx: RuleContext) -> list[Paragraph]:
    """Paragraphs in the drafter's own words: not an annex (often a treaty), not a directive."""
    return ctx.facts.own_paragraphs


def quote_spans(ctx: RuleContext) -> list[Span]:
    """Quotations in the text ("…" or “…”), where wording is someone else's."""
    return ctx.facts.quotes


def in_spans(offset: int, spans: list[Span]) -> bool:
    """Whether ``offset`` lies in one of ``spans``: by bisection for a document's lists
    (:class:`~resolint.source.SpanList`: the quotations, the titles), else one by one."""
    if isinstance(spans, SpanList):
        return spans.holds(offset)
    return any(s.start <= offset < s.end for s in spans)


def instrument_spans(ctx: RuleContext) -> list[Span]:
    """Where official titles stand: their spelling is the title's own."""
    return ctx.facts.instrument_spans


def is_own(c: Any) -> bool:
    """A citation in the drafter's own text (not in an annex)."""
    return not getattr(c, "in_annex", False)


def paragraph_at(ctx: RuleContext, offset: int) -> Paragraph | None:
    """The paragraph containing ``offset`` (None between paragraphs)."""
    return ctx.facts.paragraph_at(offset)


def own_text_matches(ctx: RuleContext, regex: re.Pattern[str], skip_quotes: bool = True):
    """Matches of ``regex`` in the drafter's own paragraphs, outside quotations.

    One pass of the regex over the whole text (not one per paragraph), then a bisect to
    find each match's paragraph: the per-paragraph loop cost more than the matching.
    """
    return own_matches(ctx, regex.finditer(ctx.text), skip_quotes)


class TextMatch:
    """A match found without a regex, read as one (``start()``, ``end()``, ``group()``) by
    :func:`own_matches` and the rules: a word found from its ending (TRM010), a percentage
    found from its sign (TRM016). ``data`` carries what the finder knew of it."""

    __slots__ = ("_s", "_e", "_w", "data")

    def __init__(self, s: int, e: int, w: str = "", data: Any = None) -> None:
        self._s, self._e, self._w, self.data = s, e, w, data

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self, _i: int = 0) -> str:
        return self._w


def own_matches(ctx: RuleContext, matches, skip_quotes: bool = True):
    """(paragraph, match) for the matches (anything with ``start()``/``end()``, in order
    of position) that lie in the drafter's own paragraphs, outside quotations."""
    quotes = quote_spans(ctx) if skip_quotes else []
    qstarts = [q.start for q in quotes]
    for m in matches:
        p = paragraph_at(ctx, m.start())
        if p is None or not p.own or m.end() > p.span.end:
            continue
        if quotes:
            i = bisect.bisect_right(qstarts, m.start()) - 1
            if i >= 0 and m.start() < quotes[i].end:
                continue
        yield p, m


def own_literals(ctx: RuleContext, literals: tuple[str, ...], skip_quotes: bool = True):
    """(paragraph, start, end, literal) for whole-word occurrences of fixed strings.

    A search for literals runs at memory speed; a regex that starts with ``\\b`` or a
    lookbehind is tried at every position of the text instead. The occurrences come from
    :meth:`~resolint.facts.Analysis.literals_starts`, all the forms at once (after a
    keystroke, the language server searches only around the edit).
    """
    text = ctx.text
    quotes = quote_spans(ctx) if skip_quotes else []
    hits = []
    written = _as_written(literals, literal_gaps(ctx))
    starts = ctx.facts.literals_starts(tuple(found for _, found in written))
    for lit, found in written:
        end = 0
        for pos in starts[found]:
            if pos < end:
                continue  # inside the last one taken: found left to right, not overlapping
            end = pos + len(found)
            if not (word_before(text, pos) or word_after(text, end)):
                p = paragraph_at(ctx, pos)
                if p is not None and p.own and not (quotes and in_spans(pos, quotes)):
                    hits.append((p, pos, end, lit))
    hits.sort(key=lambda h: h[1])
    return hits


def paragraph_literals(ctx: RuleContext, p: Paragraph, literals: tuple[str, ...]):
    """:func:`own_literals` in the one paragraph ``p`` (one of the drafter's own): (p,
    start, end, literal) for each whole-word occurrence that ends in it, outside
    quotations. For a local rule, which reads a paragraph from its own text: its start
    and end are the ends of a word, whatever stands around it. The ways a space may be
    written (:func:`_line_break_gaps`, :func:`_other_gaps`) are the document's: a local
    rule that calls this names them in its ``document_key`` (:func:`literal_gaps`)."""
    text, lo, hi = ctx.text, p.span.start, p.span.end
    quotes = None  # (asked for only when a word is found: most paragraphs asked hold none)
    hits = []
    for lit, found in _written(literals, literal_gaps(ctx)):
        pos = text.find(found, lo, hi)
        while pos >= 0:
            end = pos + len(found)
            if not ((pos > lo and word_before(text, pos)) or (end < hi and word_after(text, end))):
                if quotes is None:
                    quotes = quote_spans(ctx)
                if not (quotes and in_spans(pos, quotes)):
                    hits.append((p, pos, end, lit))
            pos = text.find(found, end, hi)
    if len(hits) > 1:
        hits.sort(key=lambda h: h[1])
    return hits


@functools.lru_cache(maxsize=64)
def _written(literals: tuple[str, ...], gaps: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """:func:`_as_written`, kept: :func:`paragraph_literals` asks it for every paragraph."""
    return tuple(_as_written(literals, gaps))


def literal_forms(ctx: RuleContext, literals: tuple[str, ...]) -> tuple[str, ...]:
    """Each of ``literals`` as it may stand in the text (see :func:`_as_written`): what to
    search for to find the paragraphs :func:`paragraph_literals` may find them in."""
    return tuple(found for _, found in _as_written(literals, literal_gaps(ctx)))


def literal_gaps(ctx: RuleContext) -> tuple[str, ...]:
    """What the text puts between two words of a fixed string besides one space (see
    :func:`_as_written`): the same for the whole document, worked out once a lint."""
    return ctx.facts.derived(_line_break_gaps) + ctx.facts.derived(_other_gaps)


#: A line break and the indentation of the line after it (a hanging indent).
_INDENTED_BREAK = lazy(r"\n([ \t]{1,12})(?=\S)")
#: How many of the text's line breaks tell its indentation (the first ones: a draft
#: indents its wrapped lines alike).
_BREAKS_SAMPLED = 200


def _line_break_gaps(facts) -> tuple[str, ...]:
    """How the text's wrapped paragraphs break a line between two words: a line break,
    and in a draft wrapped with a hanging indent, a line break and that indentation (the
    three most used among its first line breaks); with a carriage return where the text
    has them. None when no paragraph was wrapped. Asked once a lint."""
    if not facts.resolution.wrapped:
        return ()
    text = facts.text
    breaks = ["\n"]
    # Where a line break is followed by a space or a tab (with the language server's
    # memo, searched again only near the last edit), the indentation of the first ones.
    starts = sorted(facts.first_literal_starts("\n ", _BREAKS_SAMPLED) + facts.first_literal_starts("\n\t", _BREAKS_SAMPLED))
    if starts:
        sampled = Counter(m.group(1) for pos in starts[:_BREAKS_SAMPLED] if (m := _INDENTED_BREAK.match(text, pos)))
        breaks += ["\n" + indent for indent, _ in sampled.most_common(3)]
    if "\r" in text:
        breaks = [b for br in breaks for b in (br, "\r" + br)] + ["\r"]
    return tuple(breaks)


def _other_gaps(facts) -> tuple[str, ...]:
    """The spaces besides one space and a line break that the text puts between words: a
    no-break space (a word processor's, a web page's). Asked once a lint (each rule that
    searches for fixed strings of several words reads it); after a keystroke the language
    server searches only near the edit. (Not two spaces, a typist's: a search of every
    text for them was 0.7% of a corpus run, for a term written so now and then.)"""
    return ("\u00a0",) if facts.has_literal("\u00a0") else ()


def _as_written(literals: tuple[str, ...], gaps: tuple[str, ...]) -> list[tuple[str, str]]:
    """(literal, as it may stand in the text) for each literal, and for each literal of
    several words also with each of ``gaps`` for one of its spaces: a draft wrapped at a
    margin cuts "Secretary General" into "Secretary" / "General" (a line break), a word
    processor or a web page writes "Secretary\u00a0General" (a no-break space)."""
    out = [(lit, lit) for lit in literals]
    for lit in literals:
        words = lit.split(" ")
        out += [(lit, " ".join(words[:k]) + gap + " ".join(words[k:])) for k in range(1, len(words)) for gap in gaps]
    return out
