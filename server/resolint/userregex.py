"""Regular expressions written in a configuration, run with a time limit.

A house style's ``[detect]`` patterns and the ``REGEX`` values of its house rules come
from ``resolint.toml``, which a repository carries: opening someone else's repository
runs them. Python's ``re`` cannot be stopped, and a pattern such as ``^(a|aa)+$`` takes
exponential time on a line of forty "a"s: the CLI and the language server hung on one
title line. These patterns run in the ``regex`` module instead, whose matching gives up
after :data:`TIME_LIMIT` seconds (and which reads ``re``'s syntax): the caller counts a
pattern that gives up (:class:`GaveUp`) as not matching, and says so.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a configured pattern is first compiled: most runs have none
    import regex

#: Seconds one search of one configured pattern may take (a line of a draft is short;
#: a sane pattern takes microseconds).
TIME_LIMIT = 0.05


class PatternError(ValueError):
    """A configured pattern that is not a regular expression."""


class GaveUp(Exception):
    """A configured pattern's search took longer than :data:`TIME_LIMIT`."""

    def __init__(self, pattern: str) -> None:
        super().__init__(f"the pattern {pattern!r} took over {TIME_LIMIT:g} s on one line and was given up")
        self.pattern = pattern


@functools.lru_cache(maxsize=256)
def compiled(pattern: str, flags: int = 0) -> regex.Pattern:
    """``pattern`` compiled by the ``regex`` module (V0: ``re``'s behaviour)."""
    import regex  # lazy: only a house style, a house rule or a .gitignore brings a pattern (10 ms to import)

    try:
        return regex.compile(pattern, flags | regex.V0)
    except (regex.error, TypeError, ValueError) as exc:
        raise PatternError(str(exc)) from None


def search(pattern: str, text: str, flags: int = 0) -> regex.Match | None:
    """``re.search(pattern, text)`` with a time limit: :class:`GaveUp` past it."""
    try:
        return compiled(pattern, flags).search(text, timeout=TIME_LIMIT)
    except TimeoutError:
        raise GaveUp(pattern) from None


class Timed:
    """A pattern for a library that takes a compiled ``re`` pattern and calls its
    ``search`` or ``match`` (pathspec's ``.gitignore`` patterns): the same answers, but
    past the time limit None (no match), not a hang."""

    __slots__ = ("compiled", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.compiled = compiled(pattern, flags)

    def search(self, text: str, *args):
        try:
            return self.compiled.search(text, *args, timeout=TIME_LIMIT)
        except TimeoutError:
            return None

    def match(self, text: str, *args):
        try:
            return self.compiled.match(text, *args, timeout=TIME_LIMIT)
        except TimeoutError:
            return None
