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


def _opr007_lines(text: str) -> list[int]:
    result = lint(text)
    return [result.source.position(f.span.start).line + 1 for f in result.findings if f.code == "OPR007"]


_LAST_ITEM = """The General Assembly,

Recalling its resolution 75/1 of 21 September 2020,

1. Encourages Member States to:

(a) Invest in broadband infrastructure;

(b) Promote digital literacy,

{after}
"""


def test_a_last_item_ending_with_a_comma_before_the_next_paragraph_is_reported():
    assert _opr007_lines(_LAST_ITEM.format(after="2. Requests the Secretary-General to report.")) == [9]


def test_a_last_item_whose_line_a_pdf_broke_is_left_alone():
    # "(b) … resolutions 2250 (2015)," / "2419 (2018) and 2535 (2020);": the item goes on.
    text = _LAST_ITEM.replace("digital literacy,", "the resolutions 2250 (2015),").format(after="2419 (2018) and 2535 (2020);\n\n2. Requests the Secretary-General to report.")
    assert 9 not in _opr007_lines(text)


def test_the_last_item_of_an_itu_group_keeps_its_comma():
    text = """The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),

resolves

1 that the Bureau shall:

i) continue to provide experts;

ii) promote collaborative actions,

instructs the Secretary-General

1 to report to the Council.
"""
    assert _opr007_lines(text) == []


@pytest.mark.parametrize(
    ("opener", "shown"),
    [("Aware that", "Aware also that"), ("Aware of", "Aware also of"), ("AWARE OF", "Aware also of"), ("Bearing in mind", "Bearing in mind also")],
)
def test_also_goes_before_the_last_word_of_a_phrase_ending_in_that_or_of(opener, shown):
    text = f"The General Assembly,\n\n{opener} the needs of refugees,\n\n{opener} the role of host countries,\n\n1. Decides to act.\n"
    [f] = [f for f in lint(text).findings if f.code == "PRE006"]
    assert f.message.endswith(f"write '{shown}'")
    fixed = text[: f.fix.edits[0].span.start] + f.fix.edits[0].new_text + text[f.fix.edits[0].span.end :]
    assert f"{shown} the role of host countries".lower() in fixed.lower()


_INTERPOL_TURN = """The ICPO-INTERPOL General Assembly, meeting in Dubai, United Arab Emirates, from 18 to 21 November 2018 at its 87th session:

BEARING IN MIND the INTERPOL Rules on the Processing of Data,

CONVINCED that common standards are needed for the exchange of biometric data,

{verb} a working group on the processing of biometric data,

INVITES member countries to appoint experts to the working group;

INSTRUCTS the General Secretariat to provide the working group with the necessary support.
"""


@pytest.mark.parametrize("verb", ["ESTABLISHES", "ADOPTS", "AUTHORIZES", "DECIDES"])
def test_an_operative_verb_ending_with_a_comma_at_the_turn_opens_the_operative_part(verb):
    text = _INTERPOL_TURN.format(verb=verb)
    result = lint(text)
    assert [(f.code, result.source.position(f.span.start).line + 1) for f in result.findings] == [("OPR007", 7)]
    assert next(p for p in result.resolution.paragraphs if text[p.span.start :].startswith(verb)).kind is Kind.OPERATIVE


@pytest.mark.parametrize(("verb", "participle"), [("NOTES", "NOTING"), ("RECALLS", "RECALLING"), ("APPROVES", "APPROVING")])
def test_a_preambular_verb_written_finite_at_the_turn_stays_in_the_preamble(verb, participle):
    result = lint(_INTERPOL_TURN.format(verb=verb))
    assert [(f.code, f.message.rsplit("'", 2)[-2]) for f in result.findings] == [("PRE001", participle)]


_INTERPOL_OPENING = """GA-2021-89-RES-04

Subject: Approval of the budget for 2022

The ICPO-INTERPOL General Assembly, meeting in {place}, from {dates} at its {session} session:

HAVING EXAMINED the draft budget for 2022 presented by the Secretary General,

APPROVES the budget for 2022.
"""


