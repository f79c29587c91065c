"""The opener phrases every built-in style lists, for the parser to place paragraphs by.

The parser does not know which style a draft follows (the style is chosen from the parsed
opening), but whether a paragraph *starts with an opener* does not depend on it: the
built-in styles share their phrase lists and differ in case and punctuation. A paragraph
that starts with a listed phrase is a clause of its own (never the rest of the paragraph
before, however it is cased), and a listed preambular phrase before the operative part
places it in the preamble whatever its final mark. Phrases a configured style adds are
not known here; word shape (:mod:`resolint.parser.wordshape`) still places those.
"""

from __future__ import annotations

import functools
import re

from resolint.invisible import readable, readable_start
from resolint.styles import StyleError, builtin_openers, builtin_style_names

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
#: Emphasis, quotes and spaces that may stand before or between the words of an opener.
_SKIP = "*_\"“‘' \t\u00a0"
#: Words a drafter puts before a listed phrase ("Further recalling", "Deeply regretting").
QUALIFIERS = frozenset({"also", "further", "once", "again"})
#: The longest listed phrase, in words, looked for at the start of a paragraph.
MAX_PHRASE_WORDS = 6


@functools.lru_cache(maxsize=1)
def phrases() -> tuple[frozenset[str], frozenset[str]]:
    """(preambular, operative) phrases of the built-in styles, lower case."""
    pre: set[str] = set()
    opr: set[str] = set()
    for name in builtin_style_names():
        try:  # (its [openers] alone: the style a draft is in is chosen after parsing)
            preambular, operative = builtin_openers(name)
        except StyleError:  # a broken built-in style must not stop parsing
            continue
        pre.update(" ".join(p.lower().split()) for p in preambular)
        opr.update(" ".join(p.lower().split()) for p in operative)
    return frozenset(pre), frozenset(opr)


def _leading_words(text: str) -> list[str]:
    text = readable_start(text)
    words: list[str] = []
    pos = 0
    while len(words) < MAX_PHRASE_WORDS:
        while pos < len(text) and text[pos] in _SKIP:
            pos += 1
        m = _WORD.match(text, pos)
        if not m:
            break
        words.append(m.group(0).lower().replace("’", "'"))
        pos = m.end()
    return words


#: British endings of the lists' Oxford spellings ("emphasising", "recognises", "authorised").
_ISE_ENDINGS = ("ising", "ises", "ised", "ise")


def _oxford(word: str) -> str:
    """``word`` with a British "-ise" ending as the lists spell it ("recognising" ->
    "recognizing") when the lists hold that spelling; other words as they are (most
    "-ise" words, "otherwise", "enterprise", are in no phrase: no second lookup)."""
    for ending in _ISE_ENDINGS:
        if word.endswith(ending):
            oxford = word[: -len(ending)] + "iz" + ending[2:]
            return oxford if oxford in _phrase_words() else word
    return word


@functools.lru_cache(maxsize=1)
def _phrase_words() -> frozenset[str]:
    """Every word of a listed phrase (lower case)."""
    pre, opr = phrases()
    return frozenset(w for phrase in pre | opr for w in phrase.split())


@functools.lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first word of every listed phrase (lower case)."""
    pre, opr = phrases()
    return frozenset(phrase.split()[0] for phrase in pre | opr if phrase)


def may_start_opener(word: str) -> bool:
    """Whether a paragraph starting with ``word`` may start with a listed phrase
    (:func:`listed_opener`): the first word of one, or a qualifier or an adverb in "-ly"
    that may stand before one ("Further", "Deeply"). A cheap test before the full one,
    for a scan that meets many capitals that open no clause (", United Nations")."""
    w = readable(word).lower().replace("’", "'")  # ("Wel\u00adcoming": a soft hyphen inside)
    return w in _first_words() or _oxford(w) in _first_words() or w in QUALIFIERS or (len(w) > 4 and w.endswith("ly"))


def listed_opener(content: str) -> str:
    """``"preamble"`` or ``"operative"`` when ``content`` starts with a listed phrase (in
    any case, after emphasis and a qualifier such as "further" or "deeply"), else ``""``.
    A phrase listed in both parts (none today) counts as operative.

    A British spelling of a listed word ("emphasising that …", "Recognises") is the same
    phrase: after a comma, "recognising the role of …" is a clause of its own with the
    wrong case and spelling, not the rest of the paragraph before (TRM010's fix to
    "recognizing" then split the paragraph, and --fix never applied it)."""
    words = _leading_words(content)
    found = _listed(words)
    if found:
        return found
    oxford = [_oxford(w) for w in words]
    return _listed(oxford) if oxford != words else ""


def _listed(words: list[str]) -> str:
    """:func:`listed_opener` of the leading words (lower case)."""
    pre, opr = phrases()
    for skip in range(3):
        rest = words[skip:]
        for n in range(len(rest), 0, -1):
            phrase = " ".join(rest[:n])
            if phrase in opr:
                return "operative"
            if phrase in pre:
                return "preamble"
        if skip >= len(words) or not (words[skip] in QUALIFIERS or (len(words[skip]) > 4 and words[skip].endswith("ly"))):
            break
    return ""
