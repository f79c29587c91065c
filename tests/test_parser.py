"""The parser places every kind of clause, at every depth, in every layout drafts come in."""

from __future__ import annotations

import pytest

from resolint.engine import lint
from resolint.model import Kind, LabelScheme
from resolint.parser import parse
from resolint.parser.blocks import EDGE_MARKS
from resolint_rules.trm.bidi_control import BIDI_CONTROLS

UN = """78/99. Strengthening cooperation

The General Assembly,

Recalling its resolution 74/1 of 1 October 2019,

Deeply concerned by the situation,

1. Requests the Secretary-General:

(a) To report on:

(i) Progress made;

a. in the regions;

i. in the capitals;

(ii) Obstacles met;

(b) To circulate the report;

2. Decides to remain seized of the matter.

38th plenary meeting
21 November 2023
"""

INTERPOL = """Resolution No. 3

GA-2027-95-RES-03

Subject: Cooperation on online fraud

The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 1 to 4 November 2027 at its 95th session:

RECALLING resolution GA-2025-93-RES-03,

CALLS UPON all member countries to:

- share information;
- 2. designate contact points;
3. report on progress.

Adopted: 120 votes in favour, 2 against, 3 abstentions
"""


def kinds(res):
    return [p.kind for p in res.paragraphs]


def test_un_structure_and_depths():
    res = parse(UN)
    text = res.source.text
    assert res.title.symbol and text[res.title.symbol.start : res.title.symbol.end] == "78/99"
    assert len(res.openings) == 1
    assert [text[p.content.start : p.content.start + 8] for p in res.preamble] == ["Recallin", "Deeply c"]
    ops = res.operative
    assert [p.number for p in ops] == [1, 2]
    subs = res.of_kind(Kind.SUBPARAGRAPH)
    labels = [(p.label.text, p.depth, p.label.scheme) for p in subs]
    assert labels == [
        ("(a)", 1, LabelScheme.LOWER_ALPHA),
        ("(i)", 2, LabelScheme.LOWER_ROMAN),
        ("a.", 3, LabelScheme.LOWER_ALPHA),
        ("i.", 4, LabelScheme.LOWER_ROMAN),
        ("(ii)", 2, LabelScheme.LOWER_ROMAN),
        ("(b)", 1, LabelScheme.LOWER_ALPHA),
    ]
    assert subs[0].parent is ops[0] and subs[1].parent is subs[0] and subs[4].parent is subs[0]
    assert [text[p.span.start : p.span.end] for p in res.closing] == ["38th plenary meeting", "21 November 2023"]


def test_interpol_list_items_are_children_of_the_verb():
    res = parse(INTERPOL)
    text = res.source.text
    assert text[res.title.number.start : res.title.number.end] == "3"
    assert text[res.title.symbol.start : res.title.symbol.end] == "GA-2027-95-RES-03"
    assert text[res.title.subject.start : res.title.subject.end] == "Cooperation on online fraud"
    (intro,) = res.operative
    assert intro.terminal_char(res.source) == ":"
    items = intro.children
    assert [p.number for p in items] == [None, 2, 3]
    assert [p.bullet is not None for p in items] == [True, True, False]
    assert res.closing and text[res.closing[0].span.start :].startswith("Adopted:")


def test_letter_i_after_h_is_a_letter_not_a_numeral():
    labels = "\n\n".join(f"({c}) To act;" for c in "abcdefghij")
    res = parse(f"The General Assembly,\n\n1. Requests:\n\n{labels}\n")
    subs = res.of_kind(Kind.SUBPARAGRAPH)
    assert [p.label.value for p in subs] == list(range(1, 11))
    assert {p.depth for p in subs} == {1}


@pytest.mark.parametrize(
    "transform",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: "\ufeff" + t,
        lambda t: t.replace("\n", "\r"),
        lambda t: t.replace("Recalling its", "Recalling\u00a0its").replace("1. Decides", "1.\tDecides"),
    ],
    ids=["crlf", "bom", "cr", "nbsp-tab"],
)
def test_layout_variants_parse_the_same(transform):
    base = "The General Assembly,\n\nRecalling its resolution 74/1,\n\n1. Decides to act;\n\n2. Requests a report.\n"
    a, b = parse(base), parse(transform(base))
    assert kinds(a) == kinds(b)
    assert [p.number for p in a.operative] == [p.number for p in b.operative] == [1, 2]


@pytest.mark.parametrize("mark", list(EDGE_MARKS) + ["\u200b", "\ufeff"], ids=lambda m: f"U+{ord(m):04X}")
def test_marks_that_print_nothing_at_a_lines_edges_parse_the_same(mark):
    """A word processor set to Arabic or Hebrew puts a direction mark before each line,
    and copies from web pages leave joiners and soft hyphens: before "The General
    Assembly," one hid the opening (DOC001, and the default style). Every line is
    read as without them."""
    base = "78/10. Cooperation\n\nThe General Assembly,\n\nRecalling its resolution 74/1,\n\n1. Decides to act;\n\n(a) First;\n\n2. Requests a report.\n"
    marked = "\n".join(f"{mark}{line}{mark}" if line else line for line in base.split("\n"))
    a, b = lint(base), lint(marked)
    assert kinds(a.resolution) == kinds(b.resolution)
    assert [p.number for p in b.resolution.operative] == [1, 2]
    assert (b.style.name, b.style.detected_because) == (a.style.name, a.style.detected_because)
    assert [f.code for f in b.findings if f.code != "TRM017"] == [f.code for f in a.findings]
    # Those that set the order text is shown in are reported wherever they stand.
    assert ("TRM017" in {f.code for f in b.findings}) == (mark in BIDI_CONTROLS)


def test_wrapped_paragraphs_join_lines():
    text = "The General Assembly,\nRecalling its resolution 74/1\nof 1 October 2019,\nNoting the report\nof the Secretary-General,\n1. Decides to act\nwithout delay;\n2. Requests a report.\n"
    res = parse(text)
    assert len(res.preamble) == 2
    assert res.preamble[0].span.end > text.index("of 1 October")
    assert [p.number for p in res.operative] == [1, 2]


def test_markdown_emphasis_headings_and_directives():
    text = "# Draft\n\n**The General Assembly,**\n\n*Recalling* its resolution 74/1,\n\n<!-- resolint: ignore[PRE004] -->\n_Noting_ the report.\n\n1. *Decides* to act.\n"
    res = parse(text)
    assert res.opening is not None
    assert len(res.preamble) == 2
    assert res.of_kind(Kind.DIRECTIVE) and res.directives[0].codes == ("PRE004",)
    assert [p.number for p in res.operative] == [1]


