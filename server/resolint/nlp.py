"""Opener matching and verb inflection, loaded once and only when first needed.

Openers are matched by the longest listed phrase at the head of a paragraph, token by
token in lower case: exactly what spaCy's ``PhraseMatcher(attr="LOWER")`` does on a blank
English pipeline, and the test suite checks that the two agree on every listed phrase
and on every paragraph head of the shared corpus. The lint path does not import spaCy:
its import alone (0.6-1.2 s here) is more than the start-up budget of the CLI (first
result under 1 s) and of the language server (first diagnostics under 1.5 s), and more
than linting a whole archive of drafts. spaCy stays available (the ``nlp`` extra) as
the reference matcher, :meth:`Nlp.longest_leading_phrase_spacy`.

lemminflect turns "Recalls" into "Recalling" and "Calling" into "Calls" for fixes. Its
answers are precomputed in two tables: :mod:`resolint.verbforms` for the verbs that head
listed openers (imported on first use), and ``verbforms-all.txt`` for every other verb
it knows (read on the first word outside the first). A fix never loads lemminflect itself
(0.25-0.4 s and about 28 MB) unless a word is no verb lemminflect knows.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from pathlib import Path

from resolint.records import record
from resolint.source import spacy_safe

#: How many characters of a paragraph's head we look at to find its opener.
HEAD_CHARS = 80

_lock = threading.Lock()
_instance: Nlp | None = None


@record(frozen=True, slots=True)
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

    @property
    def nlp(self):
        """spaCy's blank English pipeline, imported on first use."""
        if self._blank is None:
            with self._blank_lock:
                if self._blank is None:
                    import spacy  # lazy: spaCy loads only when tokens are asked for, never on the plain lint path

                    self._blank = spacy.blank("en")
        return self._blank

    def tokenize(self, text: str):
        return self.nlp.make_doc(spacy_safe(text))

    def _matcher(self, phrases: tuple[str, ...]):
        with self._matcher_lock:
            matcher = self._matchers.get(phrases)
            if matcher is None:
                from spacy.matcher import PhraseMatcher  # lazy: spaCy, as in nlp above

                matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
                for i, doc in enumerate(self.nlp.tokenizer.pipe(phrases)):
                    matcher.add(str(i), [doc])
                self._matchers[phrases] = matcher
            return matcher

    def longest_leading_phrase(self, head: str, phrases: tuple[str, ...]) -> PhraseMatch | None:
        """The longest listed phrase that starts ``head`` (case-insensitive), if any."""
        return longest_leading_phrase(head, phrases)

    def longest_leading_phrase_spacy(self, head: str, phrases: tuple[str, ...]) -> PhraseMatch | None:
        """The same through spaCy's PhraseMatcher: the reference the tests compare with."""
        if not phrases or not head.strip():
            return None
        return self._match(head, phrases)

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


#: Words and single marks, as spaCy's tokenizer splits the head of a paragraph.
_TOKEN = re.compile(r"\w+|[^\w\s]")
_tables: dict[int, tuple[tuple[str, ...], dict[tuple[str, ...], str], frozenset[tuple[str, ...]]]] = {}
_tables_lock = threading.Lock()


def _table(phrases: tuple[str, ...]) -> tuple[dict[tuple[str, ...], str], frozenset[tuple[str, ...]]]:
    """Phrases keyed by their lower-case tokens, and every leading run of tokens of a
    phrase (so a head is tokenized only as far as some phrase goes)."""
    hit = _tables.get(id(phrases))
    if hit is not None and hit[0] is phrases:
        return hit[1], hit[2]
    table: dict[tuple[str, ...], str] = {}
    for phrase in phrases:
        key = tuple(_TOKEN.findall(phrase.lower()))
        if key and key not in table:
            table[key] = phrase
    prefixes = frozenset(key[:n] for key in table for n in range(1, len(key) + 1))
    with _tables_lock:
        if len(_tables) > 64:
            _tables.clear()
        _tables[id(phrases)] = (phrases, table, prefixes)
    return table, prefixes


def longest_leading_phrase(head: str, phrases: tuple[str, ...]) -> PhraseMatch | None:
    """The longest listed phrase that starts ``head`` (case-insensitive), if any."""
    if not phrases or not head:
        return None
    table, prefixes = _table(phrases)
    best_end, best = 0, None
    key: tuple[str, ...] = ()
    for m in _TOKEN.finditer(head):
        key = (*key, m.group(0).lower())
        if key not in prefixes:
            break  # no phrase goes on this way: no longer one can match
        phrase = table.get(key)
        if phrase is not None:
            best_end, best = m.end(), phrase
    return None if best is None else PhraseMatch(best_end, best)


_lemminflect_lock = threading.Lock()


