"""A house rule's ``REGEX`` run with a time limit.

spaCy's Matcher runs a ``{"TEXT": {"REGEX": …}}`` predicate with Python's ``re``, which
cannot be stopped: a pattern that backtracks without end (``^(a|aa)+$``) on one long
token hung the lint, and the language server with it, in any repository whose
``resolint.toml`` carried it. Each such predicate is handed to spaCy as a token
extension attribute instead (``{"_": {name: True}}``), whose getter searches the same
attribute's text with :func:`resolint.userregex.search`: the ``regex`` module, which gives
up past its time limit. A token whose search gives up does not match, and the pattern is
logged once; after :data:`GIVE_UPS` give-ups it is given up for good (matches nothing for
the rest of the process, and says so): each give-up costs the time limit, and a draft of
800 distinct long tokens held the lint for 100 s, one give-up at a time.
"""

from __future__ import annotations

import hashlib
from typing import Any

from spacy.tokens import Token

from resolint import userregex
from resolint.lazylog import get_logger

log = get_logger(__name__)

#: A pattern key and the Token attribute holding that text.
_TEXT_OF = {
    "ORTH": "text", "TEXT": "text", "LOWER": "lower_", "NORM": "norm_", "LEMMA": "lemma_", "SHAPE": "shape_",
    "PREFIX": "prefix_", "SUFFIX": "suffix_", "POS": "pos_", "TAG": "tag_", "DEP": "dep_", "ENT_TYPE": "ent_type_",
    "MORPH": "morph",
}
_PREFIX = "resolint_regex_"
#: Texts whose answer a getter keeps before it starts again.
_KEPT = 50_000
_logged: set[str] = set()
#: Give-ups after which a pattern matches nothing more (see the module docstring).
GIVE_UPS = 3
_gave_up: dict[str, int] = {}


def timed(kind: str, patterns: list) -> list:
    """``patterns`` (as spaCy takes them, keys in capitals) with each ``REGEX`` predicate
    on a text attribute replaced by an extension attribute that runs it with a time limit.
    Raises :class:`~resolint.userregex.PatternError` for a REGEX that is not a pattern."""
    if kind == "dependency":
        return [_node(node) for node in patterns]
    if kind == "token":
        return [[_token(token) for token in tokens] for tokens in patterns]
    return patterns


def _node(node: Any) -> Any:
    if isinstance(node, dict) and isinstance(node.get("RIGHT_ATTRS"), dict):
        return {**node, "RIGHT_ATTRS": _token(node["RIGHT_ATTRS"])}
    return node


def _token(token: Any) -> Any:
    if not isinstance(token, dict):
        return token
    out: dict = {}
    extensions: dict = {}
    for key, value in token.items():
        if key in _TEXT_OF and isinstance(value, dict) and isinstance(value.get("REGEX"), str):
            extensions[_extension(_TEXT_OF[key], value["REGEX"])] = True
            rest = {k: v for k, v in value.items() if k != "REGEX"}
            if rest:
                out[key] = rest
        else:
            out[key] = value
    if extensions:
        out["_"] = {**(out.get("_") or {}), **extensions}
    return out


def _extension(attr: str, pattern: str) -> str:
    """The name of a Token extension that is True when ``pattern`` is found in the
    token's ``attr`` (registered once per attribute and pattern)."""
    userregex.compiled(pattern)  # a pattern that is not one: PatternError now, not at lint time
    name = _PREFIX + hashlib.sha1(f"{attr}\0{pattern}".encode()).hexdigest()[:16]
    if not Token.has_extension(name):
        Token.set_extension(name, getter=_getter(pattern, attr))
    return name


def _getter(pattern: str, attr: str):
    """The extension's getter: whether ``pattern`` is found in the token's ``attr``, kept
    per text (a draft's tokens are mostly the same few thousand words: the search ran
    for each of a corpus's million tokens)."""
    seen: dict[str, bool] = {}

    def get(token: Token) -> bool:
        text = str(getattr(token, attr))
        hit = seen.get(text)
        if hit is None:
            if len(seen) > _KEPT:
                seen.clear()
            hit = seen[text] = _found(pattern, text)
        return hit

    return get


def _found(pattern: str, text: str) -> bool:
    if _gave_up.get(pattern, 0) >= GIVE_UPS:
        return False
    try:
        return userregex.search(pattern, text) is not None
    except userregex.GaveUp as exc:
        if not exc.ran:  # too many patterns gave up: said once, not once per pattern
            if "" not in _logged:
                _logged.add("")
                log.warning("%s", exc)
            return False
        _gave_up[pattern] = count = _gave_up.get(pattern, 0) + 1
        if pattern not in _logged:
            _logged.add(pattern)
            log.warning("a house rule's REGEX %r took too long on a token and was given up there (simplify it)", pattern)
        if count == GIVE_UPS:
            log.warning("a house rule's REGEX %r took too long %d times and matches nothing more (simplify it)", pattern, count)
        return False
