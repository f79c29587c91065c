"""Round-four accuracy probe: a full stop ending the last item of an operative paragraph
that others follow, repeated preambular openers formed with "Being"/"Having been", and an
ITU group headed by a finite verb right before "resolves". Each draft was written for its
test; the expected values are read off the drafting rules, not the output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import resolint_rules
from resolint.engine import lint
from resolint.model import Kind
from resolint.parser import groups
from resolint.styles import StyleError


def _apply(text: str, fix) -> str:
    for edit in sorted(fix.edits, key=lambda e: e.span.start, reverse=True):
        text = text[: edit.span.start] + edit.new_text + text[edit.span.end :]
    return text


def _opr007(text: str):
    result = lint(text)
    return [(result.source.position(f.span.start).line + 1, f) for f in result.findings if f.code == "OPR007"]


_LAST_ITEM = """The General Assembly,

Recalling its resolution 75/1 of 21 September 2020,

1. Decides to remain seized of the matter;

2. Encourages Member States:

(a) To invest in broadband infrastructure;

(b) {last}

{after}
"""


def test_a_last_item_ending_with_a_full_stop_before_the_next_paragraph_is_reported():
    text = _LAST_ITEM.format(last="To promote digital literacy.", after="3. Requests the Secretary-General to report at its next session.")
    [(line, f)] = _opr007(text)
    assert line == 11
    assert f.fix.applicability.name == "SAFE"
    assert "(b) To promote digital literacy;\n" in _apply(text, f.fix)


def test_a_full_stop_closing_an_abbreviation_keeps_it_and_takes_the_semicolon_after():
    text = _LAST_ITEM.format(last="To invest in schools, libraries, etc.", after="3. Requests the Secretary-General to report.")
    [(line, f)] = _opr007(text)
    assert line == 11
    assert "libraries, etc.;\n" in _apply(text, f.fix)


def test_a_full_stop_inside_closing_quotes_gets_no_safe_fix():
    text = _LAST_ITEM.format(last='To adopt the motto "Leave no one offline."', after="3. Requests the Secretary-General to report.")
    [(line, f)] = _opr007(text)
    assert line == 11
    assert f.fix.applicability.name == "UNSAFE"


def test_a_last_item_of_several_sentences_keeps_its_full_stop():
    text = _LAST_ITEM.format(last="To promote digital literacy. Such programmes should reach older persons.", after="3. Requests the Secretary-General to report.")
    assert _opr007(text) == []


def test_the_last_item_of_the_resolution_keeps_its_full_stop():
    assert _opr007(_LAST_ITEM.format(last="To promote digital literacy.", after="")) == []


def test_a_last_item_whose_line_a_pdf_broke_after_a_full_stop_is_left_alone():
    text = _LAST_ITEM.format(last="To work with the specialized agencies of the U.N.", after="and with regional organizations;\n\n3. Requests the Secretary-General to report.")
    assert 11 not in [line for line, _ in _opr007(text)]


def test_an_interpol_clause_after_a_last_item_ending_with_a_full_stop():
    text = """The ICPO-INTERPOL General Assembly, meeting in Vienna, Austria, from 16 to 19 November 2026 at its 94th session:

BEARING IN MIND Article 2 of the Constitution,

ENCOURAGES member countries:

(a) to join the working group;

(b) to share their experience.

REQUESTS the General Secretariat to report to the General Assembly at its next session.
"""
    assert [line for line, _ in _opr007(text)] == [9]


def test_the_last_item_of_an_itu_group_may_end_with_a_full_stop():
    text = """The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),

resolves

1 that the Bureau shall:

i) continue to provide experts;

ii) promote collaborative actions.

instructs the Secretary-General

