"""Regular expressions compiled on first use, not when their module is imported.

Python compiles a pattern in Python (``re._parser`` and ``re._compiler``): the 300 or so
patterns the modules of a ``resolint check`` compiled at import cost about 380 M
instructions, a third of the whole process for a 6 KB draft, and most of them serve
inputs that draft does not have (an INTERPOL session said after a symbol, a vote line,
page furniture of a PDF, a negotiation draft's labels). A pattern that fewer than one
draft in twenty of the corpus needs is made with :func:`lazy` and compiled when first
used, as ``re.compile`` would have compiled it.

On first use the compiled pattern's methods (``match``, ``search``, …) are set on the
object itself, so every later call finds them in the instance's dictionary and goes
straight to the compiled pattern: no Python frame is added to a match. ``pattern`` (the
source) is there from the start, so a pattern built from another's source does not
compile it. A lazy pattern is not an ``re.Pattern``: pass it to no ``re`` function
(``re.sub(lazy_pattern, …)``); call its methods.
"""

from __future__ import annotations

import re

#: What the first use of a lazy pattern sets on it from the compiled one.
_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    """An ``re.compile(pattern, flags)`` that compiles on first use (see the module docstring)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        # Only called for what the instance does not hold yet: the first use.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self.compiled()
        return getattr(compiled, name)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now, and its methods set here, if not yet)."""
        found = self.__dict__.get("_compiled")
        if found is None:
            found = re.compile(self.pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(found, name))
            self.flags, self.groups, self.groupindex = found.flags, found.groups, found.groupindex
            self._compiled = found
        return found

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self._flags})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, compiled when first used."""
    return LazyPattern(pattern, flags)
