"""Safe fixes of the new rules: applied, they remove their finding and change nothing twice."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from resolint.engine import lint
from resolint.fixes import fix_text

SAFE_CODES = ("CIT007", "TRM001", "TRM004", "TRM005", "TRM007", "TRM010", "TRM011", "TRM012", "DOC013", "DOC014")


@pytest.mark.parametrize("name", ["un-ga-citations.txt", "un-ga-terms.txt", "interpol-citations.txt", "interpol-title.txt"])
def test_safe_fixes_reach_a_fixed_point(name):
    text = (FIXTURES / "citations" / name).read_text(encoding="utf-8")
    before = [f for f in lint(text).findings if f.code in SAFE_CODES and f.fix and f.fix.applicability.value == "safe"]
    assert before, "the fixture should offer safe fixes"
    out = fix_text(text, lint)
    after = [f for f in out.result.findings if f.code in SAFE_CODES and f.fix and f.fix.applicability.value == "safe"]
    assert after == []
    assert fix_text(out.text, lint).text == out.text


def test_date_fix_writes_the_same_day():
    text = "The General Assembly,\n\nRecalling its resolution 79/243 of December 24, 2024,\n\n1. Decides.\n"
    out = fix_text(text, lint)
    assert "79/243 of 24 December 2024," in out.text


def test_vote_line_fix_keeps_the_counts():
    text = (
        "The ICPO-INTERPOL General Assembly, meeting in Marrakech, Morocco, from 24 to 27 November 2025 at its 93rd session:\n\n"
        "RECALLING its previous resolutions,\n\nCALLS UPON all member countries to:\n\n1. act.\n\n"
        "Adopted: 1 votes for, 2 against and 1 abstentions\n"
    )
    out = fix_text(text, lint)
    assert out.text.rstrip().endswith("Adopted: 1 vote in favour, 2 against, 1 abstention")


def test_unsafe_fix_only_with_unsafe_fixes():
    text = "The General Assembly,\n\nWelcoming the United Nations Convention on Cybercrime,\n\n1. Decides.\n"
    assert "Convention on Cybercrime" in fix_text(text, lint).text
    assert "United Nations Convention against Cybercrime" in fix_text(text, lint, unsafe=True).text
