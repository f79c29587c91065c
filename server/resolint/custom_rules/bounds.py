"""How much pattern a configuration may give its house rules (docs/limits.md).

Every phrase, token table and listed word (``IN``) of a house rule is read, checked and
compiled into spaCy's matchers on every run that reads the configuration: ``resolint
check`` in CI and the language server when a draft is opened. A rule of 100,000 phrases
took 21 s and 900 MB before the first draft was linted; 100,000 token patterns 68 s. A
repository's configuration comes with the repository, so it is bounded like any input:
above :data:`MAX_PATTERN_ITEMS` in all the house rules of one list (a configuration file
or a style) or of the files an ``extend`` layers, it is a configuration error naming the
rule where the count passed the bound, with the count, before anything is compiled.

The bound is far from real use: the built-in styles' house rules have a few dozen items,
and a long house list of words to avoid (a few thousand) is well inside it.
"""

from __future__ import annotations

from typing import Any

#: Phrases, token tables and listed words in all the house rules of a configuration.
MAX_PATTERN_ITEMS = 20_000


def pattern_size(obj: Any) -> int:
    """The items of a pattern as written (lists and tables) or frozen (tuples): a phrase,
    a token or dependency table, a word listed in one (``IN = [...]``) count one each."""
    if isinstance(obj, dict):
        return 1 + sum(pattern_size(v) for v in obj.values() if isinstance(v, (dict, list, tuple)))
    if isinstance(obj, tuple) and len(obj) == 2 and obj[0] == "__dict__" and isinstance(obj[1], tuple):
        return 1 + sum(pattern_size(v) for _, v in obj[1] if isinstance(v, tuple))
    if isinstance(obj, (list, tuple)):
        return sum(pattern_size(v) if isinstance(v, (dict, list, tuple)) else 1 for v in obj)
    return 1


def over_bound(total: int) -> str | None:
    """The problem to report when ``total`` items pass the bound; None within it."""
    if total <= MAX_PATTERN_ITEMS:
        return None
    return (f"the house rules have at least {total:,} pattern items (phrases, token tables, listed words), "
            f"above the limit of {MAX_PATTERN_ITEMS:,} a configuration may compile on every run "
            "(see docs/limits.md): keep the words that matter, or match a family of words with one REGEX")