def test_missing_opening_still_places_clauses():
    res = parse("Recalling its resolution 74/1,\n\n1. Decides to act.\n")
    assert res.opening is None
    assert len(res.preamble) == 1 and len(res.operative) == 1


def test_preamble_after_operative_is_kept_as_preamble():
    res = parse("The General Assembly,\n\n1. Decides to act;\n\nNoting the report,\n\n2. Requests a report.\n")
    assert kinds(res) == [Kind.OPENING, Kind.OPERATIVE, Kind.PREAMBLE, Kind.OPERATIVE]


def test_annex_is_not_linted_as_clauses():
    res = parse("The General Assembly,\n\n1. Adopts the Convention annexed to the present resolution.\n\n38th plenary meeting\n\nAnnex\n\nArticle 1\n\n1. Each State Party shall act.\n")
    assert [p.number for p in res.operative] == [1]
    assert res.of_kind(Kind.ANNEX)


def test_text_after_the_closing_is_unplaced():
    res = parse("The General Assembly,\n\n1. Decides to act.\n\n38th plenary meeting\n\nsomething else entirely\n")
    assert len(res.unplaced) == 1


def test_multi_part_resolution_restarts_numbering():
    text = "A\n\nFirst topic\n\nThe General Assembly,\n\n1. Decides A.\n\n5th plenary meeting\n\nB\n\nSecond topic\n\nThe General Assembly,\n\n1. Decides B.\n"
    res = parse(text)
    assert len(res.openings) == 2
    assert [(p.part, p.number) for p in res.operative] == [(0, 1), (1, 1)]


def test_the_same_speakers_opening_ends_an_annex():
    """A compilation: the next resolution after one with an annex is read as a resolution
    (it was read as annex, unchecked, with every one after it)."""
    first = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides A;\n\n2. Adopts the list annexed.\n\nAnnex\n\nList of entities\n\n1. Entity one."
    second = "RESOLUTION 2 (2024)\n\nThe Security Council,\n\nRecalls its resolutions,\n\n1. Decides B."
    res = parse(first + "\n\n" + second)
    assert len(res.openings) == 2
    text = res.source.text
    second_part = [(p.kind, text[p.content.start : p.content.start + 7]) for p in res.paragraphs if p.part == 1]
    assert second_part == [(Kind.OPENING, "The Sec"), (Kind.PREAMBLE, "Recalls"), (Kind.OPERATIVE, "Decides")]
    assert [p.kind for p in res.paragraphs if text[p.content.start :].startswith(("List", "Entity", "RESOLUTION"))] == [Kind.ANNEX] * 3


def test_another_speakers_opening_in_an_annex_is_annex_text():
    """ECOSOC recommends a draft to the General Assembly in an annex: that draft's opening
    is annex text, not a second resolution."""
    text = (
        "The Economic and Social Council,\n\n1. Recommends the draft below.\n\nAnnex\n\nDraft resolution\n\n"
        "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act."
    )
    res = parse(text)
    assert len(res.openings) == 1
    assert [p.kind for p in res.paragraphs[2:]] == [Kind.ANNEX] * 5  # from "Annex" on


ITU_FIRST = (
    "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n\n"
    "considering\n\na) that the work goes on,\n\nresolves\n\n1 to continue the work;\n\n2 to report."
)


def test_the_next_resolutions_title_and_subject_are_headings():
    """ITU resolutions end without a closing line: the next one's title and subject are
    its title lines, not operative paragraphs of the one before (each was reported as a
    wrong operative opener)."""
    second = ITU_FIRST.replace("considering", "recognizing")
    subject = "The role of the Plenipotentiary Conference in the regional presence"  # names a speaker: no opening
    text = ITU_FIRST + f"\n\nRESOLUTION 25 (REV. DUBAI, 2018)\n\n{subject}\n\n" + second
    res = parse(text)
    assert len(res.openings) == 2
    t = res.source.text
    kinds = {t[p.span.start : p.span.end]: p.kind for p in res.paragraphs}
    assert kinds["RESOLUTION 25 (REV. DUBAI, 2018)"] is Kind.HEADING
    assert kinds[subject] is Kind.HEADING
    assert [p.part for p in res.operative] == [0, 1]  # (each resolves group holds its items)


def test_an_opening_without_its_comma_after_place_and_year_is_still_the_opening():
    """"… Union (Dubai, 2018)" with its comma missing: read as a title line, the whole
    resolution went unchecked; as the opening, DOC002 reports the mark."""
    from resolint.engine import lint

    text = "RESOLUTION 160 (REV. DUBAI, 2018)\n\nAssistance\n\n" + ITU_FIRST.replace("(Dubai, 2018),", "(Dubai, 2018)", 1)
    res = parse(text)
    assert [res.source.text[p.span.start : p.span.start + 16] for p in res.openings] == ["The Plenipotenti"]
    assert [p.kind for p in res.operative] == [Kind.OPERATIVE]
    assert "DOC002" in {f.code for f in lint(text).findings}
    # A sentence that starts as an opening and ends otherwise is not one.
    assert not parse("The Council (see annex) decided to act\n\n1. Decides.\n").openings


def test_a_clause_after_a_title_line_is_not_a_subject():
    text = ITU_FIRST + "\n\nRESOLUTION 25 (REV. DUBAI, 2018)\n\n3 to act again;\n\nStrengthening the regional presence"
    res = parse(text)
    t = res.source.text
    kinds = {t[p.span.start : p.span.end]: p.kind for p in res.paragraphs}
    assert kinds["3 to act again;"] is Kind.OPERATIVE  # the operative part goes on
    assert kinds["Strengthening the regional presence"] is not Kind.HEADING


def test_sequences_are_each_parts_operative_paragraphs_then_each_lists_items():
    second = "The ICPO-INTERPOL General Assembly, meeting in Lyon:\n\nURGES members;\n\nREQUESTS them to:\n\n1. report.\n"
    res = parse(INTERPOL.replace("Adopted:", second + "\nAdopted:"))
    words = [[res.source.text[p.content.start : p.content.start + 7] for p in seq] for seq in res.sequences]
    assert words == [["CALLS U"], ["URGES m", "REQUEST"], ["share i", "designa", "report "], ["report."]]
    assert all(p in res.paragraphs for seq in res.sequences for p in seq)


@pytest.mark.parametrize("text", ["", "\n\n\n", "   ", ",;:.", "1.", "(a)", "- ", "The General Assembly,", "\x00\x00", "<!--", "-->", "<!-- resolint: -->"])
def test_degenerate_inputs_never_raise(text):
    res = parse(text)
    for p in res.paragraphs:
        assert 0 <= p.span.start <= p.span.end <= len(text)


