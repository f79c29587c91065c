"""The literal-first scans of :mod:`resolint.literals` find what the plain regex scans find."""

from __future__ import annotations

import re

import pytest
from ahocorasick_rs import AhoCorasick, MatchKind
from hypothesis import example, given, settings
from hypothesis import strategies as st

from resolint.citations.instruments import _convention_starts
from resolint.citations.patterns import ANY_CONVENTION, QUOTE, QUOTE_OPENERS
from resolint.directives import OPEN, find_directives
from resolint.facts.abbreviations import DEFINITION
from resolint.literals import (
    ascii_digits_only,
    automaton,
    each_starts,
    find_all,
    find_all_again,
    find_indexes,
    find_matches_again,
    first_of,
    matches_at,
    non_ascii,
    starts_of,
)
from resolint_rules.cit.conference_place_year import CONFERENCE_CITATION
from resolint_rules.doc.ordinal_suffix import _SUFFIXED, suffixed_starts
from resolint_rules.opr.operative_numbering_sequence import _REF_TAIL, REF_HEAD
from resolint_rules.trm.number_glued_to_word import _YEAR, year_scan
from resolint_rules.trm.organization_term import _compiled as _term_pattern


def _spans(matches):
    return [(m.start(), m.end(), m.group(0)) for m in matches]


QUOTE_PIECES = st.sampled_from(['"', "“", "”", "a", " ", "\n", "’", "😀", '""', "“x”"])


@settings(max_examples=300, deadline=None)
@given(st.lists(QUOTE_PIECES, max_size=40).map("".join))
@example('"a" "b"')
@example('“a "b” c"')  # a quotation mark inside another quotation
def test_quotations_are_what_the_regex_finds(text):
    assert _spans(matches_at(QUOTE, text, starts_of(text, QUOTE_OPENERS))) == _spans(QUOTE.finditer(text))


CITATION_PIECES = st.sampled_from(
    ["Resolution", "Resolutions", "resolution", " ", "12", "3A", ", ", " and ", "(", ")", "Rev. ", "Dubai", "Kyoto", ", 2018", "of the ",
     "WTSA", "x", "\n", "Resolution 5 (Kyoto, 1994)", "Resolution"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(CITATION_PIECES, max_size=30).map("".join))
@example("xResolution 5 (Kyoto, 1994)")  # the \b before "Resolution" sees the character before it
@example("Resolution 5 (Kyoto, 1994) Resolution 6 (Dubai, 2018)")
def test_conference_citations_are_what_the_regex_finds(text):
    found = matches_at(CONFERENCE_CITATION, text, find_all(text, "Resolution"))
    assert _spans(found) == _spans(CONFERENCE_CITATION.finditer(text))


def test_find_all_finds_overlapping_occurrences_within_bounds():
    assert find_all("aaaa", "aa") == [0, 1, 2]
    assert find_all("aaaa", "aa", 1, 3) == [1]
    assert starts_of("abcab", ("ab", "b", "ab")) == [0, 1, 3, 4]


LITERALS = st.lists(st.sampled_from(["UN", "United", "Nations", "N", "a", "Convention", "’", "😀x", "nit"]), min_size=1, max_size=5).map(tuple)
TEXT = st.lists(st.sampled_from(["UN", "United Nations", " ", "a", "Convention", "’", "😀", "x", "\ud800", "nit"]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT, LITERALS)
@example("United", ("U", "United"))  # the first listed wins, as in a regex alternation
@example("a\ud800United", ("United",))  # a lone surrogate: the regex reads it
def test_first_of_is_the_regex_alternation(text, literals):
    rx = re.compile("|".join(re.escape(w) for w in literals))
    expected = [(m.start(), literals.index(m.group(0))) for m in rx.finditer(text)]
    assert first_of(text, literals) == expected


@settings(max_examples=300, deadline=None)
@given(TEXT, LITERALS)
@example("aaaa", ("aa", "a"))  # overlapping occurrences, of one literal and of two
@example("a\ud800UN", ("UN", "N"))  # a lone surrogate: searched per literal
def test_each_starts_is_find_all_of_each_literal(text, literals):
    assert each_starts(text, literals) == {lit: find_all(text, lit) for lit in literals}


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=3), LITERALS, st.booleans(), st.booleans())
@example(["é’\u0800😀UN"], ("UN", "’"), False, True)  # characters of two, three and four bytes before a match
@example(["United Nations", "’United"], ("United",), True, False)  # an ASCII text, then another
@example(["é United Nations " * 300, "’UN " * 1200 + "😀United"], ("United", "UN"), False, True)  # long texts, whose bytes are kept
def test_find_indexes_is_the_str_search_of_ahocorasick_rs(texts, literals, leftmost_first, overlapping):
    """The search of the text's UTF-8 bytes gives what ahocorasick-rs's own search of the
    ``str`` gives, offsets in characters; for several texts asked in turn (the last one's
    bytes are kept), and the error of a lone surrogate."""
    overlapping = overlapping and not leftmost_first  # (only the standard kind reports overlaps)
    kind = MatchKind.LeftmostFirst if leftmost_first else MatchKind.Standard
    literals = tuple(dict.fromkeys(literals))
    for text in texts + texts[::-1]:
        try:
            expected = AhoCorasick(list(literals), matchkind=kind).find_matches_as_indexes(text, overlapping=overlapping)
        except UnicodeEncodeError:
            with pytest.raises(UnicodeEncodeError):
                find_indexes(automaton(literals, leftmost_first), text, overlapping)
            continue
        assert list(find_indexes(automaton(literals, leftmost_first), text, overlapping)) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("a1 ’é😀\ud800٣߃०１")))
