"""A quotation's words are someone else's: TRM001 does not rewrite an instrument's name
inside one, nor TRM010 a word's spelling, whatever marks it is quoted with (the title of
a book or a study quoted in guillemets, German marks or British single quotes kept its
capital "Against"; TRM001's safe fix rewrote it; straight single quotes, typed for both
the quotation mark and the apostrophe, too).

Drafts written for these tests."""

from __future__ import annotations

import pytest

from resolint.citations.patterns import QUOTE, QUOTE_OPENERS
from resolint.engine import lint

DRAFT = "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n1. Notes the study {quoted} published by the Office;\n"
NAME = "United Nations Convention Against Corruption"
#: Each opening mark the quotation reader knows, with its closing mark.
CLOSERS = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’", "'": "'"}


def test_every_opening_mark_is_tested():
    assert set(QUOTE_OPENERS) == set(CLOSERS)


@pytest.mark.parametrize("opener", sorted(CLOSERS))
def test_a_quoted_name_is_not_rewritten(opener):
    text = DRAFT.format(quoted=f"{opener}{NAME}{CLOSERS[opener]}")
    assert [f for f in lint(text).findings if f.code == "TRM001"] == []


def test_the_same_name_unquoted_is_fixed_safely():
    text = DRAFT.format(quoted=f"of the {NAME}")
    found = [f for f in lint(text).findings if f.code == "TRM001"]
    assert [f.fix.applicability.value for f in found] == ["safe"]


@pytest.mark.parametrize("opener", sorted(CLOSERS))
def test_a_quoted_slogan_keeps_its_spelling(opener):
    text = DRAFT.format(quoted=f"{opener}organise the labor of carers{CLOSERS[opener]}")
    assert [f for f in lint(text).findings if f.code == "TRM010"] == []


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("the „Gesetz über die Arbeit” of 2020", ["„Gesetz über die Arbeit”"]),  # Polish close
        ("the ‘Council’s roadmap’ of 2020", ["‘Council’s roadmap’"]),  # an apostrophe inside
        ("the States’ duty and the Council’s role", []),  # apostrophes only
        ("the States‘ duty’ (a mark after a letter opens nothing)", []),
        ("the ‘roadmap’s’ end", ["‘roadmap’s’"]),
        ("the 'Council's roadmap' of 2020", ["'Council's roadmap'"]),  # straight marks alike
        ("the States' duty and the Council's role", []),
        ("the States'duty' and the 1990's", []),
    ],
)
def test_single_marks_are_told_from_apostrophes(text, quoted):
    assert [m.group(0) for m in QUOTE.finditer(text)] == quoted


@pytest.mark.parametrize(("code", "words"), [("TRM005", "the Secretary General"), ("TRM004", "article 27 of the Charter"), ("TRM016", "40%")])
def test_straight_single_quotes_keep_other_rules_words(code, words):
    quoted = DRAFT.format(quoted=f"'On {words} and the labor of carers'")
    own = DRAFT.format(quoted=f"on {words} and the care of children")
    assert [f for f in lint(quoted).findings if f.code == code] == []
    assert [f.fix.applicability.value for f in lint(own).findings if f.code == code] == ["safe"]
