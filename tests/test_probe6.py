"""Round six of the accuracy probe: a paragraph's end read through a footnote's
reference, bodies other than the General Assembly that open "The General Conference,",
an opener broken at a line's end, openers the knowledge base lists, and short references
to a covenant or a treaty. Each test is built from a draft written for it; the expected
findings and fixes are read off the drafting rules, not off the linter's output.
"""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.fixes import apply_edits, select_fixes


def _findings(text: str, *prefixes: str) -> list[tuple[str, int]]:
    result = lint(text, path="draft.txt")
    return sorted((f.code, result.source.position(f.span.start).line + 1) for f in result.findings if f.code.startswith(prefixes or ("",)))


def _fixed(text: str, code: str) -> str:
    result = lint(text, path="draft.txt")
    chosen = select_fixes([f for f in result.findings if f.code == code], unsafe=True)
    return apply_edits(text, [e for f in chosen for e in f.fix.edits])


# -- a footnote's reference after the paragraph's mark, or before it -------------------
_NOTES = """The General Assembly,

Recalling its resolution 70/1 adopted at its seventieth session{pre}

Noting the report of the Secretary-General,

1. Decides to continue consideration of the question at its seventy-first session{op1}

2. Requests the Secretary-General to report thereon at its seventy-second session.
"""


@pytest.mark.parametrize("reference", ["5", "12", "5,6"])
def test_plain_digits_after_a_words_full_stop_are_a_reference_not_the_end(reference):
    """A PDF's text keeps a footnote's number as plain digits after the stop ("session.5"):
    read as no final mark, the fix wrote "session.5," and "session.5;"; the stop is the
    mark, replaced where it stands, the reference kept after it."""
    text = _NOTES.format(pre="." + reference, op1="." + reference)
    assert _findings(text, "PRE004", "OPR007") == [("OPR007", 7), ("PRE004", 3)]
    fixed = _fixed(_fixed(text, "PRE004"), "OPR007")
    assert "seventieth session," + reference + "\n" in fixed
    assert "seventy-first session;" + reference + "\n" in fixed


@pytest.mark.parametrize("ending", ["document A/75/L.5", "document A/RES/70/1/Rev.1", "paragraph 5.1", "decision E/CN.6", "see para.5"])
def test_a_number_after_a_symbols_or_an_abbreviations_full_stop_is_no_reference(ending):
    """"L.5", "Rev.1", "5.1" and "para.5" end with their own number: the mark the
    paragraph lacks goes after it."""
    text = _NOTES.format(pre=" in " + ending, op1=";")
    fixed = _fixed(text, "PRE004")
    assert " in " + ending + ",\n" in fixed


@pytest.mark.parametrize("reference", ["⁵", "[^5]", "[5]"])
def test_a_mark_replaced_after_a_reference_goes_before_it(reference):
    """"…session⁵." then ";": the new mark is written before the reference, where United
    Nations texts put it and where the parser reads it ("session⁵;" put the reference
    inside the sentence)."""
    text = _NOTES.format(pre=reference + ";", op1=reference + ".")
    assert _findings(text, "PRE004", "OPR007") == [("OPR007", 7), ("PRE004", 3)]
    fixed = _fixed(_fixed(text, "PRE004"), "OPR007")
    assert "seventieth session," + reference + "\n" in fixed
    assert "seventy-first session;" + reference + "\n" in fixed
    assert _findings(fixed, "PRE004", "OPR007") == []


# -- "The General Conference," (UNESCO, the IAEA): no style of its own ----------------
_CONFERENCE = """The General Conference,

Recalling its resolution 40/22 on open science,

1. Invites Member States:

(a) to implement the Recommendation on Open Science;

(b) to report on the measures taken;

2. Requests the Director-General to report on the implementation of this resolution.
"""


def test_a_body_with_no_style_of_its_own_is_not_held_to_the_general_assemblys_conventions():
    """UNESCO's and the IAEA's General Conference write "(a) to implement …" and "this
    resolution": under the default style (un-ga) these were OPR010 and TRM007 findings,
    conventions of the General Assembly's house, not slips."""
    assert _findings(_CONFERENCE) == []


def test_a_slip_any_draft_makes_is_still_reported_under_an_unknown_body():
    text = _CONFERENCE.replace("2. Requests", "3. Requests").replace("science,", "science")
    assert _findings(text) == [("OPR002", 11), ("PRE004", 3)]


