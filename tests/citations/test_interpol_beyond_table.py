"""INTERPOL sessions outside the years of the session table (1956 to 2025) cannot be
checked. The table's rule (session = year - 1932 from 2021) was extrapolated, so a
draft of 2028 citing "GA-2027-94-RES-02" was told, as an error, that "the 95th session
was held in 2027", and an opening "2028 at its 95th session" that 2028's was the 96th:
a session may be postponed, as 2020's was, and the data says nothing of those years."""

from __future__ import annotations

import pytest

from resolint.citations.refdata import interpol_sessions, interpol_table_holds
from resolint.engine import lint

OPENING = (
    "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 1 to 4 November {year} at its {session} session:\n\n"
    "RECALLING {cited},\n\nADOPTS the present resolution.\n"
)


def _codes(year: int, session: str, cited: str) -> list[tuple[str, str]]:
    text = OPENING.format(year=year, session=session, cited=cited)
    return [(f.code, f.message) for f in lint(text).findings if f.code in ("CIT003", "DOC011")]


def test_the_table_holds_its_own_years_only():
    last = max(interpol_sessions())
    assert interpol_table_holds(last) and interpol_table_holds(2019)
    assert not interpol_table_holds(last + 1) and not interpol_table_holds(min(interpol_sessions()) - 1)


@pytest.mark.parametrize("cited", [
    "resolution GA-2027-94-RES-02",
    "resolution GA-2027-95-RES-02",
    "resolution GA-2027-95-RES-02 adopted at the 95th session",
    "its 99th session held in 2030",
])
def test_a_session_after_the_table_is_not_checked(cited):
    assert _codes(2028, "95th", cited) == []


def test_a_session_inside_the_table_is_still_checked():
    assert sorted(_codes(2019, "87th", "resolution GA-2018-86-RES-02")) == [
        ("CIT003", "The 87th session was held in 2018; this symbol says 86th"),
        ("DOC011", "The session held in 2019 was the 88th, not the 87th"),
    ]


def test_an_era_after_the_table_names_no_session():
    assert _codes(2028, "95th", "resolution AG-2027-RES-02") == [
        ("CIT003", "From 2012 the symbol includes the session: 'GA-2027-SS-RES-02'")
    ]
