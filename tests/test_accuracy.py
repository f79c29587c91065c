"""Issue 10: the opener decides a paragraph's part; every break; informal instrument names.

Each case has a draft with the defect and a clean counterpart, written for these tests
(fixtures/accuracy/). Expected findings are (code, line) pairs read off the drafting rules.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from resolint.engine import lint
from resolint.incremental import IncrementalLinter
from resolint.model import Kind
from resolint.parser import parse
from resolint.settings import Settings

#: One settings object for every lint of an IncrementalLinter: a new one empties its cache.
SETTINGS = Settings()

HERE = FIXTURES / "accuracy"


def findings(name: str, *codes: str) -> set[tuple[str, int]]:
    path = HERE / name
    result = lint(path.read_text(encoding="utf-8"), path=str(path))
    return {(f.code, result.source.position(f.span.start).line + 1) for f in result.findings if f.code.startswith(codes)}


def messages(name: str, code: str) -> list[str]:
    path = HERE / name
    result = lint(path.read_text(encoding="utf-8"), path=str(path))
    return [f.message for f in result.findings if f.code == code]


# -- 1. a lowercase opener after a comma is a paragraph of its own ---------------------
def test_lowercase_opener_after_comma_is_its_own_paragraph():
    assert findings("lowercase-opener.txt", "PRE", "OPR") == {("PRE003", 5), ("OPR006", 11)}
    res = parse((HERE / "lowercase-opener.txt").read_text(encoding="utf-8"))
    assert [p.kind for p in res.paragraphs].count(Kind.PREAMBLE) == 3


def test_broken_sentence_is_still_merged():
    """"in particular …" after a comma, and "notes that …" after a numbered paragraph,
    continue the paragraph before (a stray blank line from a PDF conversion)."""
    assert findings("lowercase-continuation.txt", "PRE", "OPR", "DOC") == set()
    res = parse((HERE / "lowercase-continuation.txt").read_text(encoding="utf-8"))
    assert [p.kind for p in res.paragraphs if p.kind in (Kind.PREAMBLE, Kind.OPERATIVE)] == [Kind.PREAMBLE] * 2 + [Kind.OPERATIVE] * 2


def test_word_paragraphs_are_never_merged():
    text = "The General Assembly,\n\nRecalling its resolution 72/5,\n\nin particular its paragraph 3,\n\n1. Decides to act.\n"
    assert len(parse(text, paragraphs_given=True).paragraphs) == 4
    assert len(parse(text).paragraphs) == 3


# -- 2. a preambular opener before the operative part stays preambular -----------------
def test_preambular_opener_with_wrong_mark_stays_in_preamble():
    assert findings("interpol-preamble-mark.txt", "PRE", "OPR") == {("PRE004", 9)}
    assert findings("interpol-preamble-mark-clean.txt", "PRE", "OPR") == set()


def test_unlisted_participle_with_semicolon_still_starts_operative_part():
    """"CALLING UPON …;" is not a listed preambular opener: before "REQUESTS …" it is the
    first unnumbered operative paragraph, with a wrong form (OPR004)."""
    text = (
        "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 3 to 6 November 2031 at its 99th session:\n\n"
        "RECALLING resolution GA-2029-97-RES-04,\n\nCALLING UPON member countries to share data;\n\n"
        "REQUESTS the Secretary General to report.\n"
    )
    res = parse(text)
    assert [p.kind for p in res.paragraphs][1:] == [Kind.PREAMBLE, Kind.OPERATIVE, Kind.OPERATIVE]


# -- 3. every numbering break ------------------------------------------------------------
def test_every_numbering_break_is_reported_with_one_fix():
    path = HERE / "every-break.txt"
    result = lint(path.read_text(encoding="utf-8"), path=str(path))
    opr2 = [f for f in result.findings if f.code == "OPR002"]
    lines = [result.source.position(f.span.start).line + 1 for f in opr2]
    assert lines == [11, 15]
    assert [f.message for f in opr2] == ["Number 3 is used twice", "Numbering skips from 4 to 6"]
    assert [f.fix is not None for f in opr2] == [True, False]
    assert findings("every-break-clean.txt", "OPR") == set()


# -- 7. Markdown lazy numbering ----------------------------------------------------------
def test_same_number_list_is_read_as_automatic_numbering():
    assert findings("lazy-numbering.md", "OPR", "CIT") == set()
    res = parse((HERE / "lazy-numbering.md").read_text(encoding="utf-8"))
    labels = [p.label for p in res.operative]
    assert [lb.value for lb in labels] == [1, 2, 3, 4]
    assert {lb.typed for lb in labels} == {1}


def test_typed_numbers_are_checked_as_typed():
    assert findings("lazy-numbering-typed.md", "OPR", "CIT") == {("OPR002", 9), ("OPR002", 11), ("CIT011", 9)}


@pytest.mark.parametrize("numbers", [(1,), (2, 2, 3)])
def test_one_item_or_mixed_numbers_are_not_automatic(numbers):
    body = "\n\n".join(f"{n}. Decides to act;" for n in numbers)
    res = parse(f"The General Assembly,\n\n{body}\n")
    assert [p.label.value for p in res.operative] == list(numbers)


# -- 4. near-misses of registered instrument names --------------------------------------
def test_near_misses_of_instrument_names_anywhere():
    path = HERE / "instrument-near-miss.txt"
    result = lint(path.read_text(encoding="utf-8"), path=str(path))
    trm1 = [f for f in result.findings if f.code == "TRM001"]
    assert [result.source.position(f.span.start).line + 1 for f in trm1] == [7, 9, 11, 13]
    fixes = [f.fix.edits[0].new_text for f in trm1]
    assert fixes == [
        "United Nations Convention against Corruption",
        "Charter of the United Nations",
        "Convention on the Rights of the Child",
        "Universal Declaration of Human Rights",
    ]
    assert all(f.fix.applicability.value == "unsafe" for f in trm1)
    assert all(f"the {fix}" in f.message for f, fix in zip(trm1, fixes, strict=False))
    assert findings("instrument-near-miss-clean.txt", "TRM") == set()


def test_variant_message_quotes_the_full_title():
    text = "The General Assembly,\n\nRecalling the Universal Declaration on Human Rights,\n\n1. Decides to act.\n"
    msgs = [f.message for f in lint(text).findings if f.code == "TRM001"]
    assert len(msgs) == 1 and "Universal Declaration of Human Rights" in msgs[0]


# -- 5. an article bound to the subject of the clause it governs ------------------------
def test_article_checked_against_the_subject_of_its_clause():
    assert findings("article-subject.txt", "CIT010") == {("CIT010", 5), ("CIT010", 7)}
    msgs = messages("article-subject.txt", "CIT010")
    assert msgs[0].startswith("'24/7 network' is article 41 of the United Nations Convention against Cybercrime")
    assert findings("article-subject-clean.txt", "CIT") == set()


def test_every_subparagraph_break_is_reported_with_one_fix():
    path = HERE / "subparagraph-every-break.txt"
    result = lint(path.read_text(encoding="utf-8"), path=str(path))
    opr8 = [f for f in result.findings if f.code == "OPR008"]
    assert [result.source.position(f.span.start).line + 1 for f in opr8] == [9, 13]
    assert [f.fix is not None for f in opr8] == [True, False]


@pytest.mark.parametrize(
    "opening, first, second, code",
    [
        ("The Security Council,", "Recalling its resolution 2401 (2018),", "recalling also its resolution 2532 (2020),", "PRE003"),
        (
            "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 3 to 6 November 2031 at its 99th session:",
            "RECALLING resolution GA-2029-97-RES-04,",
            "recalling also resolution GA-2030-98-RES-02,",
            "PRE003",
        ),
        ("The Disarmament and International Security Committee,", "Recalling its earlier work,", "further recalling the report of the panel,", "PRE003"),
    ],
)
def test_lowercase_opener_in_every_style(opening, first, second, code):
    text = f"{opening}\n\n{first}\n\n{second}\n\n1. Requests a report.\n"
    result = lint(text, path="draft.txt")
    lines = {result.source.position(f.span.start).line + 1 for f in result.findings if f.code == code}
    assert 5 in lines


# -- 6. openers of adopted texts --------------------------------------------------------
def test_expressing_grave_concern_is_a_security_council_opener():
    text = "The Security Council,\n\nExpressing grave concern at the situation,\n\n1. Decides to remain seized of the matter.\n"
    result = lint(text, path="draft.txt")
    assert result.style.name == "un-sc"
    assert [f for f in result.findings if f.code in ("PRE002", "PRE001")] == []


# -- a word that only looks like a verb form is not called one -------------------------
def _opener_findings(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in lint(text, style="un-ga").findings if f.code in ("PRE001", "PRE002", "OPR004", "OPR005")]


@pytest.mark.parametrize("head", ["Its", "Nations", "Others", "States"])
def test_a_preamble_head_ending_in_s_that_is_no_verb_is_an_unknown_opener(head):
    """"Its work," was told to open with "Itting": any word ending in "s" was taken for
    an operative verb. Only a verb form the dictionary knows is one, and "States" opens
    a paragraph as the noun ("States parties …", not "Stating parties …"); the rest are
    openers the style does not list (PRE002)."""
    text = f"The General Assembly,\n\nRecalling its earlier work,\n\n{head} efforts in the field,\n\n1. Decides to continue.\n"
    found = _opener_findings(text)
    assert [code for code, _ in found] == ["PRE002"]
    assert f"'{head}" in found[0][1]


def test_a_verb_in_the_preamble_is_still_put_in_its_participle():
    text = "The General Assembly,\n\nRecalling its earlier work,\n\nWelcomes the efforts in the field,\n\n1. Decides to continue.\n"
    assert _opener_findings(text) == [("PRE001", "Preambular paragraph opens with the operative verb 'Welcomes'; use 'Welcoming'")]


@pytest.mark.parametrize("head", ["Nothing", "During"])
def test_an_operative_head_ending_in_ing_that_is_no_verb_is_an_unknown_opener(head):
    """"Nothing in this resolution …" is not the participle of a verb "to noth"."""
    text = f"The General Assembly,\n\nRecalling its earlier work,\n\n1. Decides to continue;\n\n2. {head} the period ahead, requests a report.\n"
    assert [code for code, _ in _opener_findings(text)] == ["OPR005"]


def test_a_participle_opening_an_operative_paragraph_is_still_put_in_the_s_form():
    text = "The General Assembly,\n\nRecalling its earlier work,\n\n1. Decides to continue;\n\n2. Requesting a report.\n"
    assert _opener_findings(text) == [("OPR004", "Operative paragraph opens with the participle 'Requesting'; use 'Requests'")]


# -- an annexed text whose "Annex" heading is missing ------------------------------------
_STATUTE = (
    "Article 1: Scope of the Office\n\n"
    "1. The Office shall assist the States concerned.\n\n"
    "2. The Office shall report once a year.\n\n"
    "Article 2\n\n"
    "The seat of the Office shall be decided later.\n"
)
_RESOLUTION = "The Security Council,\n\nRecalling its earlier decisions,\n\n1. Establishes the Office;\n\n2. Decides to remain seized of the matter{end}\n\n"


@pytest.mark.parametrize("lead", ["", "Contents Preamble . . . . . . 1\n\n", "**ARTICLE 1**\n\n"])
def test_articles_after_the_final_full_stop_are_one_piece_of_unplaced_text(lead):
    """After "Decides to remain seized of the matter." a statute's articles followed with
    no "Annex" heading: each article and its numbered paragraphs were read as operative
    paragraphs (wrong openers, numbering restarted, wrong final marks: hundreds of
    findings for one missing heading). It is now text the parser cannot place: one DOC004."""
    text = _RESOLUTION.format(end=".") + lead + _STATUTE
    result = lint(text, style="un-sc")
    assert [f.code for f in result.findings] == ["DOC004"]
    first_unplaced = result.resolution.unplaced[0]
    assert text[first_unplaced.span.start :].startswith((lead or _STATUTE)[:8])
    assert [p.number for p in result.resolution.operative] == [1, 2]


def test_with_its_annex_heading_the_statute_is_an_annex():
    text = _RESOLUTION.format(end=".") + "Annex\n\n" + _STATUTE
    result = lint(text, style="un-sc")
    assert result.findings == []
    assert not result.resolution.unplaced


def test_an_article_heading_before_the_final_paragraph_is_still_read_as_a_clause():
    """Without the final full stop the operative part has not ended: the heading that
    follows is read as before, a heading between numbered paragraphs (and the missing
    mark is reported)."""
    text = _RESOLUTION.format(end=";") + _STATUTE
    result = lint(text, style="un-sc")
    heading = next(p for p in result.resolution.paragraphs if text[p.span.start :].startswith("Article 1"))
    assert heading.kind is Kind.HEADING
    assert "OPR007" in {f.code for f in result.findings}


def test_a_reference_to_an_article_is_not_a_heading():
    text = _RESOLUTION.format(end=".") + "Article 5 of the Statute shall apply.\n"
    result = lint(text, style="un-sc")
    assert "DOC004" not in {f.code for f in result.findings}


# -- an opener listed in another spelling is not unknown --------------------------------
_SPELT = (
    "The General Assembly,\n\nEmphasising the role of youth,\n\nRecognising also the work done,\n\n"
    "1. Emphasises the need to act;\n\n2. Authorises the Secretary-General to act.\n"
)


@pytest.mark.parametrize("style", ["un-ga", "un-sc"])
def test_an_opener_in_another_spelling_is_reported_once_as_spelling(style):
    """"Emphasising" was reported twice at the same place: as an unknown opener (PRE002,
    "did you mean 'Emphasizing'?") and as a spelling (TRM010). The spelling says it."""
    codes = [f.code for f in lint(_SPELT, style=style).findings]
    assert codes == ["TRM010"] * 4


def test_an_opener_in_another_spelling_is_fine_where_the_style_keeps_national_spelling():
    """Model UN delegates write their own national spelling: "Emphasising" is a listed
    opener there, not an unknown one (four findings before)."""
    assert lint(_SPELT, style="mun").findings == []


@pytest.mark.parametrize("style", ["un-ga", "un-sc"])
def test_an_opener_in_another_spelling_after_an_adverb_is_reported_once_as_spelling(style):
    """"Further authorises" (as a Council draft of the corpus writes it) was also an
    unknown opener, with "did you mean 'Authorizes'?" that would drop "Further"."""
    text = _SPELT.replace("1. Emphasises", "1. Further emphasises").replace("2. Authorises", "2. Also authorises")
    assert [f.code for f in lint(text, style=style).findings] == ["TRM010"] * 4


@pytest.mark.parametrize("brk", ["-\n", "-\r\n", "-\n    "])
def test_a_word_hyphenated_at_a_lines_end_is_spelt_whole(brk):
    """A PDF's copy hyphenates at its lines' ends: "organ-" / "isation" was never read as
    "organisation" (the -ise ending alone is no word of the list). The fix writes the
    word whole, without the hyphen and the line break; a word spelt right stays."""
    from resolint.fixes import fix_text

    text = f"The General Assembly,\n\nWelcoming the work of the organ{brk}isation,\n\n1. Decides to act and to recog{brk}nize it.\n"
    found = [f for f in lint(text).findings if f.code == "TRM010"]
    assert [(f.message, text[f.span.start : f.span.end]) for f in found] == [("This style spells it 'organization'", f"organ{brk}isation")]
    assert fix_text(text, lint).text == text.replace(f"organ{brk}isation", "organization")


def test_a_misspelt_opener_is_still_unknown():
    text = _SPELT.replace("Emphasising the role", "Emphasisng the role")
    assert "PRE002" in {f.code for f in lint(text, style="mun").findings}


# -- a Model UN header decides the style --------------------------------------------------
_MUN_BODY = (
    "The General Assembly,\n\nFurther recalling its resolution 77/211 of 15 December 2022,\n\n"
    "Noting with regret that many States lack specialised units,\n\n"
    "1. Calls upon Member States to share information;\n\n2. Decides to remain seized of the matter.\n"
)


@pytest.mark.parametrize("header", [
    "FORUM: General Assembly Third Committee\nQUESTION OF: Protecting children online\nSUBMITTED BY: Norway\n\n",
    "Committee: Third Committee\nSponsors: Chile, Ghana\nSignatories: Japan\n\n",
    "Topic: Protecting children online\nSponsor: Norway\n\n",
    "Delegation: Norway\nCosponsors: Chile, Ghana\n\n",
    "Main submitter: Norway\nCo-submitters: Chile, Ghana\n\n",
    # Markdown marks the header up
    "**FORUM:** General Assembly Third Committee\n**QUESTION OF:** Protecting children online\n\n",
    "**Sponsors**: Chile, Ghana\n\n",
    "## Topic: Protecting children online\n\n",
    "__Submitted by:__ Norway\n\n",
    "| Forum | Third Committee |\n|---|---|\n| Submitted by | Norway |\n\n",  # a table
    "Forum\u00a0: Third Committee\n\n",
])
def test_a_model_un_header_decides_the_style_over_a_general_assembly_opening(header):
    """A Model UN draft opens "The General Assembly," as the body it simulates; its header
    says it is a Model UN draft, whose house keeps national spelling and "Further
    recalling" (read as the General Assembly's style, it had TRM010 and PRE007 findings)."""
    result = lint(header + _MUN_BODY)
    assert result.style.name == "mun"
    assert result.findings == []


_MUN_HEADER = "FORUM: General Assembly\nQUESTION OF: Protecting children online\nSUBMITTED BY: Norway\n\n"


@pytest.mark.parametrize("above", [
    "Draft Resolution 1.1\n\n",
    "Harvard Model United Nations 2025\n\n",
    "Resolution GA1/1.1\n\n",
    "THIMUN 2025\nResolution GA1/1.1\n\n",
    "# Resolution GA1/1.1\n\n",  # a Markdown heading
    "Draft Resolution 1.1\n",  # directly above FORUM, no blank line
])
def test_a_model_un_header_under_a_title_line_still_decides_the_style(above):
    """Most Model UN drafts carry a code or the conference's name above their header: the
    title block's lines were joined with spaces, so "FORUM:" no longer started a line and
    the draft was read in the General Assembly's style (TRM010, PRE007)."""
    result = lint(above + _MUN_HEADER + _MUN_BODY)
    assert result.style.name == "mun"
    assert result.style.detected_because == "the title says 'FORUM:'"
    assert result.findings == []



@pytest.mark.parametrize("header, word", [
    ("Topic Area: Access to clean water\nSponsored by: France, Chile\nCo-Sponsored by: Ghana, Peru\n\n", "Topic Area:"),
    ("Sponsoring delegations: France, Chile\n\n", "Sponsoring delegations:"),
    ("**Co-sponsored by:** Ghana\n\n", "Co-sponsored by:"),
    ("Submitters: Norway\n\n", "Submitters:"),
])
def test_more_model_un_header_lines_decide_the_style(header, word):
    """"Topic Area:", "Sponsored by:", "Co-Sponsored by:", "Sponsoring delegations:"
    head Model UN drafts too: the draft was read in the General Assembly's style, and the
    safe fixes wrote "specialized" for the delegate's own spelling."""
    result = lint(header + _MUN_BODY)
    assert result.style.name == "mun"
    assert result.style.detected_because == f"the title says '{word}'"
    assert result.findings == []


def test_a_markdown_heading_opening_is_the_opening():
    """"### The General Assembly," in a Model UN draft written in Markdown: no opening was
    found (DOC001), as a bold or italic one is."""
    result = lint(_MUN_HEADER + _MUN_BODY.replace("The General Assembly,", "### The General Assembly,"))
    assert result.findings == []
    assert [result.source.text[p.span.start : p.span.end] for p in result.resolution.openings] == ["### The General Assembly,"]
    plain = lint(_MUN_BODY.replace("The General Assembly,", "### The General Assembly,"))
    assert plain.style.detected_because == "the opening says 'The General Assembly'"
    # The body's name alone as a Markdown heading is the document's title, not its opening.
    titled = lint("# The General Assembly\n\n" + _MUN_HEADER + _MUN_BODY)
    assert (titled.style.name, titled.findings) == ("mun", [])
    assert len(titled.resolution.openings) == 1

def test_a_model_un_header_under_a_title_line_decides_over_a_security_council_opening():
    text = "Resolution SC/1.1\n\n" + _MUN_HEADER.replace("General Assembly", "Security Council") + _MUN_BODY.replace(
        "The General Assembly,", "The Security Council,")
    assert lint(text).style.name == "mun"


def test_a_header_word_after_the_opening_does_not_make_a_model_un_draft():
    """Only the block before the opening is the title block: a paragraph of the
    resolution's own that starts "Topic:" says nothing of the style."""
    text = _MUN_BODY.replace("1. Calls upon", "Topic: children online\n\n1. Calls upon")
    assert lint(text).style.name == "un-ga"


def test_the_general_assembly_opening_alone_is_still_the_general_assembly_style():
    result = lint(_MUN_BODY)
    assert result.style.name == "un-ga"
    assert {f.code for f in result.findings} == {"PRE007", "TRM010"}


# -- footnotes: a reference after the final mark, the note's text after the paragraphs ------
_NOTED = (
    "The General Assembly,\n\nWelcoming the adoption of the United Nations Convention against Cybercrime,{ref}\n\n"
    "Recalling its resolution 79/243 of 24 December 2024,\n\n1. Urges Member States to ratify the Convention;\n\n"
    "2. Decides to remain seized of the matter.\n\n{note} Resolution 79/243, annex.\n"
)


@pytest.mark.parametrize(("ref", "note"), [("¹", "¹"), ("[^1]", "[^1]:"), ("²³", "²³"), ("[1]", "[1]"), ("[1][2]", "[1]")])
def test_a_footnote_reference_follows_the_final_mark_and_its_text_is_a_note(ref, note):
    """"…Cybercrime,¹" ends with its comma (PRE004 said it had none), and "¹ Resolution
    79/243, annex." after the last operative paragraph is the footnote's text, not an
    unnumbered operative paragraph (OPR001, and OPR007 on the full stop before it)."""
    result = lint(_NOTED.format(ref=ref, note=note))
    assert result.findings == []
    assert result.resolution.paragraphs[-1].kind is Kind.NOTE


@pytest.mark.parametrize("ref", ["\u00b9", "[1]", "[^1]"])
def test_an_opening_with_a_footnote_reference_is_the_opening(ref):
    """"The General Assembly,¹" (a note on the vote, say) was no opening: DOC001, the
    default style, and the preamble read without its subject."""
    note = "[^1]:" if ref == "[^1]" else ref
    text = f"The General Assembly,{ref}\n\nRecalling its resolution 78/1,\n\n1. Decides to act.\n\n{note} Adopted without a vote.\n"
    result = lint(text, style="auto")
    assert result.findings == [] and result.style.name == "un-ga"
    assert len(result.resolution.openings) == 1


def test_the_mark_a_fix_adds_goes_before_the_footnote_reference():
    from resolint.fixes import fix_text

    text = _NOTED.format(ref="", note="¹").replace("ratify the Convention;", "ratify the Convention against Cybercrime¹")
    # (TRM001 read "Cybercrime¹" as a longer word than the title: "'Nations Convention
    # against Cybercrime' is not the title …")
    assert [f.code for f in lint(text).findings] == ["OPR007"]
    assert "the Convention against Cybercrime;¹\n" in fix_text(text, lint).text