def test_the_same_conventions_are_checked_when_the_style_is_named():
    result = lint(_CONFERENCE, path="draft.txt", style="un-ga")
    assert sorted(f.code for f in result.findings) == ["OPR010", "OPR010", "TRM007"]


def test_the_house_conventions_left_out_are_those_the_styles_page_names():
    """docs/styles.md tells which checks say nothing under a body no style knows."""
    from pathlib import Path

    from resolint.registry import all_rules

    page = (Path(__file__).parent.parent / "docs" / "styles.md").read_text(encoding="utf-8")
    marked = sorted(r.code for r in all_rules() if r.house_convention)
    assert "OPR010" in marked and "TRM007" in marked
    named = {"TRM004", "TRM005", "TRM006", "TRM007"} | {c for c in marked if c in page}
    assert named == set(marked)


# -- an opener broken by a hyphen at a line's end (a PDF's text) -----------------------
_BROKEN = """The General Assembly,

{pre}

Noting the report of the Secretary-General,

1. {op} the Secretary-General to report thereon.
"""


def test_an_opener_broken_at_a_line_end_is_read_whole():
    """"Recog-" / "nizing the importance …" was PRE002's unknown opener 'Recog-'."""
    text = _BROKEN.format(pre="Recog-\nnizing the importance of the question,", op="Re-\n   quests")
    assert _findings(text) == []


def test_a_case_fix_of_a_broken_opener_keeps_the_break():
    """The case fix changes letters only: the hyphen and the line break are the drafter's
    to remove (a fix writing 'Requests' over "re-\\nquests" joined two lines)."""
    text = _BROKEN.format(pre="Recognizing the importance of the question,", op="re-\nquests")
    assert _findings(text) == [("OPR006", 7)]
    assert "1. Re-\nquests the Secretary-General" in _fixed(text, "OPR006")


def test_a_finite_verb_broken_at_a_line_end_is_still_one():
    text = _BROKEN.format(pre="Recog-\nnizes the importance of the question,", op="Requests")
    assert _findings(text) == [("PRE001", 3)]


def test_the_parser_places_a_broken_opener_by_the_word_it_reads():
    """After the operative part began, "Recog-" / "nizing …," is a preambular paragraph
    out of place (DOC003), as "Recognizing …," is; read as "Recog-" it was an unnumbered
    operative paragraph with a participle (OPR001, OPR004) and the numbers after it wrong."""
    text = _BROKEN.format(pre="Recalling its resolution 70/1,", op="Requests").replace(
        "\n\nNoting the report of the Secretary-General,\n\n1. Requests", "\n\n1. Decides to act;\n\nRecog-\nnizing the report,\n\n2. Requests")
    assert _findings(text) == [("DOC003", 7)]


def test_an_all_capitals_opener_broken_at_a_line_end_is_read_whole():
    text = """The ICPO-INTERPOL General Assembly, meeting in Glasgow, United Kingdom, from 4 to 7 November 2024 at its 92nd session:

CONSID-
ERING the importance of the question,

RE-
QUESTS the General Secretariat to report.
"""
    assert _findings(text) == []


@pytest.mark.parametrize("pre", ["Self-\nreliant in its work,", "Well-\nfounded in its work,"])
def test_a_word_that_stays_unknown_when_joined_is_read_as_written(pre):
    """A compound broken at its own hyphen ("Self-" / "reliant") joins into no listed
    phrase and no verb: the opener is read as written, as before."""
    text = _BROKEN.format(pre=pre, op="Requests")
    result = lint(text, path="draft.txt")
    p = result.resolution.preamble[0]
    op = result.facts.opener(p)
    assert op is not None and op.phrase is None and "\n" not in result.source.text[op.span.start : op.span.end]


# -- preambular openers the corpus's Security Council drafts write ---------------------
@pytest.mark.parametrize("opener", ["Confirming that", "Continuing in its resolve", "Gravely distressed by", "Requesting that"])
def test_openers_attested_in_security_council_drafts_are_known(opener):
    text = f"The Security Council,\n\n{opener} the parties act,\n\nRecalling its resolutions,\n\n1. Decides to remain seized of the matter.\n"
    assert _findings(text, "PRE") == []


def test_an_unattested_operative_opener_is_still_worth_a_look():
    """"Exhorts", "ELECTS" and "THANKS" are in neither the knowledge base's lists nor an
    opener of the corpus: OPR005 (info) still reports them."""
    text = "The General Assembly,\n\nRecalling its resolutions,\n\n1. Exhorts Member States to act.\n"
    assert _findings(text, "OPR") == [("OPR005", 5)]


