"""Citation extraction: what is found, with which span, organ and description."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.citations import (
    ArticleCitation,
    Basis,
    DateMention,
    InstrumentMention,
    InternalReference,
    Organ,
    ResolutionCitation,
    extract,
)
from resolint.citations.extract import find_dates, holding
from resolint.facts import Analysis
from resolint.model import Kind, Paragraph
from resolint.parser import parse
from resolint.source import Span
from resolint.styles import load_style

UN = """79/136. Cooperation

The General Assembly,

Recalling its resolutions 71/19 of 21 November 2016, 73/11 of 26 November 2018 and 75/10 A of 23 November 2020,

Welcoming Human Rights Council resolution 53/12 of 12 July 2023 and Council resolution 54/3,

Recalling Security Council resolution 2178 (2014), resolution 3363 (XXX), resolutions S-8/1 and ES-10/15, A/RES/79/243 and A/HRC/RES/53/12,

Recalling also Economic and Social Council resolution 2004/27 and the draft A/79/L.1,

Noting Article 41 on the 24/7 network of the United Nations Convention against Cybercrime,

1. Decides to establish a working group;

2. Requests the working group to consider paragraph 1 above and paragraph 1 (a) of resolution 71/19.

48th plenary meeting
6 December 2024
"""


def citations_of(res):
    """The citations of a parsed draft, as the engine's facts layer extracts them."""
    return Analysis(res, load_style("un-ga")).citations


def _by_text(cs, cls):
    """The first citation of each text."""
    out = {}
    for c in cs:
        if isinstance(c, cls):
            out.setdefault(c.text, c)
    return out


def test_resolutions_are_typed_with_spans_and_organs():
    res = parse(UN)
    cs = citations_of(res)
    r = _by_text(cs, ResolutionCitation)
    for text, c in r.items():
        assert UN[c.span.start : c.span.end] == text
    assert (r["71/19"].organ, r["71/19"].basis, r["71/19"].session, r["71/19"].number) == (Organ.GA, Basis.ITS, 71, 19)
    assert r["71/19"].date.date == dt.date(2016, 11, 21)
    assert r["75/10 A"].date.date == dt.date(2020, 11, 23)
    assert (r["53/12"].organ, r["53/12"].basis, r["53/12"].form) == (Organ.HRC, Basis.NAMED, "session")
    # "Council resolution" after the Human Rights Council was named
    assert (r["54/3"].organ, r["54/3"].basis) == (Organ.HRC, Basis.CONTEXT)
    assert (r["2178 (2014)"].organ, r["2178 (2014)"].year) == (Organ.SC, 2014)
    assert (r["3363 (XXX)"].form, r["3363 (XXX)"].session) == ("ga-old", 30)
    assert (r["S-8/1"].form, r["ES-10/15"].form) == ("ga-special", "ga-emergency")
    assert (r["A/RES/79/243"].organ, r["A/RES/79/243"].basis, r["A/RES/79/243"].session) == (Organ.GA, Basis.SYMBOL, 79)
    assert r["A/HRC/RES/53/12"].organ is Organ.HRC
    assert (r["2004/27"].organ, r["2004/27"].year) == (Organ.ECOSOC, 2004)
    assert r["A/79/L.1"].form == "draft"


def test_document_facts_come_from_title_and_closing():
    facts = citations_of(parse(UN)).document
    assert (facts.organ, facts.session, facts.date) == (Organ.GA, 79, dt.date(2024, 12, 6))


def test_articles_and_instruments():
    cs = citations_of(parse(UN))
    (art,) = [c for c in cs if isinstance(c, ArticleCitation)]
    assert (art.number, art.title, art.instrument.key, art.basis) == (41, "24/7 network", "un-cybercrime", "of")
    assert art.describe() == "Article 41 of the United Nations Convention against Cybercrime: 24/7 network"
    (mention,) = [c for c in cs if isinstance(c, InstrumentMention)]
    assert mention.form == "short" and "79/243" in mention.describe()


def test_internal_reference_exposes_its_target():
    res = parse(UN)
    refs = [c for c in citations_of(res) if isinstance(c, InternalReference)]
    # "paragraph 1 (a) of resolution 71/19" points outside the text: not an internal reference
    assert len(refs) == 1
    (ref,) = refs
    assert ref.direction == "above" and ref.number == 1
    assert ref.target is res.operative[0]
    assert ref.target_line == res.source.position(res.operative[0].span.start).line
    assert "operative paragraph 1" in ref.describe()