@pytest.mark.parametrize(("end", "mark"), [
    (",1", ","), (";12", ";"), (";1,2", ";"), (",000", ""), (" 5.1", ""), ("/1", ""), (".1", ""),
    (",¹,²", ","), (";[^1][^2]", ";"), ("¹", ""),
])
def test_plain_digits_are_a_footnote_reference_only_after_a_comma_or_semicolon(end, mark):
    """A conversion writes the reference as a plain digit ("UNISPACE+50,1"); a number
    keeps its digits ("1,000", "paragraph 5.1", "70/1")."""
    from resolint.parser.labels import read_terminal

    text = "Noting the assessment of UNISPACE+50" + end
    found = read_terminal(text, 0, len(text))
    assert (text[found.start] if found else "") == mark


@pytest.mark.parametrize(("text", "mark"), [
    ("URGES Member States:1", ":"), ("REQUESTS the Director-General:2,3", ":"), ("as follows:12", ":"),
    ("Decides to meet at 10:30", ""), ("in the ratio 3:1", ""), ("UNISPACE+50:1", ""),
])
def test_plain_digits_after_a_colon_are_a_reference_where_a_word_ends_before_it(text, mark):
    """The World Health Assembly puts a footnote on "URGES Member States:1" (a conversion
    leaves the digit plain): the colon is the paragraph's mark, and its sub-paragraphs
    are its own. After a number the colon is part of it: a time, a ratio."""
    from resolint.parser.labels import read_terminal

    found = read_terminal(text, 0, len(text))
    assert (text[found.start] if found else "") == mark


def test_a_fix_replaces_the_mark_before_several_references_not_the_comma_between_them():
    from resolint.fixes import fix_text

    text = _NOTED.format(ref="", note="¹").replace("ratify the Convention;", "ratify the Convention,1,2")
    assert [f.code for f in lint(text).findings] == ["OPR007"]
    assert "ratify the Convention;1,2\n" in fix_text(text, lint).text


def test_a_footnote_reference_glued_to_an_instruments_title_leaves_the_title_whole():
    """"…against Cybercrime¹," was read as a longer word than the title: TRM001 "'Nations
    Convention against Cybercrime' is not the title of the United Nations Convention
    against Cybercrime"."""
    text = _NOTED.format(ref="", note="¹").replace("Cybercrime,", "Cybercrime¹,")
    assert lint(text).findings == []


# -- a section's number on its own line, then its title -------------------------------
_SECTIONS = (
    "The General Assembly,\n\nRecalling its resolution 78/230 of 22 December 2023,\n\n{marker}\n\n{title}\n\n"
    "1. Reaffirms the universal character of the United Nations Convention on the Law of the Sea;\n\nII\n\nCapacity-building\n\n"
    "2. Decides to remain seized of the matter.\n"
)


@pytest.mark.parametrize("title", ["Oceans and the law of the sea", "Measures against piracy", "Fisheries subsidies"])
@pytest.mark.parametrize("marker", ["I", "I.", "A", "**I**"])
def test_the_line_after_a_sections_number_is_its_title(marker, title):
    """A General Assembly omnibus resolution's sections: "I" centred on its line, then the
    title. A title whose first word reads like a verb ("Oceans", "Measures") was an
    unnumbered operative paragraph (OPR001, OPR005, OPR007, and OPR002 on the "1." after it)."""
    result = lint(_SECTIONS.format(marker=marker, title=title))
    assert result.findings == []
    kinds = {result.source.text[p.span.start : p.span.end]: p.kind for p in result.resolution.paragraphs}
    assert kinds[title] is Kind.HEADING


def test_a_clause_after_a_sections_number_is_still_a_clause():
    text = _SECTIONS.format(marker="I", title="Urges Member States to act;")
    assert [f.code for f in lint(text).findings] == ["OPR001", "OPR002"]


# -- paragraphs inserted in negotiation: "2 bis." ------------------------------------------
_INSERTED = (
    "The General Assembly,\n\nRecalling its resolution 78/230 of 22 December 2023,\n\n"
    "1. Urges Member States to cooperate, as set out in paragraph {ref} below;\n\n"
    "{two}. Requests the Secretary-General to report;\n\n{two} bis. Invites relevant entities to contribute;\n\n"
    "{two}ter Encourages donors to contribute;\n\n{three}. Decides to remain seized of the matter.\n"
)


def test_a_paragraph_inserted_in_negotiation_keeps_its_place_outside_the_count():
    """"2 bis." (UN Editorial Manual: negotiated additions are numbered bis, ter) was the
    number 2 used twice (OPR002), a number without its point (OPR003) and "bis" an unknown
    operative opener (OPR005, OPR006)."""
    result = lint(_INSERTED.format(ref="2 bis", two=2, three=3))
    assert result.findings == []
    inserted = [p for p in result.resolution.paragraphs if p.label is not None and p.label.inserted]
    assert [(p.label.value, result.source.text[p.content.start : p.content.start + 7]) for p in inserted] == [
        (2, "Invites"), (2, "Encoura"),
    ]


def test_renumbering_moves_the_inserted_paragraphs_and_their_references_with_their_number():
    from resolint.fixes import fix_text

    text = _INSERTED.format(ref="3 bis", two=3, three=4)
    assert [f.code for f in lint(text).findings] == ["OPR002"]
    assert fix_text(text, lint, unsafe=True).text == _INSERTED.format(ref="2 bis", two=2, three=3)


def test_an_inserted_paragraph_keeps_its_final_mark_checked():
    """Outside the count, not outside the list: "2 bis." without its mark is OPR007's."""
    text = _INSERTED.format(ref="2 bis", two=2, three=3).replace("entities to contribute;", "entities to contribute")
    assert [f.code for f in lint(text).findings] == ["OPR007"]


# -- paragraphs proposed in negotiation, in square brackets --------------------------------
_BRACKETED = (
    "The General Assembly,\n\nRecalling its resolution 78/230 of 22 December 2023,\n\n"
    "[Deeply concerned by the increase in ransomware attacks{pre}]\n\n1. Urges Member States to cooperate;\n\n"
    "[2. Requests the Secretary-General to report{op}]\n\n3. Decides to remain seized of the matter.\n"
)


def test_a_bracketed_paragraph_is_read_inside_its_brackets():
    """"[Deeply concerned by …,]" (negotiated text in square brackets) was an unnumbered
    operative paragraph: its opener behind "[", and its comma dropped because a bracket
    followed it (the rule for "(… etc.)"). Its label, opener and mark are read inside."""
    result = lint(_BRACKETED.format(pre=",", op=";"))
    assert result.findings == []
    kinds = [p.kind for p in result.resolution.paragraphs]
    assert kinds == [Kind.OPENING, Kind.PREAMBLE, Kind.PREAMBLE, Kind.OPERATIVE, Kind.OPERATIVE, Kind.OPERATIVE]


@pytest.mark.parametrize("after", ["", "¹"])
def test_a_fix_puts_the_missing_mark_inside_the_brackets(after):
    """… also before a footnote reference after the bracket, where the parser reads it
    (the fix and the parser disagreeing, the fix would never converge)."""
    from resolint.fixes import fix_text

    text = _BRACKETED.format(pre="", op="").replace("attacks]", "attacks]" + after)
    assert [f.code for f in lint(text).findings] == ["PRE004", "OPR007"]
    outcome = fix_text(text, lint)
    assert outcome.text == _BRACKETED.format(pre=",", op=";").replace("attacks,]", "attacks,]" + after)
    assert lint(outcome.text).findings == []


@pytest.mark.parametrize("text", ["[Encourages][Requests] the Secretary-General to report;", "[^1]: A note.", "[]", "[x] and [y]", "[x [y] z] [w]", "[x [y z]"])
def test_only_one_bracket_around_the_whole_paragraph_is_a_bracketed_paragraph(text):
    from resolint.parser.labels import bracketed

    assert not bracketed(text, 0, len(text))


@pytest.mark.parametrize("text", ["[x [y] z]", "[Deeply concerned that [millions of] children [are] affected,]", "[[x] y]"])
def test_a_bracketed_paragraph_may_hold_brackets_of_its_own(text):
    """Negotiated text in brackets holds words in brackets too ("[… that [millions of]
    children …,]"): one bracket still opens it and closes it."""
    from resolint.parser.labels import bracketed

    assert bracketed(text, 0, len(text))


# -- a section heading between the preamble and paragraph 1 ---------------------------
_FIRST_SECTION = (
    "The Security Council,\n\nRecalling its previous resolutions on the situation in the region,\n\n"
    "Acting under Chapter VII of the Charter of the United Nations{mark}\n\n{heading}\n\n"
    "{first}. Decides that all Member States shall continue to take the necessary measures;\n\n"
    "{second}. Decides to remain actively seized of the matter.\n"
)


@pytest.mark.parametrize("heading", ["Arms embargo", "Measures", "Sanctions", "Travel ban"])
def test_a_heading_before_paragraph_1_is_a_heading(heading):
    """Security Council drafts head the operative part's sections ("Arms embargo",
    "Measures"), the first one between the preamble and "1. Decides". A heading whose
    first word reads as a verb was an unnumbered operative paragraph (OPR001, OPR005,
    OPR007, and OPR002 on the "1." after it)."""
    result = lint(_FIRST_SECTION.format(mark=",", heading=heading, first=1, second=2))
    assert result.findings == []
    kinds = {result.source.text[p.span.start : p.span.end]: p.kind for p in result.resolution.paragraphs}
    assert kinds[heading] is Kind.HEADING


@pytest.mark.parametrize(
    "heading",
    [
        "Authorises the Mission to use all necessary means",  # followed by "2.": the unnumbered paragraph 1
        "Decides to act",  # a listed opener
        "Mindful of the risks",  # a listed preambular opener that lost its comma
        "Recognizing the efforts made",  # a participle
        "Remaining deeply concerned",  # a participle before a listed phrase
        "Emphasises the need to act",  # a verb followed by a complement, with no final mark
    ],
)
def test_a_clause_before_paragraph_1_is_not_taken_for_a_heading(heading):
    first = 2 if heading.startswith("Authorises") else 1
    result = lint(_FIRST_SECTION.format(mark=",", heading=heading, first=first, second=first + 1))
    kinds = {result.source.text[p.span.start : p.span.end]: p.kind for p in result.resolution.paragraphs}
    assert kinds[heading] in (Kind.PREAMBLE, Kind.OPERATIVE)
    assert {"PRE004", "OPR007"} & {f.code for f in result.findings}  # its missing mark is reported


def test_a_heading_shaped_line_before_paragraph_2_is_the_unnumbered_paragraph_1():
    result = lint(_FIRST_SECTION.format(mark=",", heading="Arms embargo", first=2, second=3))
    kinds = {result.source.text[p.span.start : p.span.end]: p.kind for p in result.resolution.paragraphs}
    assert kinds["Arms embargo"] is Kind.OPERATIVE
    assert "OPR001" in {f.code for f in result.findings}


def test_the_last_preambular_clause_without_its_comma_is_not_a_heading():
    text = _FIRST_SECTION.format(mark="", heading="Arms embargo", first=1, second=2)
    assert [f.code for f in lint(text).findings] == ["PRE004"]


_INTERLUDE = (
    "The General Assembly,\n\nRecalling its resolutions on the financing of the Mission,\n\n"
    "1. Takes note of the report of the Secretary-General;\n\n{heading}\n\n{between}"
    "2. Decides that the requirements shall be financed as follows:\n\n(a) The balance shall be applied;\n\n"
    "(b) The remainder shall be assessed.\n"
)


@pytest.mark.parametrize("heading", ["Financing of the budget estimates", "Arms embargo"])
@pytest.mark.parametrize("between", ["<!-- resolint: ignore[OPR007] -->\n", "<!-- checked by the Fifth Committee -->\n\n"])
def test_a_comment_between_a_heading_and_its_paragraph_leaves_the_heading_a_heading(heading, between):
    """A comment after a heading ("Disable OPR007 for this paragraph" writes one there) made
    the heading an unnumbered operative paragraph: OPR004/OPR005, OPR001, OPR007 and OPR002
    on the "2." after it."""
    plain = lint(_INTERLUDE.format(heading=heading, between=""))
    commented = lint(_INTERLUDE.format(heading=heading, between=between))
    assert plain.findings == []
    kinds = {commented.source.text[p.span.start : p.span.end]: p.kind for p in commented.resolution.paragraphs}
    assert kinds[heading] is Kind.HEADING
    assert [f.code for f in commented.findings] == (["SUP001"] if "ignore" in between else [])


# -- a numbered paragraph's items numbered anew: "7. … the following:" / "1. …" -------------
_NUMBERED_ITEMS = (
    "The General Assembly,\n\nRecalling its resolution 78/230 of 22 December 2023,\n\n"
    "1. Urges Member States to cooperate;\n\n2. Requests the Secretary-General to report on the following{colon}\n\n"
    "1. The implementation of the present resolution;\n\n2. The resources required;\n\n{third}\n\n"
    "3. Decides to remain seized of the matter.\n"
)


@pytest.mark.parametrize("third", ["3. The steps taken;", "3. Steps taken by the Secretariat;"])
def test_items_numbered_anew_after_a_colon_are_the_paragraphs_items(third):
    """"1." right after "2. … on the following:" starts the items of paragraph 2 (a draft's
    nested list): they were operative paragraphs out of sequence (OPR002 on every number,
    OPR005 on each item's first word). The style letters that level (OPR009). Item 3 has
    paragraph 3's number too: neither a listed opener nor a verb with its object opens it
    ("Steps taken": the shape of a verb, not a clause), so it is an item."""
    result = lint(_NUMBERED_ITEMS.format(colon=":", third=third))
    assert [f.code for f in result.findings] == ["OPR009"] * 3
    paragraphs = result.resolution.paragraphs
    items = [p for p in paragraphs if p.kind is Kind.SUBPARAGRAPH]
    assert [p.label.value for p in items] == [1, 2, 3]
    assert {p.parent.label.value for p in items} == {2}


@pytest.mark.parametrize("third", ["3. Invites Member States to contribute;", "3. Emphasises the need to contribute;"])
def test_an_operative_verb_after_the_items_is_the_next_paragraph(third):
    text = _NUMBERED_ITEMS.format(colon=":", third=third).replace("3. Decides", "4. Decides")
    result = lint(text)
    assert [f.code for f in result.findings if f.code != "TRM010"] == ["OPR009"] * 2
    assert [p.label.value for p in result.resolution.paragraphs if p.kind is Kind.OPERATIVE] == [1, 2, 3, 4]


@pytest.mark.parametrize("colon", [";", ""])
def test_a_number_restarting_without_a_colon_before_it_is_still_out_of_sequence(colon):
    result = lint(_NUMBERED_ITEMS.format(colon=colon, third="3. The steps taken;"))
    assert "OPR002" in {f.code for f in result.findings}
    assert not any(p.kind is Kind.SUBPARAGRAPH for p in result.resolution.paragraphs)


@pytest.mark.parametrize(
    ("after_colon", "third"),
    [
        ("3. The implementation of the present resolution;", "4. The resources required;"),  # not 1: no list starts
        ("1. The implementation of the present resolution;", "5. The resources required;"),  # 5 does not follow 1
    ],
)
def test_only_numbers_from_1_in_sequence_are_items(after_colon, third):
    text = _NUMBERED_ITEMS.format(colon=":", third="").replace(
        "1. The implementation of the present resolution;\n\n2. The resources required;", after_colon + "\n\n" + third
    )
    result = lint(text)
    kinds = {result.source.text[p.span.start : p.span.end]: p.kind for p in result.resolution.paragraphs}
    assert kinds[third] is Kind.OPERATIVE
    assert "OPR002" in {f.code for f in result.findings}


# -- Model UN sub-clauses --------------------------------------------------------------
_MUN_SUBCLAUSES = (
    "FORUM: Disarmament and International Security Committee\nSUBMITTED BY: Invented Republic\n\n"
    "The General Assembly,\n\nAlarmed by the growing amount of debris in orbit,\n\n"
    "1. Encourages the creation of a traffic framework which would:\n\n"
    "{a} track objects in orbit larger than ten centimetres,\n\n{i} in low orbit,\n\n{ii} in high orbit,\n\n"
    "{b} share warnings with all operators;\n\n2. Requests the Secretary-General to report.\n"
)


@pytest.mark.parametrize(
    ("a", "b", "i", "ii"),
    [("a.", "b.", "i.", "ii."), ("a)", "b)", "i)", "ii)"), ("(a)", "(b)", "(i)", "(ii)"), ("A.", "B.", "I.", "II.")],
)
def test_model_un_sub_clauses_take_any_of_their_forms_in_either_case(a, b, i, ii):
    """Model UN drafts letter sub-clauses "a.", "a)" or "(a)" and start them in lower case:
    every one had OPR009 (the UN form "(a)") and OPR010 (a capital)."""
    text = _MUN_SUBCLAUSES.format(a=a.lower(), b=b.lower(), i=i.lower(), ii=ii.lower())
    result = lint(text)
    assert result.style.name == "mun"
    assert result.findings == []


def test_model_un_sub_clauses_still_run_in_sequence_in_an_accepted_form():
    text = _MUN_SUBCLAUSES.format(a="a.", b="c.", i="i.", ii="ii.")
    assert [f.code for f in lint(text).findings] == ["OPR008"]
    text = _MUN_SUBCLAUSES.format(a="1.", b="2.", i="i.", ii="ii.")  # numbers, where letters go
    assert [f.code for f in lint(text).findings] == ["OPR009", "OPR009"]


def test_the_united_nations_styles_keep_their_sub_paragraph_forms_and_case():
    text = _MUN_SUBCLAUSES.format(a="a.", b="b.", i="i.", ii="ii.").split("\n\n", 1)[1]
    assert lint(text).style.name == "un-ga"
    assert {f.code for f in lint(text).findings} == {"OPR009", "OPR010"}


# -- PRE006: a participle with how it is felt is another opener ----------------------------
_FELT = "The General Assembly,\n\n{first} the report of the Secretary-General,\n\n{second} the increase in attacks,\n\n1. Decides to remain seized of the matter.\n"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Noting", "Noting with great concern"),
        ("Noting with great concern", "Noting"),
        ("Recalling", "Recalling with appreciation"),
        ("Noting with great concern", "Noting with grave concern"),
        ("Noting with great concern", "Noting with great concern also"),
        ("Noting with great concern", "Noting also with great concern"),
    ],
)
def test_a_participle_with_how_it_is_felt_is_not_a_repetition(first, second):
    """Adopted General Assembly resolutions write "Noting …," then "Noting with grave
    concern …," (and "Recalling with appreciation" after "Recalling") without "also"."""
    assert lint(_FELT.format(first=first, second=second)).findings == []


@pytest.mark.parametrize("opener", ["Noting with great concern", "Recalling with deep appreciation", "NOTING WITH GREAT CONCERN"])
def test_the_same_felt_participle_again_is_a_repetition(opener):
    result = lint(_FELT.format(first=opener, second=opener))
    assert [f.code for f in result.findings if f.code != "PRE003"] == ["PRE006"]  # (PRE003: the upper case)



def test_each_sections_preamble_may_open_as_the_one_before():
    """A resolution in sections, each with its own preamble and operative paragraphs
    ("I" / "American Samoa" / "Taking note of the working paper …" / "1. Welcomes …" /
    "II" / "Anguilla" / "Taking note of the working paper …"): PRE006 asked for "Taking
    note also" in the second section. Two alike openers one after the other in one
    preamble are still reported, in a section too."""
    sections = (
        "The General Assembly,\n\nReferring to resolution A above,\n\nI\n\nAmerican Samoa\n\n"
        "Taking note of the working paper prepared by the Secretariat on American Samoa,\n\n"
        "1. Welcomes the efforts made by the Territorial Government;\n\nII\n\nAnguilla\n\n"
        "Taking note of the working paper prepared by the Secretariat on Anguilla,\n\n"
        "{again}1. Stresses the importance of the constitutional review process.\n"
    )
    assert [f.code for f in lint(sections.format(again="")).findings] == []
    repeated = lint(sections.format(again="Taking note of the statement of the representative of Anguilla,\n\n"))
    assert [f.code for f in repeated.findings] == ["PRE006"]

@pytest.mark.parametrize("second", ["*Noting* also", "**Noting** further", "_Noting_ in particular", "*Noting* with great concern"])
def test_a_modifier_after_the_emphasis_closes_is_the_openers(second):
    """Markdown emphasis on the participle alone ("*Noting* also the increase …"): the
    "also" after it marks the repetition as in plain text (PRE006 asked for it)."""
    assert lint(_FELT.format(first="*Noting*", second=second)).findings == []
    assert [f.code for f in lint(_FELT.format(first="*Noting*", second="*Noting*")).findings] == ["PRE006"]


@pytest.mark.parametrize(
    ("style", "written", "shown"),
    [("un-ga", "Noting", "Noting also"), ("un-ga", "NOTING", "Noting also"), ("un-ga", "noting", "Noting also"),
     ("interpol", "Noting", "NOTING ALSO"), ("interpol", "NOTING", "NOTING ALSO")],
)
def test_the_repeated_opener_is_named_as_the_style_writes_it(style, written, shown):
    """PRE006 asked for "NOTING also" in a United Nations style (the case as written, the
    word as the style writes it); its fix adds the word only (PRE003 fixes the case)."""
    text = _FELT.format(first=written, second=written)
    found = [f for f in lint(text, style=style).findings if f.code == "PRE006"]
    assert [f.message.rsplit("write ", 1)[1] for f in found] == [f"'{shown}'"]
    fixed = found[0].fix.edits[0]
    assert text[: fixed.span.start] + fixed.new_text == text[: found[0].span.end] + (" ALSO" if style == "interpol" else " also")


# -- "Remaining deeply concerned" ------------------------------------------------------
@pytest.mark.parametrize("opener", ["Remaining deeply concerned by", "Remaining convinced that", "REMAINING GRAVELY CONCERNED about"])
def test_remaining_before_a_listed_adjective_is_a_listed_opener(opener):
    """The Security Council's "Remaining deeply concerned" was "not a preambular opener;
    did you mean 'Reminding'?"."""
    text = f"The Security Council,\n\n{opener} the situation,\n\n1. Decides to remain seized of the matter.\n"
    result = lint(text)
    assert "PRE002" not in {f.code for f in result.findings}
    op = result.facts.opener(result.resolution.preamble[0])
    assert op is not None and op.listed


@pytest.mark.parametrize("clause", ["Remaining the main body of the region,", "Remaining,"])
def test_remaining_before_anything_else_is_still_an_unknown_opener(clause):
    text = f"The Security Council,\n\n{clause}\n\n1. Decides to remain seized of the matter.\n"
    messages = [f.message for f in lint(text).findings if f.code == "PRE002"]
    assert len(messages) == 1 and messages[0].startswith("'Remaining' is not a preambular opener")


# -- footnotes at a draft's end or a page's foot ----------------------------------------------
_WITH_NOTES = (
    "The General Assembly,\n\nReaffirming the Universal Declaration of Human Rights,[1]\n\n"
    "1. Encourages all States to act;\n\n2. Decides to continue its consideration of the question.\n\n{notes}"
)


@pytest.mark.parametrize("notes", [
    "__________\n[1] Resolution 217 A (III).\n[2] See resolution 2200 A (XXI), annex.\n",  # the rule, then bracketed numbers
    "__________\n\n[1] Resolution 217 A (III).\n\n[2] See resolution 2200 A (XXI), annex.\n",  # ... with blank lines
    "[1] Resolution 217 A (III).\n\n[2] See resolution 2200 A (XXI), annex.\n",  # no rule
    "__________\n\n1 Resolution 217 A (III).\n\n2 See resolution 2200 A (XXI), annex.\n",  # a PDF's numbers, blank lines
    "__________\n\n* Reissued for technical reasons.\n",
])
def test_footnotes_are_notes_not_clauses(notes):
    """A third committee draft's footnotes, as a word processor's plain-text copy or a PDF
    copy leaves them, were an unnumbered operative paragraph (OPR001, an error) and made
    the last paragraph not the last: "ends with '.'; end it with ';'", a wrong fix."""
    result = lint(_WITH_NOTES.format(notes=notes))
    assert result.findings == []
    assert result.resolution.paragraphs[-1].kind is Kind.NOTE


