"""Openers are read through the characters that print nothing inside a word.

A soft hyphen (Word's optional hyphen, copied out as U+00AD), a word joiner or a
zero-width space inside an opener's word used to cut the word in two: "'Recog' is not a
preambular opener", a paragraph placed in the wrong part, and a safe fix (TRM014,
removing the character) that then brought in the findings the whole word has. Now a
draft reads the same with such a character in its openers as without it, but for
TRM014's own finding.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from resolint.engine import lint
from resolint.export import export
from resolint.fixes import fix_text
from resolint.invisible import INVISIBLE, document_has_comment, document_may_hide, hidden_runs, readable, reader_view
from resolint.model import Kind

#: The rules that read openers (and the numbering and marks that follow from where a
#: paragraph is placed).
OPENER_CODES = frozenset({"PRE001", "PRE002", "PRE003", "PRE004", "PRE006", "PRE007", "OPR001", "OPR002", "OPR004", "OPR005", "OPR006", "OPR007", "OPR011"})
DRAFTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())

#: The World Health Assembly draft of the fixtures (its opening names no organ the citations know).
CLEAN_WHA = (FIXTURES / "accuracy" / "wha-blood-products.txt").read_text(encoding="utf-8")


def _with_hidden_characters(text: str, char: str) -> str:
    """``text`` with ``char`` after the third letter of each opener word of six letters
    or more, in preambular and operative paragraphs."""
    result = lint(text)
    cuts = []
    for p in result.resolution.paragraphs:
        if p.kind not in (Kind.PREAMBLE, Kind.OPERATIVE):
            continue
        op = result.facts.opener(p)
        if op is None or op.head.end - op.head.start < 6 or not text[op.head.start : op.head.end].isalpha():
            continue
        if char == "\u200b" and not text[op.head.start + 3].islower():
            continue  # a zero-width space before a capital is a gap between two words
        cuts.append(op.head.start + 3)
    for at in reversed(cuts):
        text = text[:at] + char + text[at:]
    return text


def _reading(text: str) -> tuple[Counter, list]:
    result = lint(text)
    findings = Counter(
        (f.code, text.count("\n", 0, f.span.start), f.message) for f in result.findings if f.code in OPENER_CODES
    )
    return findings, [(p.kind, p.depth) for p in result.resolution.paragraphs]


@pytest.mark.parametrize("char", ["\u00ad", "\u2060", "\u200b", "\u200c", "\u200d"])
@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_a_draft_reads_the_same_with_invisible_characters_in_its_openers(path: Path, char: str):
    text = path.read_text(encoding="utf-8")
    hidden = _with_hidden_characters(text, char)
    if hidden == text:
        pytest.skip("no opener word of six letters or more")
    assert _reading(hidden) == _reading(text)


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_a_draft_reads_the_same_with_comments_inside_its_openers(path: Path):
    """A comment typed inside an opener's word is not printed either: "Recal<!-- note
    -->ling" is the opener 'Recalling'. Read in two halves, "'Recal' is not a preambular
    opener" came with the unsafe fix "Replace with 'Recalling'", which left
    "Recalling<!-- note -->ling" (fuzz/mutate.py)."""
    text = path.read_text(encoding="utf-8")
    noted = _with_hidden_characters(text, "<!-- note -->")
    if noted == text:
        pytest.skip("no opener word of six letters or more")
    assert _reading(noted) == _reading(text)


def test_a_half_opener_before_a_comment_gets_no_fix_that_cuts_the_word():
    """The fixes of a word read through a comment replace it whole (the comment with it,
    so unsafe) or are not offered: none writes half a word before the comment."""
    text = (
        "The General Assembly,\n\nRecal<!-- note -->lingg its work,\n\n"
        "1. Requ<!-- note -->ets the Council to act;\n\n2. Recogni<!-- note -->zing also the work;\n"
    )
    for f in lint(text).findings:
        for e in f.fix.edits if f.fix else ():
            assert not (text[e.span.end : e.span.end + 4] == "<!--" and text[e.span.end - 1].isalpha()), (f.code, f.fix.title)
    unsafe = fix_text(text, lint, unsafe=True).text
    assert "lingg" not in unsafe and "ets" not in unsafe and "zing" not in unsafe


def test_an_opener_with_a_soft_hyphen_is_one_word():
    text = "The General Assembly,\n\nRecog\u00adnizing the work,\n\n1. recog\u00adnizing the report;\n\n2. Decides to act.\n"
    codes = {f.code: f.message for f in lint(text).findings}
    assert "PRE002" not in codes  # "'Recog' is not a preambular opener"
    assert codes["OPR004"] == "Operative paragraph opens with the participle 'recognizing'; use 'recognizes'"
    assert sorted(c for c in codes if c == "TRM014") == ["TRM014"]


@pytest.mark.parametrize(
    ("words", "seen"),
    [
        ("Re\u00adcal\u00adling", "Recalling"),
        ("Member\u200bStates", "Member\u200bStates"),  # before a capital: a gap between two words
        ("Secre\u200btary", "Secretary"),
        ("\u00adRecalling", "Recalling"),  # at a word's edge, the stretch's start: prints nothing (round six)
        ("a \u00ad b", "a \u00ad b"),  # between two spaces: beside no word
        ("Recalling", "Recalling"),
        ("7\u00ad8/1", "78/1"),  # inside a number
        ("WHA\u00ad78.4", "WHA78.4"),  # between a letter and a digit
        ("20\u200b23", "2023"),
        ("A\u200b1", "A\u200b1"),  # a zero-width space: between Latin letters or ASCII digits only
        ("78\u00ad/1", "78/1"),  # beside a number's slash: inside the number as printed
        ("78/\u200b1", "78/\u200b1"),  # a zero-width space there is a line-break point
        ("2015.\u00ad The", "2015.\u00ad The"),  # a full stop before a word, not a number's point
        ("Conven\u200dtion", "Convention"),  # a zero-width joiner or non-joiner in a Latin word
        ("Conven\u200ction", "Convention"),
        ("RECAL\u200dLING", "RECALLING"),  # the joiners break no line: before a capital too
        ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),  # Persian needs the non-joiner
        ("\u0915\u094d\u200d\u0937", "\u0915\u094d\u200d\u0937"),  # Devanagari: the joiner shapes a conjunct
    ],
)
def test_readable_drops_only_what_stands_inside_a_word(words, seen):
    assert readable(words) == seen
    assert sum(j - i for i, j in hidden_runs(words, 0, len(words))) == len(words) - len(seen)


@pytest.mark.parametrize(
    ("words", "seen"),
    [
        ("Recal<!-- check -->ling", "Recalling"),
        ("Rec<!-- a --><!-- b -->alling", "Recalling"),  # comments glued together: one run
        ("Re\u00adcal<!-- check -->ling", "Recalling"),
        ("Recalling <!-- check -->its", "Recalling <!-- check -->its"),  # between two words
        ("<!-- check -->Recalling", "<!-- check -->Recalling"),
        ("3<!-- check -->0 December", "3<!-- check -->0 December"),  # between digits: a space still
        ("Recal<!-- not closed ling", "Recal<!-- not closed ling"),
    ],
)
def test_readable_drops_a_comment_inside_a_word(words, seen):
    assert readable(words) == seen


# --- Citations, names and the opening line read through them too -----------------------

#: The rules that read citations, instruments' names and the opening line (style detection).
CLAUSES = (Kind.PREAMBLE, Kind.OPERATIVE, Kind.SUBPARAGRAPH, Kind.CLOSING)
CITATION_CODES = frozenset({f"CIT{n:03}" for n in range(1, 20)} | {"TRM001", "TRM002", "TRM003"})


def _cut_words_in(text: str, spans: list[tuple[int, int]], char: str) -> str:
    """``text`` with ``char`` after the third letter of the first word of six letters or
    more in each span."""
    cuts = set()
    for start, end in spans:
        at = start
        for word in text[start:end].split():
            where = text.index(word, at)
            at = where + len(word)
            if len(word) >= 6 and word[:4].isalpha() and word[3].islower():
                cuts.add(where + 3)
                break
    for at in sorted(cuts, reverse=True):
        text = text[:at] + char + text[at:]
    return text


def _citation_reading(text: str) -> tuple[str, Counter]:
    result = lint(text)
    return result.style.name, Counter(
        (f.code, text.count("\n", 0, f.span.start), f.message) for f in result.findings if f.code in CITATION_CODES
    )


@pytest.mark.parametrize("char", ["\u00ad", "\u2060"])
@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_a_draft_cites_the_same_with_invisible_characters_in_its_citations(path: Path, char: str):
    """The citations of the resolution's clauses and closing lines ("1 Decem\u00adber 2025" is
    the date of adoption), and the opening line."""
    text = path.read_text(encoding="utf-8")
    result = lint(text)
    clauses = [p for p in result.resolution.paragraphs if p.kind in CLAUSES]
    spans = []
    for c in result.facts.citations:
        p = result.facts.paragraph_at(c.span.start)
        if p is None or p not in clauses or c.kind not in ("instrument", "article", "date", "resolution"):
            continue
        # A resolution: the words before its number ("its resolution 71/19").
        spans.append((max(p.span.start, c.span.start - 12), c.span.start) if c.kind == "resolution" else (c.span.start, c.span.end))
        if c.kind == "article":  # and the end of the clause it governs ("which deals with the 24/7 network")
            spans.append((max(c.span.end, p.span.end - 12), p.span.end))
    spans += [(p.span.start, p.span.end) for p in result.resolution.openings[:1]]
    hidden = _cut_words_in(text, spans, char)
    if hidden == text:
        pytest.skip("no citation word of six letters or more")
    assert _citation_reading(hidden) == _citation_reading(text)


def _cut_numbers_in(text: str, spans: list[tuple[int, int]], char: str) -> str:
    """``text`` with ``char`` after the first digit of the first number of two digits or
    more in each span."""
    cuts = set()
    for start, end in spans:
        m = re.compile(r"\d{2,}").search(text, start, end)
        if m:
            cuts.add(m.start() + 1)
    for at in sorted(cuts, reverse=True):
        text = text[:at] + char + text[at:]
    return text


@pytest.mark.parametrize("char", ["\u00ad", "\u2060", "\u200b"])
@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_a_draft_cites_the_same_with_invisible_characters_in_its_numbers(path: Path, char: str):
    """A resolution's number or a date's year printed with a character that prints
    nothing between its digits ("7\u00ad8/1", "20\u00ad23") is the number the reader sees:
    read as two numbers, the citation was checked as another one (or not at all) until
    TRM014's fix removed the character."""
    text = path.read_text(encoding="utf-8")
    result = lint(text)
    clauses = [p for p in result.resolution.paragraphs if p.kind in CLAUSES]
    spans = [(c.span.start, c.span.end) for c in result.facts.citations
             if c.kind in ("resolution", "date") and result.facts.paragraph_at(c.span.start) in clauses]
    hidden = _cut_numbers_in(text, spans, char)
    if hidden == text:
        pytest.skip("no resolution number or date in the clauses")
    assert _citation_reading(hidden) == _citation_reading(text)