1 to report to the Council.
"""
    assert _opr007(text) == []


def test_a_line_a_pdf_broke_after_a_full_stop_starting_with_a_name_is_no_new_clause():
    # "… Committees on Health, Criminal Matters." / "Crisis Management, …": the item goes on.
    text = _LAST_ITEM.format(last="To support the committees on Health, Criminal Matters.", after="Crisis Management and Economic Matters;\n\n3. Requests the Secretary-General to report.")
    assert 11 not in [line for line, _ in _opr007(text)]


_PREAMBLE = """The General Assembly,

{first} digital technologies can widen inequalities between countries,

{second} many schools in rural areas lack connectivity,

1. Decides to remain seized of the matter.
"""


@pytest.mark.parametrize(
    ("first", "second", "shown"),
    [
        ("Being aware that", "Being aware that", "Being also aware that"),
        ("Aware that", "Being aware that", "Being also aware that"),
        ("Being aware that", "Aware that", "Aware also that"),
        ("Being convinced that", "Being convinced that", "Being also convinced that"),
        ("Having been informed that", "Having been informed that", "Having also been informed that"),
        ("Being deeply concerned that", "Being deeply concerned that", "Being also deeply concerned that"),
    ],
)
def test_an_opener_formed_with_being_or_having_been_repeats_its_phrase(first, second, shown):
    text = _PREAMBLE.format(first=first, second=second)
    result = lint(text)
    [f] = result.findings
    assert f.code == "PRE006"
    assert result.source.position(f.span.start).line + 1 == 5
    assert shown.startswith(f.message.rsplit("'", 2)[-2])  # the opener as written, up to its phrase's end
    assert f"\n{shown} many schools" in _apply(text, f.fix)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Being aware that", "Being also aware that"),
        ("Being aware that", "Being aware also that"),
        ("Being convinced that", "Being further convinced that"),
        ("Having been informed that", "Having also been informed that"),
        ("Being aware that", "Being convinced that"),
        ("Having been informed that", "Having been told that"),
        ("Being a party to the Convention, conscious that", "Being also a party to the Protocol, conscious that"),
        ("Being a party to the Convention, conscious that", "Being a State party to the Protocol, conscious that"),
        ("Being a party to the Convention, conscious that", "Being members of the Union, conscious that"),
    ],
)
def test_a_modified_or_different_opener_formed_with_an_auxiliary_is_no_repetition(first, second):
    assert "PRE006" not in [f.code for f in lint(_PREAMBLE.format(first=first, second=second)).findings]


_PARTY = """The General Assembly,

{first} the Convention on the Rights of the Child,

{second} the Optional Protocol on the involvement of children in armed conflict,

1. Decides to remain seized of the matter.
"""


@pytest.mark.parametrize(
    ("opener", "shown"),
    [
        ("Being a party to", "Being also a party to"),
        ("Being a State party to", "Being also a State party to"),
        ("Being parties to", "Being also parties to"),
        ("Being committed to", "Being also committed to"),
    ],
)
def test_being_and_what_it_says_up_to_its_preposition_twice_is_a_repeated_opener(opener, shown):
    """"Being a party to …," twice passed (the words after "Being" are no listed phrase):
    it is one opener repeated, as "Being aware that" twice is, and takes "also" after
    "Being"."""
    text = _PARTY.format(first=opener, second=opener)
    [f] = [f for f in lint(text).findings if f.code == "PRE006"]
    assert lint(text).source.position(f.span.start).line + 1 == 5
    assert f"\n{shown} the Optional Protocol" in _apply(text, f.fix)


def test_an_interpol_opener_formed_with_being_repeats_in_capitals():
    text = """The ICPO-INTERPOL General Assembly, meeting in Vienna, Austria, from 16 to 19 November 2026 at its 94th session:

BEING AWARE that digital evidence crosses borders,

BEING AWARE that many member countries lack forensic laboratories,

ENCOURAGES member countries to share their experience.
"""
    result = lint(text)
    [f] = [f for f in result.findings if f.code == "PRE006"]
    assert "BEING ALSO AWARE that many" in _apply(text, f.fix)


_ITU = """RESOLUTION 998 (BUSAN, 2030)