def test_numbered_paragraph_after_a_lettered_list_is_not_an_item():
    text = "The General Assembly,\n\n1. Decides to act;\n\nRequests the Secretary-General:\n\n  (a) To report;\n\n  (b) To consult;\n\n3. Decides to review.\n"
    res = parse(text)
    assert [p.number for p in res.operative] == [1, None, 3]
    assert all(c.kind is Kind.SUBPARAGRAPH for c in res.operative[1].children)


_WRAPPED_INTERPOL = """GA-2031-99-RES-02

The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from
4 to 7 November 2031 at its 99th session:

RECALLING the role of the National Central Bureaus,

CALLS UPON member countries to:

1. share information.
"""

_WRAPPED_ITU = """Assistance to developing countries

The Plenipotentiary Conference of the International Telecommunication
Union (Dubai, 2018),

considering

a) that cooperation matters,

resolves

1 to act;
"""


@pytest.mark.parametrize(("text", "style", "first"), [(_WRAPPED_INTERPOL, "interpol", "The ICPO"), (_WRAPPED_ITU, "itu", "The Plen")])
def test_an_opening_an_editor_wrapped_over_lines_is_the_opening(text, style, first):
    """A long opening hard-wrapped at a margin: its first line alone is no opening (no
    final mark), so the draft was read without one (DOC001, the default style, its title
    lines taken for clauses); read together, the lines are the opening."""
    res = parse(text)
    (opening,) = res.openings
    assert res.source.text[opening.span.start : opening.span.start + 8] == first
    assert res.source.position(opening.span.end).line == res.source.position(opening.span.start).line + 1
    result = lint(text)
    assert result.style.name == style
    assert not {"DOC001", "DOC002", "DOC004"} & {f.code for f in result.findings}


def test_a_wrapped_interpol_meeting_is_read_across_the_break():
    """The place and dates of a wrapped INTERPOL opening are still checked (DOC012 names
    the session's real place)."""
    text = _WRAPPED_INTERPOL.replace("GA-2031-99-RES-02", "GA-2025-93-RES-02").replace(
        "meeting in Lyon, France, from\n4 to 7 November 2031 at its 99th", "meeting in\nLyon, France, from 24 to\n28 November 2025 at its 93rd"
    )
    found = [f.message for f in lint(text).findings if f.code == "DOC012"]
    # (kb: the 93rd session met in Marrakech from 24 to 27 November 2025)
    assert found[0] == "The 93rd session (2025) met in Marrakech, Morocco, not 'Lyon, France'"
    assert [m.split(" (reference")[0] for m in found[1:]] == ["The 93rd session closed on 27 November 2025"]


def test_wrapped_lines_that_do_not_make_an_opening_are_not_one():
    # A title line naming a body, then a line that does not go on with it.
    text = "The role of the Security Council in\nthe maintenance of peace\n\nRecalling its resolutions,\n\n1. Decides.\n"
    assert not parse(text).openings
    # A line that starts a paragraph of its own ends the search: "1. Decides" is no part of it.
    assert not parse("The General Assembly of the Organization\n1. Decides to act,\n").openings


def test_a_wrapped_opening_under_title_lines_and_in_a_compilation():
    """Title lines right above a wrapped opening are read one a line, as above any
    opening; a second resolution's wrapped opening starts its part of a compilation."""
    text = "Resolution No. 2\nGA-2031-99-RES-02\n" + _WRAPPED_INTERPOL.split("\n\n", 1)[1]
    res = parse(text)
    assert [p.kind for p in res.paragraphs[:3]] == [Kind.TITLE, Kind.TITLE, Kind.OPENING]
    both = parse(_WRAPPED_INTERPOL + "\n" + _WRAPPED_INTERPOL.replace("RES-02", "RES-03"))
    assert len(both.openings) == 2
    assert [p.part for p in both.operative] == [0, 1]  # (each list item hangs under its CALLS UPON)


def _paragraph_texts(text: str) -> list[str]:
    res = parse(text)
    return [" ".join(res.source.text[p.span.start : p.span.end].split()) for p in res.paragraphs]


_WRAPPED_PREAMBLE = (
    "The General Assembly,\n\n"
    "Recalling the outcome of the meeting held in Gandhinagar,\n"
    "Gujarat, India, on 5 May 2031, and of the one held in Rabat,\n"
    "Morocco, on 6 June 2031,\n\n"
    "1. Decides to act.\n"
)


def test_a_line_wrapped_after_a_comma_goes_on_with_its_sentence():
    """Wrapped at a margin, a line may end with a comma and the next start with a name:
    the name did not fit on the line, so the sentence goes on ("'Gujarat' is not a
    preambular opener" was reported for each such line)."""
    assert _paragraph_texts(_WRAPPED_PREAMBLE)[1] == (
        "Recalling the outcome of the meeting held in Gandhinagar, Gujarat, India, on 5 May 2031, "
        "and of the one held in Rabat, Morocco, on 6 June 2031,"
    )
    assert not {"PRE002", "PRE004"} & {f.code for f in lint(_WRAPPED_PREAMBLE).findings}


@pytest.mark.parametrize(
    ("second", "apart"),
    [
        ("Recalling also its resolution 70/1 of 25 September 2015,", True),  # a listed opener
        ("II", True),  # a section's number
        ("Follow-up and review", True),  # a heading: short, no final mark
        ("Gujarat, India,", False),
    ],
)
def test_what_a_wrapped_line_may_start_with(second, apart):
    first = "Recalling the outcome of the meeting held in Gandhinagar,"
    text = f"The General Assembly,\n\n{first}\n{second}\n\n1. Decides to act.\n"
    assert (len(_paragraph_texts(text)) == 4) is apart


def test_a_hanging_indent_counts_in_the_margin():
    """Lines wrapped with a hanging indent are as long as the margin with their indent."""
    text = (
        "The General Assembly,\n\n"
        "Recalling the outcome of the conference held in the city of Gandhinagar,\n"
        "        Gujarat, India, from 3 to 5 May 2031, and of the one in Rabat,\n"
        "        Morocco, on 6 June 2031,\n\n1. Decides to act.\n"
    )
    assert len(_paragraph_texts(text)) == 3


def test_a_number_without_its_point_starts_a_paragraph_without_a_blank_line():
    text = "The General Assembly,\nRecalling its resolution 70/1,\n25. Recalls its work;\n26 Condemns the attacks;\n27. Decides to act.\n"
    assert _paragraph_texts(text)[2:] == ["25. Recalls its work;", "26 Condemns the attacks;", "27. Decides to act."]
    # A number before a capital that opens no clause goes on with the sentence.
    wrapped = "Notes that the conference held in the city of Gandhinagar was attended,\n26 Member States having sent experts;"
    assert len(_paragraph_texts(f"The General Assembly,\n\n{wrapped}\n")) == 2