def test_every_citation_describes_itself_and_sits_at_its_span():
    res = parse(UN)
    cs = citations_of(res)
    assert cs, "something must be found"
    for c in cs:
        assert isinstance(c.describe(), str) and c.describe()
        assert c in cs.at(c.span.start)
    assert [c.span.start for c in cs] == sorted(c.span.start for c in cs)


def test_citations_are_computed_once_and_deterministic():
    res = parse(UN)
    facts = Analysis(res, load_style("un-ga"))
    assert facts.citations is facts.citations
    again = extract(parse(UN))
    assert [(type(c).__name__, c.span, c.describe()) for c in again] == [
        (type(c).__name__, c.span, c.describe()) for c in facts.citations
    ]


def test_its_follows_the_body_named_in_the_paragraph():
    text = (
        "The ICPO-INTERPOL General Assembly, meeting in Marrakech, Morocco, from 24 to 27 November 2025 at its 93rd session:\n\n"
        "RECALLING the United Nations General Assembly resolution 51/1 of 15 October 1996, as well as its resolutions 71/19 "
        "of 21 November 2016 and resolution GA-2012-81-RES-08,\n\nCALLS UPON all member countries to:\n\n1. act.\n"
    )
    r = _by_text(citations_of(parse(text)), ResolutionCitation)
    assert r["51/1"].organ is Organ.GA and r["71/19"].organ is Organ.GA  # not INTERPOL's General Assembly
    assert (r["GA-2012-81-RES-08"].organ, r["GA-2012-81-RES-08"].session) == (Organ.INTERPOL, 81)


def test_its_before_a_named_subject():
    text = "The General Assembly,\n\n1. Notes that, through its resolution 54/18 of 12 October 2023, the Human Rights Council submitted a draft.\n"
    (c,) = citations_of(parse(text)).resolutions
    assert c.organ is Organ.HRC


def test_its_after_a_bare_council_is_that_councils_not_the_documents():
    """ "Noting that the Council, in its resolution 53/12 of 12 July 2023, …" in an
    Assembly text: "its" is the council's, so the Assembly's session window does not
    apply (CIT001 said "numbered in session 53 (1998–1999)" as an error); the Council is
    the one named before it, when one is; "the Assembly, in its" stays the Assembly's."""
    from resolint.engine import lint

    head = "The General Assembly,\n\n"
    bare = head + "Noting that the Council, in its resolution 53/12 of 12 July 2023, requested a report,\n\n1. Decides.\n"
    assert _cited(bare)["53/12"][0] is not Organ.GA
    assert "CIT001" not in {f.code for f in lint(bare).findings}
    named = head + (
        "Recalling that the Human Rights Council, in its resolution 53/12 of 12 July 2023, decided, and that "
        "the Council, in its resolution 54/3 of 11 October 2023, requested,\n\n1. Decides.\n"
    )
    assert _cited(named)["54/3"][0] is Organ.HRC
    assert "CIT001" not in {f.code for f in lint(named).findings}
    wrong = head + "Noting that the Assembly, in its resolution 70/1 of 25 September 2017, decided,\n\n1. Decides.\n"
    assert _cited(wrong)["70/1"][0] is Organ.GA
    assert "CIT001" in {f.code for f in lint(wrong).findings}


def test_an_organ_abbreviated_before_the_number_names_it():
    """ "HRC resolution 55/1 of 2 April 2024" was taken for an Assembly resolution whose
    organ is assumed (CIT001 info: "numbered in session 55 (2000–2001)"); the usual
    abbreviations name their organ as the full name does, wrong dates included."""
    from resolint.engine import lint

    head = "The General Assembly,\n\n"
    right = head + (
        "Recalling HRC resolution 55/1 of 2 April 2024, ECOSOC resolution 2023/15 of 25 July 2023, "
        "UNSC resolution 2231 (2015) and UNGA resolution 70/1 of 25 September 2015,\n\n1. Decides.\n"
    )
    cited = _cited(right)
    assert cited["55/1"] == (Organ.HRC, Basis.NAMED) and cited["2023/15"][0] is Organ.ECOSOC
    assert cited["2231 (2015)"][0] is Organ.SC and cited["70/1"] == (Organ.GA, Basis.NAMED)
    assert not [f for f in lint(right).findings if f.code.startswith("CIT")]
    wrong = head + "Recalling UNSC resolution 2231 (2016) and UNGA resolution 70/1 of 25 September 2017,\n\n1. Decides.\n"
    found = [(f.code, f.severity.value) for f in lint(wrong).findings]
    assert ("CIT002", "error") in found and ("CIT001", "error") in found