Broadband connectivity in rural areas

The Plenipotentiary Conference of the International Telecommunication Union (Busan, 2030),

considering

a) that many people in rural areas still lack access to broadband networks;

b) that satellite systems can help to close that gap,

{head}

{item}

resolves

1 to continue to promote connectivity in rural areas;

2 to share the results with the membership.
"""


@pytest.mark.parametrize(
    ("head", "participle"),
    [("notes", "noting"), ("recognizes", "recognizing"), ("takes into account", "taking"), ("emphasizes", "emphasizing")],
)
def test_a_finite_verb_heading_the_last_itu_preambular_group_before_resolves_is_reported_once(head, participle):
    text = _ITU.format(head=head, item="the work of the study groups on this question,")
    result = lint(text)
    assert [(f.code, result.source.position(f.span.start).line + 1, f.message.rsplit("'", 2)[-2]) for f in result.findings] == [("PRE001", 13, participle)]
    group = next(p for p in result.resolution.paragraphs if text[p.span.start :].startswith(head))
    assert group.kind is Kind.PREAMBLE and group.heads_group


@pytest.mark.parametrize("head", ["encourages Member States", "invites Member States", "instructs the Secretary-General", "urges Member States"])
def test_an_itu_operative_group_before_resolves_stays_operative(head):
    text = _ITU.format(head=head, item="to take part in the work of the study groups,")
    result = lint(text)
    group = next(p for p in result.resolution.paragraphs if text[p.span.start :].startswith(head))
    assert group.kind is Kind.OPERATIVE
    assert "PRE001" not in [f.code for f in result.findings]


def test_a_finite_verb_over_numbered_items_before_resolves_stays_operative():
    # "notes" / "1 that …": numbered as operative items are; the verb is the drafter's choice.
    text = _ITU.format(head="notes", item="1 that the study groups will report on this question;")
    group = next(p for p in lint(text).resolution.paragraphs if text[p.span.start :].startswith("notes"))
    assert group.kind is Kind.OPERATIVE


def test_every_verb_of_the_itu_operative_list_heads_an_operative_group():
    listed = Path(resolint_rules.__file__).parent / "data" / "itu_operative_phrases.txt"
    verbs = {w for line in listed.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#") for w in line.split()[:2] if w not in ("further", "also")}
    assert {v for v in verbs if v.endswith("s")} <= groups.itu_operative_verbs()


@pytest.mark.parametrize(
    ("added", "verbs"),
    [
        (("proclaims", "further stresses", "Also Affirms the need"), {"proclaims", "stresses", "affirms"}),
        (StyleError("no itu style"), set()),
    ],
)
def test_the_itu_operative_verbs_are_read_from_the_style(monkeypatch, added, verbs):
    """One list: the verbs are the first words of the phrases the ITU style adds (past a
    qualifier), with the UN list's three that ITU texts write as group openers; a style
    that cannot be read leaves the three (the parser never raises)."""

    def added_openers(name, part):
        assert (name, part) == ("itu", "operative")
        if isinstance(added, Exception):
            raise added
        return added

    monkeypatch.setattr(groups, "builtin_added_openers", added_openers)
    groups.itu_operative_verbs.cache_clear()
    try:
        assert groups.itu_operative_verbs() == verbs | {"decides", "requests", "calls"}
    finally:
        groups.itu_operative_verbs.cache_clear()


def test_an_unlisted_interpol_verb_in_capitals_after_a_last_item_opens_the_next_clause():
    text = """The ICPO-INTERPOL General Assembly, meeting in Vienna, Austria, from 16 to 19 November 2026 at its 94th session:

BEARING IN MIND Article 2 of the Constitution,

ENCOURAGES member countries:

(a) to join the working group;

(b) to share their experience.

SALUTES the General Secretariat for its work.
"""
    assert [line for line, _ in _opr007(text)] == [9]
