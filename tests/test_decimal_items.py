"""Decimal sub-items ("2.1", "2.2", "2.1.1" under operative paragraph 2): read as the
paragraph's items, as "(a)", "(b)" are, numbered out of the operative paragraphs' count
and checked by OPR008; a number that names no paragraph (a figure, a date, a reference to
a section) stays text. The drafts are written for these tests."""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.incremental import IncrementalLinter
from resolint.model import Kind
from resolint.parser import parse
from resolint.settings import Settings

HEAD = "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015,\n\n"

#: Operative paragraph 2's items numbered 2.1, 2.3, 2.4: one skipped.
SKIPPED = HEAD + (
    "1. Calls upon Member States to reduce plastic waste;\n\n"
    "2. Encourages Member States:\n\n"
    "2.1 To establish national recycling targets;\n\n"
    "2.3 To support research on alternatives;\n\n"
    "2.4 To share best practices;\n\n"
    "3. Requests the Secretary-General to report to it at its next session.\n"
)


def _lint(text: str, *codes: str, style: str = "un-ga") -> list[tuple[str, int, str]]:
    result = lint(text, style=style)
    return [
        (f.code, result.source.position(f.span.start).line + 1, f.message)
        for f in result.findings
        if f.code.startswith(codes)
    ]


def _items(text: str) -> list[tuple[str, int, str | None]]:
    """(label, depth, parent's label) of each sub-paragraph."""
    res = parse(text)
    return [
        (p.label.text, p.depth, None if p.parent is None or p.parent.label is None else p.parent.label.text)
        for p in res.paragraphs
        if p.kind is Kind.SUBPARAGRAPH
    ]


def test_decimal_items_are_items_of_their_paragraph():
    assert _items(SKIPPED) == [("2.1", 1, "2."), ("2.3", 1, "2."), ("2.4", 1, "2.")]
    res = parse(SKIPPED)
    assert [[p.label.text for p in seq] for seq in res.sequences] == [["1.", "2.", "3."]]


def test_a_skipped_decimal_item_is_reported_by_its_number():
    found = _lint(SKIPPED, "OPR0", "DOC")
    assert ("OPR008", 11, "Sub-paragraph '2.3' where '2.2' was expected") in found
    # Out of the operative numbering: no unnumbered paragraph, no number out of turn.
    assert not [f for f in found if f[0] in ("OPR001", "OPR002")]


def test_a_decimal_list_that_restarts_is_reported():
    text = SKIPPED.replace("2.3 To support", "2.2 To support").replace("2.4 To share", "2.1 To share")
    assert [f for f in _lint(text, "OPR008")] == [("OPR008", 13, "Sub-paragraph '2.1' where '2.3' was expected")]


def test_items_numbered_under_another_paragraph_are_reported_once():
    """Items copied from paragraph 2 under paragraph 3 ("3. Requests …:" / "2.1 …"): its
    items, out of the operative numbering, their first number reported."""
    text = SKIPPED.replace("2.3 To support", "2.2 To support").replace("2.4 To share best practices;\n\n", "") + (
        "\n4. Requests the Secretary-General:\n\n2.1 To report to it, including:\n\n2.1.1 On the costs;\n\n2.2 To consult Member States.\n"
    )
    text = text.replace(" to it at its next session.\n\n4.", " to it at its next session;\n\n4.")
    assert _items(text)[-3:] == [("2.1", 1, "4."), ("2.1.1", 2, "2.1"), ("2.2", 1, "4.")]
    found = _lint(text, "OPR0")
    assert [f for f in found if f[0] == "OPR008"] == [
        ("OPR008", 17, "Sub-paragraph '2.1' is under paragraph 4: number its items '4.1', '4.2' …"),
    ]
    assert not [f for f in found if f[0] in ("OPR001", "OPR002")]


def test_items_typed_one_a_line_are_items_too():
    text = HEAD + (
        "1. Calls upon Member States to reduce plastic waste;\n"
        "2. Encourages Member States:\n"
        "2.1 To establish national recycling targets;\n"
        "2.3 To support research on alternatives;\n"
        "3. Requests the Secretary-General to report to it at its next session.\n"
    )
    assert _items(text) == [("2.1", 1, "2."), ("2.3", 1, "2.")]
    assert _lint(text, "OPR008") == [("OPR008", 8, "Sub-paragraph '2.3' where '2.2' was expected")]
    # An item's line without its mark: the next item's line is still an item of its own.
    unmarked = text.replace("recycling targets;", "recycling targets")
    assert _items(unmarked) == [("2.1", 1, "2."), ("2.3", 1, "2.")]
    assert ("OPR007", 7) in {(c, line) for c, line, _ in _lint(unmarked, "OPR007")}


def test_a_third_level_hangs_under_its_item():
    text = HEAD + (
        "1. Encourages Member States:\n\n"
        "1.1 To establish national targets, including:\n\n"
        "1.1.1 Targets for recycling;\n\n"
        "1.1.3 Targets for reuse;\n\n"
        "1.2 To share best practices;\n\n"
        "2. Requests the Secretary-General to report to it at its next session.\n"
    )
    assert _items(text) == [("1.1", 1, "1."), ("1.1.1", 2, "1.1"), ("1.1.3", 2, "1.1"), ("1.2", 1, "1.")]
    assert _lint(text, "OPR008") == [("OPR008", 11, "Sub-paragraph '1.1.3' where '1.1.2' was expected")]


