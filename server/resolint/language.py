"""Whether a draft is written in English, the one language resolint's checks are written for.

Every built-in check reads English: the openers are English participles and verbs, the
house terms, dates, ordinals and instrument titles are English. A French or Spanish draft
(the United Nations' other working languages) linted as English gets a finding on every
operative paragraph ("'Exhorte' is not an operative opener", "'D' is not an operative
opener") and none that helps. :func:`draft_language` tells such a draft apart so that
it gets one clear finding instead (DOC005), and the other rules' findings are left out.

How: the share of a language's commonest short words ("the", "of", "and" …; "de",
"la", "les" …) among the words of the draft's beginning, and for the scripts that are
not Latin, the share of letters written in them. The two kinds of text are far apart:
in the English resolutions of the corpus, the English words listed here are a sixth or
more of all words; in the French, Spanish, Portuguese, German and Italian drafts of the
tests, under one in fifty, and that language's own list a quarter or more. A draft is called not
English only when both are clear; short or mixed texts are left as English, so that
nothing is left unchecked because of a doubt.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from resolint.invisible import COMMENT

#: How much of the text's beginning is read (a draft's language is its first pages'; a
#: keystroke in a long draft must not read it all again).
SAMPLE_CHARS = 12_000
#: Fewer words than this: too few to tell (a title, a fragment): English.
MIN_WORDS = 40
#: Not English only when English's listed words are under this share of all words ...
ENGLISH_AT_MOST = 0.04
#: ... and another language's listed words are at least this share of them.
OTHER_AT_LEAST = 0.15
#: Not English when the letters of a script other than Latin are at least this share of
#: all letters (a Russian, Arabic or Chinese draft quoting an English title is still not English).
SCRIPT_AT_LEAST = 0.5

#: Frequent short words of each language, none that is also frequent in English
#: ("in", "an", "on" are words of several of them: left out of every list). No word of
#: one letter is listed: a list's labels "(a)", "(e)", "(i)", "(o)" would count as
#: Portuguese or Italian words.
COMMON_WORDS: dict[str, frozenset[str]] = {
    "English": frozenset(
        ["the", "of", "and", "to", "its", "for", "with", "by", "that", "this", "from", "which", "their", "are", "or", "has", "have", "been", "be", "is", "all", "other", "including", "upon", "these", "were", "at"]
    ),
    "French": frozenset(
        ["le", "la", "les", "de", "des", "du", "et", "au", "aux", "un", "une", "sur", "pour", "par", "dans", "que", "qui", "est", "son", "sa", "ses", "leur", "leurs", "ce", "cette", "ces", "avec", "ainsi", "sont"]
    ),
    "Spanish": frozenset(["el", "la", "los", "las", "de", "del", "en", "que", "por", "para", "con", "su", "sus", "un", "una", "al", "se", "como", "lo", "es", "sobre"]),
    "Portuguese": frozenset(["os", "as", "de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas", "que", "para", "com", "um", "uma", "por", "se", "sua", "seu", "ao"]),
    "German": frozenset(["der", "die", "das", "und", "zu", "von", "mit", "den", "dem", "des", "im", "auf", "für", "ist", "nicht", "ein", "eine", "sich", "auch", "werden"]),
    "Italian": frozenset(["il", "lo", "la", "gli", "le", "di", "del", "della", "dei", "delle", "che", "per", "con", "un", "una", "al", "alla", "si", "sul", "nella"]),
}
_OTHERS = tuple(k for k in COMMON_WORDS if k != "English")


def _by_word(lists: dict[str, frozenset[str]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for name, listed in lists.items():
        for w in listed:
            out[w] = (*out.get(w, ()), name)
    return out


#: The languages each listed word belongs to ("la": French, Spanish and Italian).
_LANGUAGES_OF = _by_word(COMMON_WORDS)

#: Scripts other than Latin that drafts are written in (the United Nations' Arabic,
#: Chinese and Russian among them), by the letters' code-point ranges.
_SCRIPT_RANGES: dict[str, str] = {
    "Arabic": "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff",
    "Cyrillic": "\u0400-\u04ff",
    "Chinese": "\u3400-\u4dbf\u4e00-\u9fff",
    "Greek": "\u0370-\u03ff",
    "Hebrew": "\u0590-\u05ff",
    "Devanagari": "\u0900-\u097f",
    "Japanese kana": "\u3040-\u30ff",
    "Korean": "\uac00-\ud7af",
    "Thai": "\u0e00-\u0e7f",
}


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, re.Pattern[str]]]:
    """(a word, a letter, each script's letters), compiled when a draft first fails the
    quick test (most runs never: compiling them was a cost of every start)."""
    scripts = {name: re.compile(f"[{ranges}]") for name, ranges in _SCRIPT_RANGES.items()}
    return re.compile(r"[^\W\d_]+"), re.compile(r"[^\W\d_]"), scripts


#: A quick yes for the usual draft: English's two commonest words between spaces.
_QUICK = (" the ", " of ")


class Language(NamedTuple):
    """A draft's language when it is not English: its name (or its script's) and why."""

    name: str
    #: "French" reads "as French"; a script reads "in Cyrillic script".
    is_script: bool
    reason: str

    def described(self) -> str:
        return f"is written in {self.name} script" if self.is_script else f"reads as {self.name}"


def draft_language(text: str) -> Language | None:
    """The language of ``text`` when it is clearly not English; None when it is English
    or cannot be told (see the module docstring). Comments are not the draft's words: a
    drafter's note in English, or a ``resolint: ignore`` comment, counted as the draft's."""
    sample = text[:SAMPLE_CHARS]
    if "<!--" in sample:
        sample = COMMENT.sub(" ", sample)
    return _language_of(sample)


@functools.lru_cache(maxsize=8)
def _language_of(sample: str) -> Language | None:
    # (kept by the sample: the language server asks after every keystroke, and an edit
    # beyond the sample leaves it the same)
    lowered = sample.lower()
    spaces = lowered.count(" ")
    if spaces and sum(map(lowered.count, _QUICK)) >= 0.03 * spaces:
        return None  # the usual English draft, told in C
    script = _script(sample)
    if script is not None:
        return script
    words = _patterns()[0].findall(lowered)
    if len(words) < MIN_WORDS:
        return None
    counts = dict.fromkeys(COMMON_WORDS, 0)
    for w in words:
        for name in _LANGUAGES_OF.get(w, ()):
            counts[name] += 1
    english = counts["English"] / len(words)
    best = max(_OTHERS, key=counts.__getitem__)
    share = counts[best] / len(words)
    if english < ENGLISH_AT_MOST and share >= OTHER_AT_LEAST:
        return Language(best, False, f"{share:.0%} of its words are common {best} words, {english:.0%} common English ones")
    return None


def _script(sample: str) -> Language | None:
    """The script other than Latin that most of ``sample``'s letters are in, if any."""
    if sample.isascii():
        return None
    _, letter, scripts = _patterns()
    letters = len(letter.findall(sample))
    if letters < MIN_WORDS:
        return None
    for name, pattern in scripts.items():
        share = len(pattern.findall(sample)) / letters
        if share >= SCRIPT_AT_LEAST:
            return Language(name, True, f"{share:.0%} of its letters are in {name} script")
    return None
