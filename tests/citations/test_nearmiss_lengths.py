"""nearmiss._ratio answers 0 without calling rapidfuzz when the lengths of the two texts
are too far apart to reach THRESHOLD: it must answer what rapidfuzz answers, and
near_misses must find what it finds with every window compared by rapidfuzz."""

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from resolint.citations import nearmiss
from resolint.citations.nearmiss import THRESHOLD, _ratio, near_misses, normalize
from resolint.citations.refdata import builtin_instruments

INSTRUMENTS = builtin_instruments()
NAMES = sorted({n for inst in INSTRUMENTS for n in inst.names() if len(n.split()) >= 3})
WORDS = ["the", "of", "on", "a", "United", "Nations", "UN", "Rights", "Convention", "Charter", "Children", "against", "x"]


@st.composite
def changed_names(draw):
    """A registered name with words dropped, doubled or added and letters changed or
    dropped: texts around the lengths where the ratio crosses THRESHOLD."""
    words = draw(st.sampled_from(NAMES)).split()
    for _ in range(draw(st.integers(0, 3))):
        k = draw(st.integers(0, len(words) - 1))
        change = draw(st.sampled_from(["drop", "double", "add", "letter", "cut"]))
        if change == "drop" and len(words) > 1:
            del words[k]
        elif change == "double":
            words.insert(k, words[k])
        elif change == "add":
            words.insert(k, draw(st.sampled_from(WORDS)))
        elif change == "letter":
            j = draw(st.integers(0, len(words[k]) - 1))
            words[k] = words[k][:j] + draw(st.sampled_from("aeiouxs")) + words[k][j + 1 :]
        elif change == "cut" and len(words[k]) > 1:
            words[k] = words[k][:-1]
    return " ".join(words)


@settings(max_examples=500, deadline=None)
@given(changed_names(), st.sampled_from(NAMES))
def test_the_ratio_is_rapidfuzz_s(written, name):
    a, b = normalize(written), normalize(name)
    assert _ratio(a, b) == fuzz.ratio(a, b, score_cutoff=THRESHOLD)
    assert _ratio(b, a) == fuzz.ratio(b, a, score_cutoff=THRESHOLD)


def test_the_lengths_where_the_ratio_may_reach_the_threshold():
    # 9 and 11 characters: 100 * (1 - 2/20) = 90, reached when one holds the other.
    assert _ratio("abcdefghi", "abcdefghijk") == 90
    assert _ratio("abcdefghijk", "abcdefghi") == 90
    # 9 and 12: at most 100 * (1 - 3/21), under 90.
    assert _ratio("abcdefghi", "abcdefghijkl") == 0


@settings(max_examples=150, deadline=None)
@given(st.lists(changed_names(), min_size=1, max_size=4), st.sampled_from(["Recalling the ", "Noting ", "", "the "]))
def test_near_misses_are_those_every_comparison_finds(names, lead):
    text = "".join(f"{lead}{n}, and\n\n" for n in names)
    ranges, start = [], 0
    for line in text.split("\n\n")[:-1]:
        ranges.append((start, start + len(line)))
        start += len(line) + 2
    found = near_misses(text, ranges, INSTRUMENTS, [])
    shortcut = nearmiss._ratio
    nearmiss._ratio = lambda a, b: fuzz.ratio(a, b, score_cutoff=THRESHOLD)
    try:
        assert near_misses(text, ranges, INSTRUMENTS, []) == found
    finally:
        nearmiss._ratio = shortcut
