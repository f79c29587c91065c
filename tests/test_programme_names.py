"""TRM010: a United Nations programme's name with the US "Program" ("United Nations
Development Program") passed, as every capitalized word inside a sentence does (a proper
name keeps its spelling); the programme's own name is spelt "Programme". The drafts are
written for these tests."""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.incremental import IncrementalLinter
from resolint.settings import Settings

DRAFT = "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015,\n\n1. {cited}\n"


def _trm010(text: str, style: str = "un-ga") -> list[tuple[str, str, str | None]]:
    """(the words reported, the message, the fix's applicability) of each TRM010 finding."""
    return [
        (text[f.span.start : f.span.end], f.message, None if f.fix is None else f.fix.applicability.value)
        for f in lint(text, style=style).findings
        if f.code == "TRM010"
    ]


@pytest.mark.parametrize("cited, name", [
    ("Invites the United Nations Development Program to assist.", "United Nations Development Programme"),
    ("Invites the United Nations Environment Program (UNEP) to assist.", "United Nations Environment Programme"),
    ("Thanks the World Food Program for its work.", "World Food Programme"),
    ("Invites the Joint United Nations Program on HIV/AIDS to assist.", "Joint United Nations Programme on HIV/AIDS"),
    ("Invites the United Nations\nHuman Settlements Program to assist.", "United Nations Human Settlements Programme"),
])
def test_a_programme_s_name_with_the_us_spelling_is_reported_with_a_safe_fix(cited, name):
    text = DRAFT.format(cited=cited)
    assert _trm010(text) == [("Program", f"The {name} spells its name 'Programme'", "safe")]
    fixed = fix_text(text, lambda t: lint(t, style="un-ga")).text
    assert fixed == text.replace("Program", "Programme")


@pytest.mark.parametrize("cited", [
    "Welcomes the support of the World Food Program USA.",  # a United States charity's own name
    "Welcomes the World Food Program Executive Committee of the city.",  # a longer name: not said whose
    "Welcomes the National Development Program of the country.",  # not a United Nations programme
    "Welcomes the Joint United Nations Program on Ageing of the region.",  # not a listed name
    'Recalls the words "the United Nations Development Program" in the report.',  # a quotation keeps its spelling
    "Invites the United Nations Development Programme to assist.",
])
def test_other_names_and_quotations_are_left_alone(cited):
    assert _trm010(DRAFT.format(cited=cited)) == []


def test_a_name_after_a_capitalized_word_and_of_may_end_another_s_name_its_fix_is_unsafe():
    text = DRAFT.format(cited="Thanks the Friends of the World Food Program for their support.")
    assert _trm010(text) == [("Program", "The World Food Programme spells its name 'Programme'", "unsafe")]
    assert fix_text(text, lambda t: lint(t, style="un-ga")).text == text


def test_lower_case_program_in_a_name_is_reported_once():
    text = DRAFT.format(cited="Invites the United Nations Development program to assist.")
    assert [w for w, _, _ in _trm010(text)] == ["program"]


def test_the_rule_is_off_where_the_style_has_no_spelling():
    assert _trm010(DRAFT.format(cited="Invites the United Nations Development Program to assist."), style="mun") == []


def test_the_language_server_finds_what_a_full_lint_finds_after_edits():
    settings = Settings().with_overrides(select=("TRM010",))
    text = DRAFT.format(cited="Invites the United Nations Development Program and the World Food Program USA to assist.")
    linter = IncrementalLinter()
    for edit in (text, text.replace(" USA", ""), text.replace("Invites the", "Invites the Friends of the"), text):
        got = [(f.span, f.message, f.fix) for f in linter.lint(edit, settings).findings]
        assert got == [(f.span, f.message, f.fix) for f in lint(edit, settings).findings]
    assert len(lint(text.replace(" USA", ""), settings).findings) == 2


