"""CIT002 and the Assembly's old numbers cited with a year: "resolution 1514 (1960)" in an
Assembly draft is the Assembly's resolution of 1960 as often as a miscited Council one."""

from __future__ import annotations

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
