"""The few characters on either side of every paragraph, and which paragraphs continue a word.

A paragraph-local rule that reads a little past its paragraph's edges (TRM010 and TRM011
read a word that reaches into the paragraph before or after:
``resolint_rules.trm.paragraph_facts``) keys its cache with those characters. The
language server asks for them after every keystroke, for every paragraph: in a 1 MB draft
(1,500 paragraphs) slicing them all again was a tenth of a keystroke's rules. So
:func:`paragraph_ends` reads them from the text, and :func:`paragraph_ends_again` takes
the last lint's answer for the paragraphs the parse kept before the edit and moved after
it, slicing afresh only those whose characters reach the changed stretch
(:func:`resolint.textdiff.changed_ends`).
"""

from __future__ import annotations

from collections.abc import Callable

from resolint.model import Paragraph
from resolint.records import record


@record(frozen=True, slots=True)
class Ends:
    """What :func:`paragraph_ends` says of one text's paragraphs, by paragraph index:
    ``(before characters, after characters)`` per paragraph (the same tuple objects from
    lint to lint where they hold: comparing two lints' keys is then mostly identity), and
    the indexes of the paragraphs whose character just before continues a word."""

    text: str
    paragraphs: list[Paragraph]
    pairs: list[tuple[str, str]]
    going_on: frozenset[int]


def paragraph_ends(text: str, paras: list[Paragraph], before: int, after: int, continues: Callable[[str], bool]) -> Ends:
    """The ``before`` characters before each of ``paras`` and the ``after`` characters
    after it (fewer at the text's ends), and which paragraphs have a character just
    before them that ``continues`` (asked once per distinct character)."""
    # In bulk (comprehensions of slices): a Python loop with a call per paragraph was a
    # tenth of a keystroke's rules in a 1 MB draft. (Slices made in C's ``map``, through
    # ``str.__getitem__`` and ``slice``, took half as long again; on Python 3.11
    # map(attrgetter) is slower than the comprehensions reading the offsets.)
    heads = [text[lo - before if lo > before else 0 : lo] for lo in [p.span.start for p in paras]]
    tails = [text[hi : hi + after] for hi in [p.span.end for p in paras]]
    pairs = list(zip(heads, tails, strict=True))
    return Ends(text, paras, pairs, _going_on(heads, continues, 0))


def _going_on(heads: list[str], continues: Callable[[str], bool], base: int) -> frozenset[int]:
    """``base`` + the positions in ``heads`` whose last character ``continues``."""
    going = {c for c in {h[-1:] for h in heads} if c and continues(c)}  # (h[-1:]: the character before it)
    return frozenset(i for i, h in enumerate(heads, start=base) if h[-1:] in going) if going else frozenset()


def paragraph_ends_again(last: Ends, text: str, paras: list[Paragraph], kept: int, moved: int, shared: tuple[int, int],
                         before: int, after: int, continues: Callable[[str], bool]) -> Ends:
    """:func:`paragraph_ends` of ``text``, whose first ``kept`` paragraphs are those of
    ``last`` (the same objects, at the same offsets) and whose last ``moved`` are the last
    ``moved`` of ``last``, moved by the change in length (the parse's tail after the
    edit); ``shared``: how many characters ``last.text`` and ``text`` share at the start
    and then at the end (:func:`resolint.textdiff.changed_ends`). Of those paragraphs,
    the ones whose characters lie in a shared stretch are ``last``'s; the others, and
    the paragraphs between, are sliced from ``text``. (Offsets grow through the list:
    the paragraphs are the text's runs, in order, never overlapping.)"""
    shared_head, tail_from = shared[0], len(text) - shared[1]  # (the shared end starts at tail_from)
    h = min(kept, len(paras), len(last.paragraphs))
    while h and (paras[h - 1].span.end + after > shared_head or paras[h - 1].span.start > shared_head):
        h -= 1
    t = len(paras) - min(moved, len(paras) - h, len(last.paragraphs) - h)
    while t < len(paras) and not _in_shared_end(paras[t], before, tail_from):
        t += 1
    old_t = len(last.paragraphs) - (len(paras) - t)
    if t < len(paras) and paras[t].span.start - last.paragraphs[old_t].span.start != len(text) - len(last.text):
        t, old_t = len(paras), len(last.paragraphs)  # (not moved as said: sliced afresh)
    fresh = paragraph_ends(text, paras[h:t], before, after, continues)
    pairs = last.pairs[:h] + fresh.pairs + last.pairs[old_t:]
    shift = t - old_t
    going = {i for i in last.going_on if i < h} | {i + h for i in fresh.going_on} | {i + shift for i in last.going_on if i >= old_t}
    return Ends(text, paras, pairs, frozenset(going))


def _in_shared_end(p: Paragraph, before: int, tail_from: int) -> bool:
    """Whether the characters around ``p`` (:func:`paragraph_ends`) all lie in the stretch
    from ``tail_from`` on, which both texts end with."""
    lo = p.span.start
    return (lo - before if lo > before else 0) >= tail_from  # (and so is the paragraph: it starts there)
