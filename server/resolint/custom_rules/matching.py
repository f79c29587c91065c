"""Build spaCy's Matcher, PhraseMatcher or DependencyMatcher for one rule, and run it.

spaCy validates a pattern's values when it is added (``validate=True``); its error
is turned into a :class:`~resolint.custom_rules.spec.SpecError` naming the rule, so a
bad ``REGEX`` or a misspelt ``OP`` is a configuration error, not a crash at lint time.
"""

from __future__ import annotations

import re
from typing import Callable

from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from resolint.custom_rules.pipeline import DocCache
from resolint.custom_rules.spec import RuleSpec, SpecError

#: (start_char, end_char, token texts) of each match in a Doc.
MatchFn = Callable[[Doc], list[tuple[int, int, list[str]]]]


def _upper_keys(obj):
    """spaCy names attributes in capitals; let a house write ``lower = "urges"`` too."""
    if isinstance(obj, dict):
        return {(k.upper() if isinstance(k, str) else k): _upper_keys(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_upper_keys(v) for v in obj]
    return obj


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


def compile_rule(spec: RuleSpec, docs: DocCache) -> MatchFn:
    """A function from a paragraph's Doc to the rule's matches, longest first, no overlaps."""
    vocab = docs.nlp.vocab
    patterns = _upper_keys(spec.patterns())
    try:
        if spec.kind == "phrase":
            matcher = PhraseMatcher(vocab, attr=spec.attr, validate=True)
            needs_pipeline = spec.attr not in ("LOWER", "ORTH", "TEXT", "NORM", "SHAPE")
            phrase_docs = [docs.make(p) if needs_pipeline else docs.nlp.make_doc(p) for p in patterns]
            matcher.add(spec.code, phrase_docs)
        elif spec.kind == "dependency":
            matcher = DependencyMatcher(vocab, validate=True)
            matcher.add(spec.code, [patterns])
        else:
            matcher = Matcher(vocab, validate=True)
            matcher.add(spec.code, patterns)
    except SpecError:
        raise
    except Exception as exc:  # spaCy's validation: ValueError, KeyError, MatchPatternError
        raise SpecError(spec.code, "pattern", f"spaCy does not accept it: {_spacy_problem(exc)}") from None

    if spec.kind == "dependency":

        def run_dep(doc: Doc) -> list[tuple[int, int, list[str]]]:
            spans = []
            for _, token_ids in matcher(doc):
                lo, hi = min(token_ids), max(token_ids) + 1
                spans.append(doc[lo:hi])
            return [(s.start_char, s.end_char, [t.text for t in s]) for s in filter_spans(spans)]

        return run_dep

    def run(doc: Doc) -> list[tuple[int, int, list[str]]]:
        spans = matcher(doc, as_spans=True)
        return [(s.start_char, s.end_char, [t.text for t in s]) for s in filter_spans(spans)]

    return run
