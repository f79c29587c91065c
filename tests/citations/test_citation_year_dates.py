"""A citation dated by its year alone, or its month and year ("resolution 71/19 of 2014",
"72/3 adopted in March 2017"), and a Security Council citation whose date contradicts the
year in its brackets ("2231 (2015) of 20 July 2014"). Both passed unchecked: only full
dates were compared with the session, and never with the Council's year."""

from __future__ import annotations

import pytest

from resolint.engine import lint

ASSEMBLY = "The General Assembly,\n\nRecalling its resolution {cited},\n\n1. Decides to keep the matter under review.\n"
COUNCIL = "The Security Council,\n\nRecalling its resolution {cited},\n\n1. Decides to remain seized of the matter.\n"


def _found(text: str, code: str) -> list[tuple[str, str]]:
    return [(text[f.span.start : f.span.end], f.severity.value) for f in lint(text).findings if f.code == code]


@pytest.mark.parametrize(
    "cited, span",
    [
        ("71/19 of 2014", "71/19 of 2014"),  # session 71 ran from 2016 to 2017
        ("71/19, of 2019", "71/19, of 2019"),
        ("72/3 adopted in March 2017", "72/3 adopted in March 2017"),  # before session 72 opened
        ("72/3 of October 2018", "72/3 of October 2018"),  # after session 73 opened
        ("3363 (XXX) of 1977", "3363 (XXX) of 1977"),  # the thirtieth session: 1975-1976
        ("71/19 (2014)", "71/19 (2014)"),  # a year in brackets, as the Council's numbers carry it
        ("A/RES/71/19 (2014)", "A/RES/71/19 (2014)"),
        ("71/19, adopted 21 November 2014", "71/19, adopted 21 November 2014"),  # a full date after "adopted"
    ],
)
def test_an_assembly_resolution_dated_by_a_year_outside_its_session_is_an_error(cited, span):
    assert _found(ASSEMBLY.format(cited=cited), "CIT001") == [(span, "error")]


@pytest.mark.parametrize(
    "cited",
    ["71/19 of 2016", "71/19 of 2017", "71/19 (2016)", "71/19, adopted 21 November 2016", "72/3 of December 2017", "72/3 adopted in September 2018", "72/3 dated 2018",
     "70/1 of 2015–2016", "70/1 of 2030 Agenda", "60/1 of 2005 World Summit Outcome", "71/19 in 2014"],
)
def test_a_year_inside_the_session_or_no_date_at_all_passes(cited):
    assert _found(ASSEMBLY.format(cited=cited), "CIT001") == []


@pytest.mark.parametrize("first", ["73/11 of December 2018", "73/11 (2018)"])
def test_a_list_goes_on_after_a_year_and_its_next_item_is_checked(first):
    text = ASSEMBLY.format(cited=f"{first} and 74/5 of 2012")
    assert _found(text, "CIT001") == [("74/5 of 2012", "error")]


def test_a_bare_resolution_dated_by_a_year_is_information_as_a_full_date_is():
    # Without "its" or a named organ, "71/19" may be a Council's or a commission's.
    text = ASSEMBLY.replace("its resolution", "resolution").format(cited="71/19 of 2014")
    assert _found(text, "CIT001") == [("71/19 of 2014", "info")]


@pytest.mark.parametrize(
    "cited, span",
    [
        ("2231 (2015) of 20 July 2014", "2231 (2015) of 20 July 2014"),
        ("2231 (2015) of 2016", "2231 (2015) of 2016"),
        ("2231 (2015), adopted in July 2014", "2231 (2015), adopted in July 2014"),
    ],
)
def test_a_council_date_of_another_year_than_its_brackets_is_an_error(cited, span):
    got = _found(COUNCIL.format(cited=cited), "CIT002")
    assert got == [(span, "error")]
    assert "year of adoption" in lint(COUNCIL.format(cited=cited)).findings[0].message


@pytest.mark.parametrize("cited", ["2231 (2015) of 20 July 2015", "2231 (2015) of 2015", "2231 (2015) adopted in July 2015"])
def test_a_council_date_of_the_year_in_its_brackets_passes(cited):
    assert _found(COUNCIL.format(cited=cited), "CIT002") == []


