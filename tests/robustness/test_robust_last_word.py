"""The paragraph's last word, read for the final mark's fix, is read back a few letters only.

``_last_word`` walked back over the whole run of letters before a paragraph's end: a
4.9 MB paragraph with no space spent 2.5 s there. It is compared only with short words
(clause-ending articles and prepositions, abbreviations) and with one letter, so it reads
one letter more than the longest of them. Counted, never timed: the text is a ``str``
that counts the characters read through it.
"""

from __future__ import annotations

from resolint_rules import punctuation
from resolint_rules.punctuation import _ABBREVIATIONS, _NEVER_LAST, _abbreviation_ends_at, _last_word


class _Counting(str):
    """A text that counts the characters read from it one by one."""

    reads = 0

    def __getitem__(self, key):
        if isinstance(key, int):
            type(self).reads += 1
        return super().__getitem__(key)


def test_a_long_run_of_letters_is_read_back_a_few_letters_only():
    longest = max(map(len, _NEVER_LAST | _ABBREVIATIONS))
    text = _Counting("x" * 100_000)
    _Counting.reads = 0
    word = _last_word(text, 0, len(text))
    assert _Counting.reads <= longest + 2
    assert len(word) > longest  # still longer than any word it is compared with


def test_the_words_compared_are_read_whole():
    for word in sorted(_NEVER_LAST | _ABBREVIATIONS):
        text = f"report of {word}"
        assert _last_word(text, 0, len(text)) == word
    assert _abbreviation_ends_at("x" * 50 + "etc", 0, 53) is False  # a run ending in "etc" is no "etc"
    assert _abbreviation_ends_at("see etc", 0, 7) is True
    assert punctuation._last_word("the U.S", 0, 7) == "S"
