"""Round-three accuracy probe: forms of drafts the earlier probes did not write (parts
headed "Part I", INTERPOL clauses at the turn from preamble to operative part, lists
whose last item ends with a comma, repeated openers ending in "that"). Each test's draft
was written for it; the expected values are read off the drafting rules, not the output.
"""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.model import Kind
from resolint.parser import parse
from resolint.parser import patterns as P

_TWO_PARTS = """The General Assembly,

{first}

Regular budget

Having considered the report of the Advisory Committee on Administrative and Budgetary Questions,

1. Approves the programme budget for 2027;

2. Requests the Secretary-General to ensure the full implementation of the budget;

{second}

Recalling its resolution 79/301 of 30 June 2025,

1. Decides to approve the support account requirements for the period from 1 July 2026 to 30 June 2027;

2. Also decides to keep the matter under review.
"""


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Part I", "Part II\n\nPeacekeeping support account"),
        ("PART I", "PART II\n\nPeacekeeping support account"),
        ("**Section A**", "**Section B**\n\nPeacekeeping support account"),
        ("Part I", "Part II: Peacekeeping support account"),
        ("Part I", "PART II \u2013 Peacekeeping support account"),
    ],
)
def test_a_part_headed_with_the_word_part_has_its_own_preamble(first, second):
    text = _TWO_PARTS.format(first=first, second=second)
    res = parse(text)
    head = next(p for p in res.paragraphs if text[p.span.start : p.span.end].startswith(second.split("\n")[0]))
    assert head.kind is Kind.HEADING
    recalling = next(p for p in res.paragraphs if text[p.span.start : p.span.end].startswith("Recalling"))
    assert recalling.kind is Kind.PREAMBLE
    assert [f.code for f in lint(text).findings] == []


@pytest.mark.parametrize("line", ["Part A of the report shall be published", "Section B of the annex", "Part 2", "Parts I and II"])
def test_a_sentence_starting_with_part_is_no_section_mark(line):
    assert P.SECTION_MARKER.match(line) is None
    assert P.SECTION_HEADING.match(line) is None