def test_the_opener_and_mark_of_a_decimal_item_are_checked_as_an_items():
    """As those of "(a)", "(b)", "(c)" in the same place (they were an unnumbered
    operative paragraph's, each)."""
    text = (
        SKIPPED.replace("2.1 To establish", "2.1 establish")
        .replace("2.3 To support research on alternatives;", "2.2 To support research on alternatives.")
        .replace("2.4 To", "2.3 To")
    )
    found = {(c, line) for c, line, _ in _lint(text, "OPR") if c != "OPR009"}
    assert found == {("OPR010", 9), ("OPR007", 11)}  # the style's capital; ";" inside the list


def test_the_label_form_rule_offers_no_fix_for_a_decimal_number():
    """The World Health Assembly numbers items "(1)": "2.1" is reported, never rewritten
    as "(1)" (references cite "paragraph 2.1" whole)."""
    text = SKIPPED.replace("The General Assembly", "The World Health Assembly")
    result = lint(text, style="wha")
    found = [f for f in result.findings if f.code == "OPR009"]
    assert len(found) == 3 and all(f.fix is None for f in found)


@pytest.mark.parametrize(
    "paragraph",
    [
        "1.5 million people remain displaced;",  # a figure
        "1.5 per cent of the budget is spent on travel;",
        "1.1.2020 marks the start of the period;",  # a date
        "1.2.1 was released in May;",  # a version, no item 1.2 open
        "1.1 of the report sets out the schedule;",  # a reference to a section
        "3.2 To share the data;",  # names paragraph 3, and starts no list under paragraph 1
    ],
)
def test_a_number_that_names_no_item_stays_text(paragraph):
    text = HEAD + f"1. Notes that:\n\n{paragraph}\n\n2. Decides to remain seized of the matter.\n"
    res = parse(text)
    p = next(q for q in res.paragraphs if text[q.span.start : q.span.end] == paragraph)
    assert p.label is None and p.kind is not Kind.SUBPARAGRAPH
    assert text[p.content.start : p.content.end] == paragraph


def test_a_table_cell_and_a_preamble_number_are_no_items():
    text = HEAD + "1.1 Recalling also its resolution 71/1,\n\n1. Notes the report;\n\n1.1\n\n2. Decides to act.\n"
    res = parse(text)
    assert not [p for p in res.paragraphs if p.kind is Kind.SUBPARAGRAPH or (p.label is not None and "." in p.label.text[:-1])]


def test_a_figure_on_a_wrapped_line_stays_in_its_sentence():
    text = HEAD + (
        "1. Decides that the review shall take place as set out in section\n"
        "2.1 of the schedule, and that emissions shall fall by\n"
        "1.5 per cent a year;\n\n"
        "2. Decides to remain seized of the matter.\n"
    )
    res = parse(text)
    assert [p.kind for p in res.paragraphs if p.kind in (Kind.OPERATIVE, Kind.SUBPARAGRAPH)] == [Kind.OPERATIVE] * 2


@pytest.mark.parametrize("style", ["mun", "itu"])
def test_a_style_that_takes_decimal_items_still_checks_their_numbers(style):
    """The ITU's Final Acts and many Model UN drafts number items so: their form is no
    finding there (``subparagraphs.decimal``), a skipped number still is."""
    found = _lint(SKIPPED, "OPR008", "OPR009", style=style)
    assert found == [("OPR008", 11, "Sub-paragraph '2.3' where '2.2' was expected")]
    assert [c for c, _, _ in _lint(SKIPPED, "OPR009")] == ["OPR009"] * 3  # un-ga letters them


RENUMBERED = HEAD + (
    "1. Calls upon Member States to reduce plastic waste;\n\n"
    "3. Encourages Member States:\n\n"
    "3.1 To establish national recycling targets, including:\n\n"
    "3.1.1 Targets for reuse;\n\n"
    "3.2 To share best practices;\n\n"
    "4. Requests the Secretary-General to report to it at its next session.\n"
)


def test_renumbering_a_paragraph_renumbers_its_decimal_items():
    """OPR002's fix made "3." "2." and left "3.1" under it, which then named no paragraph
    and became an unnumbered operative paragraph."""
    fixed = fix_text(RENUMBERED, lambda t: lint(t, style="un-ga"), unsafe=True).text
    assert fixed == RENUMBERED.replace("\n3.", "\n2.").replace("\n4.", "\n3.")
    assert _items(fixed) == [("2.1", 1, "2."), ("2.1.1", 2, "2.1"), ("2.2", 1, "2.")]


def test_the_language_server_renumbers_the_items_as_a_full_lint_does():
    """The server keeps a list's findings while its labels stay: the items' labels are
    among them (an edit before them moved them, and the kept fix edited old places)."""
    settings = Settings().with_overrides(select=("OPR002",))
    linter = IncrementalLinter()
    last = RENUMBERED.replace("4. Requests the Secretary-General to report to it at its next session.\n", "")
    edits = [RENUMBERED.replace("3.2 To", "3.3 To"), RENUMBERED.replace("3.1.1", "3.1.2"), RENUMBERED]
    edits += [last, last.replace("Encourages Member", "Encourages all Member"), last.replace("Targets for", "Goals for"), last]
    for text in edits:
        got = [(f.span, f.message, f.fix) for f in linter.lint(text, settings).findings]
        assert got == [(f.span, f.message, f.fix) for f in lint(text, settings).findings]
