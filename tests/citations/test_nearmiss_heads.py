"""near_misses looks only at the paragraphs holding a head word: found on the text lowered
once, it must be the paragraphs that hold one in any case, paragraph by paragraph."""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint.citations.nearmiss import HEAD_WORDS, _ranges_with_heads

HEADS = tuple(sorted(HEAD_WORDS))
PIECES = st.sampled_from(["Convention", "CONVENTION", "conven", "tion", "Charter", "İ", "ΣΑΣ ", " ", "\n\n", "the ", "Treaty", "x"])


def _paragraph_by_paragraph(text, ranges):
    return {n for n, (s, e) in enumerate(ranges) if any(h in text[s:e].lower() for h in HEADS)}


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.lists(st.integers(0, 200), max_size=12))
@example("a Convention b", [0, 3, 3, 14])  # a head word across a paragraph's end
@example("İ Convention", [0, 12])  # lowering lengthens the text
def test_same_paragraphs_as_paragraph_by_paragraph(text, cuts):
    cuts = sorted(min(c, len(text)) for c in cuts)
    ranges = list(zip(cuts[::2], cuts[1::2], strict=False))
    assert _ranges_with_heads(text, ranges, HEADS) == _paragraph_by_paragraph(text, ranges)


def test_ranges_out_of_order_are_still_read():
    text = "Convention x Charter"
    assert _ranges_with_heads(text, [(13, 20), (0, 10)], HEADS) == {0, 1}