# -- "the Covenant", "the Treaty": the one named before --------------------------------
_SHORT = """The General Assembly,

Recalling {named},

Recalling also {between}article {number} of the {short},

1. Decides to remain seized of the matter.
"""

_ICCPR = "the International Covenant on Civil and Political Rights"
_ICESCR = "the International Covenant on Economic, Social and Cultural Rights"
_NPT = "the Treaty on the Non-Proliferation of Nuclear Weapons"


def _articles(text: str) -> list[tuple[int, str | None]]:
    result = lint(text, path="draft.txt")
    return [(a.number, None if a.instrument is None else a.instrument.key) for a in result.facts.citations.articles]


@pytest.mark.parametrize(("named", "short", "key", "beyond"), [(_ICCPR, "Covenant", "iccpr", 60), (_NPT, "Treaty", "npt", 12)])
def test_a_short_reference_is_the_one_instrument_of_its_kind_named_before(named, short, key, beyond):
    """"article 60 of the Covenant" after the ICCPR alone is the ICCPR's article 60 (it has
    53), as "article 60 of the Convention" is a named convention's."""
    assert _articles(_SHORT.format(named=named, between="", number=5, short=short)) == [(5, key)]
    assert _findings(_SHORT.format(named=named, between="", number=beyond, short=short), "CIT") == [("CIT009", 5)]


def test_a_short_reference_in_the_paragraph_of_its_instrument():
    text = _SHORT.format(named="the parties", between=f"{_NPT[4:]} and ", number=12, short="Treaty").replace("Recalling also T", "Recalling also the T")
    assert _articles(text) == [(12, "npt")]


@pytest.mark.parametrize("named", [f"{_ICCPR} and {_ICESCR}", f"{_ICCPR} and the Covenant of the League of Nations"])
def test_a_short_reference_after_two_of_its_kind_is_left_unresolved(named):
    """After both Covenants, or a covenant the reference data does not hold, "the
    Covenant" may be either: no article is checked against a guess."""
    assert _articles(_SHORT.format(named=named, between="", number=60, short="Covenant")) == [(60, None)]


def test_a_short_reference_before_any_of_its_kind_is_left_unresolved():
    assert _articles(_SHORT.format(named="its resolutions", between="", number=60, short="Treaty")) == [(60, None)]


def test_a_treaty_the_data_does_not_hold_keeps_the_treaty_unresolved():
    text = _SHORT.format(named=f"{_NPT} and the Arms Trade Treaty", between="", number=12, short="Treaty")
    assert _articles(text) == [(12, None)]


# -- a typeset hyphen inside an opener -------------------------------------------------
@pytest.mark.parametrize("hyphen", ["\u2010", "\u2011"])
def test_an_opener_with_a_typeset_hyphen_is_the_listed_phrase(hyphen):
    """"Re\u2011emphasizes" (a word processor's non-breaking hyphen) was read as the
    unknown opener 'Re' (OPR005); it is the listed "Re-emphasizes"."""
    text = f"The General Assembly,\n\nRecalling its resolution,\n\n1. Re{hyphen}emphasizes the importance;\n\n2. Decides to act.\n"
    assert _findings(text) == []


def test_the_case_fix_of_such_an_opener_keeps_its_hyphen():
    text = "The General Assembly,\n\nRecalling its resolution,\n\n1. re\u2011emphasizes the importance;\n\n2. Decides to act.\n"
    assert _findings(text) == [("OPR006", 5)]
    assert "1. Re\u2011emphasizes the importance;" in _fixed(text, "OPR006")


# -- "also" at the start of the next line of a wrapped paragraph -----------------------
_WRAPPED = "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Requests\n   also the Secretary-General to report;\n\n2. Decides to act.\n"


def test_also_after_a_line_break_is_the_openers():
    """"1. Requests" / "also the Secretary-General …" is "Requests also" (OPR011 in a
    style that writes "Also requests"), as "Requests also" on one line is; read on its
    line only, the opener was "Requests" and the finding missed."""
    assert _findings(_WRAPPED) == [("OPR011", 5)]
    result = lint(_WRAPPED, path="draft.txt")
    assert [f.message for f in result.findings] == ["Write 'Also requests' rather than 'Requests also' in the un-ga style"]


def test_a_case_fix_of_a_wrapped_opener_keeps_the_line_break():
    result = lint(_WRAPPED, path="draft.txt", style="interpol")
    case = [f.message for f in result.findings if f.code == "OPR006"]
    assert "Write the opener as 'REQUESTS ALSO' in the interpol style" in case
    assert "1. REQUESTS\n   ALSO the Secretary-General" in _fixed(_WRAPPED.replace("General Assembly,", "ICPO-INTERPOL General Assembly:"), "OPR006")


