"""OPR008's relabelling follows the text's references to the list's sub-paragraphs.

The drafts are invented; each expected text is written out by hand from the rule's
documented behaviour (which references are this text's, which list they name)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.literals import find_all
from resolint.settings import Settings as LintSettings
from resolint_rules.opr.subparagraph_references import sub_references
from tests.robustness.invariants import check_text

_HEAD = "The General Assembly,\n\nRecalling its resolution 75/1 of 21 September 2020,\n\n"


def _relabelled(text: str) -> str:
    """``text`` with OPR008's fixes (unsafe) applied and nothing else."""
    chosen = LintSettings(select=("OPR008",), unsafe_fixes=True)
    return fix_text(text, lambda t: lint(t, chosen), unsafe=True).text


def test_references_to_the_list_are_relabelled_with_it():
    text = _HEAD + (
        "1. Requests the Secretary-General:\n\n"
        "(a) To report at its next session;\n\n"
        "(c) To circulate the report set out in subparagraph (a) above;\n\n"
        "(d) To consult Member States on subparagraphs (c) and (d) below;\n\n"
        "2. Decides to consider paragraph 1 (c) and (d) above and subparagraph (d) of paragraph 1 of the present resolution.\n"
    )
    want = _HEAD + (
        "1. Requests the Secretary-General:\n\n"
        "(a) To report at its next session;\n\n"
        "(b) To circulate the report set out in subparagraph (a) above;\n\n"
        "(c) To consult Member States on subparagraphs (b) and (c) below;\n\n"
        "2. Decides to consider paragraph 1 (b) and (c) above and subparagraph (c) of paragraph 1 of the present resolution.\n"
    )
    assert _relabelled(text) == want
    check_text(text)


def test_roman_labels_are_read_in_the_lists_scheme():
    text = _HEAD + (
        "1. Requests the Secretary-General:\n\n"
        "(i) To report at its next session;\n\n"
        "(iii) To circulate the report;\n\n"
        "(iv) To consult Member States;\n\n"
        "2. Decides to consider paragraph 1 (iii) and (iv) above.\n"
    )
    want = text.replace("(iii) To", "(ii) To").replace("(iv) To", "(iii) To").replace("1 (iii) and (iv)", "1 (ii) and (iii)")
    assert _relabelled(text) == want


def test_a_label_used_twice_is_left_in_references():
    """(a) (b) (b) (c): the second (b) becomes (c) and (c) becomes (d); "(b)" in a
    reference names either of two, and stays."""
    text = _HEAD + (
        "1. Requests the Secretary-General:\n\n"
        "(a) To report;\n\n(b) To circulate the report;\n\n(b) To publish it;\n\n(c) To consult Member States;\n\n"
        "2. Decides to consider paragraph 1 (b) and (c) above.\n"
    )
    want = _HEAD + (
        "1. Requests the Secretary-General:\n\n"
        "(a) To report;\n\n(b) To circulate the report;\n\n(c) To publish it;\n\n(d) To consult Member States;\n\n"
        "2. Decides to consider paragraph 1 (b) and (d) above.\n"
    )
    assert _relabelled(text) == want


@pytest.mark.parametrize(
    "reference",
    [
        "paragraph 1 (c) of resolution 74/1",  # another resolution's paragraph 1
        "paragraph 1 (c)",  # says neither where nor which text
        "subparagraph (c) of article 5 of the Convention",
        "paragraph 2 (c) above",  # paragraph 2's list, not paragraph 1's
    ],
)
def test_references_to_other_lists_stay(reference):
    text = _HEAD + (
        "1. Requests the Secretary-General:\n\n(a) To report;\n\n(c) To circulate the report;\n\n"
        "2. Invites States:\n\n(a) To contribute;\n\n(b) To cooperate;\n\n"
        f"3. Decides to consider {reference}.\n"
    )
    fixed = _relabelled(text)
    assert "(b) To circulate" in fixed
    assert fixed.endswith(f"3. Decides to consider {reference}.\n")


