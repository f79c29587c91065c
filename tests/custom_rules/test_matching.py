"""House rules find what their patterns say, where their part says, and fix it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from resolint.engine import lint
from resolint.fixes import fix_text
from resolint.rule import Applicability
from tests.custom_rules.helpers import DRAFT, findings, matched, settings

RULE = """
[[custom-rules]]
code = "HSE001"
message = "Not '{match}'"
part = {part}
pattern = {pattern}
"""


def rule(pattern: str, part: str = '"any"', extra: str = "") -> str:
    return RULE.replace("{part}", part).replace("{pattern}", pattern) + extra


def test_token_pattern_finds_each_occurrence_with_its_span():
    assert matched(DRAFT, rule('[{ ORTH = "UN" }]'), "HSE001") == ["UN", "UN", "UN"]


def test_matches_across_a_line_wrap_and_double_spaces_cover_the_original_text():
    text = "The General Assembly,\n\n1. Calls upon Member\nStates and  member   states to act;\n"
    toml = rule('[{ LOWER = "member" }, { LOWER = "states" }]')
    assert matched(text, toml, "HSE001") == ["Member\nStates", "member   states"]
    assert {f.message for f in findings(text, toml, "HSE001")} == {"Not 'Member States'", "Not 'member states'"}


def test_part_limits_the_paragraphs_looked_at():
    toml = rule('[{ ORTH = "UN" }]', '"preamble"')
    assert [DRAFT.index("UN in this field")] == [f.span.start for f in findings(DRAFT, toml, "HSE001")]
    toml = rule('[{ ORTH = "UN" }]', '["operative"]')
    assert [DRAFT.index("UN to report")] == [f.span.start for f in findings(DRAFT, toml, "HSE001")]
    toml = rule('[{ ORTH = "UN" }]', '"subparagraph"')
    assert [DRAFT.index("UN budget")] == [f.span.start for f in findings(DRAFT, toml, "HSE001")]
    toml = rule('[{ LOWER = "resolution" }]', '"title"')
    assert matched(DRAFT, toml, "HSE001") == ["Resolution"]
    toml = rule('[{ LOWER = "assembly" }]', '"opening"')
    assert matched(DRAFT, toml, "HSE001") == ["Assembly"]


def test_message_placeholders_are_filled_from_the_match():
    toml = rule('[{ LOWER = "in" }, { LOWER = "order" }, { LOWER = "to" }]').replace(
        "Not '{match}'", "'{match}' -> '{3}' ({1:upper})"
    )
    msgs = {f.message for f in findings(DRAFT, toml, "HSE001")}
    assert msgs == {"'in order to' -> 'to' (IN)"}


def test_phrase_list_is_case_insensitive_by_default_and_exact_with_orth():
    assert matched(DRAFT, rule('["member states", "in order to"]'), "HSE001") == ["Member States", "in order to", "in order to"]
    toml = rule('["member states"]', extra='attr = "ORTH"\n')
    assert matched(DRAFT, toml, "HSE001") == []


def test_lemma_works_without_a_trained_pipeline_even_capitalized():
    toml = rule('[{ LEMMA = "urge" }]')
    assert matched(DRAFT, toml, "HSE001") == ["urges"]
    toml = rule('[{ LEMMA = "request" }]', '"operative"')
    assert matched(DRAFT, toml, "HSE001") == ["Requests"]
    # A phrase list compared by lemma: "report" and "reports" alike.
    toml = rule('["report"]', extra='attr = "LEMMA"\n')
    assert matched(DRAFT + "\n3. Reports to the Council.\n", toml, "HSE001") == ["report", "Reports"]


def test_operators_and_predicates():
    toml = rule('[{ LOWER = "strongly" }, { IS_ALPHA = true, OP = "?" }, { LOWER = "states" }]')
    assert matched(DRAFT, toml, "HSE001") == []
    toml = rule('[{ LOWER = "urges" }, { IS_TITLE = true, OP = "+" }]')
    assert matched(DRAFT, toml, "HSE001") == ["urges Member States"]  # longest, not each prefix
    toml = rule('[{ TEXT = { REGEX = "^[A-Z]{2}$" } }]', '"subparagraph"')
    assert matched(DRAFT, toml, "HSE001") == ["UN"]


def test_a_regex_keeps_the_other_predicates_on_its_attribute():
    toml = rule('[{ TEXT = { REGEX = "^[A-Z]{2,}$", NOT_IN = ["UN"] } }]')
    assert "UN" not in matched(DRAFT, toml, "HSE001")
    assert matched(DRAFT, rule('[{ TEXT = { REGEX = "^[A-Z]{2,}$" } }]'), "HSE001").count("UN") == 3


def test_a_regex_that_backtracks_without_end_is_given_up_not_hung_on():
    """A repository's resolint.toml runs when the repository is opened: ``^(a|aa)+$`` on
    a token of sixty "a"s and a mark takes Python's re years. It runs with a time limit
    and does not match there; a sane REGEX of the same rule still does."""
    import time

    text = "The General Assembly,\n\n1. Decides " + "a" * 60 + "b to act;\n\n2. Urges UN bodies to act.\n"
    toml = rule('[{ TEXT = { REGEX = "^(a|aa)+$" } }]') + rule('[{ TEXT = { REGEX = "^UN$" } }]').replace("HSE001", "HSE002")
    started = time.process_time()
    assert matched(text, toml, "HSE001") == []
    assert matched(text, toml, "HSE002") == ["UN"]
    assert time.process_time() - started < 20


def test_a_regex_that_keeps_giving_up_is_given_up_for_good(monkeypatch):
    """Each give-up costs the time limit: 800 distinct long tokens held the lint for 100 s.
    After a few, the pattern matches nothing more (and says so); a sane REGEX still runs."""
    from resolint import userregex
    from resolint.custom_rules import timed_regex

    monkeypatch.setattr(timed_regex, "_gave_up", {})
    searched = []
    real_search = userregex.search

    def search(pattern, text):
        searched.append(pattern)
        return real_search(pattern, text)

    monkeypatch.setattr(userregex, "search", search)
    words = " ".join("a" * 40 + "b" + chr(ord("c") + i % 20) * (1 + i // 20) for i in range(40))
    text = f"The General Assembly,\n\n1. Decides {words} to act;\n\n2. Urges UN bodies to act.\n"
    toml = rule('[{ TEXT = { REGEX = "^(a|aa)+$" } }]') + rule('[{ TEXT = { REGEX = "^UN$" } }]').replace("HSE001", "HSE002")
    assert matched(text, toml, "HSE001") == []
    assert matched(text, toml, "HSE002") == ["UN"]
    assert searched.count("^(a|aa)+$") == timed_regex.GIVE_UPS


def test_opener_only_looks_inside_the_opener():
    base = rule('[{ LOWER = "strongly" }, { LEMMA = "urge" }]', '"operative"')
    assert matched(DRAFT, base + "opener-only = true\n", "HSE001") == ["Strongly urges"]
    later = "The General Assembly,\n\n1. Calls upon States, strongly urges them to act;\n"
    assert matched(later, base, "HSE001") == ["strongly urges"]
    assert matched(later, base + "opener-only = true\n", "HSE001") == []


FIXING = """
[[custom-rules]]
code = "HSE002"
message = "Write 'to', not '{match}'"
pattern = ["in order to"]
replace = "to"
fix = "safe"

