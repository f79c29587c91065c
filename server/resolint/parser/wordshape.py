"""Guess, from the shape of its first words, whether a paragraph opens like a preamble.

The parser must place paragraphs without knowing the house style, and without spaCy
(it is deterministic and fast). Word shape is enough for placement: preambular openers
are participles ("Recalling", "Having considered", "Alarmed") or a short list of
adjectives ("Aware", "Mindful"); operative openers are verbs in the third person
("Decides", "Calls upon", "Also requests"). Whether the exact phrase is right for the
style is the rules' business, not the parser's.
"""

from __future__ import annotations

import re

from resolint.invisible import readable_start

_WORD = re.compile(r"[*_\"“‘']*(?P<w>[A-Za-z][A-Za-z'’\-]*)")
#: A leading token with no letters ("*2325931*", a barcode left by a PDF conversion).
_NOISE = re.compile(r"[^\sA-Za-z]+\s+")

#: Preambular openers that are neither "-ing" nor "-ed" forms.
PREAMBULAR_ADJECTIVES = frozenset(
    ["aware", "mindful", "conscious", "convinced", "desirous", "cognizant", "cognisant", "deeply", "fully", "gravely", "seriously", "keenly", "profoundly", "strongly", "firmly", "bearing", "having", "taking", "noting", "recalling", "affirming", "reaffirming", "guided", "alarmed", "concerned", "determined", "grieved", "shocked", "encouraged", "gratified", "appreciative", "confident", "eager", "anxious", "sensitive", "resolved", "whereas", "acknowledging", "in"]
)
#: Adverbs that open a clause before its verb or participle: "Strongly condemning" (a
#: preambular opener), "Strongly urges" (an operative one). The word after one decides
#: when it reads as a finite verb: "1. Strongly urges …," (a comma by a slip) had the
#: shape of a numbered preambular paragraph, and got PRE005, PRE001 and OPR002 for it.
ADVERB_OPENERS = frozenset({"deeply", "fully", "gravely", "seriously", "keenly", "profoundly", "strongly", "firmly"})
#: Words that qualify the opener that follows them ("Further recalling", "Also requests").
MODIFIERS = frozenset({"also", "further", "furthermore", "moreover"})
#: Operative openers that do not end in "s" ("Calls upon" does; these do not).
OPERATIVE_SPECIAL = frozenset({"is", "has"})


def first_words(text: str, count: int = 2) -> list[str]:
    """Up to ``count`` leading words, lower-cased, skipping emphasis and quotes (and
    reading through the invisible characters inside them: :mod:`resolint.invisible`)."""
    text = readable_start(text)
    words = []
    pos = 0
    noise = _NOISE.match(text)
    if noise and any(ch.isdigit() for ch in noise.group(0)):
        pos = noise.end()
    for _ in range(count):
        m = _WORD.match(text, pos)
        if not m:
            break
        words.append(m.group("w").lower())
        pos = m.end()
        while pos < len(text) and text[pos] in " \t\u00a0*_,":
            pos += 1
    return words


def is_participial(word: str) -> bool:
    return word in PREAMBULAR_ADJECTIVES or has_participle_ending(word)


def has_participle_ending(word: str) -> bool:
    """Whether ``word`` (lower case) has a participle's ending ("recalling", "concerned"):
    the shape alone, without the listed adjectives ("aware", "strongly")."""
    return len(word) > 4 and word.endswith(("ing", "ed"))


def is_finite_verb(word: str) -> bool:
    if word in OPERATIVE_SPECIAL:
        return True
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and not is_participial(word)


def opener_shape(text: str) -> str:
    """``"preamble"``, ``"operative"`` or ``""`` (cannot tell) for a paragraph's content."""
    words = first_words(text, 3)
    if not words:
        return ""
    at = 1 if words[0] in MODIFIERS and len(words) > 1 else 0
    head = words[at]
    if head in ADVERB_OPENERS and len(words) > at + 1 and is_finite_verb(words[at + 1]):
        return "operative"  # "Strongly urges", "Also strongly urges"
    if is_participial(head):
        return "preamble"
    if is_finite_verb(head):
        return "operative"
    return ""
