"""A paragraph's footnote references are looked for in its last word only
(resolint.parser.labels.before_note_reference): the same answer as a search of its last
80 characters, since a reference holds no white space (of any kind ``str.split`` and
``\\s`` know: a no-break space, a thin space, a file separator)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.parser import labels
from resolint.parser.labels import before_note_reference

ALPHABET = "ab:,;.()[]^0129¹²³ \t\n\u00a0\u2009\x1c"


def _searched_in_80(text: str, start: int, end: int) -> int:
    """The function as it was written before: its last 80 characters searched."""
    if end > start and text[end - 1] == ">":
        end = labels.before_trailing_comments(text, start, end)
    if end <= start or text[end - 1] not in labels._REFERENCE_ENDS:
        return end
    if text[end - 1] in "])":
        noted = end
        while (tag := labels._NEGOTIATION_TAG.search(text, max(start, noted - 160), noted)) is not None \
                and labels._words_before(text, start, tag.start()):
            noted = tag.start()
        if noted < end or text[end - 1] == ")":
            return noted
    lo = max(start, end - 80)
    m = labels._NOTE_REFERENCES.search(text, lo, end) or labels._PLAIN_NOTE_REFERENCES.search(text, lo, end)
    return m.start() if m is not None and m.start() > start else end


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120), st.integers(0, 10), st.sampled_from("1¹])9"))
def test_the_last_word_gives_what_the_last_80_characters_give(text, start, last):
    text = "Recalling the report" + text + last
    start = min(start, len(text) - 1)
    assert before_note_reference(text, start, len(text)) == _searched_in_80(text, start, len(text))


def test_references_after_a_mark_are_found_in_the_last_word():
    for text, before in [("the Crimes,¹", "the Crimes,"), ("the Crimes,[^1]", "the Crimes,"), ("UNISPACE+50,1", "UNISPACE+50,"),
                         ("purposes;1,2", "purposes;"), ("the Assembly:3", "the Assembly:"), ("a text\u00a0,¹²", "a text\u00a0,")]:
        assert text[: before_note_reference(text, 0, len(text))] == before, text
    # "1,000" is a number; a colon after a space is no word's ("the Assembly :3")
    assert before_note_reference("costs 1,000", 0, 11) == 11
    assert before_note_reference("the Assembly :3", 0, 15) == 15
