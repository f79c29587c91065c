"""TRM010 looks up the word at a paragraph's head instead of running a large regex: the
lookup must find exactly what the regex (``capitalized_regex``) finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resolint_rules.trm.spelling import capitalized_regex, spelling_table, word_at

VARIANT = "oxford"
TABLE, _ = spelling_table(VARIANT)
WORDS = sorted(TABLE)


def _case(word: str, how: int) -> str:
    return (word, word.upper(), word.capitalize(), word.swapcase())[how % 4]


pieces = st.one_of(
    st.builds(_case, st.sampled_from(WORDS), st.integers(0, 3)),
    st.sampled_from([" ", "-", "_", ",", "ſ", "\u212a", "é", "İ", "s", "ing", "1", "\t", "*"]),
    st.text(max_size=4),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(pieces, max_size=6), st.integers(0, 30), st.integers(0, 80))
def test_lookup_finds_what_the_regex_finds(parts, pos, width):
    text = "".join(parts)
    pos = min(pos, len(text))
    endpos = min(len(text), pos + width)
    expected = capitalized_regex(VARIANT).match(text, pos, endpos)
    got = word_at(text, pos, endpos, TABLE, VARIANT)
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert (got.start(), got.end(), got.group(0)) == (expected.start(), expected.end(), expected.group(0))


def test_examples():
    assert word_at("Organise the work", 0, 17, TABLE, VARIANT).group(0) == "Organise"
    assert word_at("Organised-ish work", 0, 18, TABLE, VARIANT) is None  # a longer word
    assert word_at("Recognizes", 0, 10, TABLE, VARIANT) is None  # already Oxford