def test_a_page_of_footnotes_ends_where_the_clauses_go_on():
    """Footnotes at a page's foot end at the next clause, numbered with its point or not
    ("6 Decides …" lost it): the numbering goes on across them."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 79/172,\n\n1. Encourages all States to act;\n\n"
        "__________\n\n1 See A/81/123.\n\n2. Requests a report;\n\n__________\n\n2 See A/81/124.\n\n"
        "3 Decides to continue its consideration of the question.\n"
    )
    result = lint(text)
    kinds = [p.kind for p in result.resolution.paragraphs[2:]]
    assert kinds == [Kind.OPERATIVE, Kind.NOTE, Kind.NOTE, Kind.OPERATIVE, Kind.NOTE, Kind.NOTE, Kind.OPERATIVE]
    assert [f.code for f in result.findings] == ["OPR003"]  # "3" for "3.": the number lost its point


def test_an_itu_groups_numbered_items_after_a_page_of_footnotes_are_items():
    """An ITU group's items are numbered without a point ("2 to report"), as a PDF copy
    leaves a page's footnotes: after a footnote, an item in lower case goes on the group."""
    text = (
        "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),\n\n"
        "resolves\n\n1 to explore new ways;\n\n__________\n\n1 See Resolution 70 (Rev. Dubai, 2018).\n\n2 to report.\n"
    )
    result = lint(text, style="itu")
    kinds = {text[p.span.start : p.span.end][:8]: p.kind for p in result.resolution.paragraphs}
    assert kinds["1 See Re"] is Kind.NOTE and kinds["2 to rep"] is not Kind.NOTE


_REFERRED = (
    "The General Assembly,\n\nRecalling the Convention on the Rights of the Child,{ref1}\n\n"
    "Noting the report of the Secretary-General,{ref2}\n\n1. Welcomes the report;{between}\n\n"
    "2. Requests the Secretary-General to report to it at its eighty-second session.{after}\n"
)


@pytest.mark.parametrize(("ref1", "ref2", "between", "after"), [
    ("1", "2", "", "\n\n1 United Nations, Treaty Series, vol. 1577, No. 27531.\n\n2 A/80/123."),  # at the end
    ("1", "2", "", "\n\n1 United Nations, Treaty Series, vol. 1577, No. 27531.\n2 A/80/123."),  # one paragraph
    ("¹", "²", "", "\n\n1 United Nations, Treaty Series, vol. 1577, No. 27531.\n\n2 A/80/123."),  # superscript references
    ("1", "2", "\n\n1 United Nations, Treaty Series, vol. 1577, No. 27531.\n\n2 A/80/123.", ""),  # at a page's foot
])
def test_footnotes_without_a_rule_are_notes_when_the_text_refers_to_their_numbers(ref1, ref2, between, after):
    """A PDF copy keeps a page's footnotes ("1 United Nations, Treaty Series, …") without
    the rule of underscores above them: read as operative paragraphs, they were "Number 1
    is used twice" (an error) and "Write the number as '1.'", a safe fix that wrote a wrong
    number into the footnote. A footnote's number that the text refers to ("…Child,1")
    makes the paragraph a note."""
    text = _REFERRED.format(ref1=ref1, ref2=ref2, between=between, after=after)
    result = lint(text)
    assert result.findings == []
    notes = [text[p.span.start : p.span.end] for p in result.resolution.paragraphs if p.kind is Kind.NOTE]
    assert notes and all(n[0] in "12" for n in notes)
    assert [p.label.value for p in result.resolution.operative] == [1, 2]


@pytest.mark.parametrize("unreferred", [
    "3 Decides to continue its consideration of the question.",  # a number that lost its point: a clause
    "3 United Nations, Treaty Series, vol. 1577, No. 27531.",  # a number no reference has
])
def test_a_numbered_paragraph_no_reference_names_is_not_a_footnote(unreferred):
    """Only a number the text refers to makes a footnote, and never before an operative
    opener: "3 Decides …" is the third paragraph with its point lost (OPR003 adds it)."""
    text = _REFERRED.format(ref1="1", ref2="2", between="", after="") .replace("session.\n", "session;\n\n" + unreferred + "\n")
    result = lint(text)
    assert not [p for p in result.resolution.paragraphs if p.kind is Kind.NOTE]
    assert "OPR003" in [f.code for f in result.findings]


# -- a PDF page's header and footer -----------------------------------------------------
_PAGE_BREAK = (
    "The General Assembly,\n\nRecalling its resolution 78/230 of 22 December 2023,\n\n"
    "Noting with concern the increase in crimes committed by means of information and\n\n{furniture}\n\n"
    "communications technology systems,\n\n1. Urges Member States to cooperate;\n\n{between}\n\n"
    "2. Decides to remain seized of the matter.\n"
)


@pytest.mark.parametrize(
    "furniture",
    [
        "24-18765 (E) 161024\n\n*2418765*",
        "A/C.3/79/L.15\n\n2/3 24-18765",
        "2/3",
        "E/CN.15/2024/L.3\n\n24-18765\n\n*2418765*\n\n3/7",
        "GE.24-12345 (E)\n\nPlease recycle ♲\n\nPage 2 of 5",
    ],
)
def test_a_paragraph_broken_by_a_page_break_is_one_paragraph(furniture):
    """Text copied from a PDF: the page's footer and header stand between the halves of
    a paragraph. It was two paragraphs (PRE004 on the first half, the footer unplaced
    (DOC004, which kept --fix from the whole file), the second half glued to the barcode);
    it is one, and DOC016 offers to take the furniture out."""
    from resolint.fixes import fix_text

    text = _PAGE_BREAK.format(furniture=furniture, between="24-18765")
    result = lint(text)
    assert [f.code for f in result.findings] == ["DOC016", "DOC016"]
    kinds = [p.kind for p in result.resolution.paragraphs]
    assert kinds == [Kind.OPENING, Kind.PREAMBLE, Kind.PREAMBLE, Kind.OPERATIVE, Kind.FURNITURE, Kind.OPERATIVE]
    outcome = fix_text(text, lint)
    assert outcome.text == (
        "The General Assembly,\n\nRecalling its resolution 78/230 of 22 December 2023,\n\n"
        "Noting with concern the increase in crimes committed by means of information and\n"
        "communications technology systems,\n\n1. Urges Member States to cooperate;\n\n"
        "2. Decides to remain seized of the matter.\n"
    )
    assert lint(outcome.text).findings == []


@pytest.mark.parametrize(
    ("furniture", "after"),
    [
        ("24-18765 (E) 161024", "Communications technology systems,"),  # a capital: a paragraph of its own
        ("Strengthening cooperation", "communications technology systems,"),  # a heading is no furniture
        ("24-18765 (E) 161024 and a sentence that goes on", "communications technology systems,"),
    ],
)
def test_only_furniture_is_joined_across(furniture, after):
    text = _PAGE_BREAK.format(furniture=furniture, between="24-18765").replace("communications technology systems,", after)
    result = lint(text)
    assert "PRE004" in {f.code for f in result.findings}  # "… information and" stays a paragraph without its mark
    ends = [result.source.text[p.span.end - 4 : p.span.end] for p in result.resolution.paragraphs]
    assert " and" in ends


def test_a_title_blocks_symbol_is_not_page_furniture():
    text = "A/C.3/79/L.15\n\n" + _PAGE_BREAK.format(furniture="2/3", between="*2418765*")
    result = lint(text)
    assert result.resolution.paragraphs[0].kind is Kind.TITLE
    assert [result.source.position(f.span.start).line for f in result.findings] == [8, 14]


def test_export_waits_for_the_furniture_to_go():
    from resolint.export.checks import reasons

    result = lint(_PAGE_BREAK.format(furniture="2/3", between="24-18765"))
    assert [r.split(" ")[1] for r in reasons(result)] == ["DOC016", "DOC016"]


def test_a_paragraph_broken_by_two_page_breaks_has_a_finding_for_each():
    text = _PAGE_BREAK.format(furniture="2/3", between="").replace(
        "communications technology systems,", "communications technology\n\n3/3\n\n24-18765\n\nsystems,"
    )
    result = lint(text)
    found = [(f.code, result.source.position(f.span.start).line) for f in result.findings]
    assert found == [("DOC016", 6), ("DOC016", 10)]
    from resolint.fixes import fix_text

    assert "information and\ncommunications technology\nsystems," in fix_text(text, lint).text


def test_a_forced_export_leaves_the_furniture_lines_between_paragraphs_out():
    """(Inside a paragraph they stay in its text: the export is refused until DOC016's
    fix takes them out, or forced.)"""
    from resolint.export import export

    result = lint(_PAGE_BREAK.format(furniture="2/3", between="24-18765"))
    xml = export(result, force=True).decode("utf-8")
    assert "24-18765" not in xml and "Member States to cooperate" in xml


@pytest.mark.parametrize("barcode", ["*2325931* ", "*23259310*\u00a0"])
def test_a_barcode_glued_to_a_paragraph_is_page_furniture(barcode):
    from resolint.fixes import fix_text

    text = _PAGE_BREAK.format(furniture="2/3", between="").replace("1. Urges", barcode + "1. Urges")
    result = lint(text)
    glued = [f for f in result.findings if f.code == "DOC016" and "barcode" in f.message]
    assert len(glued) == 1 and result.source.text[glued[0].span.start : glued[0].span.end] == barcode.strip()
    fixed = fix_text(text, lint).text
    assert "\n1. Urges Member States" in fixed and lint(fixed).findings == []


@pytest.mark.parametrize("start", ["*important* Urges", "*2325931*Urges", "*123* Urges"])
def test_emphasis_or_a_short_number_is_no_barcode(start):
    text = _PAGE_BREAK.format(furniture="2/3", between="").replace("1. Urges", start)
    assert not [f for f in lint(text).findings if f.code == "DOC016" and "barcode" in f.message]


@pytest.mark.parametrize("glued", ["<!-- resolint: ignore[PRE002] -->", "<!-- a note --> ", "<!-- a --><!-- b -->"])
def test_a_comment_glued_before_a_label_leaves_the_label_and_opener_read(glued):
    """"<!-- … -->2. Urge …": read as no label (OPR001), the opener unread; a safe fix
    removing the comment numbered the paragraph and brought in OPR004 (fuzz/mutate.py)."""
    from resolint.fixes import fix_text

    text = "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act;\n\n" + glued + "2. Urge all States to act.\n"
    result = lint(text)
    (p,) = [p for p in result.resolution.paragraphs if p.label is not None and p.label.text == "2."]
    assert text.startswith("Urge all", p.content.start)
    codes = {f.code for f in result.findings}
    assert "OPR004" in codes and "OPR001" not in codes
    assert {f.code for f in lint(fix_text(text, lint).text).findings} <= codes


# -- messages on one line ---------------------------------------------------------------
@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\u2028"])
def test_a_message_quoting_text_over_a_line_break_is_one_line(brk):
    """TRM001 quoted "…against Cyber-⏎crime" with its line break: the terminal's report,
    a GitHub annotation and an editor's hover then broke the message in two."""
    text = (
        "The General Assembly,\n\nNoting the United Nations Convention against Cyber-"
        + brk
        + "crimes and its protocols,\n\n1. Decides to remain seized of the matter.\n"
    )
    findings = [f for f in lint(text).findings if f.code == "TRM001"]
    assert findings and all(len(f.message.splitlines()) == 1 for f in findings)
    assert "Cyber- crimes" in findings[0].message


def test_a_message_or_fix_title_quoting_text_of_any_length_is_cut():
    """A message is at most MAX_MESSAGE characters, whatever a rule (or a house rule's
    message) quotes: a "word" of 30,000 characters quoted in each of TRM014's 10,000
    findings made a report of 300 MB."""
    from resolint.engine import MAX_MESSAGE
    from resolint.rule import Edit, Fix, Rule, Violation

    class QuotesTheParagraph(Rule):
        code, name, summary = "TST002", "quotes-the-paragraph", "test"

        def check(self, ctx):
            p = ctx.resolution.body[-1]
            quoted = ctx.text[p.span.start : p.span.end]
            yield Violation(p.span, f"'{quoted}' is quoted", Fix.unsafe(f"Write '{quoted}'", Edit(p.span, quoted)))

    long_words = " ".join(["word"] * 2000)
    for quoted, cut in ((f"1. Decides {long_words}.", True), ("1. Decides to act.", False)):
        (f,) = lint(f"The General Assembly,\n\nRecalling its work,\n\n{quoted}\n", rules=[QuotesTheParagraph()]).findings
        assert f.fix is not None
        if cut:
            assert len(f.message) == len(f.fix.title) == MAX_MESSAGE and f.message.endswith("…")
            assert f.fix.edits[0].new_text == quoted  # the edit itself is whole
        else:
            assert f.message == f"'{quoted}' is quoted"
    word = "a\u00adb" * 10_000
    messages = {f.message for f in lint(f"The General Assembly,\n\nRecalling {word},\n\n1. Decides to act.\n").findings if f.code == "TRM014"}
    assert messages == {f"A soft hyphen (invisible) inside '{'ab' * 20}…{'b' + 'ab' * 7}': remove it"}


@pytest.mark.parametrize("brk", ["-\n", "-\r\n", "-\n    ", "- \n"])
def test_an_instruments_title_hyphenated_at_a_lines_end_is_its_title(brk):
    """A PDF's copy hyphenates words at its lines' ends: "… Transnational Organ-" /
    "ized Crime" was "'… Organ- ized' is not the title of the United Nations Convention
    against Transnational Organized Crime". A name that is not the title once joined is
    still reported."""
    text = (
        "The General Assembly,\n\nRecalling the United Nations Convention against Transnational Organ"
        + brk + "ized Crime,\n\n1. Decides to remain seized of the matter.\n"
    )
    assert [f.code for f in lint(text).findings] == []
    assert [f.code for f in lint(text.replace("ized Crime", "ised Crimes")).findings] == ["TRM001"]


# -- invisible characters inside words ---------------------------------------------------
def test_a_soft_hyphen_inside_an_opener_is_reported_and_its_fix_brings_the_opener_back():
    """"Recal­ling" (a soft hyphen from a web page) was "'Recal' is not a preambular opener"
    and nothing said why. TRM014 says why, and the opener is read through the character
    (tests/test_invisible.py): 'Recalling' is listed."""
    from resolint.fixes import fix_text

    text = "The General Assembly,\n\nRecal\u00adling its resolution 78/230,\n\n1. Decides to remain seized of the matter.\n"
    assert [f.code for f in lint(text).findings] == ["TRM014"]
    assert lint(fix_text(text, lint).text).findings == []


@pytest.mark.parametrize("text", ["Member\u200bStates", "\u2060 the", "\u0e01\u200b\u0e02"])
def test_an_invisible_character_outside_a_word_is_left_alone(text):
    """A zero-width space standing for a space, a word joiner after one, a Thai word
    break. (A soft hyphen or zero-width space between a word and a space, "report\u00ad
    on", "\u00adreport", is reported since round six: it breaks a search for the words
    with nothing to show; tests/robustness/test_robust_round6.py.)"""
    draft = f"The General Assembly,\n\n1. Requests the Secretary-General to {text} annually.\n"
    assert "TRM014" not in {f.code for f in lint(draft).findings}


@pytest.mark.parametrize("word", ["Re\u00adcal\u00adling", "Re\u2060cal\u00adling", "Recal\u00ad\u00adling"])
def test_a_word_with_several_invisible_characters_is_named_whole(word):
    """"Re­cal­ling" was reported as 'Recal' at one soft hyphen and 'calling' at the other."""
    text = f"The General Assembly,\n\n{word} its resolution 78/230,\n\n1. Decides to remain seized of the matter.\n"
    messages = [f.message for f in lint(text).findings if f.code == "TRM014"]
    assert messages and all("inside 'Recalling'" in m for m in messages)


def test_a_zero_width_space_inside_a_word_is_reported_and_one_after_a_number_is_a_gap():
    """"Secre\u200btary-General" (a web page's line-break point) reads as two words; and
    "1.\u200bRequests" was "Unnumbered operative paragraph" though its number is there."""
    from resolint.fixes import fix_text

    text = "The General Assembly,\n\nRecalling its resolution 79/1,\n\n1.\u200bRequests the Secre\u200btary-General to report;\n\n2. Decides to remain seized of the matter.\n"
    assert [(f.code, f.message) for f in lint(text).findings] == [("TRM014", "A zero-width space (invisible) inside 'Secretary': remove it")]
    assert "Secretary-General" in fix_text(text, lint).text


def test_every_paragraph_with_a_soft_hyphen_is_read():
    text = "The General Assembly,\n\nRecal\u00adling its resolution 78/230,\n\n1. Re\u00adquests a report;\n\n2. De\u00adcides to remain seized of the matter.\n"
    assert [f.code for f in lint(text).findings if f.code == "TRM014"] == ["TRM014"] * 3