@example("Arabic-Indic ٣ and ASCII 3")
def test_ascii_digits_only_is_whether_every_digit_is_ascii(text):
    assert ascii_digits_only(text) == all(c in "0123456789" for c in re.findall(r"\d", text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("a1 ’é😀\ud800٣Рο\x7f\x80")), min_size=1, max_size=3))
def test_non_ascii_is_the_characters_beyond_ascii_of_each_text_asked(texts):
    """Asked about several texts in turn, each answer is its own (the last one is kept)."""
    for text in texts + texts[::-1]:
        assert non_ascii(text) == "".join(c for c in text if ord(c) > 127)


DIGIT_TEXT = st.lists(st.sampled_from(["1", "2", "0", "8", "9", "19", "20", "18", "st", "nd", "RD", "th", "St", "nD", "TH", "x", " ", "٣", "’", "and", "\ud800"]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(DIGIT_TEXT)
@example("192019and 1st ٣rd")
@example("1St 2nd 3RD 4tH 5TH")
def test_year_and_ordinal_scans_are_what_the_regexes_find(text):
    assert _spans(year_scan(text)) == _spans(_YEAR.finditer(text))
    assert suffixed_starts(text) == [m.start() for m in _SUFFIXED.finditer(text)]


def test_the_ordinal_scan_searches_lower_case_literals(monkeypatch):
    """Its literals in one case, found in any (``ascii_case``): a search of both cases'
    eighty took four times as long."""
    import resolint_rules.doc.ordinal_suffix as ordinal

    asked = []
    real = ordinal.automaton

    def recorded(literals, leftmost_first=False):
        asked.append(literals)
        return real(literals, leftmost_first)

    monkeypatch.setattr(ordinal, "automaton", recorded)
    assert suffixed_starts("the 93rd and 1ST, not 2Nd") == [5, 13]  # the digit before each suffix
    assert asked and all(lit.islower() for literals in asked for lit in literals)


CONVENTION_PIECES = st.sampled_from(
    ["Convention", " ", "\u2003", "\n", "Paris", "paris", "P", "on", " on ", "the ", "The", "é", "Xy", "against", "relating to ", "A", ","]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(CONVENTION_PIECES, max_size=25).map("".join))
@example("Paris Convention on the Law")
@example("Convention Convention for the Y")
@example("Éparis\u2003Convention")
def test_named_conventions_are_what_the_regex_finds(text):
    assert _spans(matches_at(ANY_CONVENTION, text, _convention_starts(text))) == _spans(ANY_CONVENTION.finditer(text))



PIECES = st.sampled_from(["ab", "a", "b", "aba", " ", "\n", "😀", "this resolution", "This"])
EDITS = st.lists(st.tuples(st.integers(0, 400), st.integers(0, 6), st.lists(PIECES, max_size=3).map("".join)), min_size=1, max_size=6)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join), EDITS, st.sampled_from(["a", "ab", "aba", "b a", "😀", "this resolution", "s"]))
def test_occurrences_found_again_around_an_edit_are_those_of_a_full_search(text, edits, literal):
    """:func:`find_all_again` (what the language server's cache answers after each
    edit) equals :func:`find_all` of the new text, edit after edit; the cache itself
    (LintCache.literal_starts) too, asked with texts equal to the last but other objects."""
    from resolint.incremental import LintCache
    from resolint.textdiff import changed_ends

    cache = LintCache()
    found = cache.literal_starts(text, literal)
    for at, cut, put in edits:
        at = min(at, len(text))
        new = text[:at] + put + text[at + cut :]
        again = find_all_again(found, text, new, literal, *changed_ends(text, new))
        assert again == find_all(new, literal)
        cache.next_round()
        assert cache.literal_starts(new, literal) == again
        assert cache.literal_starts((new + "x")[:-1], literal) == again  # an equal text, another object
        text, found = new, again


#: Patterns whose matches are at most so long and read nothing outside themselves: what
#: find_matches_again serves. Some alternations have one branch the prefix of another, or
#: a match may start inside another's reach, as finditer's jumps must be kept.
BOUNDED = [
    ("a", 1), ("ab", 2), ("aba", 3), ("ab|b", 2), ("b|ab", 2), ("ab|abc", 3), ("abc|ab", 3), ("a[ab]b", 3),
    ("(?:ab){1,3}", 6), ("a{1,4}", 4), ("(?:aa|a)b?", 3), ("T(?i:reaty)", 6), ("C(?i:harter|onvention|ovenant)", 10),
]
MATCH_PIECES = st.sampled_from(["a", "b", "ab", "aba", " ", "\n", "😀", "Treaty", "TREATY", "TTreaty", "Convention", "CHARTER", "c"])
MATCH_EDITS = st.lists(
    st.tuples(st.integers(0, 300), st.integers(0, 8), st.lists(MATCH_PIECES, max_size=3).map("".join)), min_size=1, max_size=6
)