def test_a_directive_inside_a_citation_hides_it_no_more_than_from_a_reader():
    """The check of a conference's place and year reads past a comment, and past a soft
    hyphen in the place's name; so do the citation readers."""
    head = "The World Telecommunication Standardization Assembly (Geneva, 2022),\n\nrecalling\n\n"
    for cited in (
        "a) Resolution 20 (Rev. Johannesburg,<!-- resolint: ignore[PRE002] --> 2009) of this assembly,",
        "a) Resolution 20 (Rev. Johan\u00adnesburg, 2009) of this assembly,",
        "a) Resolution 20 (Rev. Johannesburg, 2009) of this assembly,",
    ):
        found = [f for f in lint(head + cited + "\n\nresolves\n\n1 to act.\n").findings if f.code == "CIT013"]
        assert [f.message for f in found] == ["No WTSA met in Johannesburg in 2009 (in Johannesburg: WTSA 2008)"], cited
        written = cited[found[0].span.start - len(head) : found[0].span.end - len(head)]
        assert reader_view(written).text == "Johannesburg, 2009"
    text = "The General Assembly,\n\nRecalling its resolution 71/19<!-- note --> of 31 September 2016,\n\n1. Decides to act.\n"
    assert [f.code for f in lint(text).findings] == ["CIT006"]
    # Typed inside a word or a symbol: the reader sees the two sides joined.
    for cited in ("a) Resolution 20 (Rev<!-- a note -->. Johannesburg, 2009) of this assembly,",
                  "a) Resolution 20 (Rev. Johannes<!-- a note -->burg, 2009) of this assembly,"):
        assert [f.code for f in lint(head + cited + "\n\nresolves\n\n1 to act.\n").findings] == ["CIT013"], cited
    text = "The General Assembly,\n\nRecalling its resolution 7<!-- a -->1/19 of 31 Sep<!-- b -->tember 2016,\n\n1. Decides to act.\n"
    (f,) = lint(text).findings
    assert (f.code, f.message) == ("CIT006", "'31 September 2016' is not a date: September has 30 days")
    assert text[f.span.start : f.span.end] == "31 Sep<!-- b -->tember 2016"


