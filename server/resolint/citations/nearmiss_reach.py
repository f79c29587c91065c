"""Which registered names no window around a head word can come close to, told before
any window is cut.

:mod:`resolint.citations.nearmiss` compares the windows of words around a head word
("Convention") with every registered name that shares a word with the head's neighbours.
Names share "the", "on", "of" and "for", so nearly every name with that head passed that
test: "the Convention on Biological Diversity" was compared, window by window, with the
Convention on the Rights of the Child, the Law of the Sea and the 33 words of the
Convention against Cybercrime's title. Cutting and scoring those windows was a quarter of
the near-miss scan on the corpus, for 1 name in 25 that ever came close. One comparison
of the name with the whole stretch its windows lie in (its *reach*) tells which names
none of them can come close to:

**The bound.** rapidfuzz's ratio of a window ``W`` and a name ``N`` (both normalized,
``la`` and ``lb`` characters) is ``200 L / (la + lb)``, ``L`` the length of their
longest common subsequence. A score of at least ``T`` (:data:`nearmiss.THRESHOLD`)
needs ``200 L >= T (la + lb)``; as ``L <= la``, then ``la >= T lb / (200 - T)``, and so
``L >= T lb / (200 - T)`` (for 90: nine elevenths of the name, in order).

**The reach.** Every window of the name around head word ``i`` lies between the first
word of the earliest window and the last word of the latest. Written as
:func:`written_out` writes it (every "UN" followed by "ited Nations", every "U.N." by
"United Nations", "’" as "'", lower case, blanks collapsed), the reach holds each
window, normalized as :func:`nearmiss.normalize` does it, as a subsequence: a window is
a piece of the reach; normalizing writes some "UN" and "U.N." out as "United Nations",
which the written-out reach holds at that place; lower-casing maps a character the same
way wherever it stands (the one exception, a capital sigma, whose small form depends on
the letters around it: a reach that holds one is not judged); dropping the end
punctuation drops characters; collapsing the blanks of a subsequence gives a
subsequence of the collapsed text (a run of blanks inside the window lies in a run of
blanks inside the reach, two runs in two). So ``L`` is at most the longest common
subsequence of the written-out reach and the name, and a name for which that is under
``T lb / (200 - T)`` is never within ``T`` of any of its windows: it is not compared.

``tests/citations/test_nearmiss_reach.py`` checks the subsequence on random texts and
that the scan finds with this test exactly what it finds without it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable


def may_reach(text: str, words, i: int, candidates: list[tuple], threshold: int) -> list[tuple]:
    """The ``candidates`` (``nearmiss._targets``' tuples: instrument, name, normalized name,
    word count, head position, other words) of head word ``words[i]`` that a window
    around it may resemble with a score of ``threshold`` or more, in order: those whose
    windows lie in a stretch that holds enough of the name, in order (the module
    docstring)."""
    last = len(words) - 1
    reaches: dict[tuple[int, int], str | None] = {}
    out = []
    for t in candidates:
        norm, n, pos = t[2], t[3], t[4]
        lo, first_max = max(0, i - pos - 1), min(i, i - pos + 1)  # the windows' first words
        if first_max < lo:
            continue  # no window: the name's head stands too far into it to start at the text
        hi = min(last, first_max + n)  # no window's last word is after this one
        if (lo, hi) not in reaches:
            reaches[lo, hi] = written_out(text[words[lo].start() : words[hi].end()])
        reach = reaches[lo, hi]
        least = -(-threshold * len(norm) // (200 - threshold))  # T lb / (200 - T), rounded up
        if reach is None or _common()(reach, norm, score_cutoff=least) >= least:
            out.append(t)
    return out


def written_out(stretch: str) -> str | None:
    """``stretch`` as the module docstring's reach: each "UN" and "U.N." followed by what
    normalizing may write for it, "’" as "'", lower case, blanks collapsed; None for a
    stretch with a capital sigma (lower-cased by its place in a word)."""
    if "\u03a3" in stretch:
        return None
    if "UN" in stretch:
        stretch = stretch.replace("UN", "UNited Nations")
    if "U.N." in stretch:
        stretch = stretch.replace("U.N.", "U.N.United Nations")
    return " ".join(stretch.replace("’", "'").lower().split())


@functools.cache
def _common() -> Callable[..., int]:
    """rapidfuzz's longest common subsequence (``LCSseq.similarity``), imported when first
    needed, as :func:`resolint.citations.nearmiss._scorer` imports its ratio (not with the
    module: a draft with no head word near a name never needs it)."""
    from rapidfuzz.distance import LCSseq  # lazy: see the docstring

    return LCSseq.similarity
