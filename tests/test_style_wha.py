"""The World Health Assembly's style (``wha``), and the style keys it needed: the case of
each part's openers (``openers.preambular-case``, ``openers.operative-case``) and the
preamble's mark (``preamble.terminal``).

The drafts are written for these tests in the shape the style's file describes (its
sources are named there): semicolons after preambular paragraphs, operative openers in
capitals, sub-paragraphs "(1) to …;", a closing line "(Ninth plenary meeting, …)".
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from conftest import FIXTURES

from resolint.config import ConfigError, load_settings
from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.model import Kind
from resolint.parser import parse
from resolint.parser.patterns import is_closing_line
from resolint_rules.trm.chief_officer_title import title_forms

#: A World Health Assembly resolution in the style's shape, written for these tests (and
#: a draft fuzz/mutate.py mutates: it reads every fixture).
CLEAN = (FIXTURES / "accuracy" / "wha-blood-products.txt").read_text(encoding="utf-8")

#: The clean draft with one slip in each line named, and the rule that reports it.
SLIPS = [
    ("Recalling resolution WHA77.6 (2024) and the work of the Secretary-General of the United Nations on health emergencies;",
     "Recalling resolution WHA77.6 (2024) and the work of the Secretary-General of the United Nations on health emergencies,", "PRE004"),
    # The last preambular paragraph ends with a comma (WHA62.1, EB144.R1: wha.toml).
    ("Noting with concern that the supply of safe blood remains short in many countries,",
     "Noting with concern that the supply of safe blood remains short in many countries;", "PRE004"),
    ("2. URGES Member States", "2. Urges Member States", "OPR006"),
    ("Having considered", "HAVING CONSIDERED", "PRE003"),
    ("(1) to strengthen", "(1) To strengthen", "OPR010"),
    ("(1) to strengthen their national blood services;\n\n(2) to collect",
     "(a) to strengthen their national blood services;\n\n(b) to collect", "OPR009"),
    ("4. REQUESTS the Director-General:", "4. REQUESTS the Director General:", "TRM005"),
]


def codes(text: str) -> list[str]:
    return sorted(f.code for f in lint(text).findings)


def test_a_world_health_assembly_draft_is_detected_and_clean():
    result = lint(CLEAN)
    assert result.style.name == "wha"
    assert "Seventy-ninth World Health Assembly" in result.style.detected_because
    assert [f.code for f in result.findings] == []


@pytest.mark.parametrize(("right", "wrong", "code"), SLIPS, ids=[s[2] for s in SLIPS])
def test_each_slip_is_reported_by_its_rule_and_the_safe_fix_writes_the_style(right, wrong, code):
    assert right in CLEAN
    draft = CLEAN.replace(right, wrong, 1)
    assert set(codes(draft)) == {code}
    fixed = fix_text(draft, lambda t: lint(t), unsafe=False).text
    if code != "OPR009":  # a label's letter is renumbered by hand (no safe fix)
        assert fixed == CLEAN


def test_footnote_references_after_the_marks_leave_the_structure_whole():
    """The Assembly's texts put footnotes on "…Director-General;1" and "URGES Member
    States:2": a conversion leaves the digits plain after the mark."""
    noted = CLEAN.replace("on the supply of blood products;\n\nRecalling", "on the supply of blood products;1\n\nRecalling")
    noted = noted.replace("2. URGES Member States, in accordance with their national contexts:", "2. URGES Member States, in accordance with their national contexts:2")
    assert noted.count(";1\n") == 1 and noted.count(":2\n") == 1
    assert [f.code for f in lint(noted).findings] == []


def test_a_pages_footnotes_copied_without_their_rule_are_notes():
    """A PDF copy of an Assembly resolution keeps each page's footnotes where the page
    ended, with no rule above them ("2 And, where applicable, regional economic
    integration organizations."): they are the footnotes of "…:2", not paragraphs."""
    noted = CLEAN.replace("in accordance with their national contexts:", "in accordance with their national contexts:2", 1)
    page_foot = "\n\n2 And, where applicable, regional economic integration organizations.\n\n3. ALSO URGES"
    noted = noted.replace("\n\n3. ALSO URGES", page_foot, 1)
    assert noted.count(page_foot) == 1
    result = lint(noted)
    assert [f.code for f in result.findings] == []
    assert [p.label.value for p in result.resolution.operative] == [1, 2, 3, 4]
    assert fix_text(noted, lambda t: lint(t), unsafe=True).text == noted