def test_a_soft_hyphen_in_the_opening_line_does_not_hide_the_house_style():
    assert lint("The Gen\u00aderal Assembly,\n\nRecalling its resolution 71/19,\n\n1. Decides to act.\n").style.name == "un-ga"


@pytest.mark.parametrize(("opening", "title"), [
    ("The Plenipotentiary Conference of the International Telecom<!-- resolint: ignore[PRE002] -->munication Union (Dubai, 2018),", ""),
    ("The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),", "RESOLUTION <!-- a -->58 (REV. DUBAI, 2018)\n\n"),
])
def test_a_comment_inside_the_opening_or_title_does_not_hide_the_house_style(opening, title):
    """A directive typed inside "Telecom…munication" read the opening as no body's: the
    default style, until the safe fix removing the directive brought in the ITU style and
    its findings (fuzz/mutate.py seed 2828)."""
    text = f"{title}{opening}\n\nrecalling\n\na) its work,\n\nresolves\n\n1 to act.\n"
    plain = text.replace("<!-- resolint: ignore[PRE002] -->", "").replace("<!-- a -->", "").replace("<!-- a note -->", "")
    assert lint(text).style.name == lint(plain).style.name != "un-ga"


@pytest.mark.parametrize("seed", range(20))
def test_the_reader_view_maps_every_character_back_and_forth(seed: int):
    """Random texts of words, soft hyphens, word joiners and comments (some long, some
    touching): each character the reader sees is the text's character ``back`` gives, and
    ``forward`` undoes ``back``."""
    import random

    rnd = random.Random(seed)
    bits = ["ab", "Cd", " ", "\u00ad", "\u2060", "<!-- x -->", "<!--" + "y" * 50 + "-->", "é", "\n", "<!--"]
    text = "".join(rnd.choice(bits) for _ in range(rnd.randint(0, 40)))
    view = reader_view(text)
    assert "-->" not in view.text or text.count("<!--") > text.count("-->")
    for r, ch in enumerate(view.text):
        o = view.back(r)
        assert text[o] == ch
        assert view.forward(o) == r
    assert len(view.text) + sum(j - i for i, j in view.runs) == len(text)


