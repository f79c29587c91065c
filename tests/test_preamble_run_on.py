"""Preambular clauses run together on one line (a conversion lost their paragraph
breaks) are cut apart: "Noting the report …, Welcoming the progress made,".

Found by drafts written for probing, and seen in Security Council drafts of the corpus
("…missions mandated by the Security Council, Welcoming the efforts of …"): the second
clause was read into the first, so its opener went unchecked and DOC015 said nothing.
"""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.model import Kind
from resolint.parser import parse
from resolint.settings import Settings


def preamble(text: str) -> list[str]:
    res = parse(text)
    return [p.text(res.source) for p in res.paragraphs if p.kind is Kind.PREAMBLE]


@pytest.mark.parametrize(
    ("opening", "first", "second"),
    [
        ("The General Assembly,", "Noting the report of the Secretary-General,", "Welcoming the progress made,"),
        ("The Security Council,", "Reaffirming its commitment to the sovereignty of the country,", "*Expressing* deep concern at the situation,"),
        (
            "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 3 to 6 November 2026 at its 94th session:",
            "RECALLING resolution GA-2023-91-RES-12,",
            "BEARING IN MIND Article 3 of the Constitution,",
        ),
        ("The General Assembly,", "Noting the report,", "Wel\u00adcoming the progress made,"),  # a soft hyphen in the opener
        ("The General Assembly,", "Noting the report,", "Deeply concerned at the delays,"),  # an adverb before it
        ("The General Assembly,", "Noting the report,", "Recognising the role of the Commission,"),  # British spelling
    ],
)
def test_two_clauses_on_one_line_are_two_paragraphs(opening: str, first: str, second: str) -> None:
    text = f"{opening}\n\n{first} {second}\n\n1. Decides to act.\n"
    assert preamble(text) == [first, second]


def test_the_fix_puts_the_second_clause_on_its_own_line() -> None:
    text = "The General Assembly,\n\nNoting the report, Welcoming the progress made,\n\n1. Decides to act.\n"
    result = lint(text, Settings())
    assert [f.code for f in result.findings] == ["DOC015"]
    # Unsafe: the cut is read from a listed opener's capital alone (an unquoted title
    # "…, Recognizing Our Past" would be cut too), so --fix leaves it to the drafter.
    assert fix_text(text, lambda t: lint(t, Settings())).text == text
    fixed = fix_text(text, lambda t: lint(t, Settings()), unsafe=True).text
    assert fixed == "The General Assembly,\n\nNoting the report,\n\nWelcoming the progress made,\n\n1. Decides to act.\n"


def test_a_clause_cut_off_the_opening_is_still_a_safe_fix() -> None:
    text = "The General Assembly, Recalling its resolution 78/10,\n\n1. Decides to act.\n"
    fixed = fix_text(text, lambda t: lint(t, Settings())).text
    assert fixed == "The General Assembly,\n\nRecalling its resolution 78/10,\n\n1. Decides to act.\n"


@pytest.mark.parametrize(
    "clause",
    [
        "Noting the report, welcoming the progress made and recalling its resolution 78/10,",  # lower case: one clause
        "Welcoming the report entitled “Our Future, Recognizing Our Past”,",  # inside a quoted title
        'Welcoming the report entitled "Our Future, Recognizing Our Past",',
        "Noting the report (Geneva, Welcoming Office, 2025),",  # inside brackets
        "Noting the work of Member States, Observers and the Secretariat,",  # a capital, no opener
    ],
)
def test_a_clause_with_no_second_clause_in_it_is_one(clause: str) -> None:
    text = f"The General Assembly,\n\n{clause}\n\n1. Decides to act.\n"
    assert preamble(text) == [clause]


def test_a_group_opener_run_on_after_a_comma_keeps_its_safe_fix() -> None:
    """An ITU group opener run onto a preambular item after its comma ("…Tunis Agenda,
    highlighting") is in lower case: not the cut read from a capital, and safe as before."""
    text = (
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n\nrecalling\n\n"
        "a) Resolution 101 (Rev. Dubai, 2018),\n\nb) the relevant paragraphs of the Tunis Agenda, highlighting\n\n"
        "a) the responsibilities of the Sector,\n\nresolves\n\n1 to continue the studies.\n"
    )
    fixed = fix_text(text, lambda t: lint(t, Settings())).text
    assert "the Tunis Agenda,\n\nhighlighting\n\na) the" in fixed
