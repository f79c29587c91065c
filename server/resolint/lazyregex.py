"""Regular expressions compiled on first use instead of at import.

Every ``resolint check`` process, pre-commit hook run and language server start imports
the parser, the citation reader and the rules, and their modules compiled some 300 regular
expressions at import: about a third of the start-up instructions. Most of them serve
drafts of one kind (Markdown, INTERPOL, a signature block, wrapped lines...), so a run pays
for many it never uses. A :class:`LazyPattern` keeps the source and compiles it the first
time a method is asked for; then it puts the compiled pattern's bound methods on itself,
so later calls cost what a plain ``re.Pattern`` method call costs (no extra Python frame).

It stands in for a pattern wherever one is used through its methods or ``.pattern``. Do
not hand it to ``re.sub(...)`` and friends, ``isinstance(x, re.Pattern)`` or ``re.compile``,
nor compare a match's ``m.re`` with it: those want a real pattern
(:meth:`LazyPattern.compiled`).
"""

from __future__ import annotations

import re
import sys
from typing import Any

#: What a caller reads from a pattern; each is bound on the instance at first use.
_FORWARDED = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "scanner", "groupindex", "groups", "flags")


class LazyPattern:
    """A ``re.compile(pattern, flags)`` that compiles when first used."""

    def __init__(self, pattern: str, flags: int = 0, home: dict[str, Any] | None = None) -> None:
        self.pattern = pattern
        self._flags = flags
        #: The globals of the module that defined it (see :func:`lazy_compile`).
        self._home = home

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (``re``'s cache makes a second call cheap)."""
        return re.compile(self.pattern, self._flags)

    def __getattr__(self, name: str) -> Any:
        # Only reached while the name is not on the instance: the first use of a method.
        # Dunder look-ups (copy, pickle, repr helpers) must not compile nor get the
        # compiled pattern's answers, which would stand in a real pattern for this one.
        if name.startswith("__") or name not in _FORWARDED:
            raise AttributeError(name)
        compiled = self.compiled()
        for forwarded in _FORWARDED:
            setattr(self, forwarded, getattr(compiled, forwarded))
        if self._home is not None:  # the module's own names now read the compiled pattern
            for key, value in list(self._home.items()):
                if value is self:
                    self._home[key] = compiled
        return getattr(compiled, name)

    # Equal when the source and flags are, as compiled patterns are: frozen dataclasses
    # holding one (an instrument's name variants) stay equal, and keys of caches, when
    # read twice from the same data.
    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyPattern) and (self.pattern, self._flags) == (other.pattern, other._flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self._flags))

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str, int]]:
        # Copies and pickles carry the source, not the defining module's globals.
        return (LazyPattern, (self.pattern, self._flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile`` deferred to the pattern's first use (see the module docstring).

    At that use, the module that called this and bound the result to a name of its own
    gets the compiled pattern under that name: its later reads (``P.OPENING.match``, a
    rule's ``_YEAR.search``) cost what they cost with ``re.compile``. A copy taken before
    (``from … import NAME``, an attribute) keeps the stand-in, which forwards."""
    return LazyPattern(pattern, flags, sys._getframe(1).f_globals)


#: What takes a pattern and only calls its methods: a compiled one or a lazy one.
PatternLike = re.Pattern[str] | LazyPattern
