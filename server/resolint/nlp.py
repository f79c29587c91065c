"""spaCy and lemminflect, loaded once and only when a rule first needs them.

Openers are found by a pure-Python longest-phrase matcher (no spaCy import on the lint
path); a blank English spaCy pipeline stays available, loaded on first use. No
trained model is needed. We only ever feed it the first few words of a paragraph
(where openers are), so even a 1 MB draft costs little. lemminflect turns "Recalls"
into "Recalling" and "Calling" into "Calls" for fixes.
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass

#: How many characters of a paragraph's head we tokenize to find its opener.
HEAD_CHARS = 80

_lock = threading.Lock()
_instance: "Nlp | None" = None


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """A matched phrase: its end offset within the head text and the listed phrase."""

    end: int
    phrase: str


class Nlp:
    def __init__(self) -> None:
        self._blank = None
        self._matchers: dict[tuple[str, ...], object] = {}
        self._matcher_lock = threading.Lock()

    @property
    def nlp(self):
        """spaCy's blank English pipeline, imported on first use only."""
        if self._blank is None:
            import spacy

            self._blank = spacy.blank("en")
        return self._blank

    def tokenize(self, text: str):
        return self.nlp.make_doc(text)

    def _matcher(self, phrases: tuple[str, ...]):
        with self._matcher_lock:
            matcher = self._matchers.get(phrases)
            if matcher is None:
                from spacy.matcher import PhraseMatcher

                matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
                patterns = list(self.nlp.tokenizer.pipe(phrases))
                for i, doc in enumerate(patterns):
                    matcher.add(str(i), [doc])
                self._matchers[phrases] = matcher
            return matcher

    def longest_leading_phrase(self, head: str, phrases: tuple[str, ...]) -> PhraseMatch | None:
        """The longest listed phrase that starts ``head`` (case-insensitive), if any."""
        return longest_leading_phrase(head, phrases)

    def longest_leading_phrase_spacy(self, head: str, phrases: tuple[str, ...]) -> PhraseMatch | None:
        """The same through spaCy's PhraseMatcher (kept to check the fast path against)."""
        if not phrases or not head:
            return None
        doc = self.tokenize(head)
        matcher = self._matcher(phrases)
        best = None
        for match_id, start, end in matcher(doc):
            if start != 0:
                continue
            if best is None or end > best[1]:
                best = (match_id, end)
        if best is None:
            return None
        match_id, end = best
        phrase = phrases[int(self.nlp.vocab.strings[match_id])]
        span = doc[:end]
        return PhraseMatch(span.end_char, phrase)


#: Words and single marks, as spaCy's tokenizer splits the head of a paragraph.
_TOKEN = re.compile(r"\w+|[^\w\s]")
_phrase_index: dict[int, tuple[tuple[str, ...], dict[tuple[str, ...], str], int]] = {}


def _index(phrases: tuple[str, ...]) -> tuple[dict[tuple[str, ...], str], int]:
    hit = _phrase_index.get(id(phrases))
    if hit is not None and hit[0] is phrases:
        return hit[1], hit[2]
    table: dict[tuple[str, ...], str] = {}
    longest = 0
    for phrase in phrases:
        key = tuple(_TOKEN.findall(phrase.lower()))
        if key and key not in table:
            table[key] = phrase
            longest = max(longest, len(key))
    if len(_phrase_index) > 64:
        _phrase_index.clear()
    _phrase_index[id(phrases)] = (phrases, table, longest)
    return table, longest


def longest_leading_phrase(head: str, phrases: tuple[str, ...]) -> PhraseMatch | None:
    """The longest listed phrase that starts ``head`` (case-insensitive), if any.

    Pure Python, so linting needs no spaCy import (about a second of a language server's
    start-up): the phrase lists are words and spaces, matched token by token in lower
    case as spaCy's ``PhraseMatcher(attr="LOWER")`` does; ``tests`` check both agree.
    """
    if not phrases or not head:
        return None
    table, longest = _index(phrases)
    tokens = []
    for m in _TOKEN.finditer(head):
        tokens.append(m)
        if len(tokens) >= longest:
            break
    words = [t.group(0).lower() for t in tokens]
    for k in range(len(tokens), 0, -1):
        phrase = table.get(tuple(words[:k]))
        if phrase is not None:
            return PhraseMatch(tokens[k - 1].end(), phrase)
    return None


def get_nlp() -> Nlp:
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = Nlp()
    return _instance


_lemminflect_lock = threading.Lock()


def _lemminflect():
    """lemminflect, imported without its optional spaCy hook.

    ``import lemminflect`` imports spaCy (when installed) only to register token
    extensions we never use; that was about two thirds of its import time, paid by the
    first lint with a verb-form fix. If spaCy is already loaded, the hook is harmless.
    """
    import sys

    with _lemminflect_lock:
        if "lemminflect" in sys.modules or "spacy" in sys.modules:
            import lemminflect

            return lemminflect
        hider = _HideSpacy()
        sys.meta_path.insert(0, hider)  # "import spacy" fails while lemminflect loads
        try:
            import lemminflect
        finally:
            sys.meta_path.remove(hider)
        return lemminflect


class _HideSpacy:
    """A meta-path finder that makes spaCy look absent (see :func:`_lemminflect`)."""

    def find_spec(self, name, path=None, target=None):
        if name == "spacy" or name.startswith("spacy."):
            raise ImportError("spaCy hidden while lemminflect loads")
        return None


def warm_up() -> None:
    """Load lemminflect's tables now (for a server, in the background at start-up)."""
    lemma("recalls")
    inflect("recall", "VBG")


@functools.lru_cache(maxsize=4096)
def lemma(word: str, upos: str = "VERB") -> str:
    """The dictionary form of ``word`` ("recalls" -> "recall"); lower-cased."""
    getLemma = _lemminflect().getLemma

    lemmas = getLemma(word.lower(), upos=upos)
    return lemmas[0] if lemmas else word.lower()


@functools.lru_cache(maxsize=4096)
def inflect(word: str, tag: str) -> str | None:
    """``word`` inflected to the Penn tag ``tag`` ("VBG": recalling, "VBZ": calls)."""
    forms = _lemminflect().getInflection(lemma(word), tag=tag)
    return forms[0] if forms else None


def match_case(template: str, word: str) -> str:
    """Give ``word`` the casing of ``template`` (UPPER, Title or lower)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()