# -- characters that set the order text is shown in --------------------------------------
@pytest.mark.parametrize(("where", "control"), [
    ("{}Recalling its resolution 78/230,", "\u202e"),  # at a paragraph's start, which the parser strips
    ("Recalling its resolution 78/230,{}", "\u202e"),  # at its end
    ("Recalling its {}resolution 78/230,", "\u202b\u202c"),  # a run: one finding
    ("Recalling its \u2066resolution{} 78/230,", "\u2069"),
])
def test_a_character_that_reorders_the_text_is_reported_and_its_fix_removes_it(where, control):
    """"Decides to remain ‮dezies" shows 'seized' on the screen: the file says something
    else than the drafter sees (Trojan Source). Reported anywhere in the text, one
    finding per run, with an unsafe fix that removes the run."""
    from resolint.fixes import fix_text

    text = "The General Assembly,\n\n" + where.format(control) + "\n\n1. Decides to remain seized of the matter.\n"
    found = [f for f in lint(text).findings if f.code == "TRM017"]
    runs = sum(1 for k, ch in enumerate(text) if ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2069" and (k == 0 or text[k - 1] not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2069"))
    assert len(found) == runs
    assert all(text[f.span.start : f.span.end].strip("\u202a\u202b\u202c\u202d\u202e\u2066\u2069") == "" for f in found)
    fixed = fix_text(text, lint, unsafe=True).text
    assert fixed == text.translate(dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2069")))
    assert lint(fixed).findings == []


def test_isolates_around_a_right_to_left_name_are_left_alone_but_not_an_override():
    """An Arabic or Hebrew name in an English paragraph may need an isolate or an
    embedding to show right; an override forces Latin letters round too."""
    name = "\u2067\u0645\u0631\u064a\u0645\u2069"
    text = f"The General Assembly,\n\nWelcoming {name} as Special Envoy,\n\n1. Decides to remain seized of the matter.\n"
    assert "TRM017" not in {f.code for f in lint(text).findings}
    forced = text.replace("Special", "\u202eSpecial")
    assert [f.code for f in lint(forced).findings if f.code == "TRM017"] == ["TRM017"]
    latin = text.replace(name, "\u2067Mariam\u2069")  # no right-to-left letter to show
    assert [f.code for f in lint(latin).findings if f.code == "TRM017"] == ["TRM017"] * 2


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("furniture", ["2/3" + " " * 200, "\u2003\u20032/3\u2003", "2/3\n24-18765", "*2418765*\u2003" * 1])
def test_the_whole_lint_finds_the_furniture_the_paragraph_check_finds(furniture, newline):
    """DOC016's whole-document scan (the CLI's) and its paragraph check (the server's)
    agree whatever white space stands around the furniture."""
    from resolint.registry import all_rules
    from resolint.rule import RuleContext

    long_rest = "communications technology systems, " + "networks and " * 20 + "devices,"  # no short line after the furniture
    text = _PAGE_BREAK.format(furniture=furniture, between="").replace("communications technology systems,", long_rest)
    result = lint(text.replace("\n", newline))
    rule = next(r for r in all_rules() if r.code == "DOC016")
    ctx = RuleContext(result.source, result.resolution, result.style, {}, facts=result.facts)
    by_paragraph = [v for p in rule.paragraphs(ctx) for v in rule.check_paragraph(ctx, p)]
    assert by_paragraph and list(rule.check(ctx)) == by_paragraph


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_crlf_is_one_line_break_not_a_blank_line(newline):
    """DOC016's paragraph check read "\\r\\n" as a CR and then an LF: a blank line, and so
    a furniture line between two lines of one paragraph, where the whole-text scan (and
    the parser) see none (found by the incremental property test). (A page's number
    alone: a job number's line is furniture with or without blank lines around it.)"""
    text = newline.join(["Decides the first,", "2/3", "the second,:", "1. Urges Member States to cooperate;", ""])
    assert "DOC016" not in {f.code for f in lint(text).findings}
    assert "DOC016" not in {f.code for f in IncrementalLinter().lint(text, Settings()).findings}


def test_the_fix_joins_a_page_breaks_halves_with_the_paragraphs_own_line_break():
    """In a draft of mixed line endings the fix used the document's dominant one, which an
    edit elsewhere can change while the server keeps the paragraph's finding."""
    text = _PAGE_BREAK.format(furniture="2/3", between="").replace("and\n\n2/3\n\ncommunications", "and\r\n\r\n2/3\r\n\r\ncommunications")
    found = [f for f in lint(text).findings if f.code == "DOC016"]
    assert [e.new_text for f in found for e in f.fix.edits] == ["\r\n"]
    linter = IncrementalLinter()
    linter.lint(text, SETTINGS)
    flipped = "\r\n\r\n" * 20 + text  # now CRLF is the dominant line ending
    assert [(f.code, f.span, f.fix) for f in linter.lint(flipped, SETTINGS).findings] == [
        (f.code, f.span, f.fix) for f in lint(flipped, Settings()).findings
    ]


# -- a list marked with bullets throughout ------------------------------------------------
_BULLETED = (
    "The ICPO-INTERPOL General Assembly, meeting in Marrakesh, Morocco, from 24 to 27 November 2025 at its 93rd session:\n\n"
    "RECALLING Article 2 of the Organization's Constitution,\n\n"
    "ENCOURAGES member countries to:\n\n{items}\n\n"
    "REQUESTS the General Secretariat to report on the implementation of the present resolution.\n"
)


@pytest.mark.parametrize("bullet", ["-", "•", "*"])
def test_the_bullets_of_a_list_marked_with_bullets_throughout_are_not_stray(bullet):
    """An INTERPOL verb with its list, each item marked with a bullet and none with a
    number: each bullet was "Stray list bullet before an operative paragraph"."""
    items = "\n".join(f"{bullet} {item};" for item in ("make full use of INTERPOL's databases", "share information on cases", "designate a national contact point"))
    assert [f.code for f in lint(_BULLETED.format(items=items)).findings] == []


def test_a_bullet_in_a_numbered_list_is_still_stray_even_before_an_item_that_lost_its_number():
    items = "- make full use of INTERPOL's databases;\n- 2. share information on cases;\n- 3. designate a national contact point;"
    result = lint(_BULLETED.format(items=items))
    stray = [result.source.position(f.span.start).line for f in result.findings if f.code == "OPR003"]
    first_item = _BULLETED.format(items=items).splitlines().index(items.splitlines()[0])
    assert stray == [first_item, first_item + 1, first_item + 2]


# -- "Demanding" in a Security Council preamble --------------------------------------------
def test_demanding_is_a_preambular_opener():
    """Security Council drafts open preambular paragraphs with "Demanding that all parties
    …," (it was "not a preambular opener of the un-sc style")."""
    text = "The Security Council,\n\nDemanding that all parties end all obstructions to the Mission,\n\n1. Decides to remain seized of the matter.\n"
    result = lint(text)
    assert result.findings == []
    op = result.facts.opener(result.resolution.preamble[0])
    assert op is not None and op.listed


# -- the draft of another United Nations body ------------------------------------------------
_BODY_DRAFT = (
    "United Nations{symbol}\n\n{body}\n\nPromotion and protection of all human rights\n\n"
    "The {body},\n\nGuided by the purposes and principles of the Charter of the United Nations,\n\n"
    "1. Condemns unequivocally all attacks on journalists;\n\n2. Decides to remain seized of the matter.\n"
)


@pytest.mark.parametrize(("body", "symbol"), [
    ("Human Rights Council", "A/HRC/58/L.14"),
    ("Commission on Narcotic Drugs", "E/CN.7/2025/L.4"),
    ("Commission on the Status of Women", "E/CN.6/2025/L.3"),
])
def test_a_united_nations_symbol_decides_the_style_over_a_model_un_opening(body, symbol):
    """"The Human Rights Council," is also a Model UN committee: a real draft of the
    Council (or of an Economic and Social Council commission) was read as a Model UN one,
    which takes "Further recalling" and sub-clauses in any form."""
    result = lint(_BODY_DRAFT.format(symbol=f"    {symbol}", body=body))
    assert (result.style.name, result.style.detected_because) == ("un-ga", f"the title says '{symbol.split('/')[0]}/{symbol.split('/')[1]}/'")


@pytest.mark.parametrize("body", ["Human Rights Council", "Commission on the Status of Women"])
def test_a_united_nations_bodys_opening_without_a_symbol_is_that_bodys_style(body):
    """A Council's or commission's draft before it has a symbol (a delegation's working
    text) was read as a Model UN one: "should" in an operative paragraph (MUN003), and
    spelling, per cent and italics left unchecked."""
    result = lint(_BODY_DRAFT.format(symbol="", body=body).replace("Condemns unequivocally", "Stresses that States should prevent"))
    assert (result.style.name, result.findings) == ("un-ga", [])


def test_a_model_un_header_is_still_model_un():
    header = "Committee: Human Rights Council\nSponsors: Chile, Ghana\n\n"
    result = lint(header + _BODY_DRAFT.format(symbol="    A/HRC/58/L.14", body="Human Rights Council"))
    assert result.style.name == "mun"


_COMMITTEE_DRAFT = (
    "{opening}\n\nNoting that many smallholder farmers lack access to credit,\n\n"
    "1. Urges Member States to prioritize smallholder farmers;\n\n2. Decides to remain seized of the matter.\n"
)


@pytest.mark.parametrize("opening", [
    "The Social, Humanitarian and Cultural Committee,",  # SOCHUM: the comma is part of its name
    "THE SOCIAL, HUMANITARIAN AND CULTURAL COMMITTEE,",
    "The Economic, Social and Cultural Committee,",
    "**The Social, Humanitarian and Cultural Committee,**",
    "The Special Political and Decolonization Committee,",
])
def test_a_committee_whose_name_holds_a_comma_is_an_opening(opening):
    """"The Social, Humanitarian and Cultural Committee," is a standard Model UN
    committee: the words before a body's name could hold no comma, so it was no opening
    (DOC001 "No opening line names the body"), and a .txt draft that opens so was skipped
    as not a draft."""
    from resolint.cli.drafts import draft_signal

    text = _COMMITTEE_DRAFT.format(opening=opening)
    result = lint(text)
    assert [p.kind for p in result.resolution.paragraphs] == [Kind.OPENING, Kind.PREAMBLE, Kind.OPERATIVE, Kind.OPERATIVE]
    assert result.style.name == "mun"
    assert result.findings == []
    assert draft_signal(text).startswith("line 1 is an opening")


@pytest.mark.parametrize("opening", [
    "The World Health Organization,",
    "**The World Health Organisation,**",
    "The United Nations Environment Programme,",
    "The United Nations Children's Fund,",
    "The International Atomic Energy Agency,",
    "The United Nations Educational, Scientific and Cultural Organization,",
])
def test_a_committee_named_after_an_agency_fund_or_programme_is_a_model_un_opening(opening):
    """A Model UN committee simulating a specialized agency, fund or programme opens with
    its name: the bodies an opening could name had no "Organization", "Programme", "Fund"
    or "Agency", so such a draft had no opening (DOC001, the opening read as a preambular
    paragraph) and a .txt or .md draft was skipped as not a draft. Only Model UN speaks
    so: the agency's own texts are adopted by an organ of it."""
    from resolint.cli.drafts import draft_signal

    text = _COMMITTEE_DRAFT.format(opening=opening)
    result = lint(text)
    assert [p.kind for p in result.resolution.paragraphs] == [Kind.OPENING, Kind.PREAMBLE, Kind.OPERATIVE, Kind.OPERATIVE]
    assert result.style.name == "mun"
    assert result.findings == []
    assert draft_signal(text).startswith("line 1 is an opening")


@pytest.mark.parametrize("opening", [
    "The General Assembly Third Committee",
    "The Security Council Counter-Terrorism Committee",
    "**The General Assembly First Committee**",
])
def test_an_opening_whose_name_holds_two_body_words_and_lacks_its_comma_is_an_opening(opening):
    """"The General Assembly Third Committee" with its comma left out: the name was read
    to its first body word ("Assembly"), the rest (" Third Committee") had no final mark,
    so the line was no opening: DOC001 "No opening line names the body" instead of the
    missing comma, and a .txt draft so written was skipped as not a draft."""
    from resolint.cli.drafts import draft_signal

    text = _COMMITTEE_DRAFT.format(opening=opening)
    result = lint(text)
    assert [p.kind for p in result.resolution.paragraphs] == [Kind.OPENING, Kind.PREAMBLE, Kind.OPERATIVE, Kind.OPERATIVE]
    assert [f.code for f in result.findings] == ["DOC002"]
    assert draft_signal(text).startswith("line 1 is an opening")


@pytest.mark.parametrize("line", ["The Council notes the Committee", "The Council welcomes the work of the Committee"])
def test_a_sentence_between_two_bodies_is_no_opening(line):
    from resolint.parser.placement import is_opening

    assert not is_opening(line)


def test_an_organ_of_an_agency_keeps_the_default_style():
    result = lint(_COMMITTEE_DRAFT.format(opening="The Governing Council of the United Nations Environment Programme,"))
    assert (result.style.name, result.findings) == ("un-ga", [])


@pytest.mark.parametrize("line", [
    "Recalling, in particular, the Social, Humanitarian and Cultural Committee,",  # a preambular clause
    "The Social, Humanitarian and Cultural Committee adopted the text last week.",  # a sentence
    "The States, the Council and the Committee,",  # after the comma, no more of a name
    "The delegates, Member States and the Committee agreed on the text,",
])
def test_a_clause_or_sentence_with_a_comma_before_a_body_is_no_opening(line):
    from resolint.cli.drafts import draft_signal
    from resolint.parser.placement import is_opening

    assert not is_opening(line)
    assert not draft_signal(line + "\n")


# -- a negotiation draft's PP and OP labels ------------------------------------------------
_NEGOTIATION = (
    "The General Assembly,\n\n{pp1} Recalling its resolution 70/1 of 25 September 2015,\n\n"
    "{pp2} Expressing concern at the increase in cybercrime{mark}\n\n"
    "{op1} Urges Member States to cooperate;\n\n{op2} Requests the Secretary-General to report at its eighty-first session;\n\n"
    "{op3} Decides to remain seized of the matter.\n"
)


@pytest.mark.parametrize(("pp", "op"), [("PP{}", "OP{}"), ("PP{}.", "OP{}."), ("PP {}", "OP {}")])
def test_a_negotiation_drafts_labels_name_the_part_and_number(pp, op):
    """"PP1 Recalling …," / "OP1 Urges …;", as negotiation drafts label their paragraphs:
    each was an opener 'PP' or 'OP' not listed, with a wrong "fix" to 'Pp' (PRE002, PRE003),
    and every operative paragraph unnumbered (OPR001)."""
    labels = {f"pp{n}": pp.format(n) for n in (1, 2)} | {f"op{n}": op.format(n) for n in (1, 2, 3)}
    result = lint(_NEGOTIATION.format(mark=",", **labels))
    assert result.findings == []
    assert [p.kind for p in result.resolution.paragraphs[1:]] == [Kind.PREAMBLE] * 2 + [Kind.OPERATIVE] * 3
    assert [p.label.value for p in result.resolution.operative] == [1, 2, 3]


@pytest.mark.parametrize(("opener", "codes"), [("Expressing concern at", ["PRE004"]), ("Registering", ["PRE002", "PRE004"])])
def test_a_pp_label_keeps_a_paragraph_in_the_preamble_whatever_its_opener_and_mark(opener, codes):
    text = _NEGOTIATION.format(pp1="PP1", pp2="PP2", mark=";", op1="OP1", op2="OP2", op3="OP3").replace("Expressing concern at", opener)
    result = lint(text)
    assert [f.code for f in result.findings] == codes
    assert len(result.resolution.preamble) == 2


def test_an_op_label_keeps_a_paragraph_in_the_operative_part_whatever_its_opener():
    text = _NEGOTIATION.format(pp1="PP1", pp2="PP2", mark=",", op1="OP1", op2="OP2", op3="OP3").replace("Urges", "Noting that")
    text = text.replace("to cooperate;", "cooperate,")
    result = lint(text)
    assert len(result.resolution.preamble) == 2 and len(result.resolution.operative) == 3


def test_a_negotiation_drafts_operative_numbers_run_in_sequence():
    text = _NEGOTIATION.format(pp1="PP1", pp2="PP2", mark=",", op1="OP1", op2="OP2bis", op3="OP4")
    result = lint(text)
    assert [(f.code, f.message) for f in result.findings] == [("OPR002", "Numbering skips from 1 to 4")]
    from resolint.fixes import fix_text

    fixed = fix_text(text, lint, unsafe=True).text
    assert "OP2bis Requests" in fixed and "OP2 Decides" in fixed


@pytest.mark.parametrize("word", ["OPEC", "PPP", "OP-ED"])
def test_a_word_starting_like_a_negotiation_label_is_no_label(word):
    text = f"The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. Welcomes the work of {word};\n\n{word} members are invited to contribute;\n"
    result = lint(text)
    assert all(p.label is None for p in result.resolution.paragraphs if result.source.text[p.span.start:].startswith(word))


# -- the case rules and a paragraph that starts with an acronym or a name -------------------
@pytest.mark.parametrize("start", ["UNODC and UNICEF have worked together,", "AWS services are used,"])
def test_an_acronym_starting_a_paragraph_is_not_rewritten_in_the_openers_case(start):
    """"UNODC and UNICEF …" had a safe fix to 'Unodc' (PRE003): an acronym is no opener in
    the wrong case. PRE002 still says the paragraph has no listed opener."""
    text = f"The General Assembly,\n\nRecalling its resolution 70/1,\n\n{start}\n\n1. Decides to remain seized of the matter.\n"
    assert [f.code for f in lint(text).findings] == ["PRE002"]


def test_a_name_starting_an_interpol_paragraph_is_not_put_in_capitals():
    text = (
        "The ICPO-INTERPOL General Assembly, meeting in Lyon from 1 to 4 November 2027 at its 95th session:\n\n"
        "RECALLING Article 2 of the Constitution,\n\nNew Zealand and France have offered support,\n\n"
        "REQUESTS the General Secretariat to report.\n"
    )
    assert "PRE003" not in {f.code for f in lint(text).findings}


@pytest.mark.parametrize(("style_opening", "written", "want"), [
    ("The General Assembly,", "REGISTERING", "Registering"),
    ("The ICPO-INTERPOL General Assembly, meeting in Lyon from 1 to 4 November 2027 at its 95th session:", "Registering", "REGISTERING"),
])
def test_an_unlisted_participle_is_still_written_in_the_styles_case(style_opening, written, want):
    text = f"{style_opening}\n\n{written} the increase in cybercrime,\n\nRECALLING ALSO the Constitution,\n\nREQUESTS the General Secretariat to report.\n"
    messages = [f.message for f in lint(text).findings if f.code == "PRE003"]
    assert any(f"'{want}'" in m for m in messages)


@pytest.mark.parametrize("opening", ["THE SECURITY COUNCIL,", "The Security Council,",
                                     "The ICPO-INTERPOL General Assembly, meeting in Lyon from 1 to 4 November 2027 at its 95th session:"])
def test_a_model_un_header_decides_the_style_over_any_opening(opening):
    """A Model UN conference simulates the Security Council (or INTERPOL) too: with its
    header the draft was read in the Council's style, and its sub-clauses "a." had OPR009."""
    text = (
        "FORUM: Security Council\nQUESTION OF: The situation in the Sahel\nSUBMITTED BY: France\n\n"
        f"{opening}\n\nAlarmed by the deteriorating security situation,\n\n"
        "1. Requests the Secretary-General to:\n   a. Report on the situation every 90 days,\n"
        "   b. Coordinate humanitarian assistance;\n\n2. Decides to remain actively seized of the matter.\n"
    )
    result = lint(text)
    assert result.style.name == "mun"
    assert "OPR009" not in {f.code for f in result.findings}


# -- "UN" in a General Assembly text ---------------------------------------------------------
_UN = "The {body},\n\nWelcoming the work of {words},\n\n1. Decides to remain seized of the matter.\n"


def test_un_is_written_in_full_in_a_general_assembly_text():
    result = lint(_UN.format(body="General Assembly", words="the UN Office on Drugs and Crime"))
    [finding] = [f for f in result.findings if f.code == "TRM012"]
    assert result.source.text[finding.span.start : finding.span.end] == "UN"
    assert finding.fix is not None and finding.fix.edits[0].new_text == "United Nations"


@pytest.mark.parametrize("words", ["UN-Women and UN-Habitat", "the United Nations (UN) system", "UNODC", "the UNDP"])
def test_names_with_un_in_them_and_its_definition_are_left_alone(words):
    assert "TRM012" not in {f.code for f in lint(_UN.format(body="General Assembly", words=words)).findings}


def test_the_security_councils_style_does_not_carry_the_un_term():
    """Security Council drafts of the corpus write "UN" (123 times in 24 of 68): no evidence of
    its adopted texts' usage, so its style carries no such term."""
    assert "TRM012" not in {f.code for f in lint(_UN.format(body="Security Council", words="the UN Police")).findings}


# -- another organization's chief keeps its own title -----------------------------------------
@pytest.mark.parametrize(("words", "flagged"), [
    ("the Secretary General of the Organization of American States", False),
    ("the OAS Secretary General", False),
    ("the Secretary General of the Council of Europe", False),
    ("the Secretary General of INTERPOL", False),
    ("the Secretary General of the United Nations", True),
    ("the United Nations Secretary General", True),
    ("the Secretary General of the Organization", True),
    ("the Secretary General", True),
])
def test_a_chiefs_title_naming_another_body_keeps_its_form(words, flagged):
    """TRM005's safe fix wrote "the Secretary-General of the Organization of American
    States", a title that body writes without the hyphen."""
    text = f"The General Assembly,\n\nWelcoming the statement of {words},\n\n1. Decides to remain seized of the matter.\n"
    assert ("TRM005" in {f.code for f in lint(text).findings}) is flagged


def test_an_interpol_text_keeps_the_united_nations_chiefs_hyphen():
    text = (
        "The ICPO-INTERPOL General Assembly, meeting in Lyon from 1 to 4 November 2027 at its 95th session:\n\n"
        "RECALLING the report of the Secretary-General of the United Nations and of the Secretary-General of INTERPOL,\n\n"
        "REQUESTS the General Secretariat to report.\n"
    )
    assert [lint(text).source.text[f.span.start : f.span.end] for f in lint(text).findings if f.code == "TRM005"] == ["Secretary-General"]


@pytest.mark.parametrize(("style", "words", "want"), [
    ("un-ga", "the secretary-general", "Secretary-General"),
    ("un-ga", "the Secretary-general", "Secretary-General"),
    ("un-ga", "the secretary general", "Secretary-General"),
    ("interpol", "the secretary general", "Secretary General"),
    ("interpol", "the secretary-general", "Secretary General"),
])
def test_the_chiefs_title_in_lower_case_is_put_in_the_house_form(style, words, want):
    """A title of a person takes capitals (kb §1.9): "the secretary-general" was not
    reported, only the hyphen was checked."""
    text = f"The General Assembly,\n\nWelcoming the statement of {words},\n\n1. Requests {words} to report.\n"
    result = lint(text, style=style)
    fixes = [e.new_text for f in result.findings if f.code == "TRM005" for e in f.fix.edits]
    assert fixes == [want, want]
    assert "TRM005" not in {f.code for f in lint(text.replace(words, f"the {want}"), style=style).findings}
# -- a page break before a capital --------------------------------------------------------
_CAPITAL_BREAK = (
    "The General Assembly,\n\nRecalling its resolution 78/230 of 22 December 2023,\n\n"
    "1. Welcomes the progress made in the Territory;\n\n"
    "2. Recognizes the close cooperation of the Territory with {end}\n\n{rest}\n\n{after}"
    "Decides to remain seized of the matter.\n"
)


@pytest.mark.parametrize("end", ["the administering Power,", "the"])
@pytest.mark.parametrize("rest", ["New Zealand and the World Health Organization;", "United Nations entities in the region;"])
def test_a_paragraph_broken_before_a_capital_is_one_paragraph_when_the_numbers_say_so(end, rest):
    """"… with the administering Power," / "New Zealand, …;" / "3. …" (a page break of a
    PDF copy) was an unnumbered operative paragraph with an unknown opener (OPR001, OPR005)
    after one ending with a comma (OPR007), and every number after it out of sequence
    (OPR002)."""
    text = _CAPITAL_BREAK.format(end=end, rest=rest, after="3. ")
    result = lint(text)
    assert result.findings == []
    second = result.resolution.operative[1]
    assert text[second.span.start : second.span.end].endswith(rest)


@pytest.mark.parametrize("comment", ["<!-- resolint: ignore[OPR010] -->\n", "<!-- to check -->\n\n"])
def test_a_comment_before_the_next_number_keeps_the_broken_paragraph_one(comment):
    """The number after the break is read past a comment before it (the language server's
    "disable" action writes one there): the comment undid the join, and the text read
    anew had four findings more (OPR001, OPR002, OPR005, OPR007)."""
    rest = "New Zealand and the World Health Organization;"
    text = _CAPITAL_BREAK.format(end="the administering Power,", rest=rest, after=comment + "3. ")
    result = lint(text)
    assert [f.code for f in result.findings] == (["SUP001"] if "ignore" in comment else [])
    second = result.resolution.operative[1]
    assert text[second.span.start : second.span.end].endswith(rest)


@pytest.mark.parametrize(("end", "rest", "after"), [
    ("the administering Power,", "New Zealand and the World Health Organization;", "4. "),  # a number is missing
    ("the administering Power,", "New Zealand and the World Health Organization;", ""),  # no number after
    ("the administering Power;", "New Zealand and the World Health Organization;", "3. "),  # a clause ended
    ("the administering Power,", "Decides to keep the matter under review;", "3. "),  # an opener: a paragraph
    ("the administering Power,", "3. Notes the report;", "4. "),  # numbered itself
])
def test_a_capital_after_a_break_is_a_paragraph_of_its_own_without_that_evidence(end, rest, after):
    text = _CAPITAL_BREAK.format(end=end, rest=rest, after=after)
    result = lint(text)
    starts = [text[p.span.start : p.span.end] for p in result.resolution.paragraphs]
    assert rest in starts


# -- "this resolution" after a resolution is cited -------------------------------------------
@pytest.mark.parametrize(("clause", "safe"), [
    ("Recalling its resolution 70/1 of 25 September 2015 and the follow-up to this resolution,", False),
    ("Welcoming the follow-up to this resolution and to its resolution 70/1 of 25 September 2015,", True),
    ("Welcoming the progress made in the implementation of this resolution,", True),
])
def test_this_resolution_after_a_cited_one_is_not_safely_the_present_one(clause, safe):
    """"… its resolution 70/1 and the follow-up to this resolution" means 70/1: TRM007's
    safe fix made it "the present resolution"."""
    text = f"The General Assembly,\n\n{clause}\n\n1. Decides to remain seized of the matter.\n"
    [finding] = [f for f in lint(text).findings if f.code == "TRM007"]
    assert (finding.fix.applicability.value == "safe") is safe


# -- a date written "the 1st of May" ------------------------------------------------------------
@pytest.mark.parametrize(("written", "fixed"), [
    ("the events of the 1st of May 2025", "the events of 1 May 2025"),
    ("the events of 1st May 2025", "the events of 1 May 2025"),
    ("the events of May 1, 2025", "the events of 1 May 2025"),
])
def test_a_dates_fix_takes_the_article_of_the_1st_of_may_with_it(written, fixed):
    """"of the 1st of May 2025" was fixed to "of the 1 May 2025"."""
    from resolint.fixes import fix_text

    text = f"The General Assembly,\n\nRecalling {written},\n\n1. Decides to remain seized of the matter.\n"
    assert f"Recalling {fixed}," in fix_text(text, lint).text


# -- a Markdown list numbered by its renderer, nested -------------------------------------------
_MARKDOWN_NESTED = (
    "The General Assembly,\n\n*Recalling* its resolution 79/243 of 24 December 2024,\n\n"
    "1. *Urges* Member States to sign and ratify the United Nations Convention against Cybercrime;\n"
    "1. *Requests* the Secretary-General to report on:\n"
    "{indent}1. The status of ratifications;\n{indent}1. The technical assistance provided;\n"
    "1. *Decides* to remain seized of the matter.\n"
)


@pytest.mark.parametrize("indent", ["    ", "   ", "\t"])
def test_a_nested_markdown_list_typed_all_1_is_the_paragraphs_items(indent):
    """Markdown numbers a list typed "1." "1." itself: the second nested item was an
    operative paragraph with the unknown opener 'The' (OPR005), and the list's numbers out
    of sequence (OPR008)."""
    result = lint(_MARKDOWN_NESTED.format(indent=indent), path="d.res.md")
    kinds = [p.kind for p in result.resolution.paragraphs[2:]]
    assert kinds == [Kind.OPERATIVE, Kind.OPERATIVE, Kind.SUBPARAGRAPH, Kind.SUBPARAGRAPH, Kind.OPERATIVE]
    assert {f.code for f in result.findings} <= {"OPR009"}  # (a) is the United Nations' label at that level


def test_an_unindented_repeated_1_after_a_colon_is_still_read_as_typed():
    text = _MARKDOWN_NESTED.format(indent="")
    kinds = [p.kind for p in lint(text, path="d.res.md").resolution.paragraphs[2:]]
    assert kinds != [Kind.OPERATIVE, Kind.OPERATIVE, Kind.SUBPARAGRAPH, Kind.SUBPARAGRAPH, Kind.OPERATIVE]


# -- "Further to" is no modifier -----------------------------------------------------------------
def test_further_to_is_not_an_opener_whose_modifier_moves():
    """"Further to its resolution 70/1," had PRE007 with a safe fix to "To further its
    resolution 70/1"."""
    text = "The General Assembly,\n\nFurther to its resolution 70/1 of 25 September 2015,\n\nAlso recalling its resolution 71/1,\n\n1. Decides to remain seized of the matter.\n"
    result = lint(text)
    moved = [result.source.text[f.span.start : f.span.end] for f in result.findings if f.code == "PRE007"]
    assert moved == ["Also recalling"]


@pytest.mark.parametrize("written", ["the Convention", "The Convention", "the\nConvention"])
def test_trm003_quotes_the_convention_as_written(written):
    """The message said 'The Convention' whatever the text said."""
    text = f"The General Assembly,\n\nRecalling article 5 of {written} and its entry into force,\n\n1. Decides to remain seized of the matter.\n"
    [message] = [f.message for f in lint(text).findings if f.code == "TRM003"]
    assert message.startswith(f"'{' '.join(written.split())}' before")


# -- a British spelling of a listed opener starts a clause of its own ------------------------
@pytest.mark.parametrize("opener", ["emphasising", "recognising", "Recognising"])
def test_a_british_spelling_of_a_listed_opener_starts_a_clause(opener):
    """After a paragraph ending with a comma, "recognising the role of …" in lower case was
    joined on as the rest of it: TRM010's fix to "recognizing" would then have split the
    paragraph, so --fix never applied it and the case went unreported."""
    from resolint.fixes import fix_text

    text = (
        "The Security Council,\n\nRecalling its resolutions on the question,\n\n"
        f"{opener} the role of women in peacebuilding,\n\n1. Decides to remain seized of the matter.\n"
    )
    result = lint(text)
    assert [p.kind for p in result.resolution.paragraphs] == [Kind.OPENING, Kind.PREAMBLE, Kind.PREAMBLE, Kind.OPERATIVE]
    assert "TRM010" in {f.code for f in result.findings}
    fixed = fix_text(text, lint)
    head = opener[0].upper() + opener[1:].replace("is", "iz")
    assert f"\n\n{head} the role of women" in fixed.text and fixed.result.findings == []


def test_a_line_that_ends_with_the_is_no_group_opener():
    """ "Recalling …, which includes the" / "equitable management …," is one clause broken
    by a blank line: read as a heading over items ("considering" / "a) …"), it had a safe
    fix that wrote "which includes the:"."""
    text = (
        "The Security Council,\n\nRecalling the importance of oversight over economic institutions, which includes the\n\n"
        "equitable management of revenue across the country,\n\nReaffirming its commitment,\n\n"
        "1. Decides to remain seized of the matter.\n"
    )
    result = lint(text)
    assert [p.kind for p in result.resolution.paragraphs] == [Kind.OPENING, Kind.PREAMBLE, Kind.PREAMBLE, Kind.OPERATIVE]
    assert result.findings == []


# -- the next operative paragraph run on after a semicolon -----------------------------------
@pytest.mark.parametrize("style,verb", [("un-ga", "Decides"), ("un-sc", "Decides"), ("interpol", "DECIDES")])
def test_the_next_numbered_paragraph_run_on_after_a_semicolon_is_split(style, verb):
    """ "45. Invites …; 46. Invites …" on one line (a real General Assembly resolution of the
    corpus has it) was one paragraph: "Numbering skips from 45 to 47", with a renumbering
    fix. Only "…; 10 that …" (an ITU item in lower case) was split."""
    from resolint.fixes import fix_text

    opening = {"interpol": "The ICPO-INTERPOL General Assembly, meeting in Lyon from 1 to 4 November 2027 at its 95th session:"}
    text = (
        f"{opening.get(style, 'The General Assembly,')}\n\nRecalling its earlier work,\n\n1. Urges all concerned to act;\n\n"
        f"2. Requests the General Secretariat to report; 3. {verb} to keep the matter under review.\n"
    )
    if style == "interpol":
        text = text.replace("Recalling", "RECALLING").replace("Urges", "URGES").replace("Requests", "REQUESTS")
    result = lint(text, style=style)
    assert [f.code for f in result.findings] == ["DOC015"]
    assert [p.label.value for p in result.resolution.paragraphs if p.kind is Kind.OPERATIVE] == [1, 2, 3]
    fixed = fix_text(text, lambda t: lint(t, style=style))
    assert f"to report;\n\n3. {verb} to keep" in fixed.text and fixed.result.findings == []


# -- operative paragraphs lettered where they should be numbered ------------------------------
_LETTERED = "The General Assembly,\n\nRecalling its resolution 75/1 of 21 September 2020{mark}\n\n{a} Urges Member States to cooperate;\n\n{b} Decides to remain seized of the matter.\n"


@pytest.mark.parametrize(("a", "b"), [("(a)", "(b)"), ("a.", "b."), ("a)", "b)")])
def test_operative_paragraphs_lettered_after_the_preamble_are_numbered(a, b):
    """Read as items of the last preambular clause, a draft whose operative paragraphs were
    lettered had no operative part and not one finding."""
    from resolint.fixes import fix_text

    text = _LETTERED.format(mark=",", a=a, b=b)
    result = lint(text, style="un-ga")
    assert [p.kind for p in result.resolution.paragraphs][2:] == [Kind.OPERATIVE, Kind.OPERATIVE]
    assert [(f.code, f.message) for f in result.findings] == [
        ("OPR001", f"Operative paragraph lettered '{a}': number it 1"), ("OPR001", f"Operative paragraph lettered '{b}': number it 2"),
    ]
    assert fix_text(text, lambda t: lint(t, style="un-ga")).text == _LETTERED.format(mark=",", a="1.", b="2.")


@pytest.mark.parametrize("text", [
    _LETTERED.format(mark=":", a="(a)", b="(b)"),  # a lead-in: its items
    _LETTERED.format(mark=",", a="(a)", b="(b)").replace("Urges", "the need to urge").replace("Decides", "the decision"),
    "The General Assembly,\n\nRecalling its work,\n\n1. Decides:\n\n(a) Requests the Secretary-General to report;\n\n(b) Urges States to act.\n",
])
def test_items_under_a_lead_in_stay_items(text):
    kinds = [p.kind for p in lint(text, style="un-ga").resolution.paragraphs]
    assert kinds[-2:] == [Kind.SUBPARAGRAPH, Kind.SUBPARAGRAPH]


def test_lettered_operatives_read_the_same_by_the_language_servers_lint():
    """Whether "(a) Urges …" is an operative paragraph or an item turns on the mark that ends
    the paragraph before: edits there must place it as a whole lint does."""
    linter = IncrementalLinter()
    comma, colon = _LETTERED.format(mark=",", a="(a)", b="(b)"), _LETTERED.format(mark=":", a="(a)", b="(b)")
    for text in (comma, colon, comma, comma.replace("(b)", "(c)"), comma, colon.replace("Urges", "urges"), comma):
        got = linter.lint(text, SETTINGS, style="un-ga")
        want = lint(text, style="un-ga")
        assert [(p.kind, p.depth) for p in got.resolution.paragraphs] == [(p.kind, p.depth) for p in want.resolution.paragraphs]
        assert [(f.code, f.span, f.message) for f in got.findings] == [(f.code, f.span, f.message) for f in want.findings]


# -- a Security Council resolution of a year after the table's last ---------------------------
def test_a_council_resolution_after_the_tables_last_year_is_not_put_in_that_year():
    """The table of first numbers ends with its last year's first number: every later number
    was "adopted in" that year, so a draft citing this year's resolutions ("2810 (2026)") had
    an error for each. Where the last year ended is not known: no finding."""
    from resolint.citations.refdata import sc_first_numbers

    last = max(sc_first_numbers())
    row = sc_first_numbers()[last]
    first, known = row.first, row.high + 1  # (a number above the highest the first can be)
    text = (
        f"The Security Council,\n\nRecalling its resolutions {known + 40} ({last + 1}), {known} ({last}) "
        f"and {known} ({last - 1}),\n\n1. Decides to remain seized of the matter.\n"
    )
    got = [(f.code, f.message) for f in lint(text, style="un-sc").findings if f.code == "CIT002"]
    # The number is of the last year or later: the message says no more than the table does
    # (the last year's first number is known only by its bounds, 2751 to 2772: it names the higher).
    assert first < row.high
    assert got == [(
        "CIT002",
        f"Security Council resolution {known} is not before {row.high}, which was adopted in {last}, "
        f"so it was adopted in {last} or later, not {last - 1}",
    )]


# -- the members' name in the wrong case -------------------------------------------------------
@pytest.mark.parametrize(("words", "flagged"), [
    ("urges member states to act", True),
    ("urges Member states to act", True),
    ("urges Member States to act", False),
    ("notes that 58 member States of the Agency have acted", False),  # another body's members
    ("welcomes the Initiative, to which all member States contribute", False),
    ("invites non-member States to act", False),
    ("invites non-member states to act", False),
    ("invites non\u2011member states to act", False),  # a non-breaking hyphen, as PDFs have
    ("invites non\u2010member states to act", False),
    ("urges AU member states to act", False),
])
def test_the_members_name_in_the_wrong_case(words, flagged):
    """ "member states" and "Member states" are the house's members in a wrong case ("States"
    always takes its capital in a United Nations text); "member States" is how it names
    another body's members, and was reported neither before nor now."""
    text = f"The General Assembly,\n\nRecalling its work,\n\n1. {words[0].upper()}{words[1:]};\n\n2. Decides to remain seized of the matter.\n"
    assert ("TRM006" in {f.code for f in lint(text, style="un-ga").findings}) is flagged


def test_a_run_on_paragraph_reads_the_same_by_the_language_servers_lint():
    """Whether "…; 3. Decides …" is cut off depends on the label before it: edits that make
    it the next number, or not, must read as a whole lint reads them."""
    linter = IncrementalLinter()
    base = (
        "The General Assembly,\n\nRecalling its earlier work,\n\n1. Urges all concerned to act;\n\n"
        "2. Requests the Secretary-General to report; 3. Decides to keep the matter under review.\n"
    )
    for text in (base, base.replace("; 3.", "; 4."), base, base.replace("2. Requests", "3. Requests"), base, base.replace("; 3.", ", 3.")):
        got = linter.lint(text, SETTINGS, style="un-ga")
        want = lint(text, style="un-ga")
        assert [(p.kind, p.span) for p in got.resolution.paragraphs] == [(p.kind, p.span) for p in want.resolution.paragraphs]
        assert [(f.code, f.span, f.message) for f in got.findings] == [(f.code, f.span, f.message) for f in want.findings]


# -- an appendix, or an annex numbered in figures ------------------------------------------------
@pytest.mark.parametrize("heading", ["APPENDIX", "Appendix", "Appendix 1", "Appendix A", "Annex 1", "**ANNEX 2**"])
def test_an_appendix_or_numbered_annex_starts_the_annex(heading):
    """INTERPOL heads what a resolution adopts "APPENDIX"; "Annex 1" numbers in figures.
    Neither was an annex heading: every paragraph after it was "Text outside the structure
    of the resolution" (DOC004)."""
    text = (
        "The ICPO-INTERPOL General Assembly, meeting in Lyon from 1 to 4 November 2027 at its 95th session:\n\n"
        "HAVING REGARD TO Article 8(d) of the Constitution,\n\n"
        "ADOPTS the amendments set out in the appendix to this resolution.\n\nAdopted\n\n"
        f"{heading}\n\n1. Article 10 is amended as follows:\n\n(a) paragraph 1 is replaced;\n\n2. Article 12 is deleted.\n"
    )
    result = lint(text, style="interpol")
    assert result.findings == []
    assert Kind.ANNEX in {p.kind for p in result.resolution.paragraphs}


# -- a signature block after the operative part ----------------------------------------------------
_SIGNED = (
    "FORUM: General Assembly First Committee\nQUESTION OF: Small arms\nSUBMITTED BY: Peru\n\n"
    "The General Assembly First Committee,\n\nAlarmed by the spread of small arms,\n\n"
    "1. Urges Member States to mark all small arms;\n\n2. Decides to remain seized of the matter{end}\n\n{block}"
)


@pytest.mark.parametrize("block", [
    "Signed,\nDelegate of Peru\nDelegate of Chile\n",
    "Signed,\n\nDelegate of Peru\n\nDelegate of Chile\n",
    "Signatories:\n\nPeru, Chile, Ghana, Norway\n",
    "**Sponsors:** Peru, Chile\n",
    "The Delegation of Peru\n",
    # A vote's result, and amendments appended after the text, as Model UN drafts keep them.
    "PASSED (23-5-2)\n", "Passed: 23 for, 5 against, 2 abstentions\n", "FAILED\n", "Approved by the Chair\n",
    "Chair's signature: ____\n",
    'AMENDMENT 2 (submitted by Germany): Add sub-clause c) to clause 2: "c) publish reports;"\n',
    "Amendments\n\n1. Strike clause 2;\n\n2. Add a clause.\n",
])
def test_a_signature_block_after_the_final_paragraph_is_closing_lines(block):
    """A Model UN resolution ends with its signatories: "Signed," ends with a comma, so it
    was read as a preambular clause after the operative part (DOC003, an error) with an
    unknown opener; the names after it were text outside the resolution."""
    result = lint(_SIGNED.format(end=".", block=block), style="mun")
    assert result.findings == []
    tail = [p.kind for p in result.resolution.paragraphs if p.span.start > result.resolution.operative[-1].span.start]
    assert tail and set(tail) == {Kind.CLOSING}


def test_a_signature_block_does_not_hide_a_wrong_final_mark_or_a_misplaced_clause():
    result = lint(_SIGNED.format(end=";", block="Signed,\nDelegate of Peru\n"), style="mun")
    assert [f.code for f in result.findings] == ["OPR007"]
    result = lint(_SIGNED.format(end=".", block="Approves the report.\n"), style="mun")  # an opener, not a vote
    assert "OPR001" in {f.code for f in result.findings}
    result = lint(_SIGNED.format(end=".", block="Recalling its earlier work,\n"), style="mun")
    assert "DOC003" in {f.code for f in result.findings}


def test_after_a_signature_block_a_section_mark_and_an_annex_are_still_read():
    text = _SIGNED.format(end=".", block="Signatories:\n\nPeru, Chile\n\nAnnex\n\nThe list of small arms.\n")
    result = lint(text, style="mun")
    assert result.findings == []
    assert result.resolution.paragraphs[-1].kind is Kind.ANNEX


def test_a_signature_block_reads_the_same_by_the_language_servers_lint():
    linter = IncrementalLinter()
    signed, ended = _SIGNED.format(end=".", block="Signed,\n\nDelegate of Peru\n"), _SIGNED.format(end=".", block="")
    for text in (signed, ended + "Delegate of Peru\n", signed, signed.replace("Signed,", "Signed"), ended + "stray note\n", signed):
        got = linter.lint(text, SETTINGS, style="mun")
        want = lint(text, style="mun")
        assert [(p.kind, p.span) for p in got.resolution.paragraphs] == [(p.kind, p.span) for p in want.resolution.paragraphs]
        assert [(f.code, f.span, f.message) for f in got.findings] == [(f.code, f.span, f.message) for f in want.findings]


# -- a Cyrillic or Greek letter drawn like a Latin one -------------------------------------------
_LOOK = "The General Assembly,\n\n{pre} its resolution 78/230,\n\n1. {op} to remain seized of the matter.\n"


@pytest.mark.parametrize(("pre", "op"), [
    ("R\u0435calling", "Decides"),  # Cyrillic e
    ("Recalling", "\u0421alls upon all States"),  # Cyrillic capital Es
    ("Recalling", "D\u0435cid\u0435s"),  # twice in one word: one finding
    ("Rec\u03bfgnizing", "Decides"),  # Greek omicron
])
def test_a_look_alike_letter_is_reported_once_per_word_and_its_fix_reads_the_word(pre, op):
    """A keyboard switched to another alphabet leaves letters drawn like Latin ones: the
    opener was "'R' is not a preambular opener", and nothing said why."""
    text = _LOOK.format(pre=pre, op=op)
    from resolint.fixes import fix_text

    found = [f.code for f in lint(text).findings]
    assert found == ["TRM015"]  # not also "'R' is not a preambular opener"
    fixed = fix_text(text, lint).text
    assert fixed.isascii()
    assert lint(fixed).findings == []


@pytest.mark.parametrize(("words", "reported"), [
    ("the Declaration of \u041c\u043e\u0441\u043a\u0432\u0430", False),  # a word of the other alphabet
    ("the \u041c\u0418\u0414 office", False),  # a Cyrillic letter with no Latin look-alike (И)
    ("the \u0395\u03bb\u03bb\u03ac\u03c2 office and \u0395\u039b\u039b\u0391\u03a3", False),
    ("the word \u0441\u0435\u0440a", False),  # Russian "сера" with a Latin a: mostly the other alphabet
    ("the \u0414\u0435partment", False),  # with a Cyrillic letter no Latin one looks like (Д): no fix to offer
    ("the \u041cOSCOW Declaration", True),  # a Latin word with one Cyrillic capital
    ("the S\u0395\u0391T programme", True),  # as many Greek look-alikes as Latin letters, between English words
    ("the \u0421\u0415AT", True),  # the same in Cyrillic, the paragraph's last word after an English one
    ("the \u0391\u0398\u0397\u039d\u0391 \u0421\u0415AT office", False),  # half look-alikes after a Greek word (Θ has none)
    ("the groups related to \u041e\u0422\u0422 and others", True),  # look-alikes only, between English words
    ("the groups related to \u041e\u0422\u0422", True),  # ... at the paragraph's end
    ("\u041e\u0422\u0422 \u0441\u0435\u0440\u0430 groups", False),  # ... beside a word of the other alphabet
])
def test_a_word_of_another_alphabet_is_left_alone(words, reported):
    text = _LOOK.format(pre="Recalling", op=f"Decides, with {words},")
    assert [f.code for f in lint(text).findings] == (["TRM015"] if reported else [])


def test_a_look_alike_typed_in_the_editor_is_found_by_the_language_servers_lint():
    linter = IncrementalLinter()
    clean = _LOOK.format(pre="Recalling", op="Decides")
    texts = (clean, clean.replace("Decides", "D\u0435cides"), clean, clean.replace("its resolution", "its r\u0435solution"), clean)
    seen = []
    for text in texts:
        got = linter.lint(text, SETTINGS, style="un-ga")
        want = lint(text, style="un-ga")
        assert [(f.code, f.span, f.message) for f in got.findings] == [(f.code, f.span, f.message) for f in want.findings]
        seen.append("TRM015" in {f.code for f in got.findings})
    assert seen == [False, True, False, True, False]


# -- an opener letter-spaced by a PDF copy ---------------------------------------------------------
@pytest.mark.parametrize(("pre", "op", "want"), [
    ("R e c a l l i n g", "Decides", [("PRE002", "'R e c a l l i n g' is letter-spaced: write 'Recalling'")]),
    ("Recalling", "I n v i t e s", [("OPR005", "'I n v i t e s' is letter-spaced: write 'Invites'")]),
    ("Recalling", "D E C I D E S", [("OPR005", "'D E C I D E S' is letter-spaced: write 'DECIDES'")]),
])
def test_a_letter_spaced_opener_is_named_with_its_word(pre, op, want):
    """A PDF copy spaces an emphasized opener out ("45. I n v i t e s relevant special
    procedure mandate holders", in a General Assembly resolution of the corpus): it was
    "'I' is not an operative opener", with nothing to do about it."""
    from resolint.fixes import fix_text

    text = _LOOK.format(pre=pre, op=op)
    assert [(f.code, f.message) for f in lint(text).findings] == want
    fixed = fix_text(text, lint).text  # (then "DECIDES" in this style's case: OPR006)
    assert lint(fixed).findings == []
    assert pre.replace(" ", "").lower() in fixed.lower() and op.replace(" ", "").lower() in fixed.lower()


@pytest.mark.parametrize("op", ["A B C D are invited", "X y z w to act", "U N Member States act"])
def test_letters_that_do_not_spell_an_opener_are_not_a_letter_spaced_one(op):
    text = _LOOK.format(pre="Recalling", op=op)
    assert not any("letter-spaced" in f.message for f in lint(text).findings)


# -- house terms cut by a line break ---------------------------------------------------
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_house_term_wrapped_over_two_lines_is_still_checked(newline):
    """A draft wrapped at a margin cuts "Secretary General" into "Secretary" / "General":
    TRM005-TRM007 searched the term on one line only."""
    text = (
        "The General Assembly,\n\nRecalling the report of the Secretary\nGeneral on this resolution, and the role of member\n"
        "countries in it,\n\n1. Requests the Secretary-General to review this\nresolution.\n"
    ).replace("\n", newline)
    assert sorted(f.code for f in lint(text).findings) == ["TRM005", "TRM006", "TRM007", "TRM007"]
    interpol = (
        "The ICPO-INTERPOL General Assembly, meeting in Lyon from 3 to 6 May 2031 at its 99th session:\n\n"
        "RECALLING the report of the Secretary\nGeneral on the role of member\ncountries,\n\nURGES member countries to act.\n"
    ).replace("\n", newline)
    assert [f.code for f in lint(interpol).findings] == []  # the house's own terms, wrapped


def test_a_house_term_with_a_no_break_space_is_still_checked():
    text = "The General Assembly,\n\nRecalling the report of the Secretary\u00a0General on the role of member\u00a0countries,\n\n1. Decides to act.\n"
    assert sorted(f.code for f in lint(text).findings) == ["TRM005", "TRM006"]


# -- two spaces between words, as some typists write -----------------------------------------
def test_a_text_adopted_after_the_following_with_two_spaces_is_adopted_text():
    """ "Decides  to  approve  the  following  amendment …:" (two spaces): the amendment
    after it was read as a clause (OPR001, OPR005), and the introduction's colon was "end
    it with '.'"."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 78/1,\n\n"
        "1. Decides  to  approve  the  following  amendment  to  the  statute  of  the  Tribunal:\n\n"
        "Staff members shall have the right to appeal the decisions of the Tribunal within sixty days.\n"
    )
    assert lint(text).findings == []




def test_an_abbreviation_defined_after_a_hanging_indent_is_defined():
    """A draft wrapped with a hanging indent: "… Monetary Community" / "    (CEMAC) …" was
    no definition (the parenthesis was looked for within four characters of the last
    word), so the one after it was reported as the first (TRM008 / TRM009 changed)."""
    text = (
        "The Security Council,\n\nWelcoming the intention of Member States of the Central African Economic\n"
        "    and Monetary Community\n    (CEMAC) to act,\n\n"
        "1. Calls upon the Central African Economic and Monetary Community (CEMAC) to act.\n"
    )
    assert [f.code for f in lint(text).findings] == ["TRM009"]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_house_term_cut_by_a_hanging_indents_line_break_is_found(newline):
    """A draft wrapped with a hanging indent: "… of the Secretary" / "    General on …"
    was not found (TRM005 looked for the words with a line break, not the indentation
    after it)."""
    lines = [
        "The General Assembly,", "", "Noting the report of the Special Representative of the Secretary",
        "    General on sexual violence in conflict and the work of the Office,", "",
        "1. Decides to remain seized of the matter.",
    ]
    text = newline.join(lines) + newline
    found = [f for f in lint(text).findings if f.code == "TRM005"]
    assert len(found) == 1 and text[found[0].span.start : found[0].span.end].endswith("    General")


# -- a list's conjunction before its last item ---------------------------------------------
def test_an_item_ending_with_its_mark_and_a_conjunction_is_ended():
    """"- cooperate …; and" before the last item had "no final punctuation", and the fix
    wrote "; and;". The last item ending so is reported, with no fix to guess."""
    from resolint.fixes import fix_text

    head = (
        "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 1 to 4 November 2027 at its 95th session:\n\n"
        "RECALLING its previous resolutions,\n\nREQUESTS the General Secretariat to:\n\n"
    )
    text = head + "- expand the programme;\n- cooperate with the private sector; and\n- report on the results.\n\nAdopted\n"
    assert lint(text).findings == []
    last = head + "- expand the programme;\n- report on the results; and\n\nAdopted\n"
    found = [f for f in lint(last).findings if f.code == "OPR007"]
    assert [(f.message, f.fix) for f in found] == [("Item ends with '; and'; end it with '.'", None)]
    assert fix_text(last, lint).text == last


@pytest.mark.parametrize("conjunction", [", and", "; and", "; or", ", and/or"])
def test_a_label_after_an_item_ending_with_a_conjunction_starts_the_next_item(conjunction):
    """"a) establish … on the matter, and" / "b) designate …": the next item, not the rest
    of the sentence (b) was read into a), and c) was "where 'b)' was expected"). In running
    text the enumeration stays the sentence's ("… in order to (i) stabilize …, and" /
    "(ii) to create …")."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 78/1,\n\n1. Urges Member States to:\n"
        f"   a) establish national contact points for cooperation on the matter{conjunction}\n"
        "   b) designate a specialist;\n   c) report annually;\n2. Decides to remain seized of the matter.\n"
    )
    result = lint(text, style="mun")
    assert [p.label.text for p in result.resolution.paragraphs if p.kind is Kind.SUBPARAGRAPH] == ["a)", "b)", "c)"]
    assert result.findings == []
    inline = (
        "The Security Council,\n\n1. Stresses that steps are urgently needed in order to (i) stabilize the situation on the ground, and\n"
        "(ii) to create the conditions for successful negotiations on all questions;\n\n2. Decides to remain seized of the matter.\n"
    )
    assert [p.kind for p in parse(inline).paragraphs] == [Kind.OPENING, Kind.OPERATIVE, Kind.OPERATIVE]


