"""The words of a paragraph that the near-miss scan can read: those around its head words.

:func:`resolint.citations.nearmiss.near_misses` cuts its windows from the words of a
paragraph that holds a head word ("Convention"), and read every word of it: a paragraph
with one "Convention" in its middle had all its words cut out as regex matches, a third
of the scan's cost on the corpus. A window, and every word the scan looks at around a
head word, lies within ``before`` words before it and ``after`` words after it (the most
words a registered name has before and after its own head word, and one more), so only
those words around the first and the last head word are needed.

They are cut as ``WORD.finditer(text, start, end)`` cuts them: a word is a run of
characters that words hold, from its first letter or digit; such a run never spans a
character that no word holds, so after such a character (and at the range's start) the
words found from there are the range's own, and before one (and at the range's end) no
word is cut short. The stretch read starts and ends at such places, and is widened until
it holds enough words on each side or reaches the range's ends.
``tests/citations/test_nearmiss_words.py`` checks that on random texts.
"""

from __future__ import annotations

import bisect
import re

#: A character no word holds (``nearmiss.WORD`` holds letters, digits, "'", "’", "." and "-").
_OUTSIDE = re.compile(r"[^A-Za-z0-9'’.\-]")
#: Characters read first on each side for each word wanted (twice as many at each widening).
_CHARS_A_WORD = 8


def _start(m: re.Match[str]) -> int:
    return m.start()


def words_around(word: re.Pattern[str], text: str, start: int, end: int, first: int, last: int, before: int, after: int) -> list[re.Match[str]]:
    """The matches of ``word`` (``nearmiss.WORD``) in ``text[start:end]`` from the
    ``before``-th word before the first one that starts at or after ``first`` to the
    ``after``-th after the first one that starts at or after ``last`` (``first <= last``),
    or to the range's ends: in order, each as ``word.finditer(text, start, end)`` cuts
    it (the module docstring)."""
    chars = _CHARS_A_WORD
    while True:
        lo = first - chars * (before + 1)
        if lo <= start:
            lo = start
        else:  # after the first character no word holds, from lo - 1 on
            m = _OUTSIDE.search(text, lo - 1, end)
            lo = end if m is None else m.end()
        hi = last + chars * (after + 1)
        if hi >= end:
            hi = end
        else:  # at the first character no word holds, from hi on
            m = _OUTSIDE.search(text, hi, end)
            hi = end if m is None else m.start()
        words = list(word.finditer(text, lo, hi)) if lo < hi else []
        enough_before = lo == start or bisect.bisect_left(words, first, key=_start) >= before
        if enough_before and (hi == end or len(words) - 1 - bisect.bisect_left(words, last, key=_start) >= after):
            return words
        chars *= 2