def test_other_bodies_are_not_taken_for_the_general_assembly():
    text = (
        "The General Assembly,\n\nRecalling United Nations Environment Assembly resolution 5/14 of 2 March 2022 "
        "and Commission on Narcotic Drugs resolution 61/11 of 16 March 2018,\n\n1. Decides.\n"
    )
    cs = citations_of(parse(text)).resolutions
    assert [c.organ for c in cs] == [Organ.OTHER, Organ.OTHER]


def test_dates_of_every_form():
    text = "on 24 December 2024, December 24, 2024, 24th December 2024, 24 December, 2024 and December 24th, 2024; not 2024/12/24"
    forms = [(d.form, d.canonical) for d in find_dates(text)]
    assert forms == [
        ("dmy", "24 December 2024"), ("mdy", "24 December 2024"), ("ordinal", "24 December 2024"),
        ("dmy-comma", "24 December 2024"), ("mdy-ordinal", "24 December 2024"),
    ]
    assert not DateMention(find_dates("31 November 2016")[0].span, 31, 11, 2016, "dmy", "31 November 2016").valid


def test_extraction_never_raises_on_odd_text():
    for text in ["", "resolution", "resolutions 1/ and", "Article", "paragraph (", "\x00" * 5, "A/RES/", "GA-2020--RES-1",
                 "31 February 0000", "resolution 99999999/1 of 99 December 9999"]:
        citations_of(parse(text))


def test_a_body_named_after_the_numbers_owns_them():
    text = (
        "The General Assembly,\n\nRecalling decision 42/1 of the Conference of the Parties to the Convention "
        "and resolution 71/19 of the General Assembly,\n\n1. Decides.\n"
    )
    r = _by_text(citations_of(parse(text)), ResolutionCitation)
    assert (r["42/1"].organ, r["42/1"].form) == (Organ.OTHER, "session")
    assert (r["71/19"].organ, r["71/19"].basis, r["71/19"].form) == (Organ.GA, Basis.NAMED, "ga")

_PIECES = st.sampled_from([
    "resolution ", "resolutions ", "decision ", "71/19", " of ", "21 November 2016", "31 November 2016", "2178 (2014)",
    "S-8/1", "ES-10/15", "A/RES/79/243", "GA-2025-93-RES-03", "AGN/67/RES/12", "article 41", "Article 35 on the 24/7 network",
    " of the Convention", "United Nations Convention against Cybercrime", "paragraph 5 above", "subparagraph (c)",
    "its ", "Human Rights Council ", "Council ", ", and ", "\n\n", "1. ", "(a) ", "The General Assembly,\n\n", "“", "”",
    "Security Council ", "ICPO-INTERPOL ", "(UNODC)", "December 24, 2024", "3363 (XXX)", "2004/27",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40))
def test_extraction_holds_on_any_mix_of_citation_parts(parts):
    text = "".join(parts)
    cs = extract(parse(text))
    for c in cs:
        assert 0 <= c.span.start <= c.span.end <= len(text)
        assert isinstance(c.describe(), str)


