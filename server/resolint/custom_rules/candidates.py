"""Whether a paragraph can hold a match of a house rule at all, decided without spaCy.

Matching a house rule needs spaCy, and loading it (the import, then a blank English
pipeline) costs a whole process about a second: a Model UN draft checked from the
command line paid that on every run for its style's house rules, a five-line draft
taking 1.4 s where the same draft in the ``un-ga`` style took 0.2 s, even when no word of
it could match. Most token patterns say which words a match needs: ``{ORTH: {IN: ["UN",
"U.N."]}}`` needs a token "UN" or "U.N.", ``{LOWER: "should"}`` one whose lower case is
"should", ``{TEXT: {REGEX: "^UNSC$"}}`` one the expression finds. A token is a piece of
the text spaCy reads (the paragraph with its white space runs as single spaces, see
:mod:`.spacing`), never across a space; so a paragraph in which no such string, or no
white-space-free stretch the expression finds, occurs has no match, and spaCy is neither
asked nor loaded. A paragraph that may match is matched by spaCy as before.

With a configured pipeline (``[nlp] pipeline``) there is no test: its components may
merge tokens across a space ("Member States" made one token by an entity ruler).

The test derived here is *necessary*, never sufficient: it only ever says "no match
possible" when there is none, so the findings are the same with it and without it
(``tests/custom_rules/test_candidates.py`` compares the two on every rule shape). Where a
pattern says nothing certain — an optional token, a lemma, a norm (spaCy's norms
respell words), a phrase list (spaCy's tokenizer splits "cannot"), an expression that
looks at what surrounds its match — the rule has no test and always asks spaCy.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from resolint import userregex
from resolint.custom_rules.spacing import Spacing
from resolint.custom_rules.spec import RuleSpec, upper_keys
from resolint.lazyre import lazy
from resolint.source import spacy_safe

#: A test on the text spaCy would read (a :class:`Candidate`): False only when no match
#: of the rule is possible there.
Test = Callable[["Candidate"], bool]

#: Token operators under which the token must be there at least once.
_REQUIRED_OPS = (None, "+")
#: In an expression, whatever looks past the stretch it matches (anchors, word
#: boundaries, look-arounds, conditionals, ``\G`` and ``\K`` of the ``regex`` module) or
#: steers its backtracking (the ``regex`` module's verbs: ``(*SKIP)(*FAIL)`` skips a "UN"
#: inside "(UN)" that the token "UN" alone matches): a token's expression found in a
#: longer stretch may then answer differently.
_CONTEXT = lazy(r"[\^$]|\\[bBAZzmMGK]|\(\?(?:[=!<(]|[a-zA-Z]*[)-])|\(\*")


class Candidate:
    """One paragraph as spaCy would read it, with the views the tests compare against
    (each computed once, when a test first asks)."""

    __slots__ = ("text", "_lower", "_words")

    def __init__(self, paragraph: str) -> None:
        self.text = spacy_safe(Spacing(paragraph).text)
        self._lower: str | None = None
        self._words: list[str] | None = None

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    @property
    def words(self) -> list[str]:
        """The white-space-free stretches: every token lies inside one, but for the
        single space spaCy makes a token of at the start of a text."""
        if self._words is None:
            self._words = ([" "] if self.text.startswith(" ") else []) + self.text.split()
        return self._words


@functools.lru_cache(maxsize=256)
def candidate_test(spec: RuleSpec) -> Test | None:
    """The rule's necessary condition on a paragraph, or None when its pattern gives none."""
    if spec.kind == "token":
        alternatives = [_token_pattern_tests(tokens) for tokens in spec.patterns()]
    elif spec.kind == "dependency":
        nodes = spec.patterns()
        alternatives = [[t for node in nodes if isinstance(node, dict) for t in _token_tests(upper_keys(node.get("RIGHT_ATTRS")))]]
    else:
        return None  # phrase lists: spaCy's tokenizer decides what a phrase's words are
    if not alternatives or any(not tests for tests in alternatives):
        return None  # an alternative that may match anywhere: every paragraph may match
    return lambda c: any(all(test(c) for test in tests) for tests in alternatives)


def _token_pattern_tests(tokens: list) -> list[Test]:
    """Tests every match of one token pattern passes: those of its required tokens."""
    out: list[Test] = []
    for token in tokens:
        token = upper_keys(token)
        if isinstance(token, dict) and token.get("OP") in _REQUIRED_OPS:
            out.extend(_token_tests(token))
    return out


def _token_tests(token: object) -> list[Test]:
    """What one token of a match says of the paragraph: a string it has, or a stretch an
    expression finds (all of them, each necessary); nothing of what is no table."""
    if not isinstance(token, dict):
        return []
    out: list[Test] = []
    for key, value in token.items():
        if key in ("ORTH", "TEXT"):
            out.extend(_value_tests(value, lower=False))
        elif key == "LOWER":
            out.extend(_value_tests(value, lower=True))
    return out


def _value_tests(value: object, lower: bool) -> list[Test]:
    if isinstance(value, str):
        words = _words([value], lower)
        return [] if words is None else [_has_any(words, lower)]
    if not isinstance(value, dict):
        return []
    out: list[Test] = []
    choices = value.get("IN")
    if isinstance(choices, list):
        words = _words(choices, lower)
        if words is not None:
            out.append(_has_any(words, lower))
    expression = value.get("REGEX")
    if not lower and isinstance(expression, str):
        test = _found_in_a_stretch(expression)
        if test is not None:
            out.append(test)
    return out


def _words(values: list, lower: bool) -> tuple[str, ...] | None:
    """The strings a token's text (or its lower case) must equal, when they are plain
    strings without white space; for lower case, ASCII ones only (a whole text's lower
    case is its characters' lower cases only for them: "Σ" lowers by its context)."""
    if not values or not all(isinstance(v, str) and v and not any(c.isspace() for c in v) for v in values):
        return None
    if lower and not all(v.isascii() for v in values):
        return None
    return tuple(values)


def _has_any(words: tuple[str, ...], lower: bool) -> Test:
    if lower:
        return lambda c: any(w in c.lower for w in words)
    return lambda c: any(w in c.text for w in words)


def _found_in_a_stretch(expression: str) -> Test | None:
    """A test for ``{TEXT: {REGEX: expression}}``: spaCy searches each token's text; a
    token lies inside a white-space-free stretch, so when the expression (its outer ``^``
    and ``$`` dropped) has nothing that looks past its match, a token it finds is found
    in its stretch too. An expression that gives up there (the time limit of
    :mod:`resolint.userregex`) counts as found: spaCy decides."""
    core = expression.removeprefix("^")
    if core.endswith("$") and not core.endswith("\\$"):
        core = core[:-1]
    if not core or _CONTEXT.search(core):
        return None
    try:
        userregex.compiled(core)
    except userregex.PatternError:
        return None

    def test(c: Candidate) -> bool:
        for word in c.words:
            try:
                if userregex.search(core, word) is not None:
                    return True
            except userregex.GaveUp:
                return True
        return False

    return test
