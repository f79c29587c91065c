"""OPR001 leaves the rest of a sentence a PDF broke after a full stop unnumbered.

A top-level paragraph starting in lower case with no opener the style lists ("leaders,
while ensuring …") is no clause: reported as unnumbered, but no fix numbers it. A lower-case
paragraph with a listed opener, and an item under "… to:", are still numbered."""

from __future__ import annotations

from resolint.engine import lint


def test_a_lower_case_fragment_is_not_numbered_by_a_fix():
    """"(a) … and religious." / "leaders, while ensuring …;" / "2. …": the fragment is
    reported as unnumbered, but its fix wrote "2. leaders, …" (in the corpus, under
    --unsafe-fixes, "40. leaders"): no clause starts with such a word."""
    text = (
        "The Security Council,\n\nRecalling its resolution 2709 (2023),\n\n"
        "1. Decides that the Mission shall have the following tasks:\n\n"
        "(a) To provide good offices, working with local bodies and religious.\n\n"
        "leaders, while ensuring the full participation of women;\n\n3. Decides to remain seized of the matter.\n"
    )
    # (numbered 3 after it, as after the fix loop's renumbering: the number 2 fits the gap)
    opr1 = [f for f in lint(text, path="draft.txt").findings if f.code == "OPR001"]
    assert len(opr1) == 1 and opr1[0].fix is None


def test_an_unnumbered_clause_with_a_listed_opener_in_lower_case_is_still_numbered():
    text = "The General Assembly,\n\nNoting the report,\n\n1. Decides to act;\n\nrequests the Secretary-General to report;\n\n3. Decides to remain seized of the matter.\n"
    opr1 = [f for f in lint(text, path="draft.txt").findings if f.code == "OPR001"]
    assert [e.new_text for f in opr1 for e in f.fix.edits] == ["2. "]


def test_an_interpol_item_in_lower_case_is_still_numbered():
    """Items under "… to:" start in lower case by design: the first, left unnumbered
    among "2." and "3.", takes "1." (an INTERPOL resolution of the corpus)."""
    text = (
        "The ICPO-INTERPOL General Assembly, meeting in Marrakesh, Morocco, from 24 to 27 November 2025 at its 93rd session:\n\n"
        "RECALLING its earlier resolutions,\n\nCALLS UPON all member countries to:\n\n"
        "- acknowledge the importance of a unified approach;\n- 2. encourage the signature of the Convention;\n"
        "- 3. continue to use the secure communications system.\n"
    )
    opr1 = [f for f in lint(text, path="draft.txt").findings if f.code == "OPR001"]
    assert [e.new_text for f in opr1 for e in f.fix.edits] == ["1. "]