def test_each_resolution_of_a_compilation_is_dated_by_its_own_symbol_and_closing():
    """CIT004 in a compilation of resolutions from two sessions: a citation of session 76
    in resolution 78/10 is not "after this text" (it was, read with the first one's
    session 73); one of session 79 in it still is. A part that says nothing of itself
    (no symbol line, no closing) keeps the document's facts."""
    from resolint.engine import lint

    first = "73/7. Report of the Court\n\nThe General Assembly,\n\nRecalling its resolution 72/3,\n\n1. Decides to act.\n\n26th plenary meeting\n29 October 2018"
    second = (
        "78/10. Sport for peace\n\nThe General Assembly,\n\nRecalling its resolutions 76/13 and 79/1,\n\n1. Decides to act.\n\n"
        "30th plenary meeting\n20 November 2023"
    )
    result = lint(first + "\n\n" + second)
    cs = result.facts.citations
    assert (cs.facts_of(0).session, cs.facts_of(0).date) == (73, dt.date(2018, 10, 29))
    assert (cs.facts_of(1).session, cs.facts_of(1).date) == (78, dt.date(2023, 11, 20))
    later = [f.message for f in result.findings if f.code == "CIT004"]
    assert len(later) == 1 and later[0].startswith("79/1 ")
    # Parts A and B of one resolution (no symbol line or closing of their own): the document's.
    one = lint("78/10. Sport\n\nThe General Assembly,\n\n1. Decides.\n\nB\n\nThe General Assembly,\n\nRecalling its resolution 79/1,\n\n1. Decides.")
    assert one.facts.citations.facts_of(1) is one.facts.citations.document
    assert [f.code for f in one.findings if f.code == "CIT004"] == ["CIT004"]


def test_an_extraction_that_fails_is_reported_not_taken_for_no_finding(monkeypatch, caplog):
    """A bug in the extractor costs the citations, not the lint: the other rules still
    report, and one internal error says the citations were not checked (before, a log line
    only: a drafter saw no citation finding and took it for citations that were right)."""
    import resolint.citations as citations
    from resolint.engine import INTERNAL_CODE, lint

    text = "The General Assembly,\n\nRecalls its resolution 71/19 of 21 November 2016,\n\n1. Urges States to act.\n"
    before = lint(text)
    assert INTERNAL_CODE not in {f.code for f in before.findings}

    def broken(resolution, memo=None, organ=None):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(citations, "extract", broken)
    after = lint(text)
    internal = [f for f in after.findings if f.code == INTERNAL_CODE]
    assert len(internal) == 1 and "citation extraction" in internal[0].message and "extractor bug" in internal[0].message
    assert "PRE001" in {f.code for f in after.findings}  # the preamble's operative verb, as before
    assert {f.code for f in before.findings if not f.code.startswith("CIT")} <= {f.code for f in after.findings}


def _cited(text: str) -> dict[str, tuple[Organ, Basis]]:
    res = parse(text)
    return {c.text: (c.organ, c.basis) for c in extract(res).resolutions}


