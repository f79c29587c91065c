"""nearmiss_words.words_around cuts only the words around a paragraph's head words: they
must be the paragraph's own words as WORD.finditer cuts the whole range, every one of
them the scan may read, and the scan must find with them what it finds with all."""

import bisect

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint.citations import nearmiss
from resolint.citations.nearmiss import WORD, near_misses
from resolint.citations.nearmiss_words import words_around
from resolint.citations.refdata import builtin_instruments

INSTRUMENTS = builtin_instruments()
PIECES = st.sampled_from(
    ["Convention", "xConvention", "the", "of", "on", "UN", "U.N.", "Rights", "Child", "a", "Treaty", "Charter", "’s", "'",
     ".", "-", "--", "...", "Non-Proliferation", "2024", "ΣΑΣ", "é", " ", " ", " ", "  ", "\n", "\n\n", ", ", "(", ")",
     "Convention on the Rights of a Child ", "UN Convention against Corruption ", "Charter of the UN "]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=80), st.data(), st.integers(1, 6), st.integers(1, 40))
@example(["a", " ", "Convention", " ", "b"], None, 1, 1)
def test_the_words_are_the_range_s_and_enough(pieces, data, before, after):
    text = "".join(pieces)
    if not text:
        return
    start, end, first, last = 0, len(text), 0, len(text) - 1
    if data is not None:
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        first = data.draw(st.integers(start, end - 1))
        last = data.draw(st.integers(first, end - 1))
    every = [m.span() for m in WORD.finditer(text, start, end)]
    got = [m.span() for m in words_around(WORD, text, start, end, first, last, before, after)]
    starts = [s for s, _ in every]
    a, b = bisect.bisect_left(starts, first), bisect.bisect_left(starts, last)
    want = every[max(0, a - before) : b + after + 1]
    # A stretch of the range's own words that holds every word wanted.
    assert got == every[every.index(got[0]) : every.index(got[0]) + len(got)] if got else want == []
    assert set(want) <= set(got)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(PIECES, min_size=1, max_size=60), min_size=1, max_size=3))
def test_the_scan_finds_what_it_finds_with_every_word(paragraphs):
    texts = ["".join(p) for p in paragraphs]
    text = "\n\n".join(texts)
    ranges, start = [], 0
    for part in texts:
        ranges.append((start, start + len(part)))
        start += len(part) + 2
    cut = nearmiss.words_around
    found = near_misses(text, ranges, INSTRUMENTS, [])
    nearmiss.words_around = lambda word, text, start, end, *_: list(word.finditer(text, start, end))
    try:
        assert near_misses(text, ranges, INSTRUMENTS, []) == found
    finally:
        nearmiss.words_around = cut


def test_a_long_paragraph_s_words_far_from_its_head_words_are_not_cut():
    filler = "the Council requests the Secretary-General to report on it, " * 40
    text = f"{filler}Recalling the Convention on the Rights of a Child, {filler}"
    at = text.index("Convention")
    every = list(WORD.finditer(text))
    words = words_around(WORD, text, 0, len(text), at, at, 4, 32)
    assert len(words) < len(every) / 5
    assert [w.group(0) for w in words if w.start() >= at][:4] == ["Convention", "on", "the", "Rights"]
    found = near_misses(text, [(0, len(text))], INSTRUMENTS, [])
    assert [m.text for m in found] == ["Convention on the Rights of a Child"]


def test_enough_words_on_each_side_whatever_their_lengths():
    # The stretch is widened by characters: each length of word, each count wanted.
    for length in range(1, 21):
        word = "w" * length
        text = f"{' '.join([word] * 30)} Convention {' '.join([word] * 50)}"
        at = text.index("Convention")
        every = [m.span() for m in WORD.finditer(text)]
        i = [s for s, _ in every].index(at)
        for before in range(1, 7):
            for after in (1, 2, 5, 31, 32, 40):
                got = [m.span() for m in words_around(WORD, text, 0, len(text), at, at, before, after)]
                assert set(every[i - before : i + after + 1]) <= set(got), (length, before, after)
                assert got == every[every.index(got[0]) : every.index(got[0]) + len(got)]


def test_a_word_with_an_apostrophe_is_not_cut_at_it():
    # Words longer than the characters first read for them: the stretch starts inside one.
    first, second = f"{'A' * 30}’s", f"{'B' * 30}'s"
    text = f"{'x ' * 10}{first} {second} Convention"
    at = text.index("Convention")
    got = [m.group(0) for m in words_around(WORD, text, 0, len(text), at, at, 2, 1)]
    assert got[-3:] == [first, second, "Convention"]


class _Reads(list):
    """The words, each read checked to lie within ``allowed`` (indexes)."""

    def __init__(self, items, allowed):
        super().__init__(items)
        self.allowed = allowed

    def __getitem__(self, k):
        assert isinstance(k, int) and self.allowed[0] <= k <= self.allowed[1], (k, self.allowed)
        return super().__getitem__(k)


def test_the_scan_reads_no_word_past_the_extent():
    # The name with the most words before its head word (3: "Council of Europe
    # Convention on Cybercrime") and the one with the most after it (31: the Convention
    # against Cybercrime's whole title), with words enough around them.
    filler = " ".join(["word"] * 40)
    text = (f"{filler} Recalling the Council of Europe Convention on Cybercrime and the United Nations "
            f"Convention against Cybercrime, {filler}")

    def read_only_around(word, text, start, end, first, last, before, after):
        every = list(word.finditer(text, start, end))
        starts = [m.start() for m in every]
        return _Reads(every, (bisect.bisect_left(starts, first) - before, bisect.bisect_left(starts, last) + after))

    cut, heads = nearmiss.words_around, nearmiss._head_words
    nearmiss.words_around = read_only_around
    nearmiss._head_words = lambda words, hits, targets: heads(list(words), hits, targets)  # (its bisection reads anywhere)
    try:
        near_misses(text, [(0, len(text))], INSTRUMENTS, [])
    finally:
        nearmiss.words_around, nearmiss._head_words = cut, heads