@pytest.mark.parametrize("footer", [
    "25-18432" + " " * 60 + "3/4", "A/80/L.33" + " " * 70 + "25-18432", "2/4" + " " * 80 + "A/80/L.33",
    "25-18432" + " " * 30 + "A/80/L.33" + " " * 30 + "3/4",
])
def test_a_footer_spread_across_the_page_is_page_furniture(footer):
    """A layout-keeping PDF conversion (pdftotext -layout) spreads a footer's job number,
    symbol and page number across the page: past 60 characters the line was "text
    outside the structure" (DOC004, which kept --fix from the whole file) or nothing."""
    from resolint.fixes import fix_text

    text = _PAGE_BREAK.format(furniture="", between=footer)
    found = [f.code for f in lint(text).findings]
    assert found == ["DOC016"]
    assert lint(fix_text(text, lint).text).findings == []


def test_words_spread_across_a_line_are_not_page_furniture():
    text = _PAGE_BREAK.format(furniture="", between="Financing of the" + " " * 60 + "Mission")
    assert "DOC016" not in {f.code for f in lint(text).findings}


# -- sections with a preamble and numbers of their own -------------------------------------
_OMNIBUS = (
    "The General Assembly,\n\nI\nCapital master plan\n\n"
    "Having considered the report of the Secretary-General on the capital master plan,\n\n"
    "1. Takes note of the report of the Secretary-General;\n\n2. Endorses the conclusions of the Advisory Committee;\n\n"
    "II\nEnterprise resource planning\n\nRecalling section II of its resolution 79/258 of 24 December 2024,\n\n"
    "1. Takes note of the report of the Secretary-General;\n\n2. Decides to keep the matter under review.\n"
)