def test_a_text_without_the_word_is_not_looked_at_paragraph_by_paragraph(monkeypatch):
    """The whole-text check looks for programme names paragraph by paragraph only in a text
    that holds "Program" at all (most do not: a look per paragraph cost about 15,000
    calls a corpus run for nothing)."""
    from resolint.engine import lint
    from resolint_rules.trm import spelling

    looked = []
    real = spelling._programme_names
    monkeypatch.setattr(spelling, "_programme_names", lambda text, p, spans: looked.append(p) or real(text, p, spans))
    draft = "The General Assembly,\n\nRecalling its resolution 79/1,\n\n1. Invites the {} to assist.\n"
    findings = lint(draft.format("World Bank"), style="un-ga").findings
    assert looked == [] and not any("Programme" in f.message for f in findings)
    found = lint(draft.format("United Nations Development Program"), style="un-ga").findings
    assert looked and any("Programme" in f.message for f in found)


@pytest.mark.parametrize("cited, name", [
    ("Requests the World Food Program Executive Board to report.", "World Food Programme"),
    ("Requests the United Nations Development Program Administrator to report.", "United Nations Development Programme"),
    ("Invites the United Nations Environment Program Governing Council to meet.", "United Nations Environment Programme"),
    ("Invites the Joint United Nations Program on HIV/AIDS Programme Coordinating Board to meet.",
     "Joint United Nations Programme on HIV/AIDS"),
])
def test_a_name_followed_by_one_of_the_programme_s_organs_is_still_its_name(cited, name):
    """A capitalized word after the name usually makes another body's longer name, but not
    the name of the programme's own organ or head."""
    text = DRAFT.format(cited=cited)
    assert _trm010(text) == [("Program", f"The {name} spells its name 'Programme'", "safe")]
    assert fix_text(text, lambda t: lint(t, style="un-ga")).text == text.replace("Program ", "Programme ", 1)


@pytest.mark.parametrize("cited, fixed", [
    ("INVITES THE UNITED NATIONS DEVELOPMENT PROGRAM TO ASSIST.", "INVITES THE UNITED NATIONS DEVELOPMENT PROGRAMME TO ASSIST."),
    ("Thanks the UNITED NATIONS ENVIRONMENT PROGRAM.", "Thanks the UNITED NATIONS ENVIRONMENT PROGRAMME."),
    ("THANKS THE WORLD FOOD PROGRAM EXECUTIVE BOARD.", "THANKS THE WORLD FOOD PROGRAMME EXECUTIVE BOARD."),
])
def test_a_name_in_capitals_is_reported_and_its_fix_keeps_the_capitals(cited, fixed):
    text = DRAFT.format(cited=cited)
    assert [(w, safe) for w, _, safe in _trm010(text)] == [("PROGRAM", "safe")]
    settings = Settings().with_overrides(select=("TRM010",))  # (an opener in capitals is OPR's)
    assert fix_text(text, lambda t: lint(t, settings, style="un-ga")).text == DRAFT.format(cited=fixed)


@pytest.mark.parametrize("cited", [
    "WELCOMES THE SUPPORT OF THE WORLD FOOD PROGRAM USA.",  # the charity's name, in capitals
    "WELCOMES THE WORLD FOOD PROGRAM ALUMNI NETWORK.",  # a capitalized word after it: maybe another body's
    "Welcomes the support of the World Food Program USA Executive Board.",  # the charity's board
    "Welcomes the NATIONAL DEVELOPMENT PROGRAM TO ASSIST.",  # not a United Nations programme
])
def test_longer_names_of_other_bodies_stay_untouched_in_capitals_too(cited):
    assert _trm010(DRAFT.format(cited=cited)) == []


def test_a_text_with_the_name_only_in_capitals_is_looked_at():
    """The literal pre-check looks for "PROGRAM" too (a text in capitals has no "Program")."""
    text = DRAFT.format(cited="INVITES THE WORLD FOOD PROGRAM TO ASSIST.")
    assert "Program" not in text
    assert [w for w, _, _ in _trm010(text)] == ["PROGRAM"]
