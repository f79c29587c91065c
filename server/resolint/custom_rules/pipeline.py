"""The spaCy side of house rules: which pipeline turns a paragraph into a Doc, once.

Imported only when a style or configuration has pattern rules: importing spaCy costs
about half a second, which a plain lint must not pay (see :mod:`resolint.nlp`).

- Without a configured pipeline, a paragraph is tokenized by spaCy's blank English
  pipeline; when a rule compares ``LEMMA``, :func:`set_lemmas` fills ``token.lemma_``
  from lemminflect (already a dependency, about 1 MB) instead of the 100 MB
  ``spacy-lookups-data`` tables, and it lemmatizes capitalized openers ("Urges") too.
- With ``nlp.pipeline`` configured (an installed package or a folder), the whole
  pipeline runs, and lemmas it does not set come from lemminflect using its tags.

:class:`DocCache` keeps one Doc per paragraph text, so every pattern rule of a lint
shares one tokenization of each paragraph, and an edit in the editor re-tokenizes only
the paragraphs it changed.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import OrderedDict
from pathlib import Path

import spacy
from lemminflect import getAllLemmas, getLemma
from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.tokens import Doc

from resolint.source import spacy_safe

#: Paragraph Docs kept per pipeline (a long resolution has a few hundred paragraphs).
CACHE_SIZE = 4096
#: lemminflect's word classes, tried in this order when no tagger says which one a word is:
#: resolutions are built on verbs ("urges", "condemns"), then nouns.
_UPOS_ORDER = ("VERB", "AUX", "NOUN", "ADJ", "ADV", "PROPN")

_load_lock = threading.Lock()
_loaded: dict[str, Language] = {}
_blank: Language | None = None


class PipelineError(Exception):
    """A configured pipeline that cannot be loaded, with what to do about it."""


def blank() -> Language:
    global _blank
    with _load_lock:
        if _blank is None:
            _blank = spacy.blank("en")
        return _blank


def load_pipeline(name: str) -> Language:
    """The pipeline ``name`` (a package or a folder), loaded once per process."""
    with _load_lock:
        nlp = _loaded.get(name)
        if nlp is not None:
            return nlp
        try:
            nlp = spacy.load(name)
        except Exception as exc:  # spaCy raises OSError, ValueError, KeyError, ... here
            hint = (
                f"no folder '{name}'" if _looks_like_path(name) and not Path(name).exists()
                else f"install it (e.g. python -m spacy download {name}, or pip install the pipeline's package)"
                if not _looks_like_path(name) else "check that it is a pipeline saved by spaCy (nlp.to_disk)"
            )
            raise PipelineError(f"cannot load the spaCy pipeline '{name}': {_first_line(exc)}; {hint}") from None
        _loaded[name] = nlp
        return nlp


def _looks_like_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.startswith(".")


def _first_line(exc: Exception) -> str:
    text = re.sub(r"\[[EW]\d+\]\s*", "", str(exc)).strip().splitlines()
    return text[0].rstrip(".") if text else type(exc).__name__


def assigned(nlp: Language) -> set[str]:
    """What the pipeline's components set (``token.pos``, ``token.dep``, …)."""
    out: set[str] = set()
    for name in nlp.pipe_names:
        meta = nlp.get_pipe_meta(name)
        out.update(meta.assigns)
        if meta.factory == "attribute_ruler":  # maps tags to POS and MORPH in the trained English pipelines
            out.update({"token.pos", "token.morph"})
    return out


#: What each trained attribute needs the pipeline to set.
NEEDS = {
    "POS": {"token.pos"},
    "TAG": {"token.tag"},
    "MORPH": {"token.morph"},
    "DEP": {"token.dep"},
    "ENT_TYPE": {"token.ent_type", "doc.ents"},
    "ENT_IOB": {"token.ent_iob", "doc.ents"},
    "ENT_ID": {"doc.ents"},
    "ENT_KB_ID": {"token.ent_kb_id"},
    "IS_SENT_START": {"token.is_sent_start"},
    "SENT_START": {"token.is_sent_start"},
}


@functools.lru_cache(maxsize=65536)
def lemma_of(lower: str, upos: str = "") -> str:
    """The lemma of a lower-cased word, by lemminflect; the word itself when unknown."""
    if upos:
        found = getLemma(lower, upos=upos)
        if found:
            return found[0]
    lemmas = getAllLemmas(lower)
    for pos in _UPOS_ORDER:
        if pos in lemmas:
            return lemmas[pos][0]
    return lower


def set_lemmas(doc: Doc, memo: dict[tuple[int, int], int] | None = None) -> Doc:
    """Fill ``token.lemma_`` where no component did (a blank pipeline sets none).

    Works on attribute arrays rather than Token objects: creating a Token per word
    cost more than the lemma lookups themselves.
    """
    if not len(doc):
        return doc
    strings = doc.vocab.strings
    memo = {} if memo is None else memo  # (LOWER, POS) hashes -> LEMMA hash, per vocab
    arr = doc.to_array([LOWER, POS, LEMMA])
    out = arr[:, 2].copy()
    get = memo.get
    for i, (lower, pos, lemma) in enumerate(arr.tolist()):
        if lemma:
            continue
        key = (lower, pos)
        found = get(key)
        if found is None:
            upos = strings[pos] if pos else ""
            found = memo[key] = strings.add(lemma_of(strings[lower], upos if upos != "X" else ""))
        out[i] = found
    doc.from_array([LEMMA], out.reshape(-1, 1))
    return doc


class DocCache:
    """Paragraph text -> Doc, made once by one pipeline at one level of analysis.

    ``trained``: run the configured pipeline (else only its tokenizer); ``lemmas``: fill
    lemmas from lemminflect. The cache is shared by every rule of a rule set.
    """

    def __init__(self, nlp: Language, trained: bool, lemmas: bool) -> None:
        self.nlp = nlp
        self.trained = trained
        self.lemmas = lemmas
        self._docs: OrderedDict[str, Doc] = OrderedDict()
        self.lock = threading.RLock()
        self.made = 0  # how many paragraphs were tokenized (the benchmark and tests read it)
        self._lemma_memo: dict[tuple[int, int], int] = {}

    def doc(self, text: str) -> Doc:
        with self.lock:
            doc = self._docs.get(text)
            if doc is not None:
                self._docs.move_to_end(text)
                return doc
            doc = self.make(text)
            self.made += 1
            self._docs[text] = doc
            if len(self._docs) > CACHE_SIZE:
                self._docs.popitem(last=False)
            return doc

    def make(self, text: str) -> Doc:
        text = spacy_safe(text)
        doc = self.nlp(text) if self.trained else self.nlp.make_doc(text)
        return set_lemmas(doc, self._lemma_memo) if self.lemmas else doc
