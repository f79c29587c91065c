"""Build spaCy's Matcher, PhraseMatcher or DependencyMatcher for one rule, and run it.

spaCy validates a pattern's values when it is added (``validate=True``); its error
is turned into a :class:`~resolint.custom_rules.spec.SpecError` naming the rule, so a
bad ``REGEX`` or a misspelt ``OP`` is a configuration error, not a crash at lint time.
"""

from __future__ import annotations

import itertools
import math
import re

from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from resolint.custom_rules.pipeline import DocCache
from resolint.custom_rules.spec import RuleSpec, SpecError, upper_keys
from resolint.custom_rules.timed_regex import timed
from resolint.userregex import PatternError


def _spacy_problem(exc: Exception) -> str:
    """spaCy's message without its codes and the pattern echoed back."""
    if isinstance(exc, re.error):
        return f"a REGEX is not a valid regular expression ({exc})"
    text = str(exc)
    text = re.sub(r"\[E\d+\]\s*", "", text)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    # Validation errors list "pattern_index -> key -> problem" lines after a header.
    detail = [ln for ln in lines if "->" in ln or ln.startswith("- ")]
    head = lines[0] if lines else type(exc).__name__
    return head if not detail else f"{head} {'; '.join(detail[:3])}"


#: A token pattern of plain words expands to at most this many phrases.
MAX_PHRASES = 64


def _as_phrases(patterns: list) -> tuple[str, list[tuple[str, ...]]] | None:
    """(attribute, word sequences) when every token of every alternative is one word, or
    one of a few words, compared by LOWER (lower-case words) or ORTH/TEXT, with no
    operator; None otherwise."""
    attr = None
    phrases: list[tuple[str, ...]] = []
    for tokens in patterns:
        choices = []
        for token in tokens:
            plain = _plain_words(token)
            if plain is None or (attr is not None and plain[0] != attr):
                return None
            attr, words = plain
            choices.append(words)
        if len(phrases) + math.prod(len(c) for c in choices) > MAX_PHRASES:
            return None
        phrases.extend(itertools.product(*choices))
    return (attr, phrases) if attr else None


def _plain_words(token: dict) -> tuple[str, list[str]] | None:
    """(attribute, the words it may be) when a token pattern is a plain word or a choice of
    plain words ({"IN": [...]}) compared by LOWER or ORTH (TEXT is ORTH); None otherwise."""
    if len(token) != 1:
        return None
    ((key, value),) = token.items()
    key = "ORTH" if key == "TEXT" else key
    if key not in ("LOWER", "ORTH"):
        return None
    if isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], list):
        words = value["IN"]
    else:
        words = [value]
    if not words or not all(isinstance(w, str) and w and not any(c.isspace() for c in w) for w in words):
        return None
    if key == "LOWER" and any(w != w.lower() for w in words):
        return None
    return key, words


class RuleMatchers:
    """Every rule's patterns in as few spaCy matchers as possible, run over a Doc once.

    All token patterns share one :class:`Matcher` (keyed by rule code), phrase lists one
    :class:`PhraseMatcher` per compared attribute; only dependency patterns need one
    matcher each. Ten rules thus cost one pass over a paragraph's tokens, not ten
    (spaCy's Matcher builds a Token object per token and predicate on each pass).
    """

    def __init__(self, specs: tuple[RuleSpec, ...], docs: DocCache) -> None:
        vocab = docs.nlp.vocab
        self.vocab = vocab
        self.token = Matcher(vocab, validate=True)
        self.phrase: dict[str, PhraseMatcher] = {}
        self.dependency: list[tuple[str, DependencyMatcher]] = []
        self.has_token = False
        for spec in specs:
            self._add(spec, docs)

    def _add(self, spec: RuleSpec, docs: DocCache) -> None:
        try:
            # A REGEX runs with a time limit (resolint.custom_rules.timed_regex).
            patterns = timed(spec.kind, upper_keys(spec.patterns()))
        except PatternError as exc:
            raise SpecError(spec.code, "pattern", f"a REGEX is not a regular expression as Python's re reads it: {exc}") from None
        try:
            if spec.kind == "phrase":
                matcher = self.phrase.get(spec.attr)
                if matcher is None:
                    matcher = self.phrase[spec.attr] = PhraseMatcher(self.vocab, attr=spec.attr, validate=True)
                needs_pipeline = spec.attr not in ("LOWER", "ORTH", "TEXT", "NORM", "SHAPE")
                phrase_docs = [docs.make(p) if needs_pipeline else docs.nlp.make_doc(p) for p in patterns]
                matcher.add(spec.code, phrase_docs)
            elif spec.kind == "dependency":
                matcher = DependencyMatcher(self.vocab, validate=True)
                matcher.add(spec.code, [patterns])
                self.dependency.append((spec.code, matcher))
            elif (words := _as_phrases(patterns)) is not None:
                # Plain words compared by text: the same matches from the much faster
                # PhraseMatcher (with the words as tokens, so tokenization cannot differ).
                attr, phrases = words
                Matcher(self.vocab, validate=True).add(spec.code, patterns)
                matcher = self.phrase.get(attr)
                if matcher is None:
                    matcher = self.phrase[attr] = PhraseMatcher(self.vocab, attr=attr, validate=True)
                matcher.add(spec.code, [Doc(self.vocab, words=list(w)) for w in phrases])
            else:
                # Added to the shared matcher at once (no trial matcher of its own first,
                # which compiled every pattern twice): an error names this rule, and the
                # half-built matchers are dropped with it (the caller keeps none).
                self.token.add(spec.code, patterns)
                self.has_token = True
        except SpecError:
            raise
        except Exception as exc:  # spaCy's validation: ValueError, KeyError, MatchPatternError
            raise SpecError(spec.code, "pattern", f"spaCy does not accept it: {_spacy_problem(exc)}") from None

    def __call__(self, doc: Doc) -> dict[str, list[tuple[int, int, list[str]]]]:
        """Rule code -> its matches (start char, end char, token texts), longest first, no overlaps."""
        spans: dict[str, list] = {}
        strings = self.vocab.strings
        found = list(self.token(doc)) if self.has_token else []
        for matcher in self.phrase.values():
            found.extend(matcher(doc))
        for key, start, end in found:
            spans.setdefault(strings[key], []).append(doc[start:end])
        for code, matcher in self.dependency:
            for _, token_ids in matcher(doc):
                spans.setdefault(code, []).append(doc[min(token_ids) : max(token_ids) + 1])
        return {
            code: [(s.start_char, s.end_char, [t.text for t in s]) for s in filter_spans(group)]
            for code, group in spans.items()
        }
