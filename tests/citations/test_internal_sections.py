"""An internal reference in a resolution whose sections are each numbered from 1 (an
omnibus resolution: "I" / "1. … 2. …" / "II" / "1. … 2. …") points to its own section's
paragraph, for CIT011 and for go to definition alike. CIT011 used to take the part's
first paragraph of that number (section I's), so "paragraph 3 below" in section II was
reported as pointing up while go to definition jumped down to section II's paragraph 3."""

from __future__ import annotations

import pytest

from resolint.config import Settings
from resolint.engine import lint
from resolint.lsp import definition
from resolint.lsp.settings import EditorSettings, ProjectSettings
from resolint.lsp.state import build_state

OMNIBUS = (
    "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n"
    "I\n\nFirst matter\n\n1. Takes note of the first report;\n\n2. Requests a study;\n\n"
    "3. Decides to keep the first matter under review;\n\n"
    "II\n\nSecond matter\n\n1. Takes note of the second report;\n\n"
    "2. Requests a report on the matters in paragraph 3 below;\n\n"
    "3. Decides to consider paragraph 2 above and paragraph 1 above at its next session;\n\n"
    "4. Decides also to revisit the matter.\n"
)


def _state(text: str):
    return build_state("file:///d.txt", 1, text, None, ProjectSettings(Settings(), None), EditorSettings(), None, "utf-16")


def _cit011(text: str) -> list[str]:
    return [text[f.span.start : f.span.end] for f in lint(text).findings if f.code == "CIT011"]


def test_references_within_a_section_point_to_its_own_paragraphs():
    assert _cit011(OMNIBUS) == []


@pytest.mark.parametrize("ref, start", [
    ("paragraph 3 below", "3. Decides to consider"),
    ("paragraph 2 above", "2. Requests a report"),
    ("paragraph 1 above", "1. Takes note of the second"),
])
def test_lint_and_go_to_definition_name_one_paragraph(ref, start):
    refs = {OMNIBUS[r.span.start : r.span.end]: r for r in lint(OMNIBUS).facts.citations.internal}
    assert OMNIBUS[refs[ref].target.span.start :].startswith(start)
    jump = definition.target(_state(OMNIBUS), OMNIBUS.index(ref) + len("paragraph "))
    assert jump is not None and jump.span == refs[ref].target.span


def test_a_number_its_section_lacks_is_the_parts_first():
    text = OMNIBUS.replace("revisit the matter", "revisit paragraph 5 below")
    assert _cit011(text) == ["paragraph 5 below"]  # no section has a paragraph 5
    assert definition.target(_state(text), text.index("paragraph 5") + len("paragraph ")) is None
