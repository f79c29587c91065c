"""A quotation an operative paragraph inserts ("…replaced by the following text: “…”;")
ends at its closing quote mark: the operative paragraphs after it are the resolution's.

Found by a Security Council draft written for probing: every paragraph after the quoted
replacement text was read as text the resolution adopts (annex), so paragraphs 2 and 3,
and the last one's full stop, went unchecked.
"""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.incremental import IncrementalLinter
from resolint.model import Kind
from resolint.parser import parse
from resolint.parser.placement import closes_quote
from resolint.settings import Settings

STRAIGHT = """The Security Council,

Recalling its resolution 2101 (2013),

1. Decides that paragraph 4 of resolution 2101 (2013) shall be replaced by the following text:

"4. Decides that the measures shall not apply to:

(a) food and medicine;

(b) the work of the Panel,";

2. Decides to review the measures within six months;

3. Decides to remain seized of the matter.
"""

#: UN print: every paragraph of the quotation opens with a mark, only the last closes it,
#: and a quoted title inside it opens and closes its own.
CURLY = """The General Assembly,

Recalling its resolution 70/5 of 3 November 2015,

1. Decides to amend rule 9 of its rules of procedure to read as follows:

“Rule 9

“(a) The item entitled “Questions of procedure” shall be taken up first;

“(b) The President shall announce the list of speakers.”;

2. Requests the Secretary-General to issue the amended rules;

3. Decides to take up the question again at its next session.
"""

ONE_PARAGRAPH = """The Security Council,

1. Decides that paragraph 6 shall read as follows:

“Calls upon all parties to respect the ceasefire”;

2. Decides to remain seized of the matter.
"""


def kinds(text: str) -> list[tuple[Kind, str]]:
    res = parse(text)
    return [(p.kind, p.text(res.source)[:12]) for p in res.paragraphs]


@pytest.mark.parametrize(("text", "quoted"), [(STRAIGHT, 3), (CURLY, 3), (ONE_PARAGRAPH, 1)])
def test_the_operative_part_goes_on_after_the_closing_quote(text: str, quoted: int) -> None:
    got = kinds(text)
    intro = next(i for i, (_, t) in enumerate(got) if t.startswith("1."))
    assert [k for k, _ in got[intro + 1 : intro + 1 + quoted]] == [Kind.ANNEX] * quoted
    after = got[intro + 1 + quoted :]
    assert [t[:2] for _, t in after] == ["2.", "3."][: len(after)]
    assert {k for k, _ in after} == {Kind.OPERATIVE}


def test_a_paragraph_after_the_quotation_is_checked() -> None:
    """The last paragraph's mark is checked again (it was annex text)."""
    text = STRAIGHT.replace("seized of the matter.", "seized of the matter;")
    result = lint(text, Settings())
    lines = {(f.code, result.source.position(f.span.start).line + 1) for f in result.findings}
    assert ("OPR007", text[: text.index("seized")].count("\n") + 1) in lines


def test_a_declaration_the_resolution_adopts_still_runs_to_the_closing_lines() -> None:
    text = """The General Assembly,

1. Adopts the following declaration:

We, the Heads of State and Government,

1. Reaffirm our commitment;

2. Decide to meet again.

88th plenary meeting
"""
    got = kinds(text)
    assert [k for k, _ in got[2:5]] == [Kind.ANNEX] * 3
    assert got[5][0] is Kind.CLOSING


@pytest.mark.parametrize(
    ("body", "closes"),
    [
        ('"4. Decides that the measures shall not apply to:', False),
        ("(a) food and medicine;", False),
        ('(b) the work of the Panel,";', True),
        ('"Calls upon all parties to respect the ceasefire";', True),
        ('"(a) The item entitled "Questions" shall be taken up;', False),
        ("“(a) The item entitled “Questions of procedure” shall be taken up first;", False),
        ("“(b) The President shall announce the list of speakers.”;", True),
        ("**“Calls upon all parties”;**", True),
    ],
)
def test_closes_quote(body: str, closes: bool) -> None:
    assert closes_quote(body) is closes


def test_editing_after_the_quotation_relints_like_a_full_lint() -> None:
    linter, settings_ = IncrementalLinter(), Settings()
    text = CURLY
    for old, new in [("", ""), ("next session.", "next session;"), ("”;\n", ";\n"), (";\n\n2. Requests", "”;\n\n2. Requests")]:
        assert old in text
        text = text.replace(old, new, 1)
        got = [(f.code, f.span) for f in linter.lint(text, settings_).findings]
        assert got == [(f.code, f.span) for f in lint(text, settings_).findings]


#: The same replacement introduced by a bare colon ("… with:"), as drafts also write it.
BARE_COLON = """The Security Council,

1. Decides to replace paragraph 3 of resolution 2480 (2019) with:

"3. Decides that the exemptions shall cover:

(a) the delivery of food aid;

(b) the repair of water systems,";

2. Decides to remain seized of the matter.
"""


def test_a_quotation_after_a_bare_colon_is_quoted_text_and_left_as_written() -> None:
    """Read as the paragraph's sub-paragraphs, the other resolution's quoted words had
    OPR010's safe fix give them capitals ("(a) The delivery …"), and OPR007 asked for the
    quoting paragraph's colon to become a semicolon once they were not."""
    from resolint.fixes import fix_text

    res = parse(BARE_COLON)
    kinds = [p.kind for p in res.paragraphs]
    assert kinds == [Kind.OPENING, Kind.OPERATIVE, Kind.ANNEX, Kind.ANNEX, Kind.ANNEX, Kind.OPERATIVE]
    assert lint(BARE_COLON).findings == []
    assert fix_text(BARE_COLON, lint, unsafe=True).text == BARE_COLON


def test_one_quoted_paragraph_after_a_bare_colon_stays_the_paragraphs_own() -> None:
    text = 'The Security Council,\n\n1. Decides to add to paragraph 3 the words:\n\n"and medical supplies";\n\n2. Decides to remain seized of the matter.\n'
    res = parse(text)
    quoted = res.paragraphs[2]
    assert quoted.parent is res.paragraphs[1] and quoted.kind is not Kind.ANNEX