def test_a_model_un_world_health_assembly_stays_model_un():
    """A Model UN committee named "The World Health Assembly" (no session ordinal) under a
    Model UN header is the Model UN style's, as before."""
    mun = "Committee: World Health Assembly\nTopic: Vaccine equity\n\nThe World Health Assembly,\n\nRecalling its work,\n\n1. Urges Member States to act.\n"
    assert lint(mun).style.name == "mun"
    assert lint("The World Health Assembly,\n\nRecalling its work,\n\n1. Urges Member States to act.\n").style.name == "mun"


def test_the_style_is_chosen_by_a_resolution_symbol_in_the_title_block():
    body = "WHA79.4\n\nThe Health Assembly,\n\nRecalling its work;\n\n1. URGES Member States to act.\n"
    assert lint(body).style.name == "wha"


def test_the_opening_under_the_executive_boards_formula_chooses_the_style():
    formula = "The Executive Board recommends to the Health Assembly the adoption of the following resolution:\n\n"
    result = lint(formula + CLEAN[CLEAN.index("The Seventy-ninth"):])
    assert result.style.name == "wha" and [f.code for f in result.findings] == []


#: A resolution of WHO's Executive Board, in the shape of EB144.R1 (the source is named in
#: wha.toml), written for this test.
BOARD = """EB160.R2   Appointment of the Regional Director for Africa

The Executive Board,

Considering the provisions of Article 52 of the Constitution of the World Health Organization;

Considering also the nomination made by the Regional Committee for Africa at its seventy-sixth session,

1. APPOINTS Dr Jane Doe as Regional Director for Africa as from 1 February 2027;

2. AUTHORIZES the Director-General to issue a contract to Dr Jane Doe for a period of five years.
"""


@pytest.mark.parametrize("symbol", ["EB160.R2", "EB160/2027/REC/1"])
def test_an_executive_board_resolution_is_chosen_by_its_symbol(symbol):
    """WHO's Executive Board writes the Assembly's way under "The Executive Board,": the
    default style reported each preambular semicolon and each opener in capitals."""
    result = lint(BOARD.replace("EB160.R2", symbol, 1))
    assert result.style.name == "wha"
    assert [f.code for f in result.findings if f.code != "OPR005"] == []  # "APPOINTS" is not in the list


def test_another_organizations_executive_board_keeps_the_default_style():
    """"The Executive Board," alone names no organization (UNICEF, UNDP, WFP and UNESCO have
    one each, and write otherwise): without WHO's symbol the default style applies."""
    assert lint(BOARD[BOARD.index("The Executive Board"):]).style.name == "un-ga"


def test_the_last_preambular_paragraph_ends_with_a_comma():
    """The Assembly's preambular paragraphs end with a semicolon, the last with a comma
    (WHA62.1 and EB144.R1, named in wha.toml): a semicolon there was the only mark the
    style asked for, and every real resolution's last preambular paragraph was reported."""
    last = "Noting with concern that the supply of safe blood remains short in many countries"
    assert f"{last}," in CLEAN and codes(CLEAN) == []
    found = [(f.code, f.message) for f in lint(CLEAN.replace(f"{last},", f"{last};", 1)).findings]
    assert found == [("PRE004", "Preambular paragraph ends with ';'; end it with ','")]
    # Each resolution of a compilation has its own last preambular paragraph.
    twice = CLEAN + "\n" + CLEAN.replace("WHA79.4", "WHA79.5", 1)
    assert "PRE004" not in codes(twice)
    assert codes(twice.replace(f"{last},", f"{last};")).count("PRE004") == 2