def _lemminflect():
    """lemminflect, imported without its optional spaCy hook.

    ``import lemminflect`` imports spaCy, when it is installed, only to register token
    extensions we never use: that would put spaCy's whole import back on the lint path.
    """
    with _lemminflect_lock:
        if "lemminflect" in sys.modules or "spacy" in sys.modules:
            import lemminflect  # lazy: word lists load on first use, with spaCy hidden (see the docstring)

            return lemminflect
        hider = _HideSpacy(threading.get_ident())
        sys.meta_path.insert(0, hider)  # "import spacy" fails in this thread while lemminflect loads
        try:
            import lemminflect  # lazy: word lists load on first use, with spaCy hidden (see the docstring)
        finally:
            sys.meta_path.remove(hider)
        return lemminflect


class _HideSpacy:
    """A meta-path finder that makes spaCy look absent (see :func:`_lemminflect`) to the
    one thread loading lemminflect.

    ``sys.meta_path`` is shared by every thread: the language server's lint worker may load
    lemminflect (a word outside the verb tables) while another thread imports spaCy for
    house rules, which must not fail because of this finder.
    """

    def __init__(self, thread: int) -> None:
        self.thread = thread

    def find_spec(self, name, path=None, target=None):
        if threading.get_ident() != self.thread:
            return None
        if name == "spacy" or name.startswith("spacy."):
            raise ImportError("spaCy hidden while lemminflect loads")
        return None


def load_forms() -> None:
    """Read the second verb-form table now (``--jobs`` does, before it forks workers)."""
    _all_forms()


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


#: The Penn tags of the forms in the tables (resolint.verbforms.TAGS, without importing it).
TAGS = ("VBG", "VBZ")
#: Every inflected form of every verb lemminflect knows -> (lemma, VBG form, VBZ form), as
#: lemminflect answers (generated by scripts/gen_verbforms.py). One line per answer:
#: ``lemma VBG VBZ word word ...`` ("-" for a form lemminflect has none of).
ALL_FORMS_FILE = Path(__file__).with_name("verbforms-all.txt")


@functools.cache
def _all_forms() -> dict[str, tuple[str, str, str]]:
    """The second table, read on the first word outside the first (about 10 ms,
    against 0.25-0.4 s and 28 MB for lemminflect): "including", "strengthening"."""
    table: dict[str, tuple[str, str, str]] = {}
    try:
        lines = ALL_FORMS_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:  # a broken install: lemminflect still answers
        return table
    for line in lines:
        lemma_, vbg, vbz, *words = line.split(" ")
        answer = (lemma_, "" if vbg == "-" else vbg, "" if vbz == "-" else vbz)
        for word in words:
            table[word] = answer
    return table


def known_forms(word: str) -> tuple[str, str, str] | None:
    """lemminflect's (lemma, VBG, VBZ) for a lower-case verb form, from the tables."""
    from resolint.verbforms import FORMS  # lazy: 6 ms, and a draft whose openers are all listed never needs it

    known = FORMS.get(word)
    if known is None:
        known = _all_forms().get(word)
    return known


def is_known_form(word: str, tag: str) -> bool:
    """Whether lemminflect's dictionary knows the lower-case ``word`` as the ``tag`` form
    ("VBG", "VBZ") of a verb: "recalls" is a VBZ form; "its", "nations" and an invented
    "zorbles" are not, though they end in "s" like one."""
    known = known_forms(word)
    return known is not None and known[1 + TAGS.index(tag)] == word


@functools.lru_cache(maxsize=4096)
def lemma(word: str, upos: str = "VERB") -> str:
    """The dictionary form of ``word`` ("recalls" -> "recall"); lower-cased."""
    w = word.lower()
    if upos == "VERB":
        known = known_forms(w)
        if known is not None:
            return known[0]
    return lemma_by_lemminflect(w, upos)


def lemma_by_lemminflect(word: str, upos: str = "VERB") -> str:
    """:func:`lemma` computed by lemminflect, without the tables (they are made from it).

    Tries the regular candidates against lemminflect's inflection table first (one
    table to load, not two); falls back to its lemmatizer for irregular forms.
    """
    w = word.lower()
    lm = _lemminflect()
    getAllInflections, getLemma = lm.getAllInflections, lm.getLemma
    for cand in _candidates(w):
        forms = getAllInflections(cand, upos=upos)
        if any(w in values for values in forms.values()) or (cand == w and forms):
            return cand
    lemmas = getLemma(w, upos=upos)
    return lemmas[0] if lemmas else w


@functools.lru_cache(maxsize=4096)
def inflect(word: str, tag: str) -> str | None:
    """``word`` inflected to the Penn tag ``tag`` ("VBG": recalling, "VBZ": calls)."""
    if tag in TAGS:  # the tags both tables give
        known = known_forms(word.lower())
        if known is not None:
            return known[1 + TAGS.index(tag)] or None
    return inflect_by_lemminflect(word, tag)


def inflect_by_lemminflect(word: str, tag: str) -> str | None:
    """:func:`inflect` computed by lemminflect, without the tables."""
    forms = _lemminflect().getInflection(lemma_by_lemminflect(word), tag=tag)
    return forms[0] if forms else None


def match_case(template: str, word: str) -> str:
    """Give ``word`` the casing of ``template`` (UPPER, Title or lower)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()