def test_the_title_block_and_the_meeting_read_through_comments_and_invisible_characters():
    """The title's number, the INTERPOL opening's place, dates and session are compared with
    each other and with the reference data as the printed draft reads them."""
    text = (
        "Resolution No. 4\n\nGA-2025-93-RES-03\n\nThe ICPO-INTERPOL General Assembly, meeting in Marrakech, "
        "Morocco, from 24 to 27 November 2024 at its 92nd session:\n\nRECALLING its previous resolutions,\n\n"
        "CALLS UPON all member countries to support the programme.\n"
    )
    typed = (text.replace("No. 4", "No. <!-- x -->4").replace("Marrakech", "Marra\u00adkech")
             .replace("November", "Novem\u00adber").replace("92nd", "9<!-- y -->2nd"))

    def reading(t: str) -> list[tuple[str, str]]:
        return sorted((f.code, f.message) for f in lint(t).findings if f.code.startswith("DOC"))

    assert [code for code, _ in reading(text)] == ["DOC010", "DOC011", "DOC011", "DOC012", "DOC012", "DOC012"]
    assert reading(typed) == reading(text)


def _work_iri(text: str) -> list[str]:
    """The Akoma Ntoso export's FRBRthis values for ``text`` (which name the body)."""
    xml = export(lint(text), "akn", force=True)
    return re.findall(r'<FRBRthis value="([^"]+)"', xml if isinstance(xml, str) else xml.decode())


