r"""Regular expressions written in a configuration, run with a time limit.

A house style's ``[detect]`` patterns and the ``REGEX`` values of its house rules come
from ``resolint.toml``, which a repository carries: opening someone else's repository
runs them. Python's ``re`` cannot be stopped, and a pattern such as ``^(a|aa)+$`` takes
exponential time on a line of forty "a"s: the CLI and the language server hung on one
title line. These patterns run in the ``regex`` module instead, whose matching gives up
after :data:`TIME_LIMIT` seconds (and which reads ``re``'s syntax): the caller counts a
pattern that gives up (:class:`GaveUp`) as not matching, and says so.

The documentation promises ``re``'s syntax, but the ``regex`` module reads more, even
in its ``re``-compatible mode: ``\p{Lu}``, ``[[:alpha:]]``, ``(?|…)``, a look-behind of
any width, and fuzzy matching (``colour{e<=1}``, which ``re`` reads as the characters
"colour{e<=1}"). A configured pattern is read by ``re`` first (:func:`check_syntax`):
what ``re`` refuses, or reads otherwise than ``regex``, is a configuration error that
says so, so a pattern means what Python's documentation says it does.
"""

from __future__ import annotations

import functools
import re
import warnings
from typing import TYPE_CHECKING

from resolint.lazyre import lazy

if TYPE_CHECKING:  # imported when a configured pattern is first compiled: most runs have none
    import regex

#: Seconds one search of one configured pattern may take (a line of a draft is short;
#: a sane pattern takes microseconds).
TIME_LIMIT = 0.05


class PatternError(ValueError):
    """A configured pattern that is not a regular expression."""


#: Distinct configured patterns that may give up under one configuration before every
#: configured pattern is given up (matches nothing more). Each give-up costs
#: :data:`TIME_LIMIT`, and the callers stop a pattern after a few of its own; but a
#: configuration of thousands of distinct slow patterns (20,000 house-rule items are
#: allowed) cost that once per pattern: 400 of them held one lint of a one-line draft for
#: 100 s. The count starts again with a new configuration (:func:`new_configuration`), so
#: an editor's server does not keep harmless house rules off after the user mends the file.
MAX_SLOW_PATTERNS = 8
_slow: set[str] = set()


def new_configuration() -> None:
    """Start the count of slow patterns again: the house rules were built anew (a
    configuration read for the first time or changed), so the patterns that gave up may
    be gone; the ones still there give up again after their own time limit."""
    _slow.clear()


class GaveUp(Exception):
    """A configured pattern's search took longer than :data:`TIME_LIMIT` (or was not run:
    too many patterns did, :data:`MAX_SLOW_PATTERNS`)."""

    def __init__(self, pattern: str, why: str = "") -> None:
        super().__init__(why or f"the pattern {pattern!r} took over {TIME_LIMIT:g} s on one line and was given up")
        self.pattern = pattern
        self.ran = not why  # False: not run at all (too many patterns gave up before it)


#: A repetition count as ``re`` reads it ("{3}", "{2,}", "{,4}", "{1,2}"); any other
#: brace is a character to ``re``.
_COUNT = lazy(r"\{\d*(?:,\d*)?\}")
#: What a brace holds when the ``regex`` module reads it as fuzzy matching: errors
#: (``e``), insertions, deletions, substitutions, their limits and costs ("{e<=1}",
#: "{i}", "{1<=e<=2}", "{2i+2d+1s<=4}").
_FUZZY = lazy(r"\{(?=[^}]*[eids])[eids\d<=+,\s]*\}")


def check_syntax(pattern: str) -> None:
    """Raise :class:`PatternError` unless Python's ``re`` reads ``pattern``, and reads it
    as the ``regex`` module does (the module docstring)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        try:
            re.compile(pattern)
        except FutureWarning as exc:  # "Possible nested set", "Possible set difference" …
            raise PatternError(
                f"{exc}: Python's re reads it as a character of the set, the regex module that runs the "
                "pattern as a nested set, a class such as [:alpha:] or a set operation; escape the character "
                "('\\[', '\\-', '\\&', '\\~', '\\|') to mean it"
            ) from None
        except (re.error, TypeError, ValueError, OverflowError, RecursionError) as exc:
            raise PatternError(str(exc)) from None
    fuzzy = _fuzzy_brace(pattern)
    if fuzzy:
        raise PatternError(
            f"'{fuzzy}' is no repetition count: Python's re reads it as those characters, the regex "
            "module that runs the pattern as fuzzy matching; write '\\{' for a brace"
        )


def _fuzzy_brace(pattern: str) -> str:
    """The first brace outside a set that ``re`` reads as characters and ``regex`` as
    fuzzy matching ("" when none)."""
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            if pattern.startswith("N{", i + 1):  # a character by its name
                end = pattern.find("}", i)
                i = n if end < 0 else end + 1
            else:
                i += 2
        elif c == "[":
            i = _set_end(pattern, i)
        elif c == "{" and not _COUNT.match(pattern, i):
            m = _FUZZY.match(pattern, i)
            if m:
                return m.group()
            i += 1
        else:
            i += 1
    return ""


def _set_end(pattern: str, i: int) -> int:
    """Where the set opening at ``pattern[i]`` ends (after its "]"): a "]" first in the
    set (after a "^") is one of its characters."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1
    n = len(pattern)
    while j < n and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


@functools.lru_cache(maxsize=256)
def compiled(pattern: str, flags: int = 0) -> regex.Pattern:
    """``pattern``, from a configuration, compiled by the ``regex`` module (V0: ``re``'s
    behaviour); :class:`PatternError` for one ``re`` does not read as ``regex`` does."""
    check_syntax(pattern)
    return _regex(pattern, flags)


@functools.lru_cache(maxsize=256)
def _regex(pattern: str, flags: int = 0) -> regex.Pattern:
    """``pattern`` compiled by the ``regex`` module (V0: ``re``'s behaviour)."""
    import regex  # lazy: only a house style, a house rule or a .gitignore brings a pattern (10 ms to import)

    try:
        return regex.compile(pattern, flags | regex.V0)
    except (regex.error, TypeError, ValueError) as exc:
        raise PatternError(str(exc)) from None


def search(pattern: str, text: str, flags: int = 0) -> regex.Match | None:
    """``re.search(pattern, text)`` with a time limit: :class:`GaveUp` past it, and for
    every pattern once :data:`MAX_SLOW_PATTERNS` distinct ones have given up."""
    if len(_slow) >= MAX_SLOW_PATTERNS:
        raise GaveUp(pattern, f"the pattern {pattern!r} was not run: {len(_slow)} configured patterns took too long, "
                              "and the configuration's patterns are given up until it changes (simplify them)")
    try:
        return compiled(pattern, flags).search(text, timeout=TIME_LIMIT)
    except TimeoutError:
        _slow.add(pattern)
        raise GaveUp(pattern) from None


class Timed:
    """A pattern for a library that takes a compiled ``re`` pattern and calls its
    ``search`` or ``match`` (pathspec's ``.gitignore`` patterns): the same answers, but
    past the time limit None (no match), not a hang."""

    __slots__ = ("compiled", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        # Written by the library from re's syntax, and compiled by re already: not checked again.
        self.compiled = _regex(pattern, flags)

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
