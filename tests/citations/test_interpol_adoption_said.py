"""CIT003 and what a draft says after an INTERPOL symbol about where and when the
resolution was adopted ("GA-2016-85-RES-02 (Kigali, 2016)", "AG-2001-RES-05 adopted at the
70th session in Rhodes", "GA-2018-87-RES-04 of 21 November 2019"). Only the symbol's own
parts were checked; a place, session, year or date after it that the session table
contradicts passed."""

from __future__ import annotations

import pytest

from resolint.engine import lint

DRAFT = (
    "The ICPO-INTERPOL General Assembly, meeting in Marrakech, Morocco, from 24 to 27 November 2025 at its 93rd session:\n\n"
    "RECALLING resolution {cited},\n\nCALLS UPON all member countries to:\n\n1. support the programme.\n"
)


def _cit003(cited: str) -> list[tuple[str, str, str]]:
    text = DRAFT.format(cited=cited)
    return [(text[f.span.start : f.span.end], f.severity.value, f.message) for f in lint(text).findings if f.code == "CIT003"]


@pytest.mark.parametrize(
    "cited, span, says",
    [
        # The table: 2016, 85th, Bali (alias Nusa Dua); 2018, 87th, Dubai, 18-21 November;
        # 1998, 67th, Cairo; 2001, 70th, Budapest.
        ("GA-2016-85-RES-02 (Kigali, 2016)", "Kigali", "met in Bali, Indonesia, not in Kigali"),
        ("AGN/67/RES/12 (Seoul, 1998)", "Seoul", "met in Cairo, Egypt"),
        ("AG-2001-RES-05 adopted at the 70th session in Rhodes", "Rhodes", "met in Budapest, Hungary"),
        ("GA-2018-87-RES-03 adopted in Santiago, Chile, in 2018", "Santiago", "met in Dubai"),
        ("AG-2001-RES-05 adopted at the 71st session", "71", "of the 70th session (2001), not of the 71st"),
        ("AG-2001-RES-05 (Budapest, 2002)", "2002", "not of 2002"),
        ("GA-2018-87-RES-04 adopted in Dubai in 2019", "2019", "not of 2019"),
        ("GA-2023-91-RES-12, adopted at the 91st session in Vienna, Austria (2024)", "2024", "not of 2024"),
        ("GA-2018-87-RES-04 of 21 November 2019", "GA-2018-87-RES-04 of 21 November 2019", "but is dated 21 November 2019"),
        ("GA-2018-87-RES-04 of 2019", "GA-2018-87-RES-04 of 2019", "but is dated 2019"),
        ("GA-2018-87-RES-04 of 30 November 2018", "GA-2018-87-RES-04 of 30 November 2018", "met from 18 November 2018 to 21 November 2018"),
    ],
)
def test_a_place_session_year_or_date_the_table_contradicts_is_an_error(cited, span, says):
    (got,) = _cit003(cited)
    assert got[0] == span and got[1] == "error"
    assert says in got[2]


@pytest.mark.parametrize(
    "cited",
    [
        "GA-2016-85-RES-02 (Nusa Dua, 2016)",
        "GA-2016-85-RES-02 (Bali, 2016)",
        "AGN/67/RES/12 (Cairo, 1998)",
        "AG-2001-RES-05 adopted at the 70th session in Budapest, Hungary",
        "GA-2021-89-RES-11 adopted in Istanbul, Türkiye, in 2021",
        "GA-2021-89-RES-11 (Istanbul, 2021)",
        "GA-2023-91-RES-12, adopted at the 91st session in Vienna, Austria (2023)",
        "GA-2018-87-RES-04 of 21 November 2018",
        "GA-2018-87-RES-04 adopted in November 2018",
        "GA-2018-87-RES-04 (Jumeirah, 2018)",  # not a place of the table: may be a venue
        "GA-2018-87-RES-04 in Santiago",  # not said to be where it was adopted
        "AGN/54/RES/3 (Vienna, 1985)",  # the table has no row for 1985: the place is unknown
    ],
)
def test_what_the_table_agrees_with_or_cannot_tell_passes(cited):
    assert _cit003(cited) == []


@pytest.mark.parametrize(
    "recalled, span, says",
    [
        # The form of AG-2001-RES-05: "most recently at the 67th session in Cairo (1998)".
        ("the resolutions adopted at the 67th session in Seoul (1998)", "Seoul", "was held in 1998 in Cairo, Egypt, not in Seoul"),
        ("the resolutions adopted at the 67th session in Cairo (1999)", "1999", "was held in 1998, not 1999"),
        ("the declaration adopted at its 88th session in 2018", "2018", "The 88th session was held in 2019, not 2018"),
        ("the declaration adopted at its 88th session, held in Dubai, in 2019", "Dubai", "in Santiago, Chile, not in Dubai"),
        ("the work of the 70th General Assembly session (Rhodes, 2001)", "Rhodes", "in Budapest, Hungary"),
    ],
)
def test_a_session_recalled_with_a_place_or_year_the_table_contradicts_is_an_error(recalled, span, says):
    text = DRAFT.replace("resolution {cited}", recalled)
    got = [(text[f.span.start : f.span.end], f.severity.value, f.message) for f in lint(text).findings if f.code == "CIT003"]
    assert [(g[0], g[1]) for g in got] == [(span, "error")]
    assert says in got[0][2]


@pytest.mark.parametrize(
    "recalled",
    [
        "the resolutions adopted at the 67th session in Cairo (1998) and the 68th session in Seoul (1999)",
        "the declaration adopted at its 88th session, held in Santiago, in 2019",
        "the 60th session in New York (2005)",  # not a place of the table, no "its": another body's session
        "the 60th session of the United Nations General Assembly in 2005",
        "the resolution adopted at its 89th session (Istanbul, 2021)",
    ],
)
def test_a_session_recalled_rightly_or_of_another_body_passes(recalled):
    text = DRAFT.replace("resolution {cited}", recalled)
    assert [f for f in lint(text).findings if f.code == "CIT003"] == []


def test_a_session_read_after_a_symbol_is_reported_once():
    (got,) = _cit003("AG-2001-RES-05 adopted at the 71st session in Budapest")
    assert got[0] == "71"


def test_a_session_in_a_united_nations_text_is_not_read_as_interpols():
    text = (
        "The General Assembly,\n\nRecalling the declaration adopted at its 67th session in Seoul (2012),\n\n"
        "1. Decides to keep the matter under review.\n"
    )
    assert [f for f in lint(text).findings if f.code == "CIT003"] == []
