"""CIT004: a Security Council resolution whose symbol gives its number ("S/RES/2231
(2015)") citing a Council resolution numbered after it ("2250 (2015)") passed: only years
were compared, and both are of 2015. The Council numbers its resolutions consecutively
since 1946 (Dag Hammarskjöld Library), so a higher number was adopted later."""

from __future__ import annotations

import pytest

from resolint.engine import lint

TEXT = "{symbol}\n\nThe Security Council,\n\nRecalling its resolutions {cited},\n\n1. Decides to remain seized of the matter.\n"


def _cit004(symbol: str, cited: str) -> list[tuple[str, str]]:
    text = TEXT.format(symbol=symbol, cited=cited)
    return [(text[f.span.start : f.span.end], f.message) for f in lint(text).findings if f.code == "CIT004"]


def test_a_higher_council_number_is_reported():
    assert _cit004("S/RES/2231 (2015)", "1696 (2006) and 2250 (2015)") == [(
        "2250 (2015)",
        "Security Council resolution 2250 was adopted after this text, resolution 2231: "
        "the Council numbers its resolutions consecutively",
    )]


def test_a_later_year_is_reported_once():
    assert [span for span, _ in _cit004("S/RES/2231 (2015)", "2300 (2016)")] == ["2300 (2016)"]


@pytest.mark.parametrize("symbol, cited", [
    ("S/RES/2231 (2015)", "1696 (2006) and 2230 (2015)"),
    ("S/2015/540", "2250 (2015)"),  # a draft: no number of its own
    ("", "2250 (2015)"),
])
def test_lower_numbers_or_no_number_of_its_own_pass(symbol, cited):
    assert _cit004(symbol, cited) == []
