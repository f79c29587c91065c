"""Whether a word of an English draft stands in a phrase of another language.

A drafter names a foreign programme, law or institution in its own words, often without
quotation marks: "welcomes la reforma labor social", "the so-called travail décent et
honor approach", "(consejo nacional de labor)", "*Ley de labor y empleo*". Spanish
"labor" and "honor" are spelled right there; a check that respells them as English
("labour", "honour") would damage the name. :func:`in_foreign_phrase` tells such a word
apart, so that a rule can leave the choice to the drafter (an unsafe fix) instead of
rewriting it.

How: the words on both sides of the word, in the same stretch of text (punctuation,
brackets, quotation marks and emphasis end a stretch: a title in italics or in
parentheses is read on its own), up to :data:`REACH` words away. Each is evidence for
English (a function word only English has: "the", "of", "which"), for another language
(a function word of French, Spanish, Portuguese, Italian or German that is not also an
English word: "la", "de", "et", "del", "und"; an elided article or preposition, "l'",
"d'", "dell'"; a lower-case word with a letter English does not write: "décent",
"família") or for neither (any other word: "reforma" and "social" look alike in both).
The word is in a foreign phrase when the nearest foreign evidence is nearer than (or as
near as) the nearest English evidence: in "la reforma labor social adopted by …", "la"
is two words away and "by" three.

A capitalized word is a name's, not a language's: a foreign function word right before
one is a particle of a name ("de Souza", "Rio de Janeiro", "von der Leyen") and counts
for neither, and so does a capitalized word with an accent ("São Paulo", "Türkiye").
Phrases English borrowed whole ("de facto", "hors de combat", "vis-à-vis", "chargé
d'affaires") are English evidence, not foreign.

Only the words the language detector already lists (:data:`resolint.language.COMMON_WORDS`)
are function words here: one list, one place.
"""

from __future__ import annotations

import functools
import re

from resolint.language import COMMON_WORDS

#: How many words on each side are read.
REACH = 4
#: How many characters on each side hold them (a longer word is cut: read as no evidence).
_WINDOW = 30 * REACH

#: A word: letters, with inner hyphens ("vis-à-vis", "co-operation").
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: What may stand between two words of one stretch: spaces (a line break of a wrapped draft
#: is one), or an apostrophe between letters ("l'organisation", "Ivoire's"). Anything else
#: (punctuation, a bracket, a quotation mark, emphasis, a digit) ends the stretch.
_GAP = re.compile(r"\s+|['’]")
_APOSTROPHES = ("'", "’")

#: Function words English has too, or that a list item's label may be ("as", "do", "no",
#: "per", "con"): no evidence either way.
_ALSO_ENGLISH = frozenset({"as", "do", "no", "die", "den", "per", "con", "pour", "par", "son", "al", "lo", "im", "um", "em", "os"})
#: English function words that are no function word of the languages above ("was" and
#: "will" are German words, "an" and "also" German and English ones, "or" a French one:
#: left out).
_ENGLISH = COMMON_WORDS["English"] | frozenset(
    {"it", "shall", "should", "would", "such", "not", "into", "between", "among", "within", "through", "any", "each", "who", "whose", "both", "those", "they", "there", "than", "under", "against", "without", "towards", "about", "during", "must", "can", "our"}
)
#: Elided articles and prepositions, written before an apostrophe ("l'organisation",
#: "d'emploi", "dell'organizzazione").
_ELISIONS = frozenset({"l", "d", "qu", "j", "c", "dell", "dall", "nell", "sull", "all"})
#: Phrases English took from other languages: English words, whatever their parts are.
_BORROWED = re.compile(
    r"(?<![^\W\d_])(?:de\s+(?:facto|jure|minimis|novo)|per\s+se|vis-à-vis|hors\s+de\s+combat|chargés?\s+d['’]affaires|"
    r"raison\s+d['’]être|coups?\s+d['’][ée]tat|tour\s+d['’]horizon|en\s+(?:route|masse|bloc)|à\s+la|aide-mémoire|"
    r"procès-verbal|communiqués?|régimes?|rôles?|élites?|démarches?|détente|naïve|cafés?|résumés?|façades?|déjà)(?![^\W\d_])",
    re.IGNORECASE,
)


@functools.cache
def _function_words() -> frozenset[str]:
    """The other languages' listed words that are no English word, and Spanish "y"."""
    others = frozenset().union(*(words for name, words in COMMON_WORDS.items() if name != "English"))
    return (others - _ALSO_ENGLISH - _ENGLISH) | {"y"}


def in_foreign_phrase(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> bool:
    """Whether ``text[start:end]`` (a word, or a figure such as "50%") stands among words
    of another language (see the module docstring), reading ``text[lo:hi]`` only (its
    paragraph)."""
    hi = len(text) if hi is None else hi
    wlo, whi = max(lo, start - _WINDOW), min(hi, end + _WINDOW)
    window = text[wlo:whi]
    words, at = _stretch(window, start - wlo, end - wlo)
    borrowed = [m.span() for m in _BORROWED.finditer(window)]
    english = foreign = len(words)
    for i, (s, _, _) in enumerate(words):
        if i == at:
            continue
        kind = "en" if any(a <= s < b for a, b in borrowed) else _evidence(window, words, i)
        if kind == "en":
            english = min(english, abs(i - at))
        elif kind == "xx":
            foreign = min(foreign, abs(i - at))
    return foreign < len(words) and foreign <= english


#: A word of the stretch: (start, end, text) in the window.
Word = tuple[int, int, str]


def _stretch(window: str, start: int, end: int) -> tuple[list[Word], int]:
    """The words of the stretch of ``window`` around ``window[start:end]`` (at most
    :data:`REACH` on each side; a word it cuts is none of them), with that text itself
    among them as one, and its index."""
    found = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(window)]
    before = [w for w in found if w[1] <= start]
    after = [w for w in found if w[0] >= end]
    words: list[Word] = [*before, (start, end, window[start:end]), *after]
    at = first = last = len(before)
    while first > 0 and at - first < REACH and _GAP.fullmatch(window[words[first - 1][1] : words[first][0]]):
        first -= 1
    while last + 1 < len(words) and last - at < REACH and _GAP.fullmatch(window[words[last][1] : words[last + 1][0]]):
        last += 1
    return words[first : last + 1], at - first


def _evidence(window: str, words: list[Word], i: int) -> str:
    """"en" (an English function word), "xx" (another language's word) or "" (neither)
    for the ``i``-th of ``words``."""
    word = words[i][2]
    lower = word.lower()
    if lower in _ENGLISH:
        return "en"
    if word != lower:
        return ""  # a name's word ("São", "Türkiye")
    elided = lower in _ELISIONS and window.startswith(_APOSTROPHES, words[i][1])
    if elided or lower in _function_words():
        return "" if _particle(words, i) else "xx"
    return "xx" if not word.isascii() else ""


def _particle(words: list[Word], i: int) -> bool:
    """Whether the function word ``words[i]`` is a particle of a name: followed, after
    more such words only, by a capitalized word ("de Souza", "von der Leyen")."""
    for _, _, w in words[i + 1 :]:
        if w[:1].isupper():
            return True
        if w not in _function_words() and w not in _ELISIONS:
            return False
    return False