def test_a_bare_resolution_dated_by_a_year_after_the_councils_list_is_the_councils():
    # As with a full date (tests/citations/test_extraction.py): after "Human Rights Council
    # resolutions …", a bare "resolutions 32/13 of 2016" is the Council's, not the
    # Assembly's of its 32nd session (1977-1978).
    text = ASSEMBLY.format(
        cited="77/211 of 15 December 2022, and Human Rights Council resolutions 28/16 of 26 March 2015 on the "
        "right to privacy in the digital age and resolutions 32/13 of 2016 and 45/95 of 1990"
    )
    assert _found(text, "CIT001") == []
    # … but not without the Council named, nor for a session it had not reached by then.
    assert _found(ASSEMBLY.replace("its resolution", "resolution").format(cited="32/13 of 2016"), "CIT001") == [
        ("32/13 of 2016", "info")
    ]
    late = text.replace("resolutions 32/13 of 2016", "resolutions 72/13 of 2012")
    assert _found(late, "CIT001") == [("72/13 of 2012", "info")]


@pytest.mark.parametrize(
    "cited, span",
    [
        ("Security Council resolution 2231 of 20 July 2014", "2231 of 20 July 2014"),  # 2231 is of 2015
        ("Security Council resolution 2178 of 2015", "2178 of 2015"),  # 2178 is of 2014
        ("Security Council resolution 2178, adopted in September 2013", "2178, adopted in September 2013"),
    ],
)
def test_a_council_number_without_brackets_is_checked_against_its_date(cited, span):
    text = ASSEMBLY.replace("its resolution", "").format(cited=cited)
    assert _found(text, "CIT002") == [(span, "error")]


def test_its_resolution_without_brackets_is_the_councils_in_a_council_text_only():
    assert _found(COUNCIL.format(cited="2178 of 2015"), "CIT002") == [("2178 of 2015", "error")]
    assert _found(ASSEMBLY.format(cited="2178 of 2015"), "CIT002") == []


@pytest.mark.parametrize(
    "cited",
    ["Security Council resolution 2231 of 20 July 2015", "Security Council resolution 2178 of 2014",
     "Security Council resolution 2178 on foreign terrorist fighters", "Security Council resolution 2178 (2014) of 2014"],
)
def test_a_council_number_without_brackets_and_its_right_year_passes(cited):
    assert _found(ASSEMBLY.replace("its resolution", "").format(cited=cited), "CIT002") == []


def test_council_numbers_sharing_one_year_in_brackets_are_checked_each():
    # The Council's own form: "resolutions 2712, 2720 (2023), 2728 and 2735 (2024)".
    # 2100 is of 2013; 2231 of 2015; 2300 of 2016.
    right = COUNCIL.replace("its resolution", "resolutions").format(cited="2712, 2720 (2023), 2728 and 2735 (2024)")
    assert _found(right, "CIT002") == []
    wrong = COUNCIL.replace("its resolution", "resolutions").format(cited="2100, 2231 (2015), 2728 and 2100 (2024)")
    assert _found(wrong, "CIT002") == [("2100", "error"), ("2100 (2024)", "error")]
    after_one = ASSEMBLY.replace("its resolution", "Security Council resolutions").format(cited="2231 (2015), 2100 and 2300 (2016)")
    assert _found(after_one, "CIT002") == [("2100", "error")]


@pytest.mark.parametrize("joint", [" to ", " through ", "–", " – "])
def test_a_range_sharing_one_year_is_read_across_any_range_joint(joint):
    """A dash joins a range as " to " does (patterns.RANGE_JOINT, one definition for the
    extraction, these lists and CIT015): "2100 – 2300 (2016)" was read no further than
    2100, and neither end was checked. 2100 is of 2013, 2300 of 2016."""
    cited = f"2100{joint}2300 (2016)"
    assert _found(COUNCIL.replace("its resolution", "resolutions").format(cited=cited), "CIT002") == [("2100", "error")]


@pytest.mark.parametrize(
    "cited",
    [
        "Conference resolutions 5 and 6 (2019)",  # another body's numbers
        "resolutions 2712 and 2720",  # no year: nothing to check
        "resolutions 70/1 and 2231 (2015)",
    ],
)
def test_a_list_without_a_shared_council_year_is_left_alone(cited):
    assert _found(ASSEMBLY.replace("its resolution", "").format(cited=cited), "CIT002") == []