@settings(max_examples=500, deadline=None)
@given(st.lists(MATCH_PIECES, max_size=50).map("".join), MATCH_EDITS, st.sampled_from(BOUNDED))
@example("abab", [(0, 1, "")], ("aba", 3))  # the edit ends inside a match the last scan jumped over
@example("TreatyTreaty", [(6, 0, "x")], ("T(?i:reaty)", 6))  # typed where one match ends and the next begins
@example("xabc", [(0, 1, "y")], ("abc|ab", 3))  # a match starts where the shared suffix does: not cut short
def test_matches_found_again_around_an_edit_are_those_of_a_full_scan(text, edits, bounded):
    """:func:`find_matches_again` (the language server's cache, LintCache.pattern_spans)
    gives the spans of ``finditer`` over the new text, edit after edit."""
    from resolint.incremental import LintCache
    from resolint.textdiff import changed_ends

    pattern, width = re.compile(bounded[0]), bounded[1]
    cache = LintCache()
    found = cache.pattern_spans(text, pattern, width)
    for at, cut, put in edits:
        at = min(at, len(text))
        new = text[:at] + put + text[at + cut :]
        again = find_matches_again(pattern, width, found, text, new, *changed_ends(text, new))
        assert again == [m.span() for m in pattern.finditer(new)]
        cache.next_round()
        assert cache.pattern_spans(new, pattern, width) == again
        assert cache.pattern_spans((new + "x")[:-1], pattern, width) == again  # an equal text, another object
        text, found = new, again


REFERENCE_PIECES = st.sampled_from(
    ["paragraph", "Paragraph", "paragraphs", "aragraph", " ", "3", "12", " and ", ", ", " to ", " above", " below",
     " of the present resolution", "\n", "x", "😀"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(REFERENCE_PIECES, max_size=30).map("".join))
@example("paragraphparagraph 3 above")
@example("paragraphs 3 and paragraph 4 above")
def test_internal_references_tried_where_their_literal_stands_are_what_the_regex_finds(text):
    assert _REF_TAIL.pattern.startswith(REF_HEAD)
    got = _spans(matches_at(_REF_TAIL, text, find_all(text, REF_HEAD)))
    assert got == _spans(_REF_TAIL.finditer(text))


DEFINITION_PIECES = st.sampled_from(["(", ")", "UNODC", "Un", "XXX", "A", "aB", "B&C", " ", "Office on Drugs", "((", "x", "😀"])


@settings(max_examples=300, deadline=None)
@given(st.lists(DEFINITION_PIECES, max_size=30).map("".join))
@example("(UN(UNODC)")  # a parenthesis opened inside another candidate
def test_definitions_tried_where_a_parenthesis_opens_are_what_the_regex_finds(text):
    assert _spans(matches_at(DEFINITION, text, find_all(text, "("))) == _spans(DEFINITION.finditer(text))


DIRECTIVE_PIECES = st.sampled_from(
    ["<!--", "-->", " resolint: ", "ignore", "[PRE002]", "disable TRM", "<!-- resolint: enable -->", "RESOLINT:", " -- why", "\n", "x", "<"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(DIRECTIVE_PIECES, max_size=30).map("".join), st.integers(0, 60), st.integers(0, 60))
@example("<!-- resolint: ignore <!-- resolint: enable -->", 0, 60)  # an unclosed comment before a directive
def test_directives_read_from_where_comments_open_are_those_of_a_scan(text, start, length):
    end = min(len(text), start + length)
    assert find_directives(text, start, end, opens=find_all(text, OPEN)) == find_directives(text, start, end)


TERM_PAIRS = st.sampled_from([
    (("Interpol", "INTERPOL"),),
    (("ab", "X"), ("abc", "Y"), ("b", "Z")),  # one term the prefix of another, one inside another
    (("national central office", "National Central Bureau"), ("office", "Office")),
])
TERM_PIECES = st.sampled_from(["Interpol", "Interpols", "-", "x", " ", "ab", "abc", "b", "national central office", "office", "é", "_", "\n"])


@settings(max_examples=300, deadline=None)
@given(TERM_PAIRS, st.lists(TERM_PIECES, max_size=30).map("".join))
@example((("ab", "X"), ("abc", "Y"), ("b", "Z")), "abc- ab b")
def test_house_terms_tried_where_they_start_are_what_the_regex_finds(pairs, text):
    """TRM012's pattern opens with a lookbehind (tried at every position by a scan): tried
    only where a wrong term starts, it finds the same matches."""
    regex = _term_pattern(pairs)
    starts = sorted({pos for wrong, _ in pairs for pos in find_all(text, wrong)})
    assert _spans(matches_at(regex, text, starts)) == _spans(regex.finditer(text))
