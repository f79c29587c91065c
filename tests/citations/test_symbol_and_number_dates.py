"""CIT005: a General Assembly resolution cited once by its symbol ("A/RES/70/1 of 25
September 2015") and once by its number ("resolution 70/1 of 25 September 2016") passed
with two dates: the two were compared by their text as written, so never with each other."""

from __future__ import annotations

import pytest

from resolint.engine import lint

TEXT = "The General Assembly,\n\nRecalling {first},\n\nRecalling also {second},\n\n1. Decides to keep the matter under review.\n"


def _cit005(first: str, second: str) -> list[str]:
    text = TEXT.format(first=first, second=second)
    return [text[f.span.start : f.span.end] for f in lint(text).findings if f.code == "CIT005"]


@pytest.mark.parametrize("first, second, span", [
    ("A/RES/70/1 of 25 September 2015", "its resolution 70/1 of 25 September 2016", "25 September 2016"),
    ("its resolution 70/1 of 25 September 2015", "A/RES/70/1 of 21 October 2015", "21 October 2015"),
    ("A/RES/ES-10/19 of 21 December 2017", "its resolution ES-10/19 of 22 December 2017", "22 December 2017"),
])
def test_a_symbol_and_a_number_of_one_resolution_with_two_dates_are_reported(first, second, span):
    assert _cit005(first, second) == [span]


@pytest.mark.parametrize("first, second", [
    ("A/RES/70/1 of 25 September 2015", "its resolution 70/1 of 25 September 2015"),
    ("A/RES/70/1 of 25 September 2015", "its resolution 70/10 of 26 October 2015"),
    ("its resolution 31/16 A of 10 November 1976", "its resolution 31/16 B of 11 November 1976"),
])
def test_one_date_or_two_resolutions_pass(first, second):
    assert _cit005(first, second) == []