@pytest.mark.parametrize(("word", "hidden"), [("General", "Gener\u00adal"), ("General", "Gen<!-- a note -->eral"), ("Assembly", "Assem\u2060bly")])
def test_the_body_the_opening_names_is_read_as_printed(word, hidden):
    """DOC011 compares a General Assembly title's session with the date of adoption only
    when the opening names the Assembly: it read the opening's raw text, so a soft hyphen
    inside "General" hid the finding until TRM014's safe fix removed it (fuzz/mutate.py
    seed 6868). The export names the body (its work's IRI) the same way."""
    text = (
        "79/136. Cooperation between the United Nations and regional organizations\n\n"
        "The General Assembly,\n\nRecalling its resolution 77/20 of 21 November 2022,\n\n"
        "1. Decides to keep the matter under review.\n\n48th plenary meeting\n6 December 2025\n"
    )
    typed = text.replace("The General Assembly,", "The General Assembly,".replace(word, hidden), 1)
    assert typed != text

    def session_findings(t: str) -> list[str]:
        return [f.message for f in lint(t).findings if f.code == "DOC011"]

    assert len(session_findings(text)) == 1
    assert session_findings(typed) == session_findings(text)
    assert _work_iri(text) and _work_iri(typed) == _work_iri(text)


@pytest.mark.parametrize("opening", ["The Security Coun<!-- x -->cil,", "The Security Coun\u2060cil,", "The General Assem\u00adbly,"])
def test_an_opening_with_a_comment_or_invisible_character_in_the_bodys_name_is_the_opening(opening):
    """The parser matched openings on the raw line: a comment or a word joiner inside the
    body's own name ("Coun…cil") made the draft one without an opening (DOC001), and every
    finding the opening decides (the style's, the session's) came back with the safe fix
    that removed the character."""
    text = f"{opening}\n\nRecalling its resolution 2334 (2016),\n\n1. Decides to remain seized of the matter.\n"
    result = lint(text)
    assert [p.kind for p in result.resolution.paragraphs] == [Kind.OPENING, Kind.PREAMBLE, Kind.OPERATIVE]
    assert "DOC001" not in [f.code for f in result.findings]


@pytest.mark.parametrize("hidden", ["Assem\u00adbly", "Assem<!-- x -->bly"])
def test_the_export_names_the_body_of_an_opening_read_as_printed(hidden):
    """The Akoma Ntoso work's IRI names the body from the opening's words when the citation
    engine knows no organ for it (the World Health Assembly): read raw, a soft hyphen or a
    comment inside "Assembly" made the body unknown."""
    text = CLEAN_WHA
    typed = text.replace("World Health Assembly,", f"World Health {hidden},", 1)
    assert typed != text
    assert _work_iri(text) and "/wha/" in _work_iri(text)[0]
    assert _work_iri(typed) == _work_iri(text)


@pytest.mark.parametrize("hidden", ["Confer\u00adence", "Confer<!-- x -->ence"])
def test_this_conference_is_the_one_the_opening_names_as_printed(hidden):
    """"Resolution 20 (Rev. Johannesburg, 2009) of this conference" is checked against the
    conference the opening names: a soft hyphen or a comment inside "Conference" hid the
    opening (and with it the check) until a safe fix removed it."""
    opening = "The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),"
    body = "\n\nrecalling\n\na) Resolution 20 (Rev. Johannesburg, 2009) of this conference,\n\nresolves\n\n1 to act.\n"

    def citation_findings(t: str) -> list[tuple[str, str]]:
        return [(f.code, f.message) for f in lint(t).findings if f.code.startswith("CIT")]

    plain = citation_findings(opening + body)
    assert [code for code, _ in plain] == ["CIT013"]
    assert citation_findings(opening.replace("Conference", hidden, 1) + body) == plain


