"""TRM010's literal scan finds exactly the whole words a word-boundary regex finds."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from resolint_rules.trm.spelling import _ISE, covering_literals, lowercase_word_matches, spelling_table

TABLE, LITERALS = spelling_table("oxford")
OTHERS = sorted(w for w in TABLE if not _ISE.search(w))
#: The reference: any listed word with no word character or hyphen before it, and no
#: letter, digit or hyphen after it (an underscore after it is Markdown emphasis, and so
#: are underscores before it that follow no word: "_favor costs_"; its group "w").
REFERENCE = re.compile(r"(?<![\w-])_*(?P<w>" + "|".join(map(re.escape, sorted(OTHERS, key=len, reverse=True))) + r")(?![^\W_]|-)")

#: A lone surrogate (a broken Word file) sends the scan to its literal-by-literal search; a
#: character outside the BMP is four bytes in UTF-8 and one code point in the offsets.
pieces = st.sampled_from(OTHERS + ["pro", "para", "me", "ter", "-", "_", " ", ",", "2", "é", "Favor", "programme", "\n", "\ud800", "\U0001d538"])


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=30))
def test_scan_agrees_with_the_reference_regex(parts):
    text = "".join(parts)
    got = [(w.start(), w.end()) for w in lowercase_word_matches(text, TABLE, LITERALS)]
    want = [m.span("w") for m in REFERENCE.finditer(text)]
    assert got == want


def test_every_listed_word_contains_a_covering_literal():
    assert all(any(lit in w for lit in LITERALS) for w in OTHERS)
    assert covering_literals(["favor", "favors", "unfavorable", "meter"]) == ("favor", "meter")


def test_words_inside_longer_words_are_not_reported():
    text = "the programme, a parameter, the center-left, co-operation and favor."
    assert [w.group() for w in lowercase_word_matches(text, TABLE, LITERALS)] == ["co-operation", "favor"]
