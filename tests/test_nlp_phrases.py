"""Opener matching through spaCy's PhraseMatcher: longest listed phrase, any case."""

from __future__ import annotations

import pytest

from resolint.nlp import get_nlp, inflect, lemma
from resolint.styles import load_style


@pytest.fixture(scope="module")
def un():
    return load_style("un-ga")


@pytest.mark.parametrize(
    "head, phrase",
    [
        ("Recalling its resolution 74/1", "Recalling"),
        ("RECALLING ALSO resolution GA-2025-93-RES-03", "Recalling also"),
        ("Having considered further the report", "Having considered further"),
        ("Deeply concerned by the situation", "Deeply concerned"),
        ("recalling, in particular,", "Recalling"),
    ],
)
def test_longest_listed_preambular_phrase(un, head, phrase):
    m = get_nlp().longest_leading_phrase(head, un.preambular)
    assert m is not None and m.phrase == phrase
    assert head[: m.end].lower() == phrase.lower()


@pytest.mark.parametrize("head", ["The Assembly decides", "Whereas the situation", "", "   ", "Recaling its resolution"])
def test_no_listed_phrase(un, head):
    assert get_nlp().longest_leading_phrase(head, un.preambular) is None


def test_operative_phrases_prefer_the_longer_phrase(un):
    m = get_nlp().longest_leading_phrase("Also requests the Secretary-General", un.operative)
    assert m.phrase == "Also requests"
    m = get_nlp().longest_leading_phrase("Calls upon all States", un.operative)
    assert m.phrase == "Calls upon"


@pytest.mark.parametrize(
    "word, tag, form",
    [("Recalls", "VBG", "recalling"), ("urges", "VBG", "urging"), ("Calling", "VBZ", "calls"), ("call", "VBZ", "calls"), ("applies", "VBG", "applying"), ("stressing", "VBZ", "stresses")],
)
def test_inflection_for_fixes(word, tag, form):
    assert inflect(word, tag) == form


@pytest.mark.parametrize("word, base", [("recalls", "recall"), ("urges", "urge"), ("committing", "commit"), ("applied", "apply"), ("has", "have")])
def test_lemma(word, base):
    assert lemma(word) == base