def test_each_section_of_an_omnibus_resolution_has_its_own_preamble_and_numbers():
    """The General Assembly's omnibus resolutions ("Questions relating to the programme
    budget") give each section a preamble and number its paragraphs anew: DOC003 (an
    error) on the second section's preamble, and OPR002 "Number 1 follows 2"."""
    assert lint(_OMNIBUS).findings == []


def test_without_a_heading_a_late_preamble_and_a_restart_are_still_reported():
    run_on = _OMNIBUS.replace("II\nEnterprise resource planning\n\n", "")
    assert {f.code for f in lint(run_on).findings} == {"DOC003", "OPR002"}
    going_on = _OMNIBUS.replace("1. Takes note of the report of the Secretary-General;\n\n2. Decides", "3. Takes note of the report of the Secretary-General;\n\n4. Decides")
    assert lint(going_on).findings == []  # numbers going on across sections: one sequence


# -- italic openers in a Word document -------------------------------------------------------
@pytest.mark.parametrize(("opener", "reported"), [
    ("*Takes note* of", False), ("*Takes note of*", False), ("*Deeply concerned* at", False),
    ("*Takes* note of", True), ("*Tak*es note of", True), ("Takes note of", True),
])
def test_an_openers_preposition_may_be_upright(opener, reported):
    """Printed resolutions set "Takes note" in italics and "of" upright: DOC030 said the
    opener 'Takes note of' was only partly in italics. A word of the phrase itself upright
    is still reported."""
    from resolint.engine import lint_example
    from resolint.registry import rule_by_code

    body = "1. " + opener + (" the report;" if "note" in opener else " the increase;")
    text = f"The General Assembly,\n\n*Recalling* its resolution 74/1,\n\n{body}\n\n2. *Decides* to keep the matter under review.\n"
    found = [f for f in lint_example(rule_by_code("DOC030"), text).findings if f.code == "DOC030"]
    assert bool(found) == reported


@pytest.mark.parametrize(("opening", "intro", "after"), [
    ("The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 1 to 4 November 2027 at its 95th session:",
     "RECALLING the following resolutions:", "BEARING IN MIND the need to act,\n\nREQUESTS the General Secretariat to report.\n\nAdopted\n"),
    ("The General Assembly,", "Recalling the following resolutions:", "Bearing in mind the need to act,\n\n1. Requests the Secretary-General to report.\n"),
])
def test_a_bulleted_list_in_a_preambular_paragraph_is_its_items(opening, intro, after):
    """"RECALLING the following resolutions:" / "- GA-2019-88-RES-01 on …,": each bullet was a
    preambular paragraph (PRE005 stray bullet, PRE002 "'GA-' is not a preambular opener")
    and the colon was to be a comma."""
    items = "- GA-2019-88-RES-01 on the INTERPOL Global Academy Network,\n- GA-2021-89-RES-06 on capacity building,"
    text = f"{opening}\n\n{intro}\n\n{items}\n\n{after}"
    result = lint(text)
    assert result.findings == []
    subs = result.resolution.of_kind(Kind.SUBPARAGRAPH)
    assert len(subs) == 2 and all(p.parent is result.resolution.preamble[0] for p in subs)


# -- the vote line is INTERPOL's ---------------------------------------------------------------
@pytest.mark.parametrize("opening", ["The General Assembly,", "The Security Council,"])
@pytest.mark.parametrize("line", [
    "Adopted by a recorded vote of 165 to 3, with 8 abstentions.",
    "Adopted by 14 votes to none, with 1 abstention (Russian Federation).",
    "Adopted unanimously at the 9840th meeting.",
    "Adopted by the Security Council at its 9840th meeting, on 30 January 2025",
    "Adopted by the Committee on 14 March 2026",
])
def test_a_united_nations_adoption_line_is_no_interpol_vote_line(opening, line):
    """DOC014 checks the adoption line of an INTERPOL resolution ("Adopted: 134 votes in
    favour, 0 against, 5 abstentions"), but ran in every style: the United Nations' own
    closing lines ("Adopted by a recorded vote of 165 to 3, …") were told to read the
    INTERPOL way."""
    text = f"{opening}\n\nRecalling its resolution 78/1,\n\n1. Decides to act.\n\n{line}\n"
    assert "DOC014" not in {f.code for f in lint(text).findings}
    interpol = (
        "The ICPO-INTERPOL General Assembly, meeting in Lyon from 3 to 6 May 2031 at its 99th session:\n\n"
        f"URGES member countries to act.\n\n{line}\n"
    )
    assert "DOC014" in {f.code for f in lint(interpol).findings}  # the INTERPOL style still checks it


# -- MUN001: "UN" in a UN entity's own name or in a quotation is no abbreviation --------------
def test_un_in_an_entitys_name_or_a_quotation_is_left_alone():
    """MUN001 wrote 'United Nations' with a safe fix inside proper names and quotations:
    "Invites UN Women to …" became "United Nations Women", and 'the "UN 2.0" agenda'
    "United Nations 2.0". The names of entities written "UN" and a word of their own
    (UN Women, UN Habitat, UN Global Compact) and quoted words are left alone; "UN" in
    the drafter's running text is still reported."""
    from resolint.fixes import fix_text

    text = (
        "FORUM: General Assembly\nQUESTION OF: Gender equality\nSUBMITTED BY: France\n\n"
        "The General Assembly,\n\nRecalling its resolution 78/1,\n\n"
        "1. Invites UN Women, UN Habitat, UN-Habitat, UN-Water and the UN Global Compact to support the programme;\n\n"
        "2. Welcomes the \"UN 2.0\" agenda and the \u201cUN 2.0\u201d report;\n\n"
        "3. Requests the UN to report, and asks UN bodies to help the UN.\n"
    )
    result = lint(text)
    found = [(result.source.position(f.span.start).line + 1, text[f.span.start : f.span.end]) for f in result.findings if f.code == "MUN001"]
    assert found == [(13, "UN"), (13, "UN"), (13, "UN.")]
    fixed = fix_text(text, lint).text
    assert "Invites UN Women, UN Habitat, UN-Habitat, UN-Water and the UN Global Compact" in fixed
    assert "\"UN 2.0\"" in fixed and "\u201cUN 2.0\u201d" in fixed
    assert "3. Requests the United Nations to report, and asks United Nations bodies to help the United Nations.\n" in fixed



def test_un_where_the_text_defines_it_is_left_alone():
    """"… the standards of the United Nations (UN)": MUN001's safe fix wrote "the United
    Nations (United Nations)". The abbreviation in brackets after the name it stands for
    is its definition; "UN" used after it is still reported."""
    from resolint.fixes import fix_text

    text = (
        "FORUM: General Assembly\nQUESTION OF: Peacekeeping\nSUBMITTED BY: Peru\n\n"
        "The General Assembly,\n\nRecalling its resolution 78/1,\n\n"
        "1. Urges countries to train their contingents to the standards of the United Nations (UN);\n\n"
        "2. Requests the United Nations  (U.N.) to report to the UN.\n"
    )
    fixed = fix_text(text, lint).text
    assert "1. Urges countries to train their contingents to the standards of the United Nations (UN);" in fixed
    assert "2. Requests the United Nations  (U.N.) to report to the United Nations.\n" in fixed

# -- OPR010: INTERPOL's lettered items continue the verb's sentence as its numbered ones do ---
def test_interpol_lettered_items_after_a_lead_in_start_in_lower_case():
    """"URGES member countries to:" / "(a) connect their units;" had OPR010 "should start
    with a capital": a lettered item is a sub-paragraph, whose case the INTERPOL style took
    from the United Nations default ("(a) To strengthen …"), while its numbered and
    bulleted items follow [list-items] case = lower. Lettered items now follow the same
    rule in that style; the United Nations styles keep their capital."""
    lead_in = (
        "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 3 to 6 November 2031 at its 99th session:\n\n"
        "RECALLING resolution GA-2029-97-RES-04,\n\nURGES member countries to:\n\n"
    )
    assert [f.code for f in lint(lead_in + "(a) connect their units;\n(b) contribute images.\n").findings] == []
    capital = lint(lead_in + "(a) Connect their units;\n(b) contribute images.\n").findings
    assert [(f.code, f.message) for f in capital] == [("OPR010", "Sub-paragraph should start with a lower-case letter")]
    assert [f.code for f in lint(lead_in + "(a) INTERPOL's units connect;\n(b) contribute images.\n").findings] == []  # a name keeps its capital
    un = "The General Assembly,\n\nRecalling its resolution 74/1,\n\n1. Requests the Secretary-General:\n\n(a) to report;\n\n(b) To circulate the report.\n"
    assert [(f.code, f.message) for f in lint(un).findings] == [("OPR010", "Sub-paragraph should start with a capital")]


# -- TRM010: "computer programs" is the computing word, plural as singular ---------------------
@pytest.mark.parametrize("words", ["computer programs", "computer program", "Computer programs", "computer\nprograms"])
def test_computer_programs_keep_their_spelling(words):
    """"Concerned that malicious computer programs cause damage," had TRM010 "This style
    spells it 'programmes'" with a safe fix: only the singular "computer program" was
    exempt (and only with one space before it). The computing word is "program" in
    Oxford spelling, singular or plural; "programs" of work are still reported."""
    text = f"The General Assembly,\n\nConcerned that malicious {words} cause damage,\n\n1. Decides to act.\n"
    assert [f.code for f in lint(text).findings if f.code == "TRM010"] == []
    other = "The General Assembly,\n\nConcerned that national programs cause damage,\n\n1. Decides to act.\n"
    assert [f.message for f in lint(other).findings if f.code == "TRM010"] == ["This style spells it 'programmes'"]


# -- TRM003: "the Conventions" after a named plural instrument refers back to it ---------------
def test_the_conventions_after_a_named_plural_instrument_is_a_back_reference():
    """"Recalling the Geneva Conventions of 12 August 1949," / "Noting that the
    Conventions have been universally ratified," had TRM003 "'the Convention' before any
    convention is named": the plural name was no named convention, and the back-reference
    pattern matched the singular inside "Conventions", so the message quoted a singular
    the text does not have."""
    text = (
        "The General Assembly,\n\nRecalling the Geneva Conventions of 12 August 1949,\n\n"
        "Noting that the Conventions have been universally ratified,\n\n1. Decides to act.\n"
    )
    assert [f.code for f in lint(text).findings] == []
    alone = "The General Assembly,\n\nNoting that the Conventions have been universally ratified,\n\n1. Decides to act.\n"
    assert [f.message for f in lint(alone).findings if f.code == "TRM003"] == [
        "'the Conventions' before any convention is named: give their titles first"
    ]
    head = "The General Assembly,\n\nRecalling its resolution 78/1,\n\n1. Decides to act. The Conventions apply.\n"
    assert [f.message for f in lint(head).findings if f.code == "TRM003"] == [
        "'The Conventions' before any convention is named: give their titles first"
    ]  # quoted as written, capital and plural
    singular = "The General Assembly,\n\nNoting that the Convention has been universally ratified,\n\n1. Decides to act.\n"
    assert [f.message for f in lint(singular).findings if f.code == "TRM003"] == [
        "'the Convention' before any convention is named: give its title first"
    ]
    longer = "The General Assembly,\n\nNoting that the Conventional Armed Forces in Europe Treaty has lapsed,\n\n1. Decides to act.\n"
    assert [f.code for f in lint(longer).findings if f.code == "TRM003"] == []  # no "the Convention" in the text


