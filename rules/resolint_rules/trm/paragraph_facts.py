"""What a paragraph-local terminology rule reads beyond its paragraph's own text.

TRM010 (spelling), TRM011 (a year run into a word) and TRM018 (an organ's name in the
wrong case) look at one paragraph at a time, so the language server keeps their
violations per paragraph between edits (:mod:`resolint.incremental`). Two things they
read are not the paragraph's text:

- spans found over the whole document — quotations, official titles of instruments —
  which they consult to skip a word. :func:`spans_in` gives the ones that overlap a
  paragraph, gathered once per document (one bisect per span), and :func:`relative`
  turns them into a cache-key part;
- a few characters on either side of a match, which near the paragraph's edge lie
  outside it.

:func:`paragraph_keys` puts both in one cache-key part per paragraph, or a key that never
matches again when the character before the paragraph continues a word (the parser never
starts a paragraph inside a word, but a rule must stay exact if it did): such a paragraph
is then checked afresh at every lint. The three rules declare themselves local and keyed
so by deriving from :class:`TermKeyedRule`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from resolint.facts import Analysis
from resolint.model import Paragraph
from resolint.rule import Rule, RuleContext
from resolint.source import WORD_JOINERS, Span


def _by_paragraph(facts: Analysis, spans: list[Span]) -> dict[int, list[Span]]:
    """Paragraph index -> the ``spans`` that overlap that paragraph, in their order."""
    paras = facts.resolution.paragraphs
    starts = [p.span.start for p in paras]
    out: dict[int, list[Span]] = {}
    for s in spans:
        i = max(0, bisect.bisect_right(starts, s.start) - 1)
        while i < len(paras) and paras[i].span.start < s.end:
            if paras[i].span.end > s.start:
                out.setdefault(paras[i].index, []).append(s)
            i += 1
    return out


def _quotes(facts: Analysis) -> dict[int, list[Span]]:
    return _by_paragraph(facts, facts.quotes)


def _titles(facts: Analysis) -> dict[int, list[Span]]:
    return _by_paragraph(facts, facts.instrument_spans)




#: The span lists :func:`spans_in` knows: quotations, official titles of instruments.
SPANS: dict[str, Callable[[Analysis], dict[int, list[Span]]]] = {"quotes": _quotes, "titles": _titles}


def spans_in(ctx: RuleContext, kind: str, p: Paragraph) -> list[Span]:
    """The ``kind`` spans (see :data:`SPANS`) that overlap ``p``."""
    return ctx.facts.derived(SPANS[kind]).get(p.index, [])


def relative(spans: list[Span], p: Paragraph) -> tuple[tuple[int, int], ...]:
    """``spans`` cut to ``p`` and counted from its start: what a test of an offset inside
    ``p`` against them depends on."""
    lo, hi = p.span.start, p.span.end
    return tuple((max(s.start, lo) - lo, min(s.end, hi) - lo) for s in spans)


def paragraph_keys(facts: Analysis, before: int, after: int, continues: Callable[[str], bool], spans: tuple[str, ...]) -> list[object]:
    """By paragraph index, what a local rule reads outside the paragraph's text, for every
    paragraph of the document at once (a rule's ``paragraph_key`` is then one lookup; the
    language server asks it of every paragraph after every edit). A list, not a dict: a
    paragraph's index is its place in the resolution's list, and the server pairs a list
    over every paragraph with the paragraphs' numbers in one ``zip``.

    That is the ``before`` characters before the paragraph, the ``after`` characters after
    it and the ``spans`` lists (names of :data:`SPANS`) :func:`relative` to it — or a key
    equal to no other when the character before the paragraph ``continues`` a match that
    starts before it (the rule then reads further back than ``before``)."""
    lists = [facts.derived(SPANS[name]) for name in spans]
    marked = set().union(*lists)
    paras = facts.resolution.paragraphs
    # The characters around each paragraph in bulk, kept by the language server from the
    # last lint where the edit did not reach them (resolint.facts.ends); then the few
    # paragraphs that need more one by one.
    ends = facts.paragraph_ends(before, after, continues)
    out: list[object] = list(ends.pairs)  # (a copy: the pairs are kept for the next lint)
    unique = ends.going_on
    for i in unique | marked:  # (a paragraph's index is its place in the list)
        p = paras[i]
        if i in unique:
            out[i] = object()
        else:
            out[i] = (*out[i], *(relative(by_paragraph.get(i, []), p) for by_paragraph in lists))  # type: ignore[misc]
    return out


def term_keys(facts: Analysis) -> list[object]:
    """The cache-key part of both TRM010 and TRM011, by paragraph index: one pass over the
    document for the two rules, each keyed by a little more than it reads (the nine
    characters before a paragraph and the eight after it, where TRM010 reads one; the
    official titles in it, which only TRM010 consults), which costs a cache miss now and
    then but never a wrong hit."""
    return paragraph_keys(facts, 9, 8, continues_word, ("quotes", "titles"))


class TermKeyedRule(Rule):
    """A paragraph-local rule keyed by :func:`term_keys`: what TRM010, TRM011 and TRM018
    read beyond a paragraph's text lies within those keys (the characters next to the
    paragraph, its quotations and titles), so the language server keeps each paragraph's
    violations between edits, and the three share one computation of the keys per lint.
    A rule that reads more than that must not use it (a stale finding would be kept)."""

    local = True

    def paragraph_keys(self, ctx: RuleContext):
        return ctx.facts.derived(term_keys)


def continues_word(c: str) -> bool:
    """Whether a word (or a year: digits are word characters) that reaches ``c`` goes on,
    as ``word_before`` reads it."""
    return c.isalnum() or c in WORD_JOINERS