[[custom-rules]]
code = "HSE003"
message = "No intensifier"
part = "operative"
pattern = [{ LOWER = "strongly" }, { LEMMA = "urge" }]
replace = "{2}"
fix = "unsafe"

[[custom-rules]]
code = "HSE004"
message = "Spell out"
pattern = [{ ORTH = "UN" }]
replace = "United Nations"
fix = "safe"
fix-title = "Write out '{match}'"
"""


def test_fixes_carry_applicability_title_and_case():
    fs = {f.code: f for f in findings(DRAFT, FIXING)}
    assert fs["HSE002"].fix.applicability is Applicability.SAFE
    assert fs["HSE002"].fix.title == "Replace with 'to'"
    assert fs["HSE003"].fix.applicability is Applicability.UNSAFE
    # At the head of a paragraph the replacement takes the capital the match had.
    assert fs["HSE003"].fix.edits[0].new_text == "Urges"
    assert fs["HSE004"].fix.title == "Write out 'UN'"
    assert fs["HSE004"].fix.edits[0].new_text == "United Nations"  # mid-sentence: as written


def test_fix_all_applies_safe_fixes_then_unsafe_ones_and_relint_is_clean():
    s = settings(FIXING)
    run = lambda text: lint(text, s)  # noqa: E731
    safe = fix_text(DRAFT, run, unsafe=False).text
    assert "in order to" not in safe and "United Nations budget" in safe and "Strongly urges" in safe
    both = fix_text(DRAFT, run, unsafe=True).text
    assert "1. Urges Member States to act to protect civilians;" in both
    assert not [f for f in lint(both, s).findings if f.code.startswith("HSE")]
    assert fix_text(both, run, unsafe=True).text == both


def test_removal_takes_one_space_with_it():
    toml = """
