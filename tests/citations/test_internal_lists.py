"""CIT011: a list of the text's own paragraphs ("paragraphs 1 and 7 above", "paragraphs
1 to 5 of the present resolution") was read as "paragraphs 1" alone, without its
direction, so a missing paragraph 7 or 5 passed. Each number of the list is now a
reference with the list's direction."""

from __future__ import annotations

import pytest

from resolint.engine import lint

TEXT = (
    "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n"
    "1. Decides to establish a working group;\n\n2. Requests a report;\n\n3. Requests also a report on {ref};\n\n"
    "4. Decides to remain seized of the matter.\n"
)


def _cit011(ref: str) -> list[tuple[str, str]]:
    text = TEXT.format(ref=ref)
    return [(text[f.span.start : f.span.end], f.message) for f in lint(text).findings if f.code == "CIT011"]


@pytest.mark.parametrize("ref, span, message", [
    ("paragraphs 1 and 7 above", "7", "There is no operative paragraph 7 in this text"),
    ("paragraphs 1, 2 and 9 above", "9", "There is no operative paragraph 9 in this text"),
    ("paragraphs 1 to 6 of the present resolution", "6", "There is no operative paragraph 6 in this text"),
    ("paragraphs 1 and paragraph 8 above", "paragraph 8", "There is no operative paragraph 8 in this text"),
    ("paragraphs 1 and 4 above", "4", "Paragraph 4 is below this paragraph, not above"),
])
def test_each_number_of_a_list_is_checked(ref, span, message):
    assert _cit011(ref) == [(span, message)]


@pytest.mark.parametrize("ref", [
    "paragraphs 1 and 2 above",
    "paragraphs 1 to 4 of the present resolution",
    "paragraphs 1 and 7 of resolution 70/1",  # another text's paragraphs
    "paragraphs 1 and 7",  # no direction: not checked, as a single bare number
])
def test_a_right_list_or_another_texts_passes(ref):
    assert _cit011(ref) == []
