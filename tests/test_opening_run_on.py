"""A first clause run onto the opening's line is cut off as a paragraph of its own.

Found by drafts written for probing: "The General Assembly, Recalling its resolution
…," was read as one opening (the clause went unchecked), and an INTERPOL opening with its
first clause on the same line ("… at its 94th session: RECALLING …,") was read as an
opening ending with "," whose safe fix (DOC002) turned the clause's comma into a colon.
"""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.incremental import IncrementalLinter
from resolint.model import Kind
from resolint.parser import parse
from resolint.settings import Settings

INTERPOL_OPENING = "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 3 to 6 November 2026 at its 94th session:"


def kinds_and_text(text: str) -> list[tuple[Kind, str]]:
    res = parse(text)
    return [(p.kind, p.text(res.source)) for p in res.paragraphs]


@pytest.mark.parametrize(
    ("opening", "clause"),
    [
        ("The General Assembly,", "Recalling its resolution 78/10 of 2 November 2023,"),
        ("The Security Council,", "*Acting* under Chapter VII of the Charter of the United Nations,"),
        (INTERPOL_OPENING, "RECALLING resolution GA-2023-91-RES-12,"),
        (INTERPOL_OPENING, "BEARING IN MIND the Constitution,"),
    ],
)
def test_a_clause_on_the_openings_line_is_a_paragraph_of_its_own(opening: str, clause: str) -> None:
    text = f"{opening} {clause}\n\n1. Decides to act.\n"
    got = kinds_and_text(text)
    assert got[:2] == [(Kind.OPENING, opening), (Kind.PREAMBLE, clause)]


def test_the_interpol_openings_colon_is_kept_and_the_clause_put_on_its_own_line() -> None:
    text = f"{INTERPOL_OPENING} RECALLING resolution GA-2023-91-RES-12,\n\nAPPROVES the annex.\n"
    result = lint(text, Settings(), style="interpol")
    assert "DOC002" not in {f.code for f in result.findings}
    fixed = fix_text(text, lambda t: lint(t, Settings(), style="interpol")).text
    assert fixed == f"{INTERPOL_OPENING}\n\nRECALLING resolution GA-2023-91-RES-12,\n\nAPPROVES the annex.\n"


def test_an_opening_wrapped_over_two_lines_keeps_its_lines() -> None:
    text = (
        "The ICPO-INTERPOL General Assembly, meeting in Lyon, France,\n"
        "from 3 to 6 November 2026 at its 94th session: RECALLING\nits resolution GA-2023-91-RES-12,\n\nAPPROVES the annex.\n"
    )
    res = parse(text)
    opening, clause = res.paragraphs[:2]
    assert (opening.kind, clause.kind) == (Kind.OPENING, Kind.PREAMBLE)
    assert clause.text(res.source).startswith("RECALLING")


@pytest.mark.parametrize(
    "text",
    [
        # one sentence, as some decisions are written: the participle in lower case
        "The General Assembly, recalling its resolution 79/327, decides:\n\n(a) To act;\n",
        # a Model UN committee whose name holds commas
        "The Social, Humanitarian and Cultural Committee,\n\nRecalling its work,\n\n1. Decides to act.\n",
    ],
)
def test_an_opening_that_goes_on_in_one_sentence_is_not_cut(text: str) -> None:
    res = parse(text)
    first = res.paragraphs[0]
    assert first.kind is Kind.OPENING
    assert first.text(res.source) == text.split("\n\n")[0]
    assert not res.run_on


def test_editing_the_glued_clause_relints_like_a_full_lint() -> None:
    linter, settings_ = IncrementalLinter(), Settings()
    text = f"{INTERPOL_OPENING} RECALLING resolution GA-2023-91-RES-12,\n\nNOTING the report,\n\nAPPROVES the annex.\n"
    for old, new in [("", ""), ("RECALLING", "RECALLING ALSO"), (": RECALLING", ":\n\nRECALLING"), (":\n\nRECALLING", ": RECALLING")]:
        assert old in text
        text = text.replace(old, new, 1)
        got = [(f.code, f.span) for f in linter.lint(text, settings_).findings]
        assert got == [(f.code, f.span) for f in lint(text, settings_).findings]
