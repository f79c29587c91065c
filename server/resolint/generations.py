"""A cache that keeps what the current round uses and what the previous round used.

The language server's caches (:mod:`resolint.incremental`, :mod:`resolint.parser.memo`)
are keyed by content (a paragraph's text and what else a result depends on). After an
edit most keys come back; the few that do not (the edited paragraph's old text) must be
dropped, or a long editing session would keep every version of every paragraph. A round
is one lint: a lookup moves an entry from the previous round to the current one, and
:meth:`Generations.next_round` forgets what the round just over did not use.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat
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
        hit = self.current.get(key, MISSING)  # (MISSING may be stored: see get_all)
        if hit is MISSING:
            # Moved, not copied: the previous round's key (and the paragraph text in it)
            # is not kept beside this round's equal one.
            hit = self.previous.pop(key, MISSING)
            if hit is not MISSING:
                self.current[key] = hit
        return hit

    def get_all(self, keys: list) -> list:
        """``[self.get(k) for k in keys]``, in bulk: a lint asks the cache about every
        paragraph of the document, and one Python call per paragraph was most of what the
        answer cost. At the start of a round (nothing used yet, the usual case) the keys
        are moved out of the previous round by C loops; a key asked twice gets its value
        both times (the first occurrence's, written last)."""
        current, previous = self.current, self.previous
        if current:
            return [self.get(k) for k in keys]
        hits = list(map(previous.pop, keys, repeat(MISSING)))
        current.update(zip(reversed(keys), reversed(hits), strict=True))  # MISSING stands for "not kept"
        for i in [i for i, h in enumerate(hits) if h is MISSING]:
            hits[i] = current[keys[i]]  # a repeated key's value, or MISSING
        return hits

    def put(self, key: Any, value: Any) -> None:
        self.current[key] = value

    def put_all(self, keys: Iterable, values: Iterable) -> None:
        """``put`` each key with its value, in bulk (a C loop): entries this round uses
        without asking for them (the language server's kept paragraphs)."""
        self.current.update(zip(keys, values, strict=True))

    def next_round(self) -> None:
        self.previous, self.current = self.current, {}

    def __len__(self) -> int:
        return len(self.current) + len(self.previous)
