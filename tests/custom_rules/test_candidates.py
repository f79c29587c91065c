"""A house rule's candidate test (resolint.custom_rules.candidates) only ever says "no
match" where spaCy finds none, and spares a draft with nothing to match the loading of
spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolint.custom_rules.candidates import Candidate, candidate_test
from resolint.custom_rules.rule import RuleSet
from resolint.custom_rules.spec import parse_spec

#: Patterns with a candidate test: each shape the derivation reads.
TESTED = [
    [{"ORTH": "UN"}],
    [{"TEXT": "U.N."}],
    [[{"ORTH": {"IN": ["UN", "U.N."]}, "SPACY": True}], [{"ORTH": {"IN": ["UN", "U.N."]}, "SPACY": False}, {"ORTH": {"IN": [",", ";", ".", ")"]}}]],
    [{"LOWER": "should"}],
    [{"lower": "un"}],
    [{"LOWER": {"IN": ["un", "member"]}}, {"LOWER": "states"}],
    [{"TEXT": {"REGEX": "^(LEDC|MEDC|UNSC|UNGA|P-?5)s?$"}}],
    [{"TEXT": {"REGEX": "^\\s$"}}],
    [{"ORTH": {"REGEX": "N\\.$"}}],
    [{"TEXT": {"REGEX": "^U"}}, {"TEXT": {"REGEX": "s$"}}],
    [{"ORTH": "UN", "OP": "?"}, {"LOWER": "should"}],
    [{"ORTH": "UN", "OP": "!"}, {"LOWER": "member"}],
    [{"ORTH": "UN", "OP": "+"}, {"IS_PUNCT": True}],
    [{"LOWER": "in"}, {"LOWER": "order"}, {"LOWER": "to"}],
    [{"ORTH": "can"}],
    [{"ORTH": "don"}],
]

#: Patterns that say nothing certain of the text: every paragraph goes to spaCy.
UNTESTED = [
    [{"LEMMA": "urge"}],
    [{"NORM": "color"}],
    [{"ORTH": "UN", "OP": "?"}],
    [{"ORTH": "UN", "OP": "*"}, {"IS_DIGIT": True}],
    [{"TEXT": {"REGEX": "\\bUN\\b"}}],
    [{"TEXT": {"REGEX": "(?<=U)N"}}],
    [{"TEXT": {"REGEX": "(?i)^un$"}}],
    [{"LOWER": {"REGEX": "^un$"}}],
    [{"LOWER": "σας"}],
    [{"ORTH": "Member States"}],
    [[{"ORTH": "UN"}], [{"IS_UPPER": True}]],
    [{"TEXT": {"REGEX": "\\(UN(*SKIP)(*FAIL)|UN"}}],  # backtracking verbs: "(UN)" as a stretch skips what "UN" alone matches
]

#: Pieces of paragraphs: words a pattern names, their look-alikes (in other cases, inside
#: longer words, split by spaCy's tokenizer), and every kind of white space.
PIECES = [
    "UN", "U.N.", "UN-Women", "(UN)", "UN's", "un", "Un", "UNs", "should", "SHOULD", "Should've",
    "shouldn't", "cannot", "don't", "UNSC", "UNSCs", "P5", "P-5", "(P5)", "P5's", "LEDC", "LEDCs",
    "Σ", "ΣΑΣ", "İ", "\u212a", "\ud800", "member", "States", "Member", "in", "order", "to", "the",
    "e.g.", "U.S.", ",", ".", ";", ")", "'", "\"",
]
SPACES = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", ""]

paragraphs = st.lists(st.tuples(st.sampled_from(SPACES), st.sampled_from(PIECES)), min_size=1, max_size=10).map(
    lambda parts: "".join(s + w for s, w in parts)
)


def _spec(pattern):
    return parse_spec({"code": "HSE001", "message": "m", "pattern": pattern}, "test")


@pytest.mark.parametrize("pattern", UNTESTED, ids=str)
def test_patterns_that_say_nothing_certain_have_no_test(pattern):
    assert candidate_test(_spec(pattern)) is None


@pytest.mark.parametrize("pattern", TESTED, ids=str)
def test_a_paragraph_the_test_turns_away_has_no_match(pattern):
    spec = _spec(pattern)
    test = candidate_test(spec)
    assert test is not None
    ruleset = RuleSet((spec,), None)
    seen = {True: 0, False: 0}

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
    @given(paragraphs)
    def check(text):
        may = test(Candidate(text))
        seen[may] += 1
        if not may:
            assert not ruleset.matches(text, spec).get("HSE001"), text

    check()
    assert seen[False], "the test never turned a paragraph away: it tests nothing here"


def test_the_test_passes_paragraphs_with_a_match():
    test = candidate_test(_spec([{"ORTH": {"IN": ["UN", "U.N."]}}]))
    assert test is not None
    assert test(Candidate("Requests the UN to act"))
    assert test(Candidate("asks U.N.\nbodies"))
    assert test(Candidate("invites UN-Women"))  # "UN" is in it: spaCy decides (no match: one token)
    assert not test(Candidate("Requests the United Nations to act"))


_LINT = """
import sys
from resolint.config import Settings
from resolint.engine import lint
text = sys.stdin.read()
codes = sorted({f.code for f in lint(text, Settings()).findings if f.code.startswith("MUN")})
print(codes, "spacy" in sys.modules)
"""
_HEADER = "Committee: First Committee\nSponsors: France, Chile\n\nThe General Assembly,\n\nRecalling the UN Charter,\n\n"


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("1. Urges all nations to cooperate;\n\n2. Decides to remain seized of the matter.\n", "[] False"),
        ("1. Urges all nations to cooperate;\n\n2. Decides that States should act.\n", "['MUN003'] True"),
        ("1. Asks the UN to report.\n", "['MUN001'] True"),
    ],
)
def test_a_model_un_draft_with_nothing_to_match_does_not_load_spacy(operative, expected):
    """The Model UN style's house rules are spaCy patterns; a draft none of whose
    paragraphs can match them is checked without importing spaCy (it took a second)."""
    out = subprocess.run([sys.executable, "-c", _LINT], input=_HEADER + operative, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == expected


_LEMMAS = """
import sys
from resolint.config import Settings
from resolint.engine import lint
text = sys.stdin.read()
extra = sys.argv[1:]
found = sorted({f.code for f in lint(text, Settings(extend_select=tuple(extra))).findings if f.code.startswith("MUN")})
from lemminflect import Lemmatizer  # a singleton: its lemma table is read on the first lemma
print(found, "spacy" in sys.modules, hasattr(Lemmatizer(), "lemma_dict"))
"""


@pytest.mark.parametrize(("extra", "expected"), [([], "['MUN003'] True False"), (["MUN002"], "['MUN002', 'MUN003'] True True")])
def test_lemmas_are_filled_only_for_a_rule_that_runs_and_compares_them(extra, expected):
    """MUN002 compares lemmas and is off unless selected; the style's other rules do not:
    filling lemmas (lemminflect's tables, 0.3 s and 35 MB) waits for a rule that runs and
    needs them, and MUN002 selected still finds "Strongly urges"."""
    text = _HEADER + "1. Strongly urges all nations to cooperate;\n\n2. Decides that States should act.\n"
    out = subprocess.run([sys.executable, "-c", _LEMMAS, *extra], input=text, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == expected


_PREPARE = """
import sys
from resolint.config import Settings
from resolint.engine import prepare_house_rules
from resolint.styles import load_style
prepare_house_rules(Settings(extend_select=tuple(sys.argv[1:])), load_style("mun"))
from lemminflect import Lemmatizer  # a singleton: its lemma table is read on the first lemma
print("spacy" in sys.modules, hasattr(Lemmatizer(), "lemma_dict"))
"""


@pytest.mark.parametrize(("extra", "expected"), [([], "True False"), (["MUN002"], "True True")])
def test_the_language_server_can_load_what_house_rules_need_before_any_lint(extra, expected):
    """A lint may not load spaCy (nothing to match yet); the server prepares it before
    its first timed lint, so the first "should" typed does not import it there."""
    out = subprocess.run([sys.executable, "-c", _PREPARE, *extra], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == expected


def test_a_configured_pipeline_that_merges_tokens_gets_every_paragraph(tmp_path):
    """A pipeline's components may merge tokens across a space (an entity ruler and
    ``merge_entities``: "Member States" one token), so with ``[nlp] pipeline`` no
    paragraph is turned away (found by a differential test of the candidate test)."""
    import spacy

    from resolint.config import settings_from_table
    from resolint.engine import lint

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Member States"}])
    nlp.add_pipe("merge_entities")
    nlp.to_disk(tmp_path / "merging")
    table = {
        "nlp": {"pipeline": str(tmp_path / "merging")},
        "custom-rules": [{"code": "HSE001", "message": "m {match}", "pattern": [{"TEXT": {"REGEX": "^Member.States$"}}]}],
    }
    text = "The General Assembly,\n\n1. Requests Member States to act;\n\n2. Decides to remain seized of the matter.\n"
    found = [text[f.span.start : f.span.end] for f in lint(text, settings_from_table(table, None)).findings if f.code == "HSE001"]
    assert found == ["Member States"]


_NAMED = """
import sys
from resolint.config import settings_from_table
from resolint.engine import lint
s = settings_from_table({"style": "mun"}, None)
loaded = "spacy" in sys.modules
found = [f.code for f in lint(sys.stdin.read(), s).findings if f.code.startswith("MUN")]
print(loaded, found, "spacy" in sys.modules)
"""


def test_a_configuration_naming_the_style_does_not_check_its_shipped_house_rules_again():
    """``style = "mun"`` in resolint.toml: the configuration check linted the examples of
    every shipped MUN rule (opt-in MUN002's too) on every run, importing spaCy and filling
    lemmas for a draft with nothing to match. The project's tests check them
    (test_every_shipped_house_rule_is_documented_and_its_examples_are_true)."""
    text = _HEADER + "1. Urges all nations to cooperate;\n\n2. Decides to remain seized of the matter.\n"
    out = subprocess.run([sys.executable, "-c", _NAMED], input=text, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False [] False"
