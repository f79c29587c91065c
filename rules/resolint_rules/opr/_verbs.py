"""Bare verbs at the head of an operative paragraph, shared by OPR004, OPR005 and scripts/gen_verbforms.py."""

from __future__ import annotations

from resolint.nlp import lemma

#: Bare verbs drafters put at the head of an operative paragraph.
BARE_VERBS = frozenset(
    ["call", "urge", "request", "decide", "invite", "encourage", "recommend", "recognize", "recognise", "note", "take", "welcome", "reaffirm", "stress", "emphasize", "emphasise", "underline", "condemn", "support", "endorse", "approve", "adopt", "appeal", "affirm", "express", "demand", "authorize", "authorise", "commend", "acknowledge", "reiterate", "declare", "designate"]
)


def is_bare_verb(word: str) -> bool:
    return word in BARE_VERBS and lemma(word) == word