def test_a_house_style_may_end_its_last_preambular_paragraph_otherwise(tmp_path):
    settings = _house(tmp_path, """
        style = "house"
        [styles.house]
        extends = "un-ga"
        [styles.house.preamble]
        terminal = ";"
        last-terminal = ","
    """)
    draft = "The General Assembly,\n\nRecalling its resolutions,\n\nNoting its work,\n\n1. Decides to act.\n"
    assert [(f.code, f.message) for f in lint(draft, settings).findings] == [
        ("PRE004", "Preambular paragraph ends with ','; end it with ';'")]
    assert fix_text(draft, lambda t: lint(t, settings), unsafe=False).text == draft.replace("resolutions,", "resolutions;")


@pytest.mark.parametrize("title", ["WHA79.5 Strengthening the supply of plasma", "WHA79.5\n\nStrengthening the supply of plasma",
                                   "**WHA79.5**\n\nStrengthening the supply of plasma", "EB160.R2 Appointment of the Regional Director"])
def test_a_compilation_reads_each_resolutions_symbol_and_subject_as_its_title(title):
    """The Assembly's volumes print each resolution under its symbol and subject ("WHA62.1
    Prevention of avoidable blindness …"): after the first resolution they were text
    outside the structure (DOC004), as a United Nations compilation's "79/2. …" is not."""
    body = CLEAN[CLEAN.index("The Seventy-ninth"):]
    result = lint(CLEAN + "\n" + title + "\n\n" + body)
    assert [f.code for f in result.findings] == []
    assert len(result.resolution.openings) == 2
    headings = [p for p in result.resolution.paragraphs if p.kind is Kind.HEADING]
    assert len(headings) == title.count("\n\n") + 1


def test_the_closing_line_in_brackets_is_a_closing_line():
    for line in ("(Eighth plenary meeting, 26 May 2026 – Committee A, second report)",
                 "(Twenty-first plenary meeting, 1 June 2026)", "(10th plenary meeting, 27 May 2025)"):
        assert is_closing_line(line), line
    assert not is_closing_line("(a) the eighth plenary meeting of the Board;")
    res = parse(CLEAN)
    assert res.paragraphs[-1].kind.name == "CLOSING"


@pytest.mark.parametrize("end", [")", ")."])
def test_a_closing_line_in_brackets_wrapped_by_a_conversion_is_one_closing_line(end):
    """A PDF's text wraps "(Eighth plenary meeting, … – Committee A, first report)": its
    second line was text outside the structure (DOC004), and in a compilation the
    resolutions after it were read on from it."""
    wrapped = "(Eighth plenary meeting, 26 May 2026 –\nCommittee A, second report" + end
    body = CLEAN[CLEAN.index("The Seventy-ninth") : CLEAN.rindex("(")]
    draft = body + wrapped + "\n\nWHA79.6 Strengthening the supply of plasma\n\n" + body + wrapped + "\n"
    result = lint(draft)
    assert [f.code for f in result.findings] == []
    closing = [p for p in result.resolution.paragraphs if p.kind is Kind.CLOSING]
    assert [draft[p.span.start : p.span.end] for p in closing] == [wrapped, wrapped]


@pytest.mark.parametrize("meeting, after", [
    ("(Eighth plenary meeting, 26 May 2026 –", "Committee A (second report)"),
    ("(Eighth plenary meeting, 26 May 2026 –", "Committee A, second report) and more"),
    ("(Eighth plenary meeting, 26 May 2026 –", "WHA79.6 Plasma (blood)"),
    ("(Eighth plenary meeting, 26 May 2026)", "Committee A, second report)"),
])
def test_the_line_after_a_meeting_line_is_its_own_unless_it_ends_the_bracket(meeting, after):
    """Only a line that closes the bracket the meeting line left open, and ends there,
    goes on with it: the next resolution's title, a line that opens a bracket of its own
    before closing one, or anything after a meeting line with no bracket left open, is a
    paragraph of its own as before."""
    paragraphs = parse(meeting + "\n" + after + "\n").paragraphs
    assert len(paragraphs) == 2