def test_paragraphs_typed_one_a_line_stay_apart():
    """Without blank lines, one paragraph a line: the lines are as long as the paragraphs,
    no margin; a paragraph whose opener is not listed is still a paragraph of its own."""
    long = "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 Agenda for Sustainable Development”,"
    text = f"The General Assembly,\n{long}\nRecallling also the Charter of the United Nations,\n1. Decides to act.\n"
    texts = _paragraph_texts(text)
    assert texts[2] == "Recallling also the Charter of the United Nations,"
    assert "PRE002" in {f.code for f in lint(text).findings}


@pytest.mark.parametrize(
    ("line", "next_line", "joined"),
    [
        # A dash of the sentence at a wrapped line's start; a bullet after a clause's end.
        ("Recalling the three dimensions of development – economic, social and environmental", "– in a balanced and integrated manner,", True),
        ("Urges Member States to take measures in the following fields of cooperation:", "– in a balanced and integrated manner;", False),
        # A lower-case opener on a full line is the sentence's; alone on its line, a group's.
        ("Noting that the poorest and most vulnerable were the hardest hit by the pandemic,", "reaffirming the ambition to get back on track to achieve the Goals by\nthe year 2030,", True),
        # A label after "subparagraph(s)", "article", "and", or a list of labels, is cited.
        ("Decides to renew the mandate of the Panel as set out in subparagraphs (a), (b), (c),", "(e) and (f) of paragraph 12 of resolution 2290 (2016);", True),
        ("Requests the Panel to report on the measures set out in paragraph 3 and subparagraph", "(g) above, and on their implementation;", True),
        # ... or the number of an article or a paragraph whose item it is.
        ("Welcomes the decision to establish the Subsidiary Body on Article 8", "(j) and Other Provisions of the Convention on Biological Diversity;", True),
        ("Recalling its special arrangement of 8 July 2003 in accordance with article 4", "(4) of the said cooperation agreement,", True),
        ("Urges Member States to cooperate in the field of crime prevention as in paragraph 5:", "(a) Exchanging information;", False),
        # A date ends a wrapped sentence; after a clause's end it is a closing line.
        ("Approves the revised budget estimates for the period from 1 July 2023 to", "30 June 2024", True),
        ("Decides to remain seized of the matter and to consider it again in due course.", "30 June 2024", False),
        # An article cited in brackets is no article's heading.
        ("Decides on the allowances for the work of the Court away from The Hague (Statute,", "Article 22), not exceeding a total of 12,500 dollars;", True),
        # A number after a comma; an item's number after an item's end.
        ("Recalls paragraphs 113, 117 and 119 to 124 of resolution 64/72 and paragraphs 129,", "130 and 132 to 134 of resolution 66/68;", True),
        ("resolves to instruct the Director of the Bureau, in close collaboration with others:", "1 to act;", False),
        # A label always starts a paragraph: the one before may lack its final mark.
        ("1. Urges Member States to cooperate in the field of international crime prevention", "2. Requests the Secretary-General to report;", False),
        # A closing or signature line after a full line ends the resolution's text.
        ("Decides to remain seized of the matter in all its aspects and to report to it.", "Adopted by consensus.", False),
        ("Decides to remain seized of the matter in all its aspects and to report to it.", "Signed,", False),
        # "adopted" in lower case is no closing line.
        ("Acknowledging that the Treaty on the Prohibition of Nuclear Weapons was", "adopted on 7 July 2017, and noting that it was opened to signature,", True),
    ],
)
def test_wrapped_lines_starting_with_a_dash_an_opener_a_label_or_adopted(line, next_line, joined):
    text = f"The General Assembly,\n\n{line}\n{next_line}\n\n1. Decides to act.\n"
    assert (len(_paragraph_texts(text)) == 3) is joined


def test_after_a_wrapped_line_a_group_opener_heads_the_items_after_it():
    """A lower-case opener after a line an editor wrapped is a group's opener where an
    item follows it, else the rest of the sentence."""
    full = "Decides to keep under review the working methods of the Bureaux of the Union;"
    opener = "instructs the Secretary-General and the Directors of the Bureaux"
    texts = _paragraph_texts(f"The General Assembly,\n\n{full}\n{opener}\n1 to act;\n")
    assert texts[1:] == [full, opener, "1 to act;"]


def test_a_group_opener_alone_on_its_line_still_heads_its_items():
    text = "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n\nconsidering the importance of telecommunications for development,\nrecognizing further\na) that cooperation matters,\n"
    texts = _paragraph_texts(text)
    assert texts[2:] == ["recognizing further", "a) that cooperation matters,"]
    # A long one after an item typed on one line (not wrapped: the block's lines are long).
    item = "10 to maintain the special trust fund to support the activities of the Union relating to the outcomes of the Summit, through partnerships;"
    opener = "instructs the Secretary-General and the Directors of the Bureaux"
    texts = _paragraph_texts(f"{text}\n{item}\n{opener}\n1 to act;\n")
    assert texts[-3:] == [item, opener, "1 to act;"]



_ITU = "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n\n"


@pytest.mark.parametrize("opener", [
    "instructs the Director of the Telecommunication Standardization\nBureau",
    "instructs the Secretary-General, in coordination with the\nDirectors of the Bureaux",
    "resolves to instruct the Director of the Telecommunication Development\nBureau",
])
@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_a_group_opener_wrapped_over_two_lines_heads_its_items(opener, eol):
    """Final Acts copied from a PDF wrap a long group opener: "instructs the Director of
    the Telecommunication Standardization" / "Bureau". On two lines it was no opener: it
    was joined to the item before as its last words, that item's final mark was reported
    at "Bureau" (the safe fix wrote "Bureau;") and the items under it were numbered on
    from the others (OPR002). A two-line paragraph without a mark whose words no listed
    opener starts is still joined."""
    from resolint.fixes import fix_text

    text = (
        _ITU + "considering\n\na) that ITU has a fundamental role to play in building confidence,\n\n"
        "resolves\n\n1 to continue to give this work high priority within ITU;\n\n"
        "2 to give high priority to the work of ITU described in this\nresolution,\n\n"
        f"{opener}\n\n1 to intensify work within existing ITU-T study groups;\n\n"
        "2 to continue to collaborate with other relevant organizations.\n"
    ).replace("\n", eol)
    result = lint(text)
    assert [f.code for f in result.findings] == []
    heads = [" ".join(text[p.span.start : p.span.end].split()) for p in result.resolution.paragraphs if p.heads_group]
    assert heads == ["considering", "resolves", " ".join(opener.split())]
    assert fix_text(text, lint, unsafe=True).text == text
    joined = text.replace(opener.replace("\n", eol), "the Director of the Telecommunication Standardization" + eol + "Bureau")
    assert len(parse(joined).paragraphs) == len(result.resolution.paragraphs) - 1

