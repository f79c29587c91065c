"""Bare verbs at the head of an operative paragraph, shared by OPR004, OPR005 and scripts/gen_verbforms.py."""

from __future__ import annotations

from resolint.nlp import is_known_form, lemma
from resolint.parser.wordshape import is_participial

#: Bare verbs drafters put at the head of an operative paragraph.
BARE_VERBS = frozenset(
    ["call", "urge", "request", "decide", "invite", "encourage", "recommend", "recognize", "recognise", "note", "take", "welcome", "reaffirm", "stress", "emphasize", "emphasise", "underline", "condemn", "support", "endorse", "approve", "adopt", "appeal", "affirm", "express", "demand", "authorize", "authorise", "commend", "acknowledge", "reiterate", "declare", "designate"]
)


def is_bare_verb(word: str) -> bool:
    return word in BARE_VERBS and lemma(word) == word


def wrong_operative_form(word: str) -> str | None:
    """"participle" or "bare verb" when a lower-case opener head has that form (OPR004
    reports it, so OPR005 leaves it alone), else None. A participle is one the dictionary
    knows ("Nothing" or "During" is not a verb to put in the "-s" form)."""
    if word.endswith("ing") and is_participial(word) and is_known_form(word, "VBG"):
        return "participle"
    if is_bare_verb(word):
        return "bare verb"
    return None
