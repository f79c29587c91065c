"""CIT011: "paragraph 2 above" written in paragraph 2 itself passed: the target's start
was compared with the citing paragraph's, and a paragraph is neither above nor below
itself (a left-over number after the paragraphs were renumbered)."""

from __future__ import annotations

import pytest

from resolint.engine import lint

TEXT = (
    "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n"
    "1. Decides to establish a working group;\n\n2. Requests a report on {ref};\n\n"
    "3. Decides to remain seized of the matter.\n"
)


def _cit011(ref: str) -> list[tuple[str, str]]:
    text = TEXT.format(ref=ref)
    return [(text[f.span.start : f.span.end], f.message) for f in lint(text).findings if f.code == "CIT011"]


@pytest.mark.parametrize("ref, direction", [("paragraph 2 above", "above"), ("paragraph 2 below", "below")])
def test_a_paragraph_that_points_at_itself_is_reported(ref, direction):
    assert _cit011(ref) == [(ref, f"Paragraph 2 is this paragraph, not {direction} it")]


@pytest.mark.parametrize("ref", ["paragraph 1 above", "paragraph 3 below", "paragraph 2 of the present resolution"])
def test_another_paragraph_or_no_direction_passes(ref):
    assert _cit011(ref) == []


def test_a_sub_paragraph_of_a_missing_paragraph_names_the_paragraph():
    """ "paragraph 4 (b) below" with no paragraph 4 was "Paragraph 4 has no subparagraph (b)"."""
    assert _cit011("paragraph 4 (b) below") == [("paragraph 4 (b) below", "There is no operative paragraph 4 in this text")]
    assert _cit011("paragraph 1 (b) above") == [("paragraph 1 (b) above", "Paragraph 1 has no subparagraph (b)")]