@pytest.mark.parametrize("opening", ["The General Assembly", "The General Assembly,"])
def test_without_blank_lines_the_opening_is_a_paragraph_of_its_own(opening):
    """One paragraph a line and no blank line: the opening line starts a paragraph even
    after a title line with no final mark, and ends one even without its comma (the
    title and the opening were one title paragraph, or the opening swallowed the first
    preambular paragraph and DOC002 named that paragraph's mark)."""
    text = f"78/1. Cooperation on lakes\n{opening}\nRecalling its resolution 70/1,\n1. Decides to act.\n"
    res = parse(text)
    kinds = [(p.kind, res.source.text[p.span.start : p.span.end]) for p in res.paragraphs]
    assert kinds[:3] == [
        (Kind.TITLE, "78/1. Cooperation on lakes"),
        (Kind.OPENING, opening),
        (Kind.PREAMBLE, "Recalling its resolution 70/1,"),
    ]
    doc002 = [f.message for f in lint(text).findings if f.code == "DOC002"]
    assert doc002 == ([] if opening.endswith(",") else ["The opening has no final mark; this style ends it with ','"])


def test_a_label_alone_on_its_line_numbers_the_paragraph_on_the_next():
    """A copy from a word processor's list may leave each number on a line of its own,
    the paragraph's text on the next: "1." was read as a page's footer (DOC016) and the
    paragraph as unnumbered (OPR001)."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 70/1,\n\n1.\nUrges Member States to cooperate, in particular:\n\n"
        "(a)\nTo share information;\n\n(b)\nTo report;\n\n2.\nRequests the Secretary-General to report.\n"
    )
    res = parse(text)
    labelled = [(p.label.text, res.source.text[p.content.start : p.content.start + 7]) for p in res.paragraphs if p.label]
    assert labelled == [("1.", "Urges M"), ("(a)", "To shar"), ("(b)", "To repo"), ("2.", "Request")]
    assert lint(text).findings == []
    # A label line before another label is a paragraph of its own.
    assert _paragraph_texts("The General Assembly,\n\n1.\n2. Decides to act.\n")[1:] == ["1.", "2. Decides to act."]


def test_the_search_for_a_wrapped_opening_reads_each_block_once(monkeypatch):
    """Lines that each start as an opening and end as none, in one block with no opening:
    the block's lines and longest line were read again for every such line (20,000 lines:
    372 s, then 22 s when the width alone was); once a block, it is linear."""
    import resolint.parser as parser_module

    calls = {"block_from": 0, "block_width": 0}
    for name in calls:
        real = getattr(parser_module, name)

        def counted(*args, _real=real, _name=name):
            calls[_name] += 1
            return _real(*args)

        monkeypatch.setattr(parser_module, name, counted)
    text = "\n".join(["The Council of the Organization and its work"] * 2000) + "\n\n" + "\n".join(["The Board of the Fund and its work"] * 50)
    assert not parse(text).openings
    assert calls == {"block_from": 2, "block_width": 2}


def test_a_section_heading_wrapped_over_lines_is_a_heading():
    """A long section heading an editor wrapped ("II Implementation of the Agreement …" /
    "… of 10" / "December 1982 …") was an unnumbered operative paragraph (OPR001, OPR005,
    and every number after it out of sequence): the heading's pattern read one line."""
    heading = (
        "II Implementation of the Agreement for the Implementation of the\n"
        "Provisions of the United Nations Convention on the Law of the Sea of 10\n"
        "December 1982 relating to the Conservation of Fish Stocks"
    )
    text = f"The General Assembly,\n\nRecalling its work,\n\n1. Decides to act;\n\n{heading}\n\n2. Welcomes the progress made.\n"
    result = lint(text)
    assert [p.kind for p in result.resolution.paragraphs][-2:] == [Kind.HEADING, Kind.OPERATIVE]
    assert result.findings == []


def test_a_heading_then_a_clause_with_no_blank_line_between_are_two_paragraphs():
    """A Security Council draft saved as plain text, one paragraph a line: a heading in
    the preamble ("Current situation") took the clause after it as its rest, and the
    clause's opener was "'Current' is not a preambular opener"."""
    text = (
        "The Security Council,\n"
        "Recalling its previous resolutions and the statements of its President on the situation in the region,\n"
        "Current situation\n"
        "Welcoming the improvement in security conditions in the north of the country and the return of displaced persons,\n"
        "1. Decides to renew the mandate until 30 June 2027.\n"
    )
    result = lint(text)
    assert [p.kind for p in result.resolution.paragraphs] == [
        Kind.OPENING, Kind.PREAMBLE, Kind.HEADING, Kind.PREAMBLE, Kind.OPERATIVE,
    ]
    assert result.findings == []


def test_a_title_an_editor_wrapped_is_one_title_paragraph():
    """A resolution's title wrapped at a margin ("79/136. Cooperation … the International"
    / "Criminal Police Organization (INTERPOL)") was two title lines: the subject was cut
    at the line break. The title block's other lines stay one paragraph each."""
    text = (
        "A/RES/79/136\n"
        "79/136. Cooperation between the United Nations and the International\n"
        "Criminal Police Organization (INTERPOL)\n\n"
        "The General Assembly,\n\nRecalling its resolution 51/1,\n\n1. Decides to act.\n"
    )
    result = lint(text)
    title = result.resolution.title
    assert [text[p.span.start : p.span.end] for p in title.paragraphs] == [
        "A/RES/79/136", "79/136. Cooperation between the United Nations and the International\nCriminal Police Organization (INTERPOL)",
    ]
    assert text[title.subject.start : title.subject.end].endswith("Organization (INTERPOL)")
    assert result.findings == []
    # A subject line in HTML (a web page's copy) wraps the same way.
    html = "<b>Subject:</b> Cooperation between the United Nations and the International\nCriminal Police Organization\n\n" + text[text.index("The General"):]
    title = lint(html).resolution.title
    assert [html[p.span.start : p.span.end].count("\n") for p in title.paragraphs] == [1]


