"""A cache that keeps what the current round uses and what the previous round used.

The language server's caches (:mod:`resolint.incremental`, :mod:`resolint.parser.memo`)
are keyed by content (a paragraph's text and what else a result depends on). After an
edit most keys come back; the few that do not (the edited paragraph's old text) must be
dropped, or a long editing session would keep every version of every paragraph. A round
is one lint: a lookup moves an entry from the previous round to the current one, and
:meth:`Generations.next_round` forgets what the round just over did not use.
"""

from __future__ import annotations

from typing import Any

#: What :meth:`Generations.get` returns for a key it does not hold (None may be a value).
MISSING = object()


class Generations:
    """A dict that keeps what the current round uses and what the previous round used."""

    __slots__ = ("current", "previous")

    def __init__(self) -> None:
        self.current: dict = {}
        self.previous: dict = {}

    def get(self, key: Any) -> Any:
        hit = self.current.get(key, MISSING)
        if hit is MISSING:
            # Moved, not copied: the previous round's key (and the paragraph text in it)
            # is not kept beside this round's equal one.
            hit = self.previous.pop(key, MISSING)
            if hit is not MISSING:
                self.current[key] = hit
        return hit

    def put(self, key: Any, value: Any) -> None:
        self.current[key] = value

    def next_round(self) -> None:
        self.previous, self.current = self.current, {}

    def __len__(self) -> int:
        return len(self.current) + len(self.previous)
