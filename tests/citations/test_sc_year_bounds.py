"""CIT002 near a first number the reference data knows only by its bounds.

kb §4.2 derives the first Security Council resolution of 2025 from an unverified 2024
count (2722 + 46 = 2768) and bounds it by "2750 (2024) cited => >= 2751; 2772 adopted 17
Feb 2025 => <= 2772"; those of 2006 and 2017 are bounds too ("derived-bound"). A number
between the bounds may be of either year, and CIT002 said, as an error, that "2760
(2025)" was adopted in 2024: the data cannot tell. Now nothing is said for either year,
and a third year is reported naming both."""

from __future__ import annotations

import pytest

from resolint.citations.refdata import sc_first_numbers, sc_possible_years
from resolint.engine import lint

COUNCIL = "The Security Council,\n\nRecalling its resolution {cited},\n\n1. Decides to remain seized of the matter.\n"


def _cit002(cited: str) -> list[str]:
    return [f.message for f in lint(COUNCIL.format(cited=cited), style="un-sc").findings if f.code == "CIT002"]


def test_the_bounds_are_read_from_the_data():
    table = sc_first_numbers()
    assert (table[2025].low, table[2025].high) == (2751, 2772)  # kb §4.2, 2025 row
    assert (table[2006].low, table[2006].high) == (1652, 1665)
    assert (table[2024].low, table[2024].high) == (2722, 2722)  # verified: no bounds
    assert sc_possible_years(2760) == (2024, 2025)
    assert sc_possible_years(2750) == (2024,) and sc_possible_years(2772) == (2025,)


@pytest.mark.parametrize("cited", ["2760 (2025)", "2760 (2024)", "2771 (2024)", "1660 (2005)", "1660 (2006)", "2338 (2016)"])
def test_a_number_between_the_bounds_passes_with_either_year(cited):
    assert _cit002(cited) == []


def test_a_third_year_is_reported_with_both():
    assert _cit002("2760 (2023)") == [
        "Security Council resolution 2760 was adopted in 2024 or 2025, not 2023 (the first of 2025 is between 2751 and 2772)"
    ]
    assert _cit002("1653 (2004)") == [
        "Security Council resolution 1653 was adopted in 2005 or 2006, not 2004 (the first of 2006 is between 1652 and 1665)"
    ]


def test_numbers_outside_the_bounds_are_still_checked():
    assert _cit002("2750 (2025)") == ["Security Council resolution 2750 was adopted in 2024, not 2025"]
    assert _cit002("2780 (2024)") == [
        "Security Council resolution 2780 is not before 2772, which was adopted in 2025, so it was adopted in 2025 or later, not 2024"
    ]
    assert _cit002("2780 (2026)") == []  # where 2025 ended is not known


def test_a_number_just_before_a_recalled_first_is_a_warning():
    """kb §4.2: rows from recall allow ±3 near their bounds, reported as warnings. A number
    just after 2000's first (1285, recall) cited with 1999 was a warning, but one just
    before it cited with 2000 ("1283 (2000)") an error."""
    def severities(cited: str) -> list[str]:
        text = COUNCIL.format(cited=cited)
        return [f.severity.value for f in lint(text, style="un-sc").findings if f.code == "CIT002"]

    assert severities("1283 (2000)") == ["warning"]
    assert severities("1286 (1999)") == ["warning"]
    assert severities("1200 (2000)") == ["error"]  # far from the bound