def test_a_quotation_over_a_wrapped_paragraphs_line_break_is_a_quotation():
    """A quotation an editor wrapped ("the sub-item entitled “Cooperation … Criminal" /
    "Police Organization (INTERPOL)”") was none: the abbreviation defined inside it
    counted as the drafter's own second definition (TRM009). A quotation never runs on
    past its paragraph, which ends at a line break when there are no blank lines."""
    wrapped = (
        "The General Assembly,\n\nWelcoming the work of the International Criminal Police Organization (INTERPOL),\n\n"
        "1. Decides to include in its agenda the sub-item entitled “Cooperation between the\n"
        "United Nations and the International Criminal Police Organization (INTERPOL)”.\n"
    )
    result = lint(wrapped)
    assert [f.code for f in result.findings] == []
    assert len(result.facts.quotes) == 1
    unclosed = "The General Assembly,\nRecalling the “work of the Organization,\nNoting the report,”\n1. Decides to act.\n"
    assert len(lint(unclosed).facts.quotes) == 0  # (one paragraph a line: the quotation mark in the next one closes nothing)


def test_a_lower_case_opener_on_a_line_of_its_own_paragraph_is_a_clause():
    """One paragraph a line, no blank lines: "also recalling …" after a clause that ended
    with its comma is a clause whose opener's case is wrong (PRE003), as it is with blank
    lines; it was read as the rest of the clause before. (Lines longer than any margin:
    shorter ones may be a paragraph an editor wrapped, "…," / "reaffirming the ambition …".)"""
    text = (
        "The Security Council,\n"
        "Recalling all its relevant resolutions on women, peace and security, on children and armed conflict and on the protection of civilians,\n"
        "also recalling the conclusions of its Working Group on children and armed conflict in the region and the reports of the Secretary-General,\n"
        "1. Decides to renew the mandate until 30 June 2027.\n"
    )
    result = lint(text)
    assert [p.kind for p in result.resolution.paragraphs] == [Kind.OPENING, Kind.PREAMBLE, Kind.PREAMBLE, Kind.OPERATIVE]
    assert sorted(f.code for f in result.findings) == ["PRE003", "PRE007"]  # (the Council writes "Recalling also")


def test_a_wrapped_line_starting_with_the_and_a_body_is_no_opening():
    """"the Commission on Narcotic Drugs, …" starting a line an editor wrapped is the middle
    of a sentence: an opening has its capital ("The …", "THE …")."""
    text = (
        "Recalling the work of the Commission on Crime Prevention and Criminal Justice and of\n"
        "the Commission on Narcotic Drugs, as the governing bodies of the Office,\n\n"
        "1. Decides to act.\n"
    )
    assert parse(text).openings == []
    assert len(parse("THE GENERAL ASSEMBLY,\n\nRecalling its work,\n\n1. Decides to act.\n").openings) == 1


@pytest.mark.parametrize("record", [
    "[Adopted without a vote.]",
    "[Adopted by a recorded vote of 30 to 12, with 5 abstentions.]",
    "[Adopted by a recorded vote of 3 to 2. The voting was as follows:\n\nIn favour:\nPeru, Chile\n\nAgainst:\nNorway,\nFiji]",
    "(Adopted by consensus)",
])
def test_a_bracketed_adoption_line_and_its_voting_record_are_closing_lines(record):
    """The Human Rights Council ends a resolution with "[Adopted without a vote.]" or a
    voting record in brackets over several paragraphs ("In favour:" and the names): closing
    lines, not text outside the resolution (DOC004 on each)."""
    text = f"The Human Rights Council,\n\nRecalling its resolution 52/1,\n\n1. Decides to act.\n\n42nd meeting\n3 April 2025\n\n{record}\n"
    res = parse(text)
    assert not res.unplaced
    start = text.index(record)
    after = [p for p in res.paragraphs if p.span.start >= start]
    assert after and {p.kind for p in after} == {Kind.CLOSING}
    assert after[-1].span.end == start + len(record)
    # After the bracket closes, what is not a resolution is outside it again.
    assert len(parse(text + "\nSomething else entirely\n").unplaced) == 1


def test_the_next_resolutions_title_in_a_compilation_is_a_heading():
    """"79/2. Second subject" after the closing lines of resolution 79/1 (a session's
    compilation) is the next resolution's title, not text outside the resolution."""
    one = "79/1. First subject\n\nThe General Assembly,\n\nRecalling its resolution 78/1,\n\n1. Decides to act.\n\n"
    two = "79/2. Second subject\n\nThe General Assembly,\n\n1. Decides to act again.\n"
    for closing in ("45th plenary meeting\n7 December 2024\n\n", "[Adopted without a vote.]\n\n", ""):
        res = parse(one + closing + two)
        assert not res.unplaced, closing
        assert [p.part for p in res.operative] == [0, 1]
        headings = [res.source.text[p.span.start : p.span.end] for p in res.of_kind(Kind.HEADING)]
        assert "79/2. Second subject" in headings



@pytest.mark.parametrize("heading", ["Draft resolution II", "Draft decision B", "**Draft resolution A/C.3/80/L.12**", "DRAFT RESOLUTION IV"])
@pytest.mark.parametrize("subject", ["Strengthening the rule of law", "Combating trafficking in persons", "Towards global partnerships"])
def test_a_drafts_heading_and_subject_between_drafts_are_the_next_drafts_title(heading, subject):
    """A committee's report gives each draft under "Draft resolution II" and its subject:
    a subject that opens with a participle ("Strengthening the rule of law") was read as
    an unnumbered operative paragraph of the draft before, and the safe fixes wrote "2.
    Strengthening the rule of law." and a semicolon after that draft's last paragraph."""
    from resolint.fixes import fix_text

    text = (
        "Draft resolution I\n\nPrison conditions\n\nThe General Assembly,\n\nRecalling its resolution 78/1,\n\n"
        f"1. Requests a report.\n\n{heading}\n\n{subject}\n\nThe General Assembly,\n\n1. Urges Member States to act.\n"
    )
    result = lint(text)
    assert [f.code for f in result.findings] == []
    assert [p.part for p in result.resolution.operative] == [0, 1]
    assert subject in [text[p.span.start : p.span.end] for p in result.resolution.of_kind(Kind.HEADING)]
    assert fix_text(text, lint, unsafe=True).text == text


def test_a_reports_numbered_transmittal_formula_between_drafts_starts_the_next_ones_title():
    """"2. The Commission … recommends to the Economic and Social Council the adoption of
    the following draft resolution:", the report's own numbered paragraph, after a
    draft's last paragraph: it was an operative paragraph numbered out of turn (OPR002,
    OPR005), and the draft's final full stop drew OPR007. An operative paragraph that
    recommends a draft opens with its verb and stays one."""
    first = "The General Assembly,\n\nRecalling its resolution 78/1,\n\n1. Urges States to act;\n\n2. Requests a report.\n\n"
    formula = "2. The Commission on Crime Prevention and Criminal Justice recommends to the Economic and Social Council the adoption of the following draft resolution:\n\n"
    second = "Technical assistance\n\nThe Economic and Social Council,\n\n1. Requests a report.\n"
    result = lint(first + formula + second)
    assert [f.code for f in result.findings] == []
    assert [p.part for p in result.resolution.operative] == [0, 0, 1]
    verb = formula.replace("2. The Commission on Crime Prevention and Criminal Justice recommends", "2. Recommends")
    kept = parse(first.replace("2. Requests a report.", "2. Requests a report;") + verb.replace("2. ", "3. ") + second)
    assert [p.kind for p in kept.paragraphs if "Recommends" in kept.source.text[p.span.start : p.span.end]] == [Kind.OPERATIVE]


