"""CIT005: a Security Council resolution cited twice with its year both times but two
different dates ("2231 (2015) of 20 July 2015" and "2231 (2015) of 21 July 2015") passed:
only the years of Council citations were compared."""

from __future__ import annotations

import pytest

from resolint.engine import lint

TEXT = (
    "The General Assembly,\n\nRecalling Security Council resolution 2231 (2015) of 20 July 2015,\n\n"
    "Recalling also Security Council resolution {again},\n\n1. Decides to keep the matter under review.\n"
)


def _cit005(again: str) -> list[tuple[str, str]]:
    text = TEXT.format(again=again)
    return [(text[f.span.start : f.span.end], f.message) for f in lint(text).findings if f.code == "CIT005"]


def test_two_dates_of_one_council_resolution_are_reported():
    assert _cit005("2231 (2015) of 21 July 2015") == [
        ("21 July 2015", "Resolution 2231 (2015) is cited here as of 21 July 2015 and above as of 20 July 2015")
    ]


@pytest.mark.parametrize("again", [
    "2231 (2015) of 20 July 2015",  # the same date
    "2231 (2015)",  # no date the second time
    "2232 (2015) of 21 July 2015",  # another resolution
])
def test_one_date_or_none_passes(again):
    assert _cit005(again) == []