def test_subparagraph_above_names_the_list_it_stands_in():
    """"subparagraph (c) above" in paragraph 2's list names paragraph 2's (c), which is
    in sequence: relabelling paragraph 1's list leaves it."""
    text = _HEAD + (
        "1. Requests the Secretary-General:\n\n(a) To report;\n\n(c) To circulate the report;\n\n"
        "2. Invites States:\n\n(a) To contribute;\n\n(b) To cooperate;\n\n(c) To act on subparagraph (c) above;\n"
    )
    fixed = _relabelled(text)
    assert "(b) To circulate" in fixed and fixed.endswith("(c) To act on subparagraph (c) above;\n")


def test_a_paragraph_number_used_twice_names_no_list():
    """Two paragraphs numbered 2 (not a list numbered by its renderer, "1." "1." "1.",
    whose second is paragraph 2): "paragraph 2 (c)" names either."""
    text = _HEAD + (
        "1. Decides to act;\n\n"
        "2. Requests the Secretary-General:\n\n(a) To report;\n\n(c) To circulate the report;\n\n"
        "2. Decides to consider paragraph 2 (c) above.\n"
    )
    fixed = _relabelled(text)
    assert "(b) To circulate" in fixed
    assert fixed.endswith("2. Decides to consider paragraph 2 (c) above.\n")


def test_references_in_another_resolution_of_a_compilation_stay():
    first = _HEAD + "1. Requests the Secretary-General:\n\n(a) To report;\n\n(c) To circulate the report.\n\n"
    second = _HEAD + "1. Decides to consider paragraph 1 (c) below.\n\n2. Requests a report on paragraph 1 (c) above.\n"
    fixed = _relabelled(first + second)
    assert fixed.endswith(second)
    assert "(b) To circulate" in fixed


def test_both_kinds_of_reference_are_found_where_paragraph_stands():
    text = "see paragraphs 2 (a), (b) and 3 (c) below; Subparagraph (d) above; sub-paragraph (e) of paragraph 4 below"
    found = [(r.number, r.letters, text[r.span.start : r.span.end]) for r in sub_references(text, find_all(text, "aragraph"))]
    assert found == [(2, "a", "a"), (2, "b", "b"), (3, "c", "c"), (None, "d", "d"), (4, "e", "e")]


def _letter(value: int) -> str:
    return chr(ord("a") + value - 1)


@settings(max_examples=60, deadline=None)
@given(
    # (letters a roman numeral reads as well, "(i)" after "(a)", left out: another list)
    st.lists(st.integers(1, 20).filter(lambda v: v not in (9, 12)), min_size=2, max_size=8, unique=True).map(sorted),
    st.lists(st.integers(0, 7), min_size=1, max_size=4),
    st.booleans(),
)
def test_each_reference_names_the_same_item_after_the_relabelling(values, picks, sibling):
    """Items labelled with gaps, references to some of them (from paragraph 2, or from
    the list's last item as "subparagraph (x) above"): after the fix each reference
    carries the new label of the item it named, found here by the item's words."""
    items = [f"({_letter(v)}) To act on matter {v};" for v in values]
    named = [values[k % len(values)] for k in picks]
    refs = " and ".join(f"subparagraph ({_letter(v)}) above" if sibling else f"paragraph 1 ({_letter(v)}) above" for v in named)
    if sibling:
        items[-1] = items[-1][:-1] + f", as in {refs};"
        tail = "2. Decides to remain seized of the matter.\n"
    else:
        tail = f"2. Decides to consider {refs}.\n"
    text = _HEAD + "1. Requests the Secretary-General:\n\n" + "\n\n".join(items) + "\n\n" + tail
    fixed = _relabelled(text)
    new_label = {v: _letter(i + 1) for i, v in enumerate(values)}  # the item with "matter v" is the i-th
    for i, v in enumerate(values):
        assert f"({_letter(i + 1)}) To act on matter {v}" in fixed
    want = " and ".join(f"subparagraph ({new_label[v]}) above" if sibling else f"paragraph 1 ({new_label[v]}) above" for v in named)
    assert want in fixed