def test_a_united_nations_text_keeps_its_title_and_the_assembly_keeps_its_own():
    """The chief's title forms come from the style: a General Assembly draft's
    "Director General" of another body is not its chief's title, and the Assembly's
    "Secretary-General of the United Nations" is left alone."""
    un = "The General Assembly,\n\nRecalling its resolutions,\n\n1. Requests the Secretary General to report.\n"
    assert codes(un) == ["TRM005"]
    assert "Secretary-General" in fix_text(un, lambda t: lint(t), unsafe=False).text
    assert codes("The General Assembly,\n\nRecalling its resolutions,\n\n1. Invites the Director General of the World Health Organization to report.\n") == []


def test_title_forms_are_the_title_with_or_without_its_hyphen_in_either_case():
    assert set(title_forms("Secretary-General")) == {
        "Secretary General", "Secretary-General", "secretary-general", "secretary general", "Secretary-general", "Secretary general"}
    assert set(title_forms("Secretary General")) == set(title_forms("Secretary-General"))
    assert "Director General" in title_forms("Director-General")
    assert title_forms("Chair") == ("Chair",)
    assert title_forms("Secretary of the Commission") == ("Secretary of the Commission",)


def _house(tmp_path, body: str):
    config = tmp_path / "resolint.toml"
    config.write_text(textwrap.dedent(body), encoding="utf-8")
    return load_settings(config)


def test_a_house_style_sets_each_parts_case_and_the_preambles_mark(tmp_path):
    settings = _house(tmp_path, """
        style = "house"
        [styles.house]
        extends = "un-ga"
        [styles.house.openers]
        preambular-case = "upper"
        [styles.house.preamble]
        terminal = ";"
    """)
    draft = "The General Assembly,\n\nRecalling its resolutions,\n\n1. DECIDES to act.\n"
    result = lint(draft, settings)
    assert sorted((f.code, f.message) for f in result.findings) == [
        ("OPR006", "Write the opener as 'Decides' in the house style"),
        ("PRE003", "Write the opener as 'RECALLING' in the house style"),
        ("PRE004", "Preambular paragraph ends with ','; end it with ';'"),
    ]
    assert fix_text(draft, lambda t: lint(t, settings), unsafe=False).text == (
        "The General Assembly,\n\nRECALLING its resolutions;\n\n1. Decides to act.\n")


@pytest.mark.parametrize(("table", "key", "value"), [
    ("openers", "operative-case", '"title"'),
    ("openers", "preambular-case", '"UPPER"'),
    ("preamble", "terminal", '"."'),
    ("preamble", "last-terminal", '":"'),
])
def test_a_wrong_value_of_the_new_keys_is_a_configuration_error(tmp_path, table, key, value):
    with pytest.raises(ConfigError, match=f"{table}.{key}"):
        _house(tmp_path, f"""
            style = "house"
            [styles.house]
            extends = "un-ga"
            [styles.house.{table}]
            {key} = {value}
        """)


def test_the_sessions_years_are_those_of_the_printed_volumes():
    """Session n met in 1947 + n: the Twenty-eighth in 1975, the Sixty-second in 2009,
    the Seventy-second in 2019 (the volumes named in the style's file)."""
    from resolint_rules.wha import session_year

    assert [session_year(n) for n in (1, 28, 62, 72)] == [1948, 1975, 2009, 2019]


def test_a_wha_symbol_with_the_wrong_year_is_reported_in_any_style():
    ga = "The General Assembly,\n\nRecalling World Health Assembly resolution WHA72.6 (2018),\n\n1. Decides to act.\n"
    assert [(f.code, f.message) for f in lint(ga).findings] == [
        ("CIT014", "Resolution WHA72.6 is of the 72nd World Health Assembly, held in 2019, not 2018")]
    assert lint(ga.replace("(2018)", "(2019)")).findings == []
    assert lint(ga.replace("WHA72", "XWHA72")).findings == []  # part of another word: not a symbol


@pytest.mark.parametrize("hidden", ["WHA\u00ad72.6 (2018)", "WHA7\u00ad2.6 (2018)", "WHA72.6 (20\u206018)",
                                    "WHA72.6<!-- check -->(2018)", "WHA\u00ad72.6(2018)"])
