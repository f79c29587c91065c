"""spaCy and lemminflect, loaded once and only when a rule first needs them.

A blank English spaCy pipeline gives us its tokenizer and its ``PhraseMatcher``; no
trained model is needed. We only ever feed it the first few words of a paragraph
(where openers are), and only when the first word can start a listed phrase, so even a
1 MB draft costs little; results are memoized, so a language server re-linting a draft
after a keystroke matches only the paragraphs that changed. lemminflect turns
"Recalls" into "Recalling" and "Calling" into "Calls" for fixes.

Start-up: importing spaCy is most of resolint's start-up. The language server warms it
in a background thread while the client is still initializing (see ``lsp``).
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from dataclasses import dataclass

#: How many characters of a paragraph's head we look at to find its opener.
HEAD_CHARS = 80
#: How many (phrase list, head) results we remember.
MEMO_SIZE = 20_000

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
        self._blank_lock = threading.Lock()
        self._matchers: dict[tuple[str, ...], object] = {}
        self._matcher_lock = threading.Lock()
        self._indexes: dict[tuple[str, ...], tuple[frozenset[str], int]] = {}
        self._memo: OrderedDict[tuple[int, str], PhraseMatch | None] = OrderedDict()
        self._memo_lock = threading.Lock()

    @property
    def nlp(self):
        """spaCy's blank English pipeline, imported on first use."""
        if self._blank is None:
            with self._blank_lock:
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
                for i, doc in enumerate(self.nlp.tokenizer.pipe(phrases)):
                    matcher.add(str(i), [doc])
                self._matchers[phrases] = matcher
            return matcher

    def _index(self, phrases: tuple[str, ...]) -> tuple[frozenset[str], int]:
        """First words of the phrases and the longest phrase's length, for a cheap pre-check."""
        idx = self._indexes.get(phrases)
        if idx is None:
            firsts = frozenset(p.split()[0].lower() for p in phrases if p.split())
            idx = (firsts, max((len(p) for p in phrases), default=0))
            self._indexes[phrases] = idx
        return idx

    def longest_leading_phrase(self, head: str, phrases: tuple[str, ...]) -> PhraseMatch | None:
        """The longest listed phrase that starts ``head`` (case-insensitive), if any."""
        if not phrases or not head.strip():
            return None
        firsts, longest = self._index(phrases)
        first = head.split(None, 1)[0].lower().rstrip(",;:.")
        if first not in firsts:
            return None  # no listed phrase starts with this word: no need to tokenize
        head = head[: longest + 2]
        key = (id(phrases), head)
        with self._memo_lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]
        result = self._match(head, phrases)
        with self._memo_lock:
            self._memo[key] = result
            if len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)
        return result

    def _match(self, head: str, phrases: tuple[str, ...]) -> PhraseMatch | None:
        doc = self.tokenize(head)
        best = None
        for match_id, start, end in self._matcher(phrases)(doc):
            if start == 0 and (best is None or end > best[1]):
                best = (match_id, end)
        if best is None:
            return None
        match_id, end = best
        phrase = phrases[int(self.nlp.vocab.strings[match_id])]
        return PhraseMatch(doc[:end].end_char, phrase)


def get_nlp() -> Nlp:
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = Nlp()
    return _instance


def warm_up() -> None:
    """Import spaCy and lemminflect now (the language server calls this in a thread)."""
    get_nlp().nlp
    lemma("recalls")


def _candidates(word: str) -> list[str]:
    """Possible dictionary forms of an inflected verb, most likely first."""
    w = word.lower()
    out = []
    if w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("es"):
        out += [w[:-1], w[:-2]]
    elif w.endswith("s"):
        out.append(w[:-1])
    for suffix in ("ing", "ed"):
        if w.endswith(suffix):
            stem = w[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "committing" -> "commit"
            if stem.endswith("i"):
                out.append(stem[:-1] + "y")  # "applied" -> "apply"
    out.append(w)
    return out


@functools.lru_cache(maxsize=4096)
def lemma(word: str, upos: str = "VERB") -> str:
    """The dictionary form of ``word`` ("recalls" -> "recall"); lower-cased.

    Tries the regular candidates against lemminflect's inflection table first (one
    table to load, not two); falls back to its lemmatizer for irregular forms.
    """
    from lemminflect import getAllInflections, getLemma

    w = word.lower()
    for cand in _candidates(w):
        forms = getAllInflections(cand, upos=upos)
        if any(w in values for values in forms.values()) or (cand == w and forms):
            return cand
    lemmas = getLemma(w, upos=upos)
    return lemmas[0] if lemmas else w


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