def test_an_opener_in_lower_case_is_a_slip_under_an_unknown_body_too():
    """The case of openers is the house's (capitals, or sentence case), but "1. invites"
    in lower case is a slip in any house that starts its paragraphs with a capital; an
    opener in capitals is left alone there (another house's form)."""
    lower = _CONFERENCE.replace("1. Invites", "1. invites")
    assert _findings(lower) == [("OPR006", 5)]
    capitals = _CONFERENCE.replace("1. Invites", "1. INVITES").replace("Recalling its", "RECALLING its")
    assert _findings(capitals) == []


# -- clauses run together with a footnote's reference between --------------------------
@pytest.mark.parametrize("note", ["5", "\u2075", "[^5]"])
def test_clauses_run_together_after_a_reference_are_cut_after_it(note):
    """"…session,5 Recalling also …" and "…session;5 2. Requests …": a PDF's text ran the
    clauses together with the first one's footnote reference between; no finding was
    made (DOC015) and the second clause went unchecked. The cut keeps the reference with
    its clause."""
    text = ("The General Assembly,\n\nRecalling its resolution 70/1 adopted at its seventieth session," + note
            + " Recalling also its resolution 71/1,\n\nNoting the report,\n\n1. Decides to act at its seventy-first session;" + note
            + " 2. Requests the Secretary-General to report.\n")
    assert _findings(text) == [("DOC015", 3), ("DOC015", 7)]
    result = lint(text, path="draft.txt")
    fixed = apply_edits(text, [e for f in result.findings for e in f.fix.edits])
    assert "seventieth session," + note + "\n\nRecalling also" in fixed
    assert "seventy-first session;" + note + "\n\n2. Requests" in fixed
    assert _findings(fixed) == []


# -- a treaty's own body refers to its convention as "the Convention" --------------------
_COP = """The {body},

Recalling its decisions 1/CP.21 and 1/CP.27,

Recalling also article 2 of the Convention,

1. Urges Parties to enhance their efforts.
"""


@pytest.mark.parametrize("body", ["Conference of the Parties", "Meeting of the States Parties"])
def test_a_treaty_body_names_its_convention_as_the_convention(body):
    """A decision of the Conference of the Parties says "the Convention" of the treaty
    that set it up, never named: TRM003 ("before any convention is named") was wrong there."""
    assert _findings(_COP.format(body=body), "TRM") == []


def test_the_convention_unnamed_is_still_reported_under_another_body():
    assert _findings(_COP.format(body="General Assembly"), "TRM") == [("TRM003", 5)]


# -- a unit's power is no footnote's reference -----------------------------------------
@pytest.mark.parametrize(("pre", "op1", "fixed_pre", "fixed_op1"), [
    ("covers 500 km²", "300 km².", "covers 500 km²,", "300 km²;"),
    ("holds 20 m³;", "20m³", "holds 20 m³,", "20m³;"),
])
def test_a_superscript_power_of_a_unit_keeps_the_mark_after_it(pre, op1, fixed_pre, fixed_op1):
    """"500 km²" is square kilometres: read as a footnote's reference, the fix wrote
    "500 km,²" (and, replacing a mark after it, "300 km;²")."""
    text = f"The General Assembly,\n\nNoting that the area {pre}\n\n1. Decides that the area shall not exceed {op1}\n\n2. Decides to act.\n"
    assert _findings(text, "PRE004", "OPR007") == [("OPR007", 5), ("PRE004", 3)]
    fixed = _fixed(_fixed(text, "PRE004"), "OPR007")
    assert f"Noting that the area {fixed_pre}\n" in fixed
    assert f"shall not exceed {fixed_op1}\n" in fixed


@pytest.mark.parametrize("ending", ["entitled “Our common agenda”", "of the Secretary-General (A/79/123)"])
def test_plain_digits_after_a_quotation_or_a_brackets_full_stop_are_a_reference(ending):
    """"…entitled “Our common agenda”.5", "…(A/79/123).5": the stop after a closing
    quotation mark or bracket is the paragraph's, the digits its footnote's reference."""
    text = _NOTES.format(pre=" " + ending + ".5", op1=";")
    assert _findings(text, "PRE004") == [("PRE004", 3)]
    assert ending + ",5\n" in _fixed(text, "PRE004")