def test_a_wha_symbol_read_through_an_invisible_character_or_a_comment(hidden):
    """"WHA\u00ad72.6 (2018)" (a web page's hyphenation point) was not read: removing the
    soft hyphen, a safe fix, brought in the error (found by fuzz/mutate.py)."""
    ga = "The General Assembly,\n\nRecalling World Health Assembly resolution {},\n\n1. Decides to act.\n"
    text = ga.format(hidden)
    found = [(f.code, f.message, text[f.span.start : f.span.end]) for f in lint(text).findings if f.code == "CIT014"]
    assert [(code, message) for code, message, _ in found] == [
        ("CIT014", "Resolution WHA72.6 is of the 72nd World Health Assembly, held in 2019, not 2018")]
    assert found[0][2].startswith("WHA") and found[0][2].endswith(")")  # the whole citation, as written
    fixed = fix_text(text, lint).text
    assert [f.code for f in lint(fixed).findings if f.code == "CIT014"] == ["CIT014"]


@pytest.mark.parametrize(("words", "value"), [
    ("first", 1), ("Twelfth", 12), ("nineteenth", 19), ("Twentieth", 20), ("Seventy-ninth", 79), ("EIGHTIETH", 80),
    ("Ninety-ninth", 99), ("Seventy", None), ("Seventy-eleventh", None), ("ninth-seventy", None), ("", None),
])
def test_ordinal_words(words, value):
    from resolint.numerals import ordinal_words_value

    assert ordinal_words_value(words) == value


def test_the_openings_session_is_checked_against_the_symbol_and_the_date():
    assert [f.code for f in lint(CLEAN).findings] == []
    stale = CLEAN.replace("WHA79.4", "WHA78.4").replace("26 May 2026", "26 May 2025")
    assert sorted((f.code, f.message) for f in lint(stale).findings) == [
        ("DOC011", "The Seventy-ninth World Health Assembly met in 2026; the text is dated 26 May 2025"),
        ("DOC011", "The symbol WHA78.4 is of the 78th World Health Assembly; the opening names the Seventy-ninth (79th)"),
    ]


#: WHO's Executive Board recommending a resolution to the Assembly, the Board's own
#: opening first (written for these tests, in the shape of CLEAN).
RECOMMENDS = (
    "The Executive Board,\n\nHaving considered the report on the supply of safe blood products;\n\n"
    "Recalling resolution WHA77.6 (2024),\n\n"
    "1. RECOMMENDS to the Seventy-ninth World Health Assembly the adoption of the following resolution:\n\n"
) + CLEAN[CLEAN.index("The Seventy-ninth"):]


def test_a_board_draft_recommending_an_assembly_resolution_is_read_in_the_assemblys_style():
    """Read by its first opening, "The Executive Board," (which names no organization), it
    was held to the General Assembly's style and reported for each semicolon and opener in
    capitals; the opening of the text it recommends names the World Health Assembly."""
    result = lint(RECOMMENDS)
    assert result.style.name == "wha"
    assert "Seventy-ninth World Health Assembly" in result.style.detected_because
    assert [f.code for f in result.findings] == []


def test_a_board_draft_recommending_an_assembly_resolution_may_be_fixed(tmp_path):
    """--fix trusts the style: it was read from an opening, not from a mention in prose."""
    draft = tmp_path / "eb-draft.res.txt"
    draft.write_text(RECOMMENDS.replace("2. URGES Member States", "2. Urges Member States"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "resolint", "check", "--fix", "--exit-zero", str(draft)],
                          capture_output=True, text=True, check=False)
    assert "--fix leaves this file" not in done.stdout + done.stderr
    assert draft.read_text(encoding="utf-8") == RECOMMENDS


def test_the_first_opening_that_names_a_body_keeps_the_style():
    """A later opening counts only when the first names no body a style knows."""
    text = RECOMMENDS.replace("The Executive Board,", "The General Assembly,", 1)
    assert lint(text).style.name == "un-ga"
    # And a board's draft without the Assembly's opening stays in the default style.
    alone = RECOMMENDS[: RECOMMENDS.index("The Seventy-ninth")].rstrip(":\n") + ".\n"
    assert lint(alone).style.name == "un-ga"