[[custom-rules]]
code = "HSE005"
message = "No intensifier"
pattern = [{ LOWER = "strongly" }]
replace = ""
fix = "safe"
"""
    s = settings('select = ["HSE005"]\n' + toml)
    out = fix_text(DRAFT, lambda t: lint(t, s), unsafe=False).text
    assert "1. urges Member States" in out and "  " not in out.split("\n")[6]


def test_directives_select_and_ignore_apply_to_house_rules():
    toml = rule('[{ ORTH = "UN" }]', '"operative"')
    text = DRAFT.replace("2. Requests", "<!-- resolint: ignore[HSE001] -- quoted -->\n2. Requests")
    assert matched(text, toml, "HSE001") == []
    assert not findings(text, toml, "SUP001")  # the directive was used
    whole = "<!-- resolint: disable HSE -->\n" + DRAFT
    assert matched(whole, toml, "HSE001") == []
    s = settings('ignore = ["HSE"]\n' + toml)
    assert not [f for f in lint(DRAFT, s).findings if f.code == "HSE001"]
    s = settings('select = ["HSE001"]\n' + toml)
    assert {f.code for f in lint(DRAFT, s).findings} == {"HSE001"}
    s = settings('severity = { HSE001 = "error" }\n' + toml)
    assert {f.severity.value for f in lint(DRAFT, s).findings if f.code == "HSE001"} == {"error"}


def test_one_tokenization_per_paragraph_text_shared_by_rules_and_lints():
    from resolint.custom_rules import effective_specs, ruleset_for
    from resolint.styles import load_style

    # NORM: a pattern that says nothing of the text (resolint.custom_rules.candidates),
    # so every paragraph is tokenized; "w1" in LOWER would spare them all.
    many = "".join(
        f'\n[[custom-rules]]\ncode = "HSE{i:03d}"\nmessage = "m"\npattern = [{{ NORM = "w{i}" }}]\n' for i in range(1, 6)
    )
    s = settings(many)
    text = DRAFT + "\n3. Requests the UN to report.\n\n4. Requests the UN to report.\n"
    lint(text, s, style="un-ga")
    docs = ruleset_for(effective_specs(s, load_style("un-ga")), None).docs
    body = [p for p in lint(text, s, style="un-ga").resolution.paragraphs if p.kind.value != "directive"]
    distinct = {text[p.content.start : p.content.end] for p in body}
    assert docs.made == len(distinct)  # not 5 x paragraphs; the repeated paragraph once; the second lint: 0
    lint(text, s, style="un-ga")
    assert docs.made == len(distinct)


def test_a_plain_lint_does_not_import_spacy():
    code = textwrap.dedent(
        """
        import sys
        from resolint.engine import lint
        from resolint.config import Settings
        text = "The General Assembly,\\n\\nRecalling its work,\\n\\n1. Requests the UN to act.\\n"
        for style in ("un-ga", "interpol", "un-sc"):
            lint(text, Settings(style=style))
        assert "spacy" not in sys.modules, "spaCy imported by a plain lint"
        lint(text, Settings(style="mun"))  # the Model UN style has pattern rules
        assert "spacy" in sys.modules
        print("ok")
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_the_cli_on_a_plain_project_does_not_import_spacy(tmp_path):
    (tmp_path / "resolint.toml").write_text('ignore = ["PRE004"]\n')
    (tmp_path / "d.res.txt").write_text("The General Assembly,\n\nRecalling its work,\n\n1. Requests the UN to act.\n")
    code = textwrap.dedent(
        f"""
        import os, sys
        os.chdir({str(tmp_path)!r})
        from resolint.cli.main import main
        main(["check", "--format", "json", "d.res.txt"])
        main(["rules"])
        assert "spacy" not in sys.modules, "spaCy imported"
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr


def test_a_style_that_extends_another_adds_to_its_rules_and_may_replace_one():
    toml = """
style = "house"
[styles.house]
extends = "mun"
[[styles.house.custom-rules]]
code = "HSE010"
message = "No 'in order to'"
pattern = ["in order to"]
[[styles.house.custom-rules]]
code = "MUN003"
message = "House wording about should"
pattern = [{ LOWER = "should" }]
"""
    text = "The General Assembly,\n\n1. Requests the UN to act in order to help;\n\n2. Decides that States should act.\n"
    fs = findings(text, toml)
    got = {(f.code, f.message) for f in fs if f.code[:3] in ("HSE", "MUN")}
    assert ("HSE010", "No 'in order to'") in got
    assert ("MUN003", "House wording about should") in got
    assert any(code == "MUN001" for code, _ in got)  # inherited from mun


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "member"}, {"LOWER": "states"}],
        [{"ORTH": {"IN": ["UN", "States"]}}],
        [{"TEXT": "UN"}],
        [{"LOWER": "the"}, {"LOWER": {"IN": ["un", "work"]}}],
    ],
)
def test_plain_word_patterns_run_as_phrases_with_the_matchers_results(pattern):
    """Plain-word token patterns go to the PhraseMatcher: same matches as spaCy's Matcher."""
    import spacy
    from spacy.matcher import Matcher
    from spacy.util import filter_spans

    from resolint.custom_rules.matching import RuleMatchers, _as_phrases
    from resolint.custom_rules.pipeline import DocCache
    from resolint.custom_rules.spec import parse_spec

    assert _as_phrases([pattern]) is not None
    nlp = spacy.blank("en")
    spec = parse_spec({"code": "HSE001", "message": "m", "pattern": pattern}, "test")
    ours = RuleMatchers((spec,), DocCache(nlp, trained=False, lemmas=False))
    reference = Matcher(nlp.vocab)
    reference.add("x", [pattern])
    for para in DRAFT.split("\n\n") + ["Member States, member states and MEMBER STATES of the UN"]:
        doc = nlp.make_doc(para)
        want = [(s.start_char, s.end_char) for s in filter_spans(reference(doc, as_spans=True))]
        got = [(s, e) for s, e, _ in ours(doc).get("HSE001", [])]
        assert got == want, para


#: "Côte" with its "ô" as one character and as "o" and a combining circumflex.
COMPOSED, DECOMPOSED = "C\u00f4te", "Co\u0302te"


@pytest.mark.parametrize(("written", "typed"), [(COMPOSED, DECOMPOSED), (DECOMPOSED, COMPOSED)])
def test_a_letter_typed_with_a_combining_mark_is_the_same_letter(written, typed):
    # A pattern written one way missed the same word typed the other way (a text pasted
    # from a PDF or a Mac decomposes its accents); the finding covers the word as typed.
    text = f"The General Assembly,\n\n1. Welcomes the report of {typed} d'Ivoire and R\u0065\u0301publique;\n"
    for pattern in (f'["{written}"]', f'[{{ LOWER = "{written.lower()}" }}]', f'[{{ ORTH = "{written}" }}]'):
        assert matched(text, rule(pattern), "HSE001") == [typed], pattern


def test_offsets_after_a_decomposed_letter_are_those_of_the_text_as_typed():
    text = f"The General Assembly,\n\n1. Invites R{'e' + chr(0x301)}publique {DECOMPOSED} and Member States to act.\n"
    toml = rule('[{ LOWER = "member" }, { LOWER = "states" }]', extra='replace = "member countries"\nfix = "safe"\n')
    assert matched(text, toml, "HSE001") == ["Member States"]
    fixed = fix_text(text, lambda t: lint(t, settings(toml))).text
    assert fixed == text.replace("Member States", "member countries")  # nothing else touched


def test_an_exception_typed_with_a_combining_mark_is_still_the_name():
    toml = rule(f'[{{ LOWER = "{COMPOSED.lower()}" }}]', extra=f'exceptions = ["{COMPOSED} d\'Ivoire"]\n')
    text = f"The General Assembly,\n\n1. Welcomes {DECOMPOSED} d'Ivoire on the {DECOMPOSED.lower()} of Africa;\n"
    assert matched(text, toml, "HSE001") == [DECOMPOSED.lower()]


def test_text_that_composes_only_across_clusters_is_matched_as_typed():
    # Hangul jamo compose into a syllable, but none of them starts a cluster of marks:
    # the pieces cannot be composed apart, and the text is matched as it was typed.
    from resolint.custom_rules.spacing import Spacing

    jamo = "\u1100\u1161 Co\u0302te"
    seen = Spacing(jamo)
    assert seen.text == jamo and [seen.original(i) for i in range(len(jamo) + 1)] == list(range(len(jamo) + 1))
