"""Words inside a longer stretch in italics are a work's title (or a foreign phrase),
written as its authors wrote it: TRM010's respelling and TRM001's official case are
unsafe there, in Markdown emphasis and in a Word document's italics alike, while the
opener's italics and the same words in roman type keep their safe fixes.

Drafts written for these tests; the titles are invented."""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.formatting import SpanFormatting

OPENING = "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n"


def _fixes(text: str, code: str, word: str, **kwargs) -> list[str]:
    return [f.fix.applicability.value for f in lint(text, **kwargs).findings if f.code == code and word in text[f.span.start : f.span.end]]


@pytest.mark.parametrize(
    "clause",
    [
        "1. Welcomes the publication *Reducing labor costs in the region* by the Office;",
        "1. Welcomes the publication _Reducing labor costs in the region_ by the Office;",
        "1. Welcomes the publication **Reducing labor costs** by the Office;",
    ],
)
def test_a_word_in_an_italic_title_is_no_safe_respelling(clause):
    assert _fixes(OPENING + clause + "\n", "TRM010", "labor") == ["unsafe"]


@pytest.mark.parametrize(
    "clause",
    [
        "1. Welcomes the publication on reducing labor costs by the Office;",  # no italics
        "*Noting* the labor of carers,\n\n1. Decides to remain seized of the matter;",  # the opener's italics
        "*Noting with concern* the labor of carers,\n\n1. Decides to remain seized of the matter;",
        "1. Welcomes the *new* guide and the labor of carers;",  # italics elsewhere
    ],
)
def test_the_same_word_in_roman_type_keeps_its_safe_fix(clause):
    assert _fixes(OPENING + clause + "\n", "TRM010", "labor") == ["safe"]


def test_word_italics_count_too():
    text = OPENING + "1. Welcomes the publication Reducing labor costs in the region by the Office;\n"
    title = text.index("Reducing")
    italic = SpanFormatting(len(text), [(title, title + len("Reducing labor costs in the region"))])
    assert _fixes(text, "TRM010", "labor", formatting=italic) == ["unsafe"]
    assert _fixes(text, "TRM010", "labor", formatting=SpanFormatting(len(text), [])) == ["safe"]
    opener = text.index("Welcomes")  # the opener's italics, run on over the clause
    assert _fixes(text, "TRM010", "labor", formatting=SpanFormatting(len(text), [(opener, len(text) - 2)])) == ["safe"]


NAME = "United Nations Convention Against Corruption"


@pytest.mark.parametrize(
    "clause",
    [
        f"1. Welcomes the book *The {NAME}: A Commentary* by the Office;",
        f"1. Welcomes the book _{NAME} and Its Critics_ by the Office;",
        f"1. Notes the report entitled {NAME}: Implementation Review, of 2020;",
    ],
)
def test_an_instrument_named_in_a_works_title_is_no_safe_fix(clause):
    assert _fixes(OPENING + clause + "\n", "TRM001", NAME) == ["unsafe"]


def test_the_instrument_in_roman_type_keeps_its_safe_fix():
    assert _fixes(OPENING + f"1. Urges States to ratify the {NAME};\n", "TRM001", NAME) == ["safe"]