def test_a_masthead_between_resolutions_starts_the_next_ones_title():
    """A compilation copied from the PDFs of adopted Security Council resolutions: each
    starts with its masthead ("United Nations    S/RES/2810 (2026)", "Security Council
    Distr.: General", the date). Its lines were operative paragraphs of the resolution
    before (OPR001, OPR005, OPR007), and the safe fixes numbered them ("2. United Nations
    … S/RES/2810 (2026);") and changed that resolution's final full stop."""
    from resolint.fixes import fix_text

    one = "The Security Council,\n\nRecalling its resolution 2751 (2024),\n\n1. Decides to remain actively seized of the matter.\n\n"
    two = "The Security Council,\n\nRecalling its resolution 2765 (2024),\n\n1. Decides to remain actively seized of the matter.\n"
    masthead = "United Nations" + " " * 30 + "S/RES/2810 (2026)\n{sep}Security Council" + " " * 28 + "Distr.: General\n" + " " * 44 + "18 December 2026\n\n"
    for sep in ("\n", ""):
        for eol in ("\n", "\r\n"):
            text = (one + masthead.format(sep=sep) + "Resolution 2810 (2026)\n\n" + two).replace("\n", eol)
            result = lint(text)
            assert [f.code for f in result.findings] == [], (sep, eol)
            assert [p.part for p in result.resolution.operative] == [0, 1]
            assert fix_text(text, lint, unsafe=True).text == text
    # The organization's name alone, or with words after it, is no masthead.
    assert parse(one + "United Nations peacekeeping\n\n" + two).of_kind(Kind.HEADING) == []


@pytest.mark.parametrize("eol", ["\n", "\r\n"])
def test_an_underscore_rule_is_a_paragraph_of_its_own(eol):
    """"Seventh plenary meeting, 1 June 2024" / "__________" / "1 Document A77/10." with no
    blank line between (a World Health Assembly resolution's end and its footnotes): the
    three lines were one operative paragraph, and the safe fixes wrote "3. Seventh plenary
    meeting, …" and a semicolon after the last paragraph's full stop. A line of
    underscores, the rule over a document's footnotes, is no paragraph's text."""
    from resolint.fixes import fix_text

    text = (
        "The Seventy-seventh World Health Assembly,\n\nRecognizing the need for preparedness,\n\n"
        "1. URGES Member States to strengthen preparedness;\n\n"
        "2. REQUESTS the Director-General to report to the Seventy-ninth World Health Assembly.\n\n"
        "Seventh plenary meeting, 1 June 2024\n__________\n1 Document A77/10.\n"
    ).replace("\n", eol)
    result = lint(text)
    assert [f.code for f in result.findings] == []
    assert fix_text(text, lint).text == text
    assert [text[p.span.start : p.span.end] for p in result.resolution.operative][-1].startswith("2. REQUESTS")


@pytest.mark.parametrize("wrap", [" ", "\n", "\r\n"])
def test_a_wrapped_charter_lead_in_between_operative_paragraphs_heads_the_next(wrap):
    """"Acting under Chapter VII of the Charter of the United" / "Nations," between
    operative paragraphs (a mandate partly under Chapter VII, its lines wrapped by a PDF's
    text): on one line it heads the paragraphs after it; wrapped, it was a preambular
    paragraph after the operative part had begun (DOC003, an error)."""
    text = (
        "The Security Council,\n\nDetermining that the situation constitutes a threat to peace,\n\n"
        "1. Decides to extend the mandate of the Mission until 15 November 2027;\n\n"
        f"Acting under Chapter VII of the Charter of the United{wrap}Nations,\n\n"
        "2. Authorizes the Mission to use all necessary means;\n\n3. Decides to remain actively seized of the matter.\n"
    )
    result = lint(text)
    assert [f.code for f in result.findings] == []
    assert [p.kind for p in result.resolution.paragraphs if "Acting" in text[p.span.start : p.span.end]] == [Kind.HEADING]


def test_a_fourth_level_numbered_anew_under_a_roman_item_is_its_list():
    """Model UN drafts nest a fourth level numbered anew: "1. Encourages … including:" /
    "a. … broken down by:" / "i. … deployed, in:" / "1. conflict zones," / "2. other
    areas;". The "1." and "2." were operative paragraphs out of turn (OPR002, OPR005),
    the safe fix wrote "1. conflict zones;", and the unsafe ones renumbered the real
    paragraph 2 as 4. A "1." where no open item ends with a colon is still a paragraph."""
    from resolint.fixes import fix_text

    text = (
        "Committee: Disarmament and International Security Committee\n\nThe General Assembly,\n\n"
        "Recalling the Montreux Document,\n\n1. Encourages Member States to register companies, including:\n\n"
        "    a. the countries in which they operate, broken down by:\n\n        i. the number of personnel deployed, in:\n\n"
        "            1. conflict zones,\n\n            2. other areas;\n\n        ii. the contracts held;\n\n"
        "2. Requests the Secretary-General to report.\n"
    )
    result = lint(text)
    res = result.resolution
    assert [text[p.span.start : p.span.end] for p in res.operative] == [
        "1. Encourages Member States to register companies, including:", "2. Requests the Secretary-General to report."]
    items = [(p.depth, text[p.span.start : p.span.end].split(" ")[0]) for p in res.paragraphs if p.kind is Kind.SUBPARAGRAPH]
    assert items == [(1, "a."), (2, "i."), (3, "1."), (3, "2."), (2, "ii.")]
    assert not {"OPR001", "OPR002", "OPR005", "OPR007"} & {f.code for f in result.findings}
    assert fix_text(text, lint, unsafe=True).text == text  # (OPR009 names the labels, without a fix)
    flat = text.replace("i. the number of personnel deployed, in:", "i. the number of personnel deployed;")
    assert "OPR002" in {f.code for f in lint(flat).findings}  # no colon: "1." is a paragraph again