def _doc_findings(**parts) -> list[tuple[str, str]]:
    text = _INTERPOL_OPENING.format(**{"place": "Istanbul, Turkey", "dates": "23 to 25 November 2021", "session": "89th", **parts})
    result = lint(text)
    return [(f.code, text[f.span.start : f.span.end]) for f in result.findings]


def test_a_wrong_ordinal_in_an_interpol_opening_is_reported_once():
    # Symbol, year, city and dates all say the 89th: the ordinal is the slip.
    assert _doc_findings(session="90th") == [("DOC011", "90th")]


def test_the_place_and_dates_are_still_checked_when_the_ordinal_is_right():
    assert _doc_findings() == []
    assert [code for code, _ in _doc_findings(place="Vienna, Austria")] == ["DOC012"]
    assert [code for code, _ in _doc_findings(session="90th", dates="18 to 21 October 2022", place="New Delhi, India")] == ["DOC011", "DOC011"]


_AMENDMENTS = """{title}

Operative paragraph 3

Replace operative paragraph 3 with the following:

"3. Calls upon States to ensure that the rights of older persons are respected in emergencies;"

After the fifth preambular paragraph, insert a new paragraph reading:

"Recognizing the contribution of older persons to their communities,"

Delete the words "and the private sector".
"""


@pytest.mark.parametrize(
    "title",
    [
        "Amendments to draft resolution A/C.3/80/L.21",
        "Egypt and Iraq: amendment to draft resolution A/C.3/80/L.21",
        "**Proposed amendments to the draft resolution**",
        "Amendment to draft decision A/79/L.5",
    ],
)
def test_a_document_of_amendments_is_no_draft_to_check_clause_by_clause(title):
    text = _AMENDMENTS.format(title=title)
    result = lint(text)
    assert [f.code for f in result.findings] == []
    assert {p.kind for p in result.resolution.paragraphs[1:]} == {Kind.ANNEX}


def test_a_draft_that_mentions_amendments_is_still_checked():
    text = "Draft resolution on amendments to the rules of procedure\n\nThe General Assembly,\n\nRecalling its resolution 77/1 of 10 October 2022,\n\n1. Adopts the amendments to the rules of procedure annexed to the present resolution,\n"
    assert [f.code for f in lint(text).findings] == ["OPR007"]


_CITED = """The General Assembly,

Recalling its resolution {cited},

1. Decides to keep the matter under review.

52nd plenary meeting
12 December 2024
"""


@pytest.mark.parametrize(
    ("cited", "codes"),
    [
        ("78/3 of 13 October 2025", ["CIT001"]),  # the year is wrong: once, as the date against the number
        ("80/3 of 13 October 2025", ["CIT004"]),  # number and date agree, both after the text
        ("79/3 of 13 October 2024", []),
    ],
)
def test_a_date_outside_its_session_and_after_the_text_is_reported_once(cited, codes):
    assert [f.code for f in lint(_CITED.format(cited=cited)).findings] == codes


_FIRST_PARAGRAPH = """The General Assembly,

Recognizing the role of migrant workers in the economies of host countries,

1. {opener} all Member States to ratify the Convention on the Rights of the Child,

2. Calls upon recruitment agencies to stop charging fees;

3. Decides to remain seized of the matter.
"""


@pytest.mark.parametrize("opener", ["Strongly urges", "Deeply regrets", "Firmly condemns", "Also strongly urges"])
def test_an_adverb_before_an_operative_verb_keeps_a_numbered_paragraph_operative(opener):
    result = lint(_FIRST_PARAGRAPH.format(opener=opener))
    assert [(f.code, result.source.position(f.span.start).line + 1) for f in result.findings] == [("OPR007", 5)]