# -- an article cited with words of its own title ----------------------------------------------
@pytest.mark.parametrize("cited", [
    "in particular article 40 on mutual legal assistance",  # words of article 40's title
    "and invites States to report under article 57 on their implementation of the Convention",  # "on" a preposition
])
def test_an_article_cited_with_words_of_its_title_is_no_mismatch(cited):
    """CIT010 (an error) read "article 40 on mutual legal assistance" as the title of
    article 46 (whose title also holds the words) though they are words of article 40's
    own; and "on their implementation" as a title. The wrong number is still reported."""
    text = (
        "The General Assembly,\n\nRecalling the United Nations Convention against Cybercrime, " + cited + ",\n\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert "CIT010" not in {f.code for f in lint(text).findings}
    wrong = text.replace(cited, "in particular article 35 on the 24/7 network")
    assert [f.code for f in lint(wrong).findings if f.code == "CIT010"] == ["CIT010"]


@pytest.mark.parametrize("named", [
    "the Protocol against the Illicit Manufacturing of and Trafficking in Firearms, Their Parts and Components and Ammunition, "
    "supplementing the United Nations Convention against Transnational Organized Crime, adopted by the General Assembly in its "
    "resolution 55/255 of 31 May 2001",
    "the Optional Protocols to the Convention on the Rights of the Child, adopted by the General Assembly in its resolution 54/263 "
    "of 25 May 2000",
])
def test_the_adoption_of_a_protocol_named_after_its_convention_is_the_protocols(named):
    """CIT012 (an error) checked the Firearms Protocol's adoption (55/255 of 31 May 2001,
    kb §5.3) against the Convention its name ends with ("adopted by resolution 55/25")."""
    text = f"The General Assembly,\n\nRecalling {named},\n\n1. Decides to remain seized of the matter.\n"
    assert "CIT012" not in {f.code for f in lint(text).findings}
    wrong = "The General Assembly,\n\nRecalling the United Nations Convention against Corruption, adopted by the General Assembly in its resolution 58/5,\n\n1. Decides to remain seized of the matter.\n"
    assert "CIT012" in {f.code for f in lint(wrong).findings}


def test_an_alias_inside_another_treatys_name_is_not_that_instrument():
    """"the Inter-American Convention against Corruption" held the alias "Convention
    against Corruption" of the United Nations one: TRM002 said to give the United Nations
    Convention's title first (and CIT012 checked its adoption against 31 October 2003)."""
    text = (
        "The General Assembly,\n\nRecalling the Inter-American Convention against Corruption, adopted on 29 March 1996,\n\n"
        "1. Decides to remain seized of the matter.\n"
    )
    assert lint(text).findings == []
    ours = text.replace("Inter-American Convention against Corruption, adopted on 29 March 1996", "Convention against Corruption")
    assert [f.code for f in lint(ours).findings] == ["TRM002"]  # the alias alone is the United Nations one


def test_the_council_of_europe_convention_on_cybercrime_is_a_first_mention_with_its_title():
    """"the Council of Europe Convention on Cybercrime" holds the title: TRM002 said to give
    the title 'Convention on Cybercrime' before it."""
    text = "The General Assembly,\n\nNoting the Council of Europe Convention on Cybercrime,\n\n1. Decides to remain seized of the matter.\n"
    assert lint(text).findings == []


@pytest.mark.parametrize(("named", "reported"), [
    ("the African Charter on Human and Peoples' Rights, in particular article 9 of the Charter", False),
    ("article 1 of the Charter of the United Nations University", False),
    ("the Olympic Charter and article 5 of the Charter", False),
    ("article 2 of the Charter of the United Nations", True),
    ("the United Nations Charter, in particular article 51 of the Charter", True),
])
def test_articles_of_another_charter_keep_their_case(named, reported):
    """TRM004 took every "of the Charter" for the United Nations Charter, whose articles
    alone take a capital (kb §1.9), and its safe fix wrote "Article 9" of the African
    Charter."""
    text = f"The General Assembly,\n\nRecalling {named},\n\n1. Decides to remain seized of the matter.\n"
    assert ("TRM004" in {f.code for f in lint(text).findings}) == reported


def test_this_resolution_after_another_resolution_named_without_a_number_is_no_safe_fix():
    """"… consultations on the annual resolution on oceans …, and that this resolution shall
    be considered in November": this resolution is that one; the safe fix wrote "the
    present resolution". With nothing named before, it is still the text itself."""
    head = "The General Assembly,\n\nRecalling its work,\n\n1. "
    text = head + "Decides that the consultations on the annual resolution on oceans shall begin in September, and that this resolution shall be considered in November.\n"
    (found,) = [f for f in lint(text).findings if f.code == "TRM007"]
    assert found.fix.applicability.value == "unsafe" and "may mean" in found.message
    plain = head + "Requests the Secretary-General to report on the implementation of this resolution.\n"
    (found,) = [f for f in lint(plain).findings if f.code == "TRM007"]
    assert found.fix.applicability.value == "safe"


def test_a_treatys_adoption_day_is_not_told_from_the_day_it_was_done():
    """The data's day for the Convention on Cybercrime is the day it was done at Budapest
    (23 November 2001, opened for signature); "adopted on 8 November 2001" (the Committee
    of Ministers' day) was an error. The other Convention's day is still told."""
    text = "The General Assembly,\n\nRecalling the Council of Europe Convention on Cybercrime, adopted on {},\n\n1. Decides to remain seized of the matter.\n"
    assert "CIT012" not in {f.code for f in lint(text.format("8 November 2001")).findings}
    assert "CIT012" in {f.code for f in lint(text.format("24 December 2024")).findings}


@pytest.mark.parametrize("cited", [
    "the Convention on Cybercrime and the Vienna Convention on the Law of Treaties, in particular article 60 thereof",
    "the Convention on Cybercrime and the Rome Statute of the International Criminal Court (article 70)",
])
def test_an_article_after_another_instruments_name_is_not_the_known_ones(cited):
    """"… and the Vienna Convention on the Law of Treaties, in particular article 60 thereof"
    was article 60 of the Convention on Cybercrime (CIT009: it has 48). The article of the
    known one is still checked."""
    text = f"The General Assembly,\n\nRecalling {cited},\n\n1. Decides to remain seized of the matter.\n"
    assert "CIT009" not in {f.code for f in lint(text).findings}
    known = "The General Assembly,\n\nRecalling the Convention on Cybercrime, in particular article 60 thereof,\n\n1. Decides to remain seized of the matter.\n"
    assert "CIT009" in {f.code for f in lint(known).findings}


def test_an_alias_that_starts_a_document_symbol_is_no_mention():
    """"(CRC/C/GC/25)", a general comment's symbol, was a first mention of the Convention on
    the Rights of the Child by its abbreviation (TRM002). The abbreviation alone still is."""
    text = (
        "The General Assembly,\n\nRecalling general comment No. 25 (2021) of the Committee on the Rights of the Child "
        "({}),\n\n1. Decides to remain seized of the matter.\n"
    )
    assert "TRM002" not in {f.code for f in lint(text.format("CRC/C/GC/25")).findings}
    assert "TRM002" in {f.code for f in lint(text.format("see the CRC")).findings}


def test_un_joined_to_a_name_is_no_house_term():
    """"UN/CEFACT", "UN/LOCODE", "UN.GIFT" are names written so: TRM012 reported their "UN"
    and its fix wrote "United Nations/CEFACT". "the UN" is still reported."""
    text = "The General Assembly,\n\nWelcoming the work of UN/CEFACT, UN/LOCODE and UN.GIFT{},\n\n1. Decides to remain seized of the matter.\n"
    assert "TRM012" not in {f.code for f in lint(text.format("")).findings}
    assert [f.code for f in lint(text.format(" and of the UN")).findings if f.code == "TRM012"] == ["TRM012"]


@pytest.mark.parametrize("hyphen", ["\u2010", "\u2011"])
def test_un_joined_by_a_typographic_hyphen_is_no_house_term(hyphen):
    """"UN\u2011Women" (a non-breaking hyphen keeps the name on one line) and "UN\u2010Habitat"
    are the names: TRM012 reported their "UN" and its fix wrote "United Nations\u2011Women".
    "the UN" beside them is still reported."""
    text = "The General Assembly,\n\nWelcoming the work of UN{h}Women and UN{h}Habitat{},\n\n1. Decides to remain seized of the matter.\n"
    assert "TRM012" not in {f.code for f in lint(text.format("", h=hyphen)).findings}
    assert [f.code for f in lint(text.format(" and of the UN", h=hyphen)).findings if f.code == "TRM012"] == ["TRM012"]


@pytest.mark.parametrize(("words", "safe"), [
    ("the Convention on the Rights of Children Born Abroad of the Hague Conference", False),
    ("the United Nations Convention Against Corruption Prevention Network", False),
    ("the Convention on the Rights of Children and its protocols", True),
    ("the United Nations Convention Against Corruption, adopted in 2003", True),
])
def test_a_wrong_name_that_goes_on_in_capitals_gets_an_unsafe_fix(words, safe):
    """A wrong name followed by a capitalized word may be part of another name: the safe fix
    wrote "the Convention on the Rights of the Child Born Abroad". Still reported; the fix
    stays safe where the name ends."""
    text = f"The General Assembly,\n\nNoting {words},\n\n1. Decides to remain seized of the matter.\n"
    [found] = [f for f in lint(text).findings if f.code == "TRM001"]
    assert found.fix is not None and (found.fix.applicability.value == "safe") is safe


def test_another_documents_name_holding_an_instruments_title_is_no_near_miss():
    """"the Universal Islamic Declaration of Human Rights" was a near miss of the Universal
    Declaration of Human Rights, with a fix writing that name: it is another document."""
    text = "The General Assembly,\n\nRecalling the Universal {} Human Rights,\n\n1. Decides to remain seized of the matter.\n"
    assert "TRM001" not in {f.code for f in lint(text.format("Islamic Declaration of")).findings}
    assert "TRM001" in {f.code for f in lint(text.format("Declaration on")).findings}


@pytest.mark.parametrize(("written", "right"), [
    ("1st and 2nd March 2022", "1 and 2 March 2022"),
    ("1st and 2 March 2022", "1 and 2 March 2022"),
    ("10th–12th May 2023", "10–12 May 2023"),
])
def test_a_first_days_ordinal_goes_with_the_dates(written, right):
    """"1st and 2nd March 2022" was fixed to "1st and 2 March 2022", and the re-check was
    clean: the first day's ordinal was never reported."""
    from resolint.fixes import fix_text

    text = f"The General Assembly,\n\nRecalling the meetings held on {written},\n\n1. Decides to remain seized of the matter.\n"
    assert [f.code for f in lint(text).findings] == ["CIT007"]
    fixed = fix_text(text, lint).text
    assert fixed == text.replace(written, right) and lint(fixed).findings == []


def test_a_nineteenth_century_treatys_date_is_plausible():
    """"the Geneva Convention of 22 August 1864" was "implausible (expected 1900–2100)"."""
    text = "The General Assembly,\n\nRecalling the Geneva Convention of 22 August {},\n\n1. Decides to remain seized of the matter.\n"
    assert "CIT008" not in {f.code for f in lint(text.format(1864)).findings}
    assert "CIT008" in {f.code for f in lint(text.format(1064)).findings}


@pytest.mark.parametrize(
    ("sentence", "safe"),
    [
        # Words of a title the reference data does not hold: the fix is the drafter's call.
        ("Recalling the Second Additional Protocol to the Convention on Cybercrime on enhanced co-operation and disclosure of electronic evidence,", False),
        ("Welcoming the Agreement on Regional\nCo-operation of the Parties, and the Agreement on co-operation,", False),
        # A title that goes on after a comma with what it concerns (Council of Europe, ETS No. 189).
        ("Bearing in mind the Additional Protocol to the Convention on Cybercrime, concerning the criminalisation of acts of a racist and xenophobic nature,", False),
        ("Recalling the Agreement on Transport, relating to co-operation between ports,", False),
        # The same word in the sentence's own words: a comma, or more than seven words, after the name.
        ("Recalling the Convention on Cybercrime, and encouraging co-operation,", True),
        ("Recalling the Convention on Cybercrime, concerning which the States parties and the observers called at length for co-operation,", True),
        ("Noting the Second Agreement between the Government and the movement and to that end encouraging co-operation,", True),
        ("Encouraging international co-operation,", True),
    ],
)
def test_a_respelling_inside_what_may_be_an_unknown_title_is_not_applied_by_fix(sentence, safe):
    """TRM010 respells "co-operation" everywhere but in quotations and the titles the data
    holds; right after an instrument's name ("… Convention on Cybercrime on enhanced
    co-operation …") the word may belong to the title of an instrument the data does not
    hold, so ``--fix`` leaves it (the finding stays, its fix unsafe)."""
    from resolint.rule import Applicability

    text = f"The General Assembly,\n\n{sentence}\n\n1. Decides to remain seized of the matter.\n"
    found = [f for f in lint(text).findings if f.code == "TRM010"]
    assert found and all(f.fix is not None for f in found)
    assert found[-1].fix.applicability is (Applicability.SAFE if safe else Applicability.UNSAFE)


@pytest.mark.parametrize(
    ("written", "want"),
    [
        ("HAVING SEEN the report", "Having seen the report"),
        ("HAVING TAKEN NOTE of the report", "Having taken note of the report"),
        ("HAVING SEEN UNODC reports", "Having seen UNODC reports"),  # a name after the participle keeps its capitals
        ("Having seen the report", "Having seen the report"),
    ],
)
def test_the_case_fix_of_an_unlisted_having_opener_takes_its_participle(written, want):
    """An unlisted "Having" + participle is one opener: PRE003 wrote "HAVING SEEN" as
    "Having SEEN" (its opener was "HAVING" alone)."""
    from resolint.fixes import fix_text

    text = f"The General Assembly,\n\n{written},\n\n1. Decides to remain seized of the matter.\n"
    assert fix_text(text, lint).text == text.replace(written, want)


@pytest.mark.parametrize(
    ("opening", "verb", "items", "want"),
    [
        ("The General Assembly,", "Decides:", ("To convene a meeting;", "To request a summary."), ("To convene a meeting;", "To request a summary.")),
        ("The General Assembly,", "Decides:", ("to convene a meeting;", "to request a summary."), ("To convene a meeting;", "To request a summary.")),
        ("The ICPO-INTERPOL General Assembly, meeting in Lyon from 1 to 4 November 2025:", "URGES member countries to:",
         ("Encourage their units;", "share data."), ("encourage their units;", "share data.")),
    ],
)
def test_items_under_an_unnumbered_verb_take_the_styles_case(opening, verb, items, want):
    """Numbered items under an unnumbered operative paragraph start with a capital in the
    United Nations styles, as their sub-paragraphs do ("Decides:" / "1. To convene …"):
    OPR010's safe fix wrote "1. to convene"; INTERPOL's items go on with the verb's
    sentence in lower case."""
    from resolint.fixes import fix_text

    pre = "RECALLING resolution AGN/1/RES/1," if "INTERPOL" in opening else "Recalling its resolution 79/1,"
    draft = f"{opening}\n\n{pre}\n\n{verb}\n\n1. {{}}\n\n2. {{}}\n"
    assert fix_text(draft.format(*items), lint).text == draft.format(*want)


def test_a_colon_before_items_a_word_processor_numbered_on_is_kept():
    """"1. Requests the system:" / "2. To continue …" / "3. To report …": the items were
    numbered on with the paragraphs. The colon is right (the items' openers are reported,
    OPR005); OPR007's safe fix wrote ";", a finished clause before the items."""
    from resolint.fixes import fix_text

    text = ("The Economic and Social Council,\n\nRecalling its resolution 2024/15,\n\n1. Requests the United Nations system:\n\n"
            "2. To continue to integrate gender perspectives;\n\n3. To report regularly on progress;\n\n4. Decides to continue its consideration of the question.\n")
    result = lint(text)
    assert "OPR007" not in {f.code for f in result.findings}
    assert fix_text(text, lint).text == text
    # A colon before a paragraph of its own is still reported.
    other = text.replace("2. To continue", "2. Decides to continue")
    assert [f.message for f in lint(other).findings if f.code == "OPR007"] == ["Operative paragraph ends with ':'; end it with ';'"]


@pytest.mark.parametrize(
    ("opening", "citation", "found"),
    [
        # "this conference" is the conference whose resolution cites it, as its opening names it.
        ("The World Telecommunication Development Conference (Kigali, 2022),", "Resolution 30 (Rev. Kigali, 2022) of this conference", False),
        ("The World Telecommunication Development Conference (Kigali, 2022),", "Resolution 30 (Rev. Dubai, 2018) of this conference", True),
        ("The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),",
         "Resolution 71 (Rev. Bucharest, 2022) of this conference", False),
        ("The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),",
         "Resolution 71 (Rev. Kigali, 2022) of this conference", True),
        ("The World Telecommunication Standardization Assembly (New Delhi, 2024),", "Resolution 1 (Rev. Bucharest, 2022) of this assembly", True),
        ("The World Telecommunication Standardization Assembly (New Delhi, 2024),", "Resolution 1 (Rev. Geneva, 2022) of this assembly", False),
    ],
)
def test_this_conference_is_the_one_the_opening_names(opening, citation, found):
    """ITU: "of this conference" in a WTDC resolution was read as the Plenipotentiary
    Conference ("No PP met in Kigali"), and "of this assembly" was not read at all."""
    text = f"{opening}\n\nrecalling\n\na) {citation},\n\nresolves\n\n1 to continue the programme.\n"
    result = lint(text, style="itu")
    assert ("CIT013" in {f.code for f in result.findings}) is found


# -- a transmittal formula above the opening -------------------------------------------------
_PASSED_ON = "{formula}\n\n{opening}\n\nNoting the report of the Working Group,\n\n1. Welcomes the report;\n\n2. Decides to consider the question again.\n"


@pytest.mark.parametrize(("formula", "opening"), [
    ("The Commission for Social Development recommends to the Economic and Social Council the adoption of the following draft resolution:",
     "The Economic and Social Council,"),
    ("The Second Committee recommends to the General Assembly the adoption of the following draft decision:", "The General Assembly,"),
    ("The Executive Board recommends to the Health Assembly the adoption of the following resolution:",
     "The Seventy-ninth World Health Assembly,"),
    ("The Human Rights Council adopts the following text:", "The Human Rights Council,"),
    ("**The Statistical Commission decides as follows:**", "The Statistical Commission,"),
])
def test_a_transmittal_formula_is_title_text_above_the_opening(formula, opening):
    """A commission or a Main Committee passes a draft on with a formula that starts as an
    opening and ends with a colon: read as the opening, DOC002's safe fix turned its colon
    into a comma, and the draft's own opening started a second part."""
    # (In the United Nations form whatever the body: a World Health Assembly's own style
    # asks other marks, tests/test_style_wha.py.)
    result = lint(_PASSED_ON.format(formula=formula, opening=opening), style="un-ga")
    assert result.findings == []
    res, text = result.resolution, result.source.text
    assert [text[p.span.start : p.span.end] for p in res.openings] == [opening]
    assert res.paragraphs[0].kind is Kind.TITLE


def test_the_title_above_a_transmittal_formula_is_the_subject_and_the_formula_makes_a_draft():
    from resolint.cli.drafts import draft_signal

    formula = "The Commission on Population and Development recommends to the Economic and Social Council the adoption of the following draft resolution:"
    text = "Sustainable cities and migration\n\n" + _PASSED_ON.format(formula=formula, opening="The Economic and Social Council,")
    res = parse(text)
    assert text[res.title.subject.start : res.title.subject.end] == "Sustainable cities and migration"
    assert draft_signal(formula + "\n\nRecalling its resolution 2019/1,\n").startswith("line 1 is a transmittal formula")


def test_a_transmittal_formula_after_the_operative_part_heads_the_next_resolution():
    first = "The Fifth Committee recommends to the General Assembly the adoption of the following draft resolution:"
    second = "The Fifth Committee also recommends to the General Assembly the adoption of the following draft resolution:"
    text = _PASSED_ON.format(formula=first, opening="The General Assembly,") + "\n" + _PASSED_ON.format(formula=second, opening="The General Assembly,")
    result = lint(text)
    assert result.findings == []
    res = result.resolution
    assert [p.part for p in res.openings] == [0, 1]
    assert [p.number for p in res.operative] == [1, 2, 1, 2]


@pytest.mark.parametrize("opening", [
    "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 1 to 4 November 2027 at its 95th session:",
    "The General Conference, meeting at its forty-third session, adopts the following resolution:",  # a comma after the name
])
def test_an_opening_ending_with_a_colon_after_a_comma_is_still_the_opening(opening):
    res = parse(_PASSED_ON.format(formula="Resolution No. 3", opening=opening))
    assert len(res.openings) == 1 and res.paragraphs[res.openings[0].index].kind is Kind.OPENING
    assert res.source.text[res.openings[0].span.start : res.openings[0].span.end] == opening


# -- the sign-off of the message a draft was pasted from --------------------------------------
_SENT = (
    "The General Assembly,\n\nRecalling its resolution 78/230 of 22 December 2023,\n\n"
    "1. Invites Member States to share their experience;\n\n2. Decides to remain seized of the matter{end}\n\n{sign_off}"
)


@pytest.mark.parametrize("sign_off", [
    "Kind regards,\nAmina\n",
    "Best regards,\n\nJonas Berg\nDesk Officer\n",
    "Thanks,\nLi Wei\nPermanent Mission of Singapore\n",
    "Yours sincerely,\n\nOffice of the Chair\n",
    "Many thanks!\nAna\n",
    "**Warm regards**\n",
])
def test_a_messages_sign_off_after_the_final_paragraph_is_closing_lines(sign_off):
    """A draft pasted from an e-mail keeps its sign-off: "Kind regards," was operative
    paragraph 3, and the safe fixes numbered it, ended it with a full stop and turned
    paragraph 2's full stop into a semicolon."""
    result = lint(_SENT.format(end=".", sign_off=sign_off))
    assert result.findings == []
    res = result.resolution
    assert [p.number for p in res.operative] == [1, 2]
    tail = [p.kind for p in res.paragraphs if p.span.start > res.operative[-1].span.start]
    assert tail and set(tail) == {Kind.CLOSING}


def test_a_sign_off_leaves_a_wrong_final_mark_to_be_reported_on_the_last_paragraph():
    result = lint(_SENT.format(end=";", sign_off="Best regards,\nJonas\n"))
    assert [(f.code, result.source.position(f.span.start).line) for f in result.findings] == [("OPR007", 6)]


def test_a_sign_off_on_the_line_after_a_wrapped_final_paragraph_is_not_its_rest():
    text = (
        "The General Assembly,\n\nRecalling its resolution 78/230 of 22 December 2023 on the\nsubject,\n\n"
        "1. Requests the Secretary-General to report to the General\nAssembly at its eighty-first session on this resolution.\n"
        "Kind regards,\nMaria\n"
    )
    res = parse(text)
    assert text[res.operative[-1].span.start : res.operative[-1].span.end].endswith("on this resolution.")
    assert [p.kind for p in res.paragraphs[-2:]] == [Kind.CLOSING, Kind.CLOSING]


@pytest.mark.parametrize("paragraph", ["Best practices are shared among Member States.\n", "Thanks to the efforts of States, progress is made.\n"])
def test_a_paragraph_starting_with_a_sign_offs_word_is_still_a_paragraph(paragraph):
    result = lint(_SENT.format(end=".", sign_off=paragraph))
    assert "OPR001" in {f.code for f in result.findings}


def _reads_the_same_by_the_language_servers_lint(texts) -> None:
    """Each of ``texts`` in turn, linted as the language server lints successive versions:
    the same paragraphs and findings as a whole lint."""
    linter = IncrementalLinter()
    for text in texts:
        got = linter.lint(text, SETTINGS)
        want = lint(text)
        assert [(p.kind, p.span) for p in got.resolution.paragraphs] == [(p.kind, p.span) for p in want.resolution.paragraphs]
        assert [(f.code, f.span, f.message) for f in got.findings] == [(f.code, f.span, f.message) for f in want.findings]


def test_a_sign_off_reads_the_same_by_the_language_servers_lint():
    signed, ended = _SENT.format(end=".", sign_off="Kind regards,\n\nAmina\n"), _SENT.format(end=".", sign_off="")
    _reads_the_same_by_the_language_servers_lint(
        (signed, ended + "Amina\n", signed, signed.replace("Kind regards,", "Kind regard"), signed.replace("matter.", "matter;"), signed))


# -- the Security Council acting under Chapter VII for some of its paragraphs -------------------
_MANDATE = (
    "The Security Council,\n\nRecalling its previous resolutions on the situation in the region,\n\n"
    "1. Decides to extend the mandate of the Mission for twelve months;\n\n{lead_in}\n\n"
    "2. Authorizes the Mission to take all necessary measures to protect civilians;\n\n"
    "3. Decides to remain actively seized of the matter.\n"
)


@pytest.mark.parametrize("lead_in", [
    "Acting under Chapter VII of the Charter of the United Nations,",
    "Acting under Chapter VII of the Charter of the United Nations:",
    "Acting under Article 41 of the Charter of the United Nations,",
    "*Acting under Articles 41 and 42 of the Charter,*",
])
def test_acting_under_chapter_vii_between_operative_paragraphs_heads_the_ones_after_it(lead_in):
    """A mandate partly under Chapter VII puts the lead-in between operative paragraphs:
    with a comma it was a preambular paragraph out of place (DOC003, an error); with a
    colon an unnumbered operative paragraph (OPR001 "Number as 2.", OPR004 "use 'Acts'")
    whose list items were the paragraphs after it (OPR010 "Change to 'authorizes'")."""
    for style in ("un-sc", "un-ga"):
        result = lint(_MANDATE.format(lead_in=lead_in), style=style)
        assert result.findings == []
        res = result.resolution
        assert [p.number for p in res.operative] == [1, 2, 3] and all(p.parent is None for p in res.operative)
        assert [p.kind for p in res.paragraphs if result.source.text[p.span.start : p.span.end] == lead_in] == [Kind.HEADING]


@pytest.mark.parametrize("paragraph", [
    "2. Acting under Chapter VII of the Charter of the United Nations:\n\n(a) Decides that the Mission is authorized to take the necessary action;\n\n"
    "(b) Requests the Mission to protect civilians;",
    "2. Acting under Chapter VII of the Charter of the United Nations, decides that all States shall prevent the supply of arms;",
    "2. Acting under Article 41 of the Charter of the United Nations, decides that all States shall freeze the funds;",
])
def test_a_numbered_paragraph_acting_under_chapter_vii_is_no_participle_opener(paragraph):
    """"15. Acting under Chapter VII of the Charter of the United Nations:" / "(a) decides
    …" (S/RES/1769 (2007)): OPR004 (an error) offered to write "Acts"."""
    text = _MANDATE.format(lead_in="").replace("\n\n\n\n2. Authorizes the Mission to take all necessary measures to protect civilians;", "\n\n" + paragraph)
    assert [f.code for f in lint(text).findings] == []


@pytest.mark.parametrize(("lead_in", "code"), [
    ("Acting under Chapter VII of the Charter of the United Nations, decides that all States shall prevent the supply of arms;", "OPR001"),
    ("Acting in accordance with the purposes of the Charter,", "DOC003"),
    ("2. Acting swiftly to protect civilians;", "OPR004"),
])
def test_other_participles_between_operative_paragraphs_are_still_reported(lead_in, code):
    assert code in {f.code for f in lint(_MANDATE.format(lead_in=lead_in)).findings}


def test_a_lead_in_between_operative_paragraphs_reads_the_same_by_the_language_servers_lint():
    comma = _MANDATE.format(lead_in="Acting under Chapter VII of the Charter of the United Nations,")
    _reads_the_same_by_the_language_servers_lint(
        (comma, comma.replace("Nations,", "Nations:"), comma.replace("Acting under", "Noting"), comma, comma.replace("Chapter VII", "Chapter VI")))


# -- a lettered preamble in each part of a resolution -----------------------------------------
_LETTERED_PARTS = (
    "The General Conference,\n\n(a) Recalling its earlier resolutions on nuclear applications,\n\n"
    "(b) Noting the work of the laboratories,\n\n1. Requests the Secretariat to continue its work;\n\n"
    "2. Encourages Member States to support the laboratories.\n\nB.\nWater resources\n\n"
    "The General Conference,\n\n({first}) Recognizing the value of isotope hydrology,\n\n({second}) Welcoming the new projects,\n\n"
    "1. Requests the Director General to report on the projects.\n"
)


def test_a_lettered_preamble_starts_from_a_in_each_part():
    """An IAEA resolution letters each part's preamble from "(a)": the second part's "(a)"
    was "'(a)' where '(c)' was expected", with an unsafe fix relabelling it "(c)"."""
    result = lint(_LETTERED_PARTS.format(first="a", second="b"))
    assert result.findings == []
    assert [p.part for p in result.resolution.openings] == [0, 1]


def test_a_lettered_preamble_out_of_sequence_in_its_part_is_still_reported():
    result = lint(_LETTERED_PARTS.format(first="a", second="c"))
    assert [(f.code, f.message) for f in result.findings] == [("OPR008", "Sub-paragraph '(c)' where '(b)' was expected")]


def test_a_style_that_says_this_resolution_reports_the_present_resolution():
    """TRM007 worked one way only: in the ITU style, which writes "this resolution", "the
    present resolution" went unreported."""
    from resolint.fixes import fix_text

    text = ("The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\n"
            "recalling\n\na) the outcomes of the World Summit on the Information Society,\n\n"
            "resolves\n\n1 to report on the implementation of the present resolution.\n")
    assert [(f.code, f.message) for f in lint(text, style="itu").findings] == [("TRM007", "Refer to the text itself as 'this resolution'")]
    assert fix_text(text, lambda t: lint(t, style="itu")).text == text.replace("the present resolution", "this resolution")
    assert "TRM007" not in {f.code for f in lint(text.replace("the present resolution", "this resolution"), style="itu").findings}


@pytest.mark.parametrize("header", ["Res. 123", "- 2 -\nRes. 123", "Res. 71A"])
def test_an_itu_running_head_between_items_is_page_furniture(header):
    """A PDF copy of the ITU's Final Acts keeps each page's running head ("Res. 123")
    between two items of a group: read as a paragraph, it ended the group, and the fixes
    gave it a colon and relabelled the items after it."""
    text = ("The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\n"
            f"considering\n\na) that development is of mutual advantage;\n\n{header}\n\n"
            "b) that developing countries need to participate,\n\nresolves\n\n1 to continue the programme.\n")
    assert [f.code for f in lint(text, style="itu").findings] == ["DOC016"]


@pytest.mark.parametrize(
    ("paragraph", "fixed"),
    [
        ("Investing in the care economy is essential for gender equality;", None),
        ("Strengthening cooperation between the bodies remains a priority;", None),
        ("Calling upon States that are affected to act;", "Calls upon States that are affected to act;"),
        ("Calling upon States to act, which is essential;", "Calls upon States to act, which is essential;"),
    ],
)
def test_a_participle_that_is_its_sentences_subject_gets_no_verb_fix(paragraph, fixed):
    """"Investing in the care economy is essential": OPR004's fix wrote "Invests in the care
    economy is essential", no sentence. The paragraph is still reported, without a fix."""
    from resolint.fixes import fix_text

    text = f"The General Assembly,\n\nRecalling its resolution 79/1,\n\n1. {paragraph}\n\n2. Decides to remain seized of the matter.\n"
    [finding] = [f for f in lint(text).findings if f.code == "OPR004"]
    assert (finding.fix is None) is (fixed is None)
    assert fix_text(text, lint, unsafe=True).text == text.replace(paragraph, fixed or paragraph)


def test_a_voting_record_after_the_closing_lines_is_closing_lines():
    """"Recorded vote: 78 in favour, …" / "In favour: …" / "Against: …" after the date, as
    a press release gives them, were text outside the resolution (DOC004, which blocks
    --fix for the file); text after them that is none of these still is."""
    from resolint.model import Kind

    text = ("The General Assembly,\n\nRecalling its resolution 79/1,\n\n1. Decides to remain seized of the matter.\n\n"
            "92nd plenary meeting\n18 June 2025\n\nRecorded vote: 78 in favour, 14 against, 66 abstentions.\n\n"
            "In favour: Albania, Andorra, Australia.\nAgainst: Belarus, Burundi.\nAbstaining: Algeria, Angola.\n")
    result = lint(text)
    assert result.findings == []
    assert [p.kind for p in result.resolution.paragraphs[-2:]] == [Kind.CLOSING, Kind.CLOSING]
    assert "DOC004" in {f.code for f in lint(text + "\nSome other remark.\n").findings}


@pytest.mark.parametrize(
    ("citation", "found"),
    [
        ("1514 (XV) of 14 December 1960", False),
        ("1514 (XV) of 14 December 1961", True),
        ("2625 (XXV) of 24 October 1970", False),
        ("2625 (XXV) of 24 October 1975", True),
        ("1 (I) of 24 January 1946", False),  # the first session's first part met in January 1946
    ],
)
def test_an_old_style_resolution_is_dated_within_its_session(citation, found):
    """"resolution 1514 (XV) of 14 December 1961": the old style of the first thirty
    sessions names the session; its date was not checked against it, as "79/1"'s is."""
    text = f"The General Assembly,\n\nRecalling its resolution {citation},\n\n1. Decides to remain seized of the matter.\n"
    assert ("CIT001" in {f.code for f in lint(text).findings}) is found


@pytest.mark.parametrize(
    ("item", "found"),
    [
        ("That IP-based networks have evolved;", True),
        ("The relevant outcomes of the Summit;", True),
        ("that IP-based networks have evolved;", False),
        ("Article 19 of the Convention;", False),
        ("No. 484 of the ITU Convention;", False),
        ("United Nations General Assembly resolution 70/1;", False),
        ("The Hague Declaration;", False),
    ],
)
def test_an_itu_group_item_capitalized_by_a_word_processor_is_reported(item, found):
    """"considering" / "a) That IP-based networks …": AutoCorrect's capital was reported
    on operative items only; an item that starts with a name keeps its capital."""
    text = ("The Plenipotentiary Conference of the International Telecommunication Union (Bucharest, 2022),\n\n"
            f"considering\n\na) {item}\n\nb) that developing countries need to take part,\n\n"
            "resolves\n\n1 to continue the programme.\n")
    assert ("OPR010" in {f.code for f in lint(text, style="itu").findings}) is found


def test_a_year_glued_to_a_word_after_a_day_and_month_gets_an_unsafe_fix():
    """"plenary meeting 30 December 2025on …": the space makes a date, which DOC011 then
    read against the resolution's session (an error the safe fix brought in, found by the
    fuzzer); elsewhere the space stays a safe fix."""
    from resolint.rule import Applicability

    text = "The General Assembly,\n\nRecalling its resolution 79/1 of 1 May 2025on the matter,\n\nNoting the summit of 2024and its outcome,\n\n1. Decides to act.\n"
    found = {text[f.span.start : f.span.end]: f.fix.applicability for f in lint(text).findings if f.code == "TRM011"}
    assert found == {"2025on": Applicability.UNSAFE, "2024and": Applicability.SAFE}



# -- DOC002: a decision's opening ends with its verb and a colon -------------------------------
@pytest.mark.parametrize("opening, flagged", [
    ("The General Assembly, recalling its resolution 79/327 of 8 September 2025, decides:", False),
    ("The General Assembly decides:", False),
    ("The Security Council, having considered the report, requests the Secretary-General:", False),
    ("The General Assembly:", True),
    ("The General Assembly, noting the report of the Secretary-General:", True),
])
def test_a_decisions_opening_keeps_the_colon_after_its_verb(opening, flagged):
    """"The General Assembly, recalling its resolution 79/327 …, decides:" then "(a) To
    establish …;": the form of a General Assembly decision. DOC002 asked for a comma and
    its safe fix wrote "decides,". A colon after one of the style's operative phrases
    stays; after anything else it is still reported."""
    text = f"{opening}\n\n(a) To establish an ad hoc working group;\n\n(b) To report at its next session.\n"
    assert ("DOC002" in {f.code for f in lint(text).findings}) is flagged


@pytest.mark.parametrize("label", ["2.", "2)", "(2)", "  2.  "])
def test_a_number_alone_between_paragraphs_is_not_removed_by_a_safe_fix(label):
    """"2." alone between paragraphs 1 and 3 is a paragraph still to write as much as a
    PDF's page number: DOC016's safe fix removed it, number and all. The fix is unsafe
    there; a bare page number ("2", "- 2 -", "2/3") is still removed safely."""
    from resolint.fixes import fix_text
    from resolint.rule import Applicability

    text = f"The General Assembly,\n\nRecalling its work,\n\n1. Urges States to act;\n\n{label}\n\n3. Decides to remain seized of the matter.\n"
    furniture = [f for f in lint(text).findings if f.code == "DOC016"]
    assert len(furniture) == 1 and furniture[0].fix is not None
    assert furniture[0].fix.applicability is Applicability.UNSAFE
    assert "paragraph still to write" in furniture[0].message
    assert fix_text(text, lint).text == text
    for page_number in ("2", "- 2 -", "2/3"):
        bare = text.replace(f"\n{label}\n", f"\n{page_number}\n")
        assert f"\n{page_number}\n" not in fix_text(bare, lint).text


@pytest.mark.parametrize("words", ["Clause 1.", "Para. 1", "No. 1:", "Article 1.", "OP 1:"])
def test_a_paragraph_numbered_in_words_is_not_numbered_again_by_a_safe_fix(words):
    """"Clause 1. Encourages …" (a Model UN house's numbering): OPR001's safe fix wrote
    "1. Clause 1. Encourages …". The number is still offered, as an unsafe fix; a
    paragraph that opens with its opener is numbered safely as before."""
    from resolint.fixes import fix_text
    from resolint.rule import Applicability

    text = f"The General Assembly,\n\nRecalling its work,\n\n{words} Encourages States to act;\n\n2. Decides to remain seized of the matter.\n"
    found = [f for f in lint(text).findings if f.code == "OPR001"]
    assert len(found) == 1 and found[0].fix is not None
    assert found[0].fix.applicability is Applicability.UNSAFE
    assert fix_text(text, lint).text == text
    plain = text.replace(f"{words} ", "")
    assert fix_text(plain, lint).text == plain.replace("Encourages", "1. Encourages")


_NO_BLANK_LINES = (
    "The General Assembly,\n\nRecalling its resolution 78/123 of 7 December 2023 on the implementation of\n"
    "{footer}the Programme of Action for the Least Developed Countries,\n\n"
    "1. Calls upon development partners to fulfil their commitments;\n{footer}2. Requests the Secretary-General to report.\n"
)


@pytest.mark.parametrize("footer", ["26-04512                    2/3\nA/C.2/81/L.20\n", "GE.24-12345 (E)\n", "*2418765*\n24-18765 (E) 161024\n"])
def test_a_pdf_page_footer_copied_without_blank_lines_is_found_and_removed(footer):
    """Text copied from a PDF with no blank line anywhere: a page's footer between two
    paragraphs was read into the first (the safe fix wrote "A/C.2/81/L.20;"), and one in
    the middle of a sentence was in the paragraph unreported. Both are DOC016 now, and
    the fix leaves the text as it was without them."""
    from resolint.fixes import fix_text

    text = _NO_BLANK_LINES.format(footer=footer)
    result = lint(text)
    assert [f.code for f in result.findings] == ["DOC016", "DOC016"]
    assert fix_text(text, lint).text == _NO_BLANK_LINES.format(footer="")


def test_a_number_on_a_wrapped_line_of_its_own_stays_in_its_sentence():
    """Only a line of a page's marks (a job number, a page's "2/3", a barcode) is taken
    out: a year or a resolution's number alone on a wrapped line is the sentence's."""
    text = (
        "The General Assembly,\n\nRecalling its resolution\n75/1\nof 21 September 2020 on the Goals to be reached by\n2030.\n"
        "and its work,\n\n1. Urges States to act.\n"
    )
    result = lint(text)
    assert not [f for f in result.findings if f.code == "DOC016"]
    assert [p.kind for p in result.resolution.paragraphs] == [Kind.OPENING, Kind.PREAMBLE, Kind.OPERATIVE]


@pytest.mark.parametrize(
    ("opening", "is_one"),
    [
        ("The Meeting of the Parties,", True),
        ("The Fifth Meeting of the States Parties,", True),
        ("The Heads of State and Government,", True),
        ("The Commonwealth Heads of Government,", True),
        ("The meeting was adjourned at 6 p.m.", False),
    ],
)
def test_a_treaty_meeting_and_leaders_open_a_text(opening, is_one):
    """A Montreal Protocol decision opens "The Meeting of the Parties,", an African Union
    or Commonwealth declaration "The Heads of State and Government,": read as title
    text, they drew DOC001 ("No opening line names the body")."""
    text = f"{opening}\n\nRecalling its decision XXXV/2 of 27 October 2023,\n\n1. Decides to remain seized of the matter.\n"
    result = lint(text)
    assert (result.resolution.paragraphs[0].kind is Kind.OPENING) is is_one
    assert ("DOC001" in {f.code for f in result.findings}) is not is_one


@pytest.mark.parametrize(
    "tags",
    [" (agreed ad ref)", " (facilitator's proposal)", " [Agreed ad ref]", " [US: delete] [G77: retain]", " (agreed ad ref) [EU: retain]"],
)
def test_negotiators_notes_after_a_paragraphs_mark_are_not_its_end(tags):
    """A text under negotiation notes each paragraph's status after its mark: the mark
    before the notes is the paragraph's. The safe fixes wrote "(agreed ad ref)," and
    "[US: delete]; [G77: retain]"; a wrong mark is still found where it stands."""
    from resolint.fixes import fix_text

    text = (
        f"The General Assembly,\n\nRecalling the Beijing Declaration and Platform for Action,{tags}\n\n"
        f"[Deeply concerned about violence against women,]{tags}\n\n"
        f"1. Urges Governments to take the following actions:{tags}\n\n(a) Eliminate discriminatory laws;\n\n"
        f"2. Requests the Secretary-General to report at its eighty-second session.{tags}\n"
    )
    result = lint(text)
    assert [p.kind for p in result.resolution.paragraphs] == [Kind.OPENING, Kind.PREAMBLE, Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH, Kind.OPERATIVE]
    assert result.findings == []
    assert fix_text(text, lint).text == text
    wrong = text.replace("Platform for Action,", "Platform for Action;")
    found = [f for f in lint(wrong).findings if f.code == "PRE004"]
    assert len(found) == 1 and wrong[found[0].span.start : found[0].span.end] == ";"


@pytest.mark.parametrize("ending", [" (a)", " (ii)", " (1)"])
def test_a_label_after_a_mark_is_not_a_negotiators_note(ending):
    """"(a)", "(ii)" or "(1)" after a paragraph's mark is no status note: the paragraph
    goes on with it (an item run on), so its end is not looked for before it."""
    from resolint.parser.labels import before_note_reference

    text = f"The General Assembly,\n\n1. Urges Governments to act;{ending}\n"
    assert before_note_reference(text, 0, len(text) - 1) == len(text) - 1
    assert before_note_reference(text.replace(ending, " (agreed ad ref)"), 0, len(text) - len(ending) + len(" (agreed ad ref)") - 1) == text.index(ending)


@pytest.mark.parametrize("form", ["1.-", "1-", "1 -", "1 –", "1.)", "1:", "1 ."])
def test_a_paragraph_numbered_in_another_form_is_said_to_be_numbered(form):
    """"1.- Welcomes …" (as Spanish drafts number) was reported as "Unnumbered operative
    paragraph"; it is numbered, in a form the style does not use, and "1." is offered
    when the number is the one the list expects (not otherwise)."""
    from resolint.fixes import fix_text

    text = f"The General Assembly,\n\nRecalling its work,\n\n{form} Welcomes the report;\n\n2. Decides to remain seized of the matter.\n"
    found = [f for f in lint(text).findings if f.code == "OPR001"]
    assert len(found) == 1 and f"numbered '{form}'" in found[0].message and "Unnumbered" not in found[0].message
    assert fix_text(text, lint).text == text.replace(f"{form} Welcomes", "1. Welcomes")
    off = text.replace(f"{form} Welcomes", f"{form.replace('1', '3')} Welcomes")
    found = [f for f in lint(off).findings if f.code == "OPR001"]
    assert len(found) == 1 and found[0].fix is None and "it should be number 1" in found[0].message


_ANNEXED_WITHOUT_HEADING = (
    "The General Conference of the International Labour Organization,\n\n"
    "Having adopted the report of the Committee on the care economy,\n\n"
    "1. Adopts the following conclusions;\n\n2. Invites the Governing Body to give due consideration to them.\n\n"
    "{between}\n\n1. Care work is essential to the functioning of societies.\n\n2. Care workers have the right to decent work.\n"
)


def test_a_text_annexed_without_its_heading_is_not_read_as_operative_paragraphs():
    """An ILO resolution's conclusions follow its last paragraph with no "Annex" line:
    "Conclusions concerning …" / "Guiding principles" / "1. Care work is …". They were
    operative paragraphs: the safe fixes wrote "them;" at the resolution's end and "3.
    Conclusions concerning …;". Headings after the final full stop that lead to a
    paragraph numbered 1 start a text the parser cannot place: DOC004 says so once."""
    from resolint.fixes import fix_text

    text = _ANNEXED_WITHOUT_HEADING.format(between="Conclusions concerning decent work and the care economy\n\nGuiding principles")
    result = lint(text)
    assert [f.code for f in result.findings] == ["DOC004"]
    assert fix_text(text, lint).text == text


@pytest.mark.parametrize(
    "between",
    [
        "Funding\n\n3. Requests the Director-General to report.",  # numbered on: a heading between operative paragraphs
        "Resolution II\n\nThe General Conference of the International Labour Organization,",  # the next resolution
    ],
)
def test_a_heading_after_the_final_full_stop_is_no_annexed_text_unless_numbering_starts_anew(between):
    text = _ANNEXED_WITHOUT_HEADING.format(between=between)
    kinds = [p.kind for p in lint(text).resolution.paragraphs]
    assert Kind.UNPLACED not in kinds


def test_text_in_guillemets_is_a_quotation():
    """A Spanish or French motto quoted in guillemets keeps its own words: TRM010's safe fix
    wrote «la labour del Estado». The same word outside them is still reported."""
    text = "The General Assembly,\n\nNoting the motto «la labor del Estado»{},\n\n1. Decides to remain seized of the matter.\n"
    assert "TRM010" not in {f.code for f in lint(text.format("")).findings}
    assert [f.code for f in lint(text.format(" and the labor market")).findings if f.code == "TRM010"] == ["TRM010"]


@pytest.mark.parametrize(("written", "right"), [("UN Women", "UN-Women"), ("UN Habitat", "UN-Habitat"), ("the UN", "United Nations")])
def test_an_entity_written_without_its_hyphen_is_fixed_to_its_name(written, right):
    """"UN Women" got TRM012's fix of "UN", "United Nations Women", a name nobody has: the
    General Assembly's style names the entity "UN-Women" (A/RES/64/289)."""
    text = f"The General Assembly,\n\nWelcoming the work of {written} in the field,\n\n1. Decides to remain seized of the matter.\n"
    [found] = [f for f in lint(text).findings if f.code == "TRM012"]
    assert found.fix is not None and found.fix.edits[0].new_text == right


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("lost-comma-before-opener.txt", {("PRE004", 5)}),
        ("lost-mark-before-opener-interpol.txt", {("PRE004", 3), ("OPR007", 7)}),
    ],
)
def test_a_clause_that_lost_its_mark_does_not_head_the_clause_after_it(name, expected):
    """A preambular or operative paragraph without its final mark, before one that opens
    with a listed phrase ("Bearing in mind …,", "REQUESTS …"), was read as a group's head
    with the next clause as its item, and its fix asked for a colon. Each is a clause of
    its own: the fix adds the mark of its part."""
    assert findings(name, "PRE", "OPR", "DOC") == expected
    res = parse((HERE / name).read_text(encoding="utf-8"))
    assert all(p.depth == 0 and not p.heads_group for p in res.paragraphs)
    path = HERE / name
    result = lint(path.read_text(encoding="utf-8"), path=str(path))
    wanted = {"PRE004": ",", "OPR007": ";"}
    for f in result.findings:
        assert f.fix is not None and f.fix.edits[0].new_text == wanted[f.code]