@pytest.mark.parametrize(("prev", "line"), [
    ("1. Requests the Secretary-General to implement paragraph 4", "(a) of resolution 79/1 and the measures referred to in section III of its resolution 78/1;"),
    ("1. Recalls the measures imposed by subparagraphs 17 (a) and", "(b) of resolution 2140 (2014), and the exemptions set out in the resolution on the matter;"),
    ("1. Decides to apply rule 28", "(2) of its rules of procedure to the election of the members of the committee;"),
    ("1. Invites States to ratify the Work in Fishing Convention, 2007 (No.", "188) and to implement it;"),
])
def test_a_bracketed_label_that_goes_on_a_reference_is_no_new_paragraph(prev, line):
    """"… paragraph 4" / "(a) of resolution 79/1": the label is the reference's, whatever
    the lines' lengths (it was a sub-paragraph, and the safe fixes wrote "paragraph 4:"
    and "(a) Of resolution …")."""
    text = f"The General Assembly,\n\n{prev}\n{line}\n\n2. Decides to remain seized of the matter.\n"
    result = lint(text)
    assert [p.kind for p in result.resolution.paragraphs] == [Kind.OPENING, Kind.OPERATIVE, Kind.OPERATIVE]
    assert result.findings == []


def test_a_lists_item_after_an_items_end_is_still_an_item():
    text = "The General Assembly,\n\n1. Requests the Secretary-General:\n\n(a) To report under article 5; and\n(b) To act (a), (b) and (c);\n(c) To stop;\n\n2. Decides.\n"
    res = parse(text)
    assert [p.kind for p in res.paragraphs].count(Kind.SUBPARAGRAPH) == 3


@pytest.mark.parametrize("label", ["**{n}.**", "__{n}.__", "*{n}.*", "{n}\\."])
@pytest.mark.parametrize("blank", ["\n\n", "\n"])
def test_a_bold_or_escaped_number_is_the_paragraphs_label(label, blank):
    """"**1.** **Calls upon** …" (a converter's bold number) and "1\\. *Encourages* …" (a
    number Markdown escapes) were unnumbered paragraphs (OPR001), and the fix numbering
    them wrote "1. **1.** …". Their numbers are read, and renumbered, inside the marks."""
    from resolint.fixes import fix_text

    paragraphs = ["The General Assembly,", "*Recalling* its resolution 78/1,",
                  label.format(n=1) + " **Calls upon** Member States to mark all small arms;",
                  label.format(n=3) + " **Decides** to remain seized of the matter."]
    text = blank.join(paragraphs) + "\n"
    result = lint(text)
    assert [p.number for p in result.resolution.operative] == [1, 3]
    assert [f.code for f in result.findings] == ["OPR002"]
    assert fix_text(text, lint, unsafe=True).text == text.replace(label.format(n=3), label.format(n=2))


@pytest.mark.parametrize("mark", ["B\nTransparency in armaments", "B\n\nTransparency in armaments", "II\n\nTransparency in armaments\n\nand confidence-building"])
def test_the_next_parts_mark_and_title_after_the_closing_lines_are_headings(mark):
    """Part B of a General Assembly resolution after part A's closing lines: its mark and
    title were "text outside the structure" (DOC004, which also kept --fix from the file)."""
    text = (
        "The General Assembly,\n\n1. Encourages States to cooperate.\n\n58th plenary meeting\n8 December 2025\n\n"
        f"{mark}\n\nThe General Assembly,\n\n1. Requests the Secretary-General to report.\n"
    )
    result = lint(text)
    assert not result.resolution.unplaced
    assert [(p.part, p.number) for p in result.resolution.operative] == [(0, 1), (1, 1)]
    assert result.findings == []


def test_an_i_after_an_item_that_introduces_its_own_list_is_a_roman_numeral():
    """"(h) Electoral support, including:" / "(i) Technical assistance;" / "(ii) …" / "(i)
    Task nine;": the first "(i)" is the first of (h)'s items, the second is the letter after
    (h) (OPR008 said "'(ii)' where '(i)' was expected", and its fix relabelled both)."""
    items = ["(a) Task one;", "(g) Task seven;", "(h) Electoral support, including:", "(i) Technical assistance;",
             "(ii) Logistical support;", "(i) Task nine;", "(j) Task ten."]
    text = "The Security Council,\n\n1. Decides that the mandate shall include the following tasks:\n\n" + "\n\n".join(items) + "\n"
    res = parse(text)
    subs = [(p.label.scheme, p.label.value, p.depth) for p in res.of_kind(Kind.SUBPARAGRAPH)]
    assert subs == [
        (LabelScheme.LOWER_ALPHA, 1, 1), (LabelScheme.LOWER_ALPHA, 7, 1), (LabelScheme.LOWER_ALPHA, 8, 1),
        (LabelScheme.LOWER_ROMAN, 1, 2), (LabelScheme.LOWER_ROMAN, 2, 2), (LabelScheme.LOWER_ALPHA, 9, 1),
        (LabelScheme.LOWER_ALPHA, 10, 1),
    ]
    # Without its own items, "(h) …;" is followed by the letter.
    plain = text.replace("including:", "and").replace("(i) Technical assistance;\n\n(ii) Logistical support;\n\n", "")
    assert [p.label.value for p in parse(plain).of_kind(Kind.SUBPARAGRAPH)] == [1, 7, 8, 9, 10]


@pytest.mark.parametrize("label", ["**{}.**", "**({})**", "**{})**", "_{})_"])
def test_a_bold_letter_is_the_sub_paragraphs_label(label):
    """"  **a)** development projects …,": the sub-clause's letter in bold was no label
    (OPR001 "Unnumbered operative paragraph", OPR005 "'a' is not an operative opener")."""
    text = (
        "The General Assembly,\n\n*Recalling* its resolution 78/1,\n\n**1.** **Encourages** States to act, in exchange for:\n\n"
        f"  {label.format('a')} development projects for the community,\n\n  {label.format('b')} vocational training;\n\n"
        "**2.** **Decides** to remain seized of the matter.\n"
    )
    result = lint(text, style="mun")
    assert [p.label.value for p in result.resolution.of_kind(Kind.SUBPARAGRAPH)] == [1, 2]
    assert result.findings == []


@pytest.mark.parametrize("bullet", ["\uf0b7", "\uf0a7", "▪", "➢", "●"])
def test_a_word_or_symbol_fonts_bullet_in_plain_text_is_a_bullet(bullet):
    """A Word list pasted as text keeps its Symbol bullet (U+F0B7) or a square or arrow:
    its items were unnumbered operative paragraphs and the colon before them was "fixed"."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 78/1,\n\n1. Calls upon Member States:\n\n"
        f"{bullet}\tTo share data;\n\n{bullet}\tTo report;\n\n2. Decides to remain seized of the matter.\n"
    )
    result = lint(text)
    assert result.findings == []
    assert [p.bullet is not None for p in result.resolution.paragraphs].count(True) == 2