def test_a_bare_resolution_dated_outside_its_assembly_session_is_the_human_rights_councils():
    """The Council numbers its resolutions by session as the Assembly does: "and
    resolutions 32/13 of 1 July 2016" after the Council's list was taken for the
    Assembly's resolution of 1977 (CIT001: "numbered in session 32 (1977–1978)")."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 77/211 of 15 December 2022, and Human Rights Council "
        "resolutions 28/16 of 26 March 2015 and 54/21 of 16 October 2023 on the right to privacy in the digital age "
        "and resolutions 32/13 of 1 July 2016 and 45/95 of 14 December 1990,\n\n1. Decides to act.\n"
    )
    cited = _cited(text)
    assert cited["32/13"] == (Organ.HRC, Basis.CONTEXT)
    # Dated within its Assembly session (and before the Council existed): the Assembly's.
    assert cited["45/95"][0] is Organ.GA and cited["77/211"][0] is Organ.GA
    from resolint.engine import lint

    assert "CIT001" not in {f.code for f in lint(text).findings}


def test_a_bare_resolution_dated_outside_its_session_stays_the_assemblys_without_the_council():
    text = "The General Assembly,\n\nRecalling resolution 32/13 of 1 July 2016,\n\n1. Decides to act.\n"
    assert _cited(text)["32/13"] == (Organ.GA, Basis.IMPLIED)
    from resolint.engine import lint

    assert "CIT001" in {f.code for f in lint(text).findings}
    # A session the Council had not reached by that date is not the Council's either.
    late = text.replace("Recalling resolution 32/13", "Recalling Human Rights Council resolution 5/1 on its institutions, and resolution 72/13")
    assert _cited(late)["72/13"][0] is Organ.GA


_WRAPPED = (
    "The General Assembly,\n\nRecalling the United Nations Convention against Corruption, and its\n"
    "resolution 71/19 of 21\nNovember 2014 on the United\nNations Convention against Corruption,\n\n"
    "1. Urges States to ratify the United Nations Convention against\n    Corruption;\n"
)


def test_a_name_or_date_wrapped_over_lines_is_read_as_on_one():
    """A paragraph an editor wrapped: a name cut by the line break ("United" /
    "Nations Convention …", an indented continuation, CRLF) is the name, not a near miss
    whose fix wrote "United United Nations …"; a date cut so is the date."""
    from resolint.engine import lint

    for text in (_WRAPPED, _WRAPPED.replace("\n", "\r\n")):
        cs = extract(parse(text))
        assert [m.text for m in cs.instruments] == ["United Nations Convention against Corruption"] * 3
        (citation,) = [c for c in cs.resolutions if c.number == 19]
        assert citation.date is not None and (citation.date.day, citation.date.month, citation.date.year) == (21, 11, 2014)
        codes = [f.code for f in lint(text).findings]
        assert "TRM001" not in codes
        assert codes.count("CIT001") == 1  # session 71 opened in 2016: the date is checked across the break


def test_a_near_miss_wrapped_with_an_indent_is_quoted_on_one_line():
    from resolint.engine import lint

    text = "The General Assembly,\n\nRecalling the Convention of the\n        Rights of the Child,\n\n1. Decides to act.\n"
    (found,) = [f for f in lint(text).findings if f.code == "TRM001"]
    assert found.message == "'Convention of the Rights of the Child' is not the title of the Convention on the Rights of the Child"


def test_a_citation_wrapped_with_an_indent_or_crlf_is_read():
    """"resolution 2140" / "    (2015)": the break and the next line's indent are spaces to
    the citation reader; a number and its year stood at most one space apart."""
    for gap in ("\n    ", "\r\n", "\n\t"):
        text = f"The Security Council,\n\nRecalling its resolution 2140{gap}(2015) and resolution 52/1{gap}(XXX),\n\n1. Decides to act.\n"
        cs = extract(parse(text))
        assert [(c.number, c.year) for c in cs.resolutions if c.number == 2140] == [(2140, 2015)]


def test_a_name_with_no_break_spaces_is_the_name():
    """A web page or a word processor puts no-break spaces between words ("United\\u00a0Nations
    Convention against Corruption"): the name was a near miss of itself (TRM001), its fix
    writing "United United Nations …"."""
    from resolint.engine import lint

    for space in ("\u00a0", "\u202f", "\t"):
        text = f"The General Assembly,\n\nRecalling the United{space}Nations Convention against Corruption and the Charter of the United{space}Nations,\n\n1. Decides to act.\n"
        assert [m.text for m in extract(parse(text)).instruments] == ["United Nations Convention against Corruption", "Charter of the United Nations"]
        assert "TRM001" not in {f.code for f in lint(text).findings}


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", " \n", "\n  "])
def test_an_opening_wrapped_between_interpol_and_its_assembly_is_interpols(brk):
    """"The ICPO-INTERPOL" / "General Assembly, meeting in …:" wrapped by an editor was
    the United Nations' General Assembly with a line feed (read as INTERPOL with a CR):
    the document's organ, and so the organ of "its resolution", followed the break."""
    text = (
        f"The ICPO-INTERPOL{brk}General Assembly, meeting in Lyon, France, from 3 to 6 November 2026 at its 94th session:\n\n"
        "RECALLING its resolution GA-2019-88-RES-02,\n\n1. APPROVES the programme.\n"
    )
    assert citations_of(parse(text)).document.organ is Organ.INTERPOL


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), max_size=8), st.integers(0, 40))
def test_the_paragraph_holding_an_offset_is_found_by_bisection(gaps_and_lengths, offset):
    """``extract.holding`` (the paragraph with the document's symbol, which its memo key
    reads apart) against a look at every paragraph."""
    paragraphs, at = [], 0
    for gap, length in gaps_and_lengths:
        at += gap
        paragraphs.append(Paragraph(Kind.UNPLACED, Span(at, at + length), Span(at, at + length)))
        at += length
    want = next((i for i, p in enumerate(paragraphs) if p.span.start <= offset < p.span.end), -1)
    assert holding(paragraphs, offset) == want
