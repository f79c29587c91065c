"""spaCy and lemminflect, loaded once and only when a rule first needs them.

A blank English pipeline gives us spaCy's tokenizer and its ``PhraseMatcher``; no
trained model is needed. We only ever feed it the first few words of a paragraph
(where openers are), so even a 1 MB draft costs little. lemminflect turns "Recalls"
into "Recalling" and "Calling" into "Calls" for fixes.
"""

from __future__ import annotations

import functools
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
        import spacy

        self._spacy = spacy
        self.nlp = spacy.blank("en")
        self._matchers: dict[tuple[str, ...], object] = {}
        self._matcher_lock = threading.Lock()

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


def get_nlp() -> Nlp:
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = Nlp()
    return _instance


@functools.lru_cache(maxsize=4096)
def lemma(word: str, upos: str = "VERB") -> str:
    """The dictionary form of ``word`` ("recalls" -> "recall"); lower-cased."""
    from lemminflect import getLemma

    lemmas = getLemma(word.lower(), upos=upos)
    return lemmas[0] if lemmas else word.lower()


@functools.lru_cache(maxsize=4096)
def inflect(word: str, tag: str) -> str | None:
    """``word`` inflected to the Penn tag ``tag`` ("VBG": recalling, "VBZ": calls)."""
    from lemminflect import getInflection

    forms = getInflection(lemma(word), tag=tag)
    return forms[0] if forms else None


def match_case(template: str, word: str) -> str:
    """Give ``word`` the casing of ``template`` (UPPER, Title or lower)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()
