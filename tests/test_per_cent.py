"""TRM016 per-cent: a percentage is written as the style writes it ("50 per cent").

Drafts written for these tests; each expected text is typed by hand."""

from __future__ import annotations

import pytest

from resolint.config import load_settings
from resolint.engine import lint
from resolint.fixes import apply_edits

OPENING = "The General Assembly,\n\n"
CLOSING = "\n\n1. Decides to keep the matter under review.\n"


def _draft(preamble: str) -> str:
    return OPENING + preamble + CLOSING


def _per_cent(text: str, **kwargs):
    return [f for f in lint(text, **kwargs).findings if f.code == "TRM016"]


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("Noting that 60% of them live in cities,", "Noting that 60 per cent of them live in cities,"),
        ("Noting that 2.5 % of them live in cities,", "Noting that 2.5 per cent of them live in cities,"),
        ("Noting that 2.5\u00a0% of them live in cities,", "Noting that 2.5 per cent of them live in cities,"),
        ("Noting that 1,200 percent more is needed,", "Noting that 1,200 per cent more is needed,"),
        ("Noting a rise of 10-15%,", "Noting a rise of 10-15 per cent,"),
        ("Noting that the share rose by 3 Percent,", "Noting that the share rose by 3 Per cent,"),
    ],
)
def test_a_percentage_is_written_per_cent(written, fixed):
    text = _draft(written)
    found = _per_cent(text)
    assert len(found) == 1
    assert found[0].fix is not None and found[0].fix.applicability.value == "safe"
    assert apply_edits(text, found[0].fix.edits) == _draft(fixed)
    assert _per_cent(_draft(fixed)) == []


@pytest.mark.parametrize(
    ("written", "safe"),
    [
        ("Noting a 5-percent increase,", False),
        ("Noting a 5\u2011percent increase,", False),
        ("Noting the percent-based targets,", False),
        ("Noting the Percent for Art programme,", False),
        ("Noting that the share rose by 3 Percent,", True),
        ("Percent of them live in cities, noting,", True),
        ("Noting that 5 percent of them live in cities,", True),
        # A capitalized word after the percentage: a name goes on ("the 30% Club").
        ("Welcoming the work of the 30% Club,", False),
        ("Welcoming the 1 Percent Pledge,", False),
        ("Welcoming the Programa 50 % Mujeres of 2020,", False),
        ("Noting that 30% of them live in cities,", True),
        ("Noting a rise of 30%, Member States reporting,", True),
    ],
)
def test_a_compound_or_a_names_word_is_reported_with_an_unsafe_fix(written, safe):
    """"a 5-percent increase" was fixed to "a 5-per cent increase" and "the Percent for Art
    programme" to "the Per cent for Art programme" by the safe fix: a hyphen's compound is
    reworded and a name keeps its spelling, so their fix is unsafe (still reported)."""
    [found] = _per_cent(_draft(written))
    assert found.fix is not None and (found.fix.applicability.value == "safe") is safe


@pytest.mark.parametrize("joined", ["50%\u2011owned", "50%\u2010owned", "50%+1", "50%/50%"])
def test_a_sign_joined_into_a_compound_or_a_formula_is_left_alone(joined):
    """"a 50%\u2011owned company" (a non-breaking hyphen) and "a 50%+1 majority" were fixed to
    "50 per cent\u2011owned" and "50 per cent+1", as "50%-owned" is not. "60%" beside them is
    still reported."""
    text = _draft(f"Noting a {joined} majority and that 60% of them live in cities,")
    assert [text[f.span.start : f.span.end] for f in _per_cent(text)] == ["60%"]


def test_the_message_names_the_number_and_the_form():
    (found,) = _per_cent(_draft("Noting that 60% of them live in cities,"))
    assert found.message == "Write '60 per cent', not '60%'"
    assert _draft("Noting that 60% of them")[found.span.start : found.span.end] == "60%"


@pytest.mark.parametrize(
    "written",
    [
        "Noting the figures at https://example.org/a%20b,",  # an address's escape
        "Noting document A/RES/70/1%,",  # digits ending a symbol
        "Noting the 50%-owned companies,",  # joined to a hyphen
        "Noting the percentage of women and the percentile,",  # other words
        "Noting 20 per cent of them,",  # the style's own form
        'Recalling "a 10% rise" in its earlier text,',  # a quotation keeps its words
        "Noting that 100%% is a typing error,",
    ],
)
def test_what_is_not_a_percentage_in_running_text_is_left_alone(written):
    assert _per_cent(_draft(written)) == []


def test_a_table_keeps_its_signs():
    text = _draft("Noting the figures below,\n\n| Region | Share |\n|---|---|\n| Africa | 40% |\n\nNoting also that 30% of them,")
    assert [f.message for f in _per_cent(text)] == ["Write '30 per cent', not '30%'"]


@pytest.mark.parametrize("style", ["itu", "interpol", "mun"])
def test_styles_without_a_recorded_rule_check_nothing(style):
    assert _per_cent(_draft("Noting that 60% of them, 5 percent of all,"), style=style) == []


def test_both_united_nations_styles_check(tmp_path):
    text = "The Security Council,\n\nNoting that 60% of them live in cities,\n\n1. Decides to remain seized of the matter.\n"
    assert [f.message for f in _per_cent(text, style="un-sc")] == ["Write '60 per cent', not '60%'"]


def test_a_house_style_names_its_own_form(tmp_path):
    (tmp_path / "resolint.toml").write_text('style = "house"\n[styles.house]\nextends = "un-ga"\n[styles.house.numbers]\npercent = "percent"\n', encoding="utf-8")
    settings = load_settings(tmp_path / "resolint.toml")
    text = _draft("Noting that 60% of them and 5 per cent of the others, but 7 percent of all,")
    found = _per_cent(text, settings=settings)
    assert [f.message for f in found] == ["Write '60 percent', not '60%'", "Write 'percent', not 'per cent'"]
    edits = [e for f in found for e in f.fix.edits]
    assert apply_edits(text, edits) == _draft("Noting that 60 percent of them and 5 percent of the others, but 7 percent of all,")


def test_an_empty_form_turns_the_check_off(tmp_path):
    (tmp_path / "resolint.toml").write_text('style = "house"\n[styles.house]\nextends = "un-ga"\n[styles.house.numbers]\npercent = ""\n', encoding="utf-8")
    assert _per_cent(_draft("Noting that 60% of them,"), settings=load_settings(tmp_path / "resolint.toml")) == []
