"""CIT002 and the Assembly's old numbers cited with a year: "resolution 1514 (1960)" in an
Assembly draft is the Assembly's resolution of 1960 as often as a miscited Council one."""

from __future__ import annotations

from resolint.citations.refdata import sc_first_numbers
from resolint.engine import lint


def _cit002(text: str) -> list[tuple[str, str]]:
    found = [f for f in lint(text).findings if f.code == "CIT002"]
    return [(text[f.span.start : f.span.end], f.severity.value) for f in found]


def test_an_old_assembly_number_with_its_year_is_information_in_an_assembly_text():
    text = (
        "The General Assembly,\n\nRecalling resolution 1514 (1960) and resolution 2625 (1970),\n\n"
        "1. Decides to remain seized of the matter.\n"
    )
    got = _cit002(text)
    assert [sev for _, sev in got] == ["info", "info"]


def test_a_council_number_with_a_wrong_year_stays_an_error():
    named = (
        "The General Assembly,\n\nRecalling Security Council resolution 1514 (1960) and resolution 2231 (2016),\n\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert [sev for _, sev in _cit002(named)] == ["error", "error"]
    council = "The Security Council,\n\nRecalling resolution 1514 (1960),\n\n1. Decides to remain seized of the matter.\n"
    assert [sev for _, sev in _cit002(council)] == ["error"]


def test_a_number_of_the_tables_last_year_is_said_to_be_of_that_year_or_later():
    # The table's last row gives the first number of its last year and no end: a number
    # past it may be of any later year, so the message must not pin it to that year.
    table = sc_first_numbers()
    last = max(table)
    text = "The Security Council,\n\nRecalling its resolution 9999 (2015),\n\n1. Decides to remain seized of the matter.\n"
    (f,) = [f for f in lint(text).findings if f.code == "CIT002"]
    assert f"adopted in {last} or later, not 2015" in f.message
    # The last year's first number is known only by its bounds (kb §4.2): the message
    # names the highest it can be, a resolution of that year.
    assert f"not before {table[last].high}, which was adopted in {last}" in f.message
