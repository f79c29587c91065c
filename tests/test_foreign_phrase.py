"""A word among another language's words is that language's: TRM010 does not respell it
safely ("la reforma labor social" is Spanish, spelled right), while the same word among
English words keeps its safe fix.

Drafts written for these tests; the phrases are invented names of programmes and laws."""

from __future__ import annotations

import re

import pytest

from resolint.engine import lint
from resolint.foreign import in_foreign_phrase

OPENING = "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n"


def _spelling(operative: str):
    text = OPENING + "1. " + operative + "\n"
    return text, [f for f in lint(text).findings if f.code == "TRM010"]


#: (a clause, the word checked in it): the word stands among another language's words.
FOREIGN = [
    ("Welcomes la reforma labor social adopted by the Government in 2019;", "labor"),  # Spanish
    ("Notes the so-called travail décent et honor approach of the partners;", "honor"),  # French
    ("Takes note of the programa de apoio ao labor rural of Brazil;", "labor"),  # Portuguese
    ("Welcomes the piano nazionale per il labor e la dignità of Italy;", "labor"),  # Italian
    ("Notes the Bundesprogramm für honor und Arbeit of Germany;", "honor"),  # German
    ("Welcomes the *Ley de labor y empleo* of Peru;", "labor"),  # a title in emphasis
    ("Welcomes the National Employment Council (consejo nacional de labor) of Peru;", "labor"),  # in parentheses
    ("Notes the plan for l'organisation du travail in the region;", "organisation"),  # an elided article
    ("Welcomes la criminalisation de la traite in the new code;", "criminalisation"),
]

#: The same words among English words, names and phrases English took whole.
ENGLISH = [
    ("Encourages Member States to share their labor market data;", "labor"),
    ("Calls upon States to honor their commitments;", "honor"),
    ("Notes the Rio de Janeiro labor conference of 2019;", "labor"),  # "de" of a place's name
    ("Notes the report of Ms. da Silva on labor migration;", "labor"),  # "da" of a person's name
    ("Condemns the de facto labor restrictions;", "labor"),  # "de facto" is English
    ("Urges the protection of persons hors de combat and their honor;", "honor"),
    ("Welcomes the Côte d'Ivoire labor code;", "labor"),
    ("Notes that São Paulo organised a labor fair;", "organised"),
    ("Requests the organisation of a meeting, la reforma aside;", "organisation"),  # a comma ends the stretch
]


def _at(clause: str, word: str) -> tuple[int, int]:
    m = re.search(rf"(?<![^\W_]){word}(?![^\W_])", clause)
    assert m is not None
    return m.span()


@pytest.mark.parametrize(("clause", "word"), FOREIGN)
def test_a_word_among_another_languages_words_is_foreign(clause, word):
    assert in_foreign_phrase(clause, *_at(clause, word))


@pytest.mark.parametrize(("clause", "word"), ENGLISH)
def test_a_word_among_english_words_is_not(clause, word):
    assert not in_foreign_phrase(clause, *_at(clause, word))


@pytest.mark.parametrize(("clause", "word"), FOREIGN)
def test_trm010_does_not_respell_a_foreign_phrase_safely(clause, word):
    text, found = _spelling(clause)
    ours = [f for f in found if text[f.span.start : f.span.end] == word]
    assert len(ours) == 1
    assert ours[0].fix is not None and ours[0].fix.applicability.value == "unsafe"
    assert ours[0].severity.value == "info"


@pytest.mark.parametrize(("clause", "word"), ENGLISH)
def test_trm010_keeps_its_safe_fix_among_english_words(clause, word):
    text, found = _spelling(clause)
    ours = [f for f in found if text[f.span.start : f.span.end] == word]
    assert len(ours) == 1
    assert ours[0].fix is not None and ours[0].fix.applicability.value == "safe"
    assert ours[0].severity.value == "warning"


def test_only_the_paragraph_is_read():
    """A foreign word in the paragraph before is not evidence (the rule caches a
    paragraph's findings by its own text)."""
    text = "la reforma\n\nlabor market data of the region"
    start = text.index("labor")
    assert in_foreign_phrase(text, start, start + 5)  # read as one stretch of the whole text
    assert not in_foreign_phrase(text, start, start + 5, lo=text.index("labor"))


@pytest.mark.parametrize(
    "clause",
    [
        "Takes note of la ley sobre el 50% de los hogares of 2020;",  # Spanish
        "Welcomes the publication *Halving poverty: 50% by 2030* of the Office;",  # an italic title
    ],
)
def test_trm016_does_not_rewrite_a_percentage_in_someone_elses_words(clause):
    text = OPENING + "1. " + clause + "\n"
    found = [f for f in lint(text).findings if f.code == "TRM016"]
    assert [(f.fix.applicability.value, f.severity.value) for f in found] == [("unsafe", "info")]


def test_trm016_keeps_its_safe_fix_among_english_words():
    text = OPENING + "1. Notes that 50% of the households of the region lack water;\n"
    found = [f for f in lint(text).findings if f.code == "TRM016"]
    assert [(f.fix.applicability.value, f.severity.value) for f in found] == [("safe", "warning")]