def test_a_label_in_the_wrong_form_stays_in_its_list():
    """"(a) …;" / "b) …;" / "(c) …;": one list with one label in the wrong form. The
    parser read "b)" (another form) as the first item of a list under "(a)", so OPR008
    and OPR009 reported "(c)" too; now OPR009 reports each label in the wrong form once,
    with its fix, and OPR008 only the letter skipped ("(b) …;" / "d) …;")."""
    assert findings("subparagraph-form-slip.txt", "OPR", "PRE", "DOC") == {("OPR009", 9), ("OPR009", 19), ("OPR009", 23), ("OPR008", 23)}
    res = parse((HERE / "subparagraph-form-slip.txt").read_text(encoding="utf-8"))
    depths = [(p.label.text, p.depth) for p in res.paragraphs if p.kind is Kind.SUBPARAGRAPH]
    assert depths == [("(a)", 1), ("b)", 1), ("(c)", 1), ("(a)", 1), ("(i)", 2), ("ii)", 2), ("(b)", 1), ("d)", 1)]
    path = HERE / "subparagraph-form-slip.txt"
    fixes = [f.fix.edits[0].new_text for f in lint(path.read_text(encoding="utf-8"), path=str(path)).findings if f.code == "OPR009"]
    assert fixes == ["(b)", "(ii)", "(d)"]


def test_a_list_under_an_item_that_introduces_it_keeps_its_own_form():
    """"(a) … including:" then "a) …", "b) …": a list of its own one level down (the
    item introduces it), not the list of "(a)" in another form."""
    text = (
        "The General Assembly,\n\nRecalling its resolution 78/5 of 20 October 2023,\n\n1. Requests a report on:\n\n"
        "(a) The preparations, including:\n\na) The speakers;\n\nb) The venue;\n\n(b) The costs.\n"
    )
    depths = [(p.label.text, p.depth) for p in parse(text).paragraphs if p.kind is Kind.SUBPARAGRAPH]
    assert depths == [("(a)", 1), ("a)", 2), ("b)", 2), ("(b)", 1)]


def test_a_style_without_one_form_reports_the_mix_once():
    """Model UN drafts letter "a)", "(a)" or "a." (OPR009 takes any): a list that mixes
    two forms is OPR008's finding, once."""
    text = (
        "FORUM: General Assembly\nQUESTION OF: Migrant workers\nSUBMITTED BY: Chile\n\nTHE GENERAL ASSEMBLY,\n\n"
        "Alarmed by the number of migrant workers denied wages,\n\n1. Recommends national hotlines which would:\n\n"
        "a) Operate in several languages;\n\n(b) Refer cases to labour inspectors;\n\n2. Requests the Secretary-General to report.\n"
    )
    result = lint(text)
    assert [(f.code, result.source.position(f.span.start).line + 1) for f in result.findings if f.code.startswith("OPR")] == [("OPR008", 13)]


def test_openers_in_inline_html_are_read():
    """Model UN drafts underline their openers; in Markdown, "<u>Stresses</u> …,". The
    opener reader stopped at the tag: no opener, so neither PRE001 nor OPR004 said a word
    of a verb in the preamble or a participle in the operative part. Each is reported
    once, and its fix changes the word inside the tags."""
    assert findings("underlined-openers.md", "PRE", "OPR", "DOC") == {("PRE001", 12), ("OPR004", 16)}
    path = HERE / "underlined-openers.md"
    result = lint(path.read_text(encoding="utf-8"), path=str(path))
    fixed = {f.code: (result.source.text[f.span.start : f.span.end], f.fix.edits[0].new_text) for f in result.findings if f.code in ("PRE001", "OPR004")}
    assert fixed == {"PRE001": ("Stresses", "Stressing"), "OPR004": ("Encouraging", "Encourages")}


@pytest.mark.parametrize("tag", ["u", "i", "em", "b", "strong"])
def test_an_opener_in_any_inline_tag_is_checked_for_case(tag):
    text = f"The General Assembly,\n\nRecalling its resolution 77/1 of 10 October 2022,\n\n1. <{tag}>welcomes</{tag}> the report.\n"
    result = lint(text)
    assert [(f.code, result.source.text[f.span.start : f.span.end]) for f in result.findings] == [("OPR006", "welcomes")]


def test_an_item_numbered_out_of_turn_stays_an_item():
    """"(1) to …;" / "(3) to …;" under "1. URGES Member States:": the item whose number
    skips (or repeats) was taken for an operative paragraph "(3)", and the paragraph
    numbers after it were reported too (five findings for one number). It is an item,
    reported once by OPR008."""
    assert findings("numbered-items-skip.txt", "PRE", "OPR", "DOC") == {("OPR008", 11), ("OPR008", 19)}
    res = parse((HERE / "numbered-items-skip.txt").read_text(encoding="utf-8"))
    assert [(p.label.text, p.kind) for p in res.paragraphs if p.label is not None and p.depth == 0] == [("1.", Kind.OPERATIVE), ("2.", Kind.OPERATIVE)]


def test_an_operative_verb_after_numbered_items_ends_them():
    """The next operative paragraph numbered in the items' form ("(2) REQUESTS …") is
    still a paragraph, not an item out of turn."""
    text = (
        "The Seventy-ninth World Health Assembly,\n\nHaving considered the report by the Director-General;\n\n"
        "1. URGES Member States:\n\n(1) to plan the health workforce;\n\n(2) to invest in education;\n\n"
        "(2) REQUESTS the Director-General to report.\n"
    )
    assert [p.kind for p in parse(text).paragraphs if p.label is not None and p.label.text == "(2)"] == [Kind.SUBPARAGRAPH, Kind.OPERATIVE]


@pytest.mark.parametrize("cut", ["the mission’s", "the Committee's", "the Panel on Climate Change2"])
def test_a_mark_added_after_a_possessive_is_a_guess(cut):
    """A paragraph that ends with a possessive was cut off (its noun is missing): adding
    the final mark there ends a broken sentence, so the fix is unsafe, as after "its".
    So is one after digits glued to a word ("Change2", a footnote reference copied from a
    PDF, which the mark goes before: added after it, the fix wrote "Change2,")."""
    text = f"The General Assembly,\n\nRecalling its resolution 78/5 of 20 October 2023,\n\n1. Requests a report on the work of {cut}\n\n2. Decides to remain seized of the matter.\n"
    [found] = [f for f in lint(text).findings if f.code == "OPR007"]
    assert found.fix is not None and found.fix.applicability.value == "unsafe"


_DRAFT_TITLE = (
    "United Nations                                   {symbol}\n\nGeneral Assembly                                 Distr.: Limited\n\n"
    "{session} session\nAgenda item 18\n\nSustainable tourism\n\nThe General Assembly,\n\n"
    "Recalling its resolution 77/178 of 14 December 2022,\n\n1. Decides to remain seized of the matter.\n"
)


@pytest.mark.parametrize(
    ("symbol", "session", "found"),
    [
        ("A/81/L.12", "Eighty-second", True),
        ("A/C.3/79/L.5", "Eightieth", True),
        ("A/81/L.12", "Eighty-first", False),
        ("A/C.3/79/L.5", "Seventy-ninth", False),
        ("A/ES-11/L.5", "Eleventh emergency special", False),
    ],
)
def test_a_draft_symbol_and_its_session_line_agree(symbol, session, found):
    """"A/81/L.12" over "Eighty-second session": a draft carried over from one session to
    the next with its old symbol or line. The two were never compared (DOC011)."""
    result = lint(_DRAFT_TITLE.format(symbol=symbol, session=session))
    assert [f.code for f in result.findings if f.code == "DOC011"] == (["DOC011"] if found else [])