@pytest.mark.parametrize("hidden", ["Seve\u00adnty-ninth", "Seventy-<!-- x -->ninth", "Seven\u2060ty-ninth"])
def test_the_world_health_assemblys_session_is_read_from_the_opening_as_printed(hidden):
    """DOC011 reads the session a World Health Assembly's opening names in words against
    the symbol and the closing date: it matched the raw text, so a soft hyphen inside
    "Seventy-ninth" hid both mismatches until TRM014's safe fix removed it (fuzz/mutate.py
    seed 1313). The finding on the opening still points at the word as written."""
    text = CLEAN_WHA.replace("WHA79.4", "WHA78.4", 1).replace("26 May 2026", "26 May 2025", 1)

    def session_findings(t: str) -> list[str]:
        return [f.message for f in lint(t).findings if f.code == "DOC011"]

    assert len(session_findings(text)) == 2  # the symbol's session and the closing's year
    typed = text.replace("Seventy-ninth", hidden, 1)
    assert typed != text
    assert session_findings(typed) == session_findings(text)
    on_opening = [f for f in lint(typed).findings if f.code == "DOC011" and "met in" in f.message]
    assert [typed[f.span.start : f.span.end] for f in on_opening] == [hidden]


@pytest.mark.parametrize("hidden", ["WHA7\u00ad8.4", "WHA\u00ad78.4", "WHA7\u20608.4"])
def test_the_world_health_assemblys_symbol_with_a_soft_hyphen_in_its_number_is_read_as_printed(hidden):
    """A soft hyphen between the digits of the symbol (or between its letters and digits)
    hid a symbol of another session from DOC011 (the reader view counted characters between
    letters only)."""
    text = CLEAN_WHA.replace("WHA79.4", "WHA78.4", 1)
    expected = [f.message for f in lint(text).findings if f.code == "DOC011"]
    assert expected
    typed = text.replace("WHA78.4", hidden, 1)
    assert [f.message for f in lint(typed).findings if f.code == "DOC011"] == expected


def test_the_world_health_assemblys_symbol_is_read_from_the_title_as_printed():
    """The symbol in the title block ("WHA78.4") is read as printed as well: a comment
    inside it hid a symbol of another session."""
    text = CLEAN_WHA.replace("WHA79.4", "WHA78.4", 1)
    typed = text.replace("WHA78.4", "WH<!-- x -->A78.4", 1)
    found = [f for f in lint(typed).findings if f.code == "DOC011"]
    assert [f.message for f in found] == [f.message for f in lint(text).findings if f.code == "DOC011"]
    assert [typed[f.span.start : f.span.end] for f in found] == ["WH<!-- x -->A78.4"]


@pytest.mark.parametrize("written", ["2. <!-- check this --> requesting a report;", "2. <!-- a --><!-- b -->requesting a report;",
                                     "(b) <!-- check --> requesting a report;"])
def test_a_comment_between_the_label_and_the_opener_does_not_hide_the_opener(written):
    """The parser read a paragraph's words from a comment typed after its label, so the
    paragraph had no opener and its case, form and listing went unchecked (a comment at
    the very start was already skipped). The fixes land on the word, not the comment."""
    head = "The General Assembly,\n\nRecalling its work,\n\n1. Decides to act;\n\n"
    plain = written.replace("<!-- check this --> ", "").replace("<!-- a --><!-- b -->", "").replace("<!-- check --> ", "")
    assert plain != written

    def opener_findings(t: str) -> list[tuple[str, str, str]]:
        return [(f.code, f.message, t[f.span.start : f.span.end]) for f in lint(t).findings if f.code.startswith("OPR")]

    text = head + written + "\n\n3. Decides to remain seized of the matter.\n"
    found = opener_findings(text)
    assert found and found == opener_findings(head + plain + "\n\n3. Decides to remain seized of the matter.\n")
    fixed = fix_text(text, lambda t: lint(t), unsafe=True).text
    assert fixed != text and fixed.count("<!--") == text.count("<!--")
    unmarked = fixed.replace("<!-- check this --> ", "").replace("<!-- a --><!-- b -->", "").replace("<!-- check --> ", "")
    assert unmarked == fix_text(head + plain + "\n\n3. Decides to remain seized of the matter.\n", lambda t: lint(t), unsafe=True).text


