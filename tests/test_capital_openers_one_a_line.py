"""INTERPOL clauses typed one a line, no blank line between: a clause whose opener in
capitals is not a listed one ("THANKS", "APPOINTS", "SHOCKED by") is a paragraph of its
own after the block's longest line, not the rest of it.

Found by an INTERPOL draft written for probing: "REQUESTS … resolution;" (the longest line
of its block) and "THANKS the host country …." were read as one paragraph, as if an
editor had wrapped it, so the last paragraph went unchecked and OPR007 asked the pair to
end as the last paragraph ends.
"""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.model import Kind
from resolint.parser import parse
from resolint.settings import Settings

OPENING = "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 3 to 6 November 2026 at its 94th session:"


@pytest.mark.parametrize("last", ["THANKS the host country for its hospitality.", "ELECTS Ms Ana Costa as Delegate for Europe."])
def test_an_unlisted_opener_after_the_longest_line_starts_a_paragraph(last: str) -> None:
    longest = "REQUESTS the Secretary General and the Executive Committee to implement the present resolution;"
    text = f"{OPENING}\n\nNOTING the report of the Executive Committee,\n\nAPPROVES the report;\n{longest}\n{last}\n"
    res = parse(text)
    ops = [p.text(res.source) for p in res.paragraphs if p.kind is Kind.OPERATIVE]
    assert ops == ["APPROVES the report;", longest, last]
    assert "OPR007" not in {f.code for f in lint(text, Settings()).findings}


@pytest.mark.parametrize(
    "continuation",
    [
        "INTERPOL and its partners in the region;",  # an acronym, no opener's shape
        "ICPO-INTERPOL databases.",
    ],
)
def test_a_sentence_an_editor_wrapped_before_a_name_in_capitals_stays_one(continuation: str) -> None:
    wrapped = "ENCOURAGES member countries to exchange information on the matter, in particular with"
    text = f"{OPENING}\n\nNOTING the report,\n\nAPPROVES the report of the working group on this matter;\n{wrapped}\n{continuation}\n"
    res = parse(text)
    ops = [p.text(res.source) for p in res.paragraphs if p.kind is Kind.OPERATIVE]
    assert ops[-1] == f"{wrapped}\n{continuation}"