def test_an_adverb_before_a_participle_is_still_preambular():
    res = parse(_FIRST_PARAGRAPH.replace("1. {opener} all", "Strongly encouraging all"))
    assert [p.kind for p in res.paragraphs][:3] == [Kind.OPENING, Kind.PREAMBLE, Kind.PREAMBLE]


@pytest.mark.parametrize("mark", ["Part II", "II", "B"])
def test_a_finite_verb_opening_a_sections_own_preamble_is_reported_once(mark):
    text = _TWO_PARTS.format(first="Part I" if mark.startswith("Part") else "A", second=f"{mark}\n\nPeacekeeping support account")
    text = text.replace("Recalling its resolution 79/301", "Recalls its resolution 79/301")
    result = lint(text)
    assert [(f.code, f.message.rsplit("'", 2)[-2]) for f in result.findings] == [("PRE001", "Recalling")]


_ITU = """The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),

{first}

a) Resolution 139 (Rev. Dubai, 2018) of this conference;

b) the outcomes of the World Summit on the Information Society,

noting

that many people in rural areas still lack access to broadband networks,

resolves

to continue to promote connectivity to broadband networks in developing countries.
"""


@pytest.mark.parametrize(("first", "participle"), [("recalls", "recalling"), ("considers", "considering")])
def test_a_finite_verb_heading_an_itu_preambular_group_is_reported_once(first, participle):
    result = lint(_ITU.format(first=first))
    assert [(f.code, f.message.rsplit("'", 2)[-2]) for f in result.findings] == [("PRE001", participle)]


def test_an_itu_operative_group_after_the_preamble_stays_operative():
    text = _ITU.format(first="recalling").replace("resolves\n", "instructs the Secretary-General\n")
    assert [f.code for f in lint(text).findings] == []


def test_the_next_itu_resolutions_preambular_groups_are_its_own():
    # "resolves" / "to continue …" ends the first resolution; the second's "noting" says
    # nothing of it.
    text = _ITU.format(first="recalling") + "\nRESOLUTION 25 (REV. BUCHAREST, 2022)\n\nRegional presence\n\n" + _ITU.format(first="recalling")
    result = lint(text)
    assert [f.code for f in result.findings] == []
    assert sum(p.kind is Kind.OPERATIVE and p.heads_group for p in result.resolution.paragraphs) == 2


@pytest.mark.parametrize("opener", ["<u>Deeply disturbed</u>", "<u>Alarmed</u>", "**<u>Alarmed</u>**", "<em>Alarmed</em>"])
def test_an_underlined_preambular_opener_without_its_comma_stays_in_the_preamble(opener):
    text = (
        "The Human Rights Council,\n\n<u>Reaffirming</u> the right to privacy,\n\n"
        f"{opener} by the use of spyware against journalists\n\n"
        "1. <u>Calls upon</u> all States to review their legislation;\n\n2. <u>Requests</u> the High Commissioner to prepare a report.\n"
    )
    result = lint(text, path="draft.res.md")
    assert [(f.code, result.source.position(f.span.start).line + 1) for f in result.findings] == [("PRE004", 5)]


def test_a_sections_preambular_clause_without_its_comma_is_no_heading():
    text = _TWO_PARTS.format(first="Part I", second="Part II\n\nPeacekeeping support account").replace("30 June 2025,", "30 June 2025")
    result = lint(text)
    assert [f.code for f in result.findings] == ["PRE004"]
    assert next(p for p in result.resolution.paragraphs if text[p.span.start :].startswith("Recalling")).kind is Kind.PREAMBLE


def test_an_operative_verb_written_as_a_participle_over_numbered_items_is_reported_once():
    text = _INTERPOL_TURN.format(verb="ESTABLISHES").replace(
        "ESTABLISHES a working group on the processing of biometric data,",
        "DECIDING:\n\n1. to establish a working group on the processing of biometric data;\n\n2. to review its work in 2020;",
    )
    result = lint(text)
    assert [(f.code, f.message.rsplit("'", 2)[-2]) for f in result.findings] == [("OPR004", "DECIDES")]
