"""A range of resolutions ("resolutions 70/1 to 70/5", "2231 (2015) through 2300 (2016)",
"1325 (2000)–2467 (2019)"): both ends are citations, checked against the reference data as
a single citation is. The second end used to be dropped, so a wrong year or date there
passed."""

from __future__ import annotations

import pytest

from resolint.engine import lint

COUNCIL = "The Security Council,\n\nRecalling its resolutions {cited},\n\n1. Decides to remain seized of the matter.\n"
ASSEMBLY = "The General Assembly,\n\nRecalling its resolutions {cited},\n\n1. Decides to keep the matter under review.\n"


def _found(text: str, code: str) -> list[str]:
    return [text[f.span.start : f.span.end] for f in lint(text).findings if f.code == code]


@pytest.mark.parametrize("joint", [" to ", " through ", "–", " – "])
def test_the_second_end_of_a_council_range_is_checked_for_its_year(joint):
    # 2100 was adopted in 2013 (the table's first of 2013 is 2086, of 2014 2133).
    text = COUNCIL.format(cited=f"2231 (2015){joint}2100 (2015)")
    assert _found(text, "CIT002") == ["2100 (2015)"]


def test_the_second_end_of_an_assembly_range_is_checked_for_its_date():
    text = ASSEMBLY.format(cited="70/1 of 25 September 2015 to 70/9 of 3 March 2019")
    assert _found(text, "CIT001") == ["70/9 of 3 March 2019"]


@pytest.mark.parametrize("joint", [" to ", " through ", "–"])
def test_a_right_range_passes(joint):
    assert _found(COUNCIL.format(cited=f"2231 (2015){joint}2300 (2016)"), "CIT002") == []
    assert _found(ASSEMBLY.format(cited=f"70/1 of 25 September 2015{joint}70/9 of 3 March 2016"), "CIT001") == []


def test_to_after_a_citation_that_starts_no_number_is_no_range():
    text = COUNCIL.format(cited="2231 (2015) to 345 police officers and 2100 (2013)")
    assert _found(text, "CIT002") == []
