"""near_misses looks only at the paragraphs holding a head word that starts with a capital
(the only ones it examines): found by one scan of the text, they must include every
paragraph where near_misses would examine a head word, and skipping the others must not
change what it finds."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint.citations import nearmiss
from resolint.citations.nearmiss import _WORD, HEAD_WORDS, _ranges_with_heads, near_misses
from resolint.citations.refdata import builtin_instruments

HEADS = tuple(sorted(HEAD_WORDS))
PIECES = st.sampled_from(
    ["Convention", "CONVENTION", "CoNvEnTiOn", "convention", "conven", "tion", "Charter", "İ", "ΣΑΣ ", " ", "\n\n", "the ",
     "Treaty", "x", "United Nations ", "UN ", "against Corruption", "on the Rights of a Child", "Covenant"]
)


def _ranges(text, cuts):
    """Ranges cut at thousandths of the text's length."""
    cuts = sorted(c * len(text) // 1000 for c in cuts)
    return list(zip(cuts[::2], cuts[1::2], strict=False))


def _examined(text, ranges):
    """The ranges holding a word near_misses examines: a head word with a capital."""
    return {
        n
        for n, (s, e) in enumerate(ranges)
        if any(w.group(0).lower() in HEAD_WORDS and w.group(0)[0].isupper() for w in _WORD.finditer(text, s, e))
    }


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.lists(st.integers(0, 1000), max_size=12))
@example("a Convention b", [0, 215, 215, 1000])  # a head word across a paragraph's end
@example("İ Convention", [0, 1000])  # lowering lengthens the text
@example("CoNvEnTiOn x", [0, 1000])
def test_every_paragraph_with_a_capitalized_head_word_is_found(text, cuts):
    ranges = _ranges(text, cuts)
    assert _examined(text, ranges) <= _ranges_with_heads(text, ranges, HEADS)


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.lists(st.integers(0, 1000), max_size=12))
def test_skipping_the_other_paragraphs_changes_no_near_miss(text, cuts):
    ranges, instruments = _ranges(text, cuts), builtin_instruments()
    found = near_misses(text, ranges, instruments, [])
    everything = nearmiss._ranges_with_heads
    nearmiss._ranges_with_heads = lambda text, ranges, heads: set(range(len(ranges)))
    try:
        assert near_misses(text, ranges, instruments, []) == found
    finally:
        nearmiss._ranges_with_heads = everything


def test_lower_case_head_words_are_not_looked_at():
    text = "the convention x Convention y CONVENTION z"
    assert _ranges_with_heads(text, [(0, 14), (15, 27), (28, 40)], HEADS) == {1, 2}


def test_ranges_out_of_order_are_still_read():
    text = "Convention x Charter"
    assert _ranges_with_heads(text, [(13, 20), (0, 10)], HEADS) == {0, 1}


def test_a_capitalized_head_word_is_still_examined():
    text = "Recalling the UN Convention against Corruption,\n\nnoting the CONVENTION ON THE RIGHTS OF A CHILD,"
    ranges = [(0, 47), (49, len(text))]
    # The case of a name does not count ("a Child" for "the Child" does).
    found = [nm.text for nm in near_misses(text, ranges, builtin_instruments(), [])]
    assert found == ["UN Convention against Corruption", "CONVENTION ON THE RIGHTS OF A CHILD"]