@pytest.mark.parametrize("hidden", ["Inter\u00adpol", "Inter<!-- x -->pol", "Inter\u2060pol"])
def test_an_organizations_term_is_read_as_printed(hidden):
    """TRM012 (the house term, "INTERPOL" for "Interpol") matched the raw text: a soft
    hyphen, a comment or a word joiner inside the word hid it until TRM014's safe fix
    removed the character, and the next lint reported it. The finding covers the word as
    written, the character inside too, and a word joined to a name stays one."""
    opening = "The ICPO-INTERPOL General Assembly, meeting in Lyon, France, from 1 to 4 November 2027 at its 95th session:\n\n"
    draft = opening + f"RECALLING the role of {hidden} in police cooperation and {hidden}/CEFACT,\n\nCALLS UPON all member countries to act.\n"
    found = [(f.code, draft[f.span.start : f.span.end]) for f in lint(draft).findings if f.code == "TRM012"]
    assert found == [("TRM012", hidden)]


@pytest.mark.parametrize("typed", ["70/\u00ad1", "70\u00ad/1", "70/\u20601"])
def test_a_soft_hyphen_beside_the_slash_of_a_resolutions_number_is_read_through(typed):
    """A hyphenation point after the slash ("70/\u00ad1", as Word breaks a long line)
    hid the citation from CIT001 and TRM014 alike: the reader counted characters between
    two letters or digits only. Both now see the number as printed, and the fix removes
    the character."""
    from resolint.fixes import fix_text

    plain = "The General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2019,\n\n1. Decides to act.\n"
    text = plain.replace("70/1", typed, 1)
    want = [f.message for f in lint(plain).findings if f.code == "CIT001"]
    assert want
    found = lint(text).findings
    assert [f.message for f in found if f.code == "CIT001"] == want
    assert [f.code for f in found if f.code == "TRM014"] == ["TRM014"]
    assert fix_text(text, lint).text == plain
    assert not [f for f in lint("The General Assembly,\n\nRecalling the figures 2015/\u00ad,\n\n1. Decides to act.\n").findings if f.code == "TRM014"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.text("ab<!-\u00ad\u200b\u00e9\n", max_size=12), st.integers(0, 40), st.integers(0, 4)), min_size=1, max_size=8),
       st.text("ab<!-\u00ad\u00e9", max_size=20))
def test_document_answers_after_edits_are_a_full_scan(edits, start):
    """Whether a document holds a comment or an invisible character, asked of one version
    after another (the server's keystrokes: only what changed is searched, see
    ``invisible._answers``) and of unrelated texts, is what a scan of the whole text says."""
    text = start
    for inserted, at, removed in edits:
        at = min(at, len(text))
        text = text[:at] + inserted + text[at + removed :]
        text = "".join(text)  # (a new string object, as a new version is)
        assert (document_has_comment(text), document_may_hide(text)) == ("<!--" in text, any(ch in text for ch in INVISIBLE))


@pytest.mark.parametrize(("before", "after"), [
    ("Recalling <!- its work", "Recalling <!-- its work"),  # a dash typed after "<!-"
    ("Recalling <!x-- its work", "Recalling <!-- its work"),  # a letter deleted inside it
    ("Recalling <!-- its work", "Recalling <!- its work"),  # ... and the comment gone again
    ("Recalling its work", "Recalling its\u00ad work"),
    ("Recalling its\u00ad work", "Recalling its work"),
])
def test_document_answers_for_an_edit_at_a_comment_or_an_invisible_character(before, after):
    """The version before is asked first: the answer for ``after`` is worked out from it."""
    document_has_comment(before)
    assert (document_has_comment(after), document_may_hide(after)) == ("<!--" in after, "\u00ad" in after)
