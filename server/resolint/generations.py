"""Caches that keep what the current round uses and what the previous round used.

The language server's caches (:mod:`resolint.incremental`, :mod:`resolint.parser.memo`)
are keyed by content (a paragraph's text and what else a result depends on). After an
edit most keys come back; the few that do not (the edited paragraph's old text) must be
dropped, or a long editing session would keep every version of every paragraph. A round
is one lint: a lookup moves an entry from the previous round to the current one, and
:meth:`Generations.next_round` forgets what the round just over did not use.
:class:`RoundTable` keeps one dict instead, for tables read in bulk every round, and
forgets only once it has grown past twice what a round used.
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


class RoundTable:
    """A dict read a whole round at a time, pruned to what the last round used only once
    it holds more than twice that.

    :class:`Generations` moves every key a round asks for from one dict to the other:
    for a table asked about every paragraph after every keystroke (the paragraphs'
    numbers, what each cites), that was a pop and an insert per paragraph per edit, and
    the dict built anew each round. Here a round reads the one dict (``dict.get`` in
    C) and only notes which key lists it used; what earlier versions left (an edited
    paragraph's old keys) goes when the table has grown past twice what the round used
    (as the local rules' tables in :mod:`resolint.incremental`), so it stays within a
    few versions' worth. An entry kept longer than :class:`Generations` would keep it is
    never wrong: the keys name all a value depends on."""

    __slots__ = ("_count", "_lists", "_singles", "entries")

    def __init__(self) -> None:
        self.entries: dict = {}
        self._lists: list[list] = []  # the key lists this round asked about or put (not to be changed after)
        self._singles: list = []  # the keys asked about or put one at a time
        self._count = 0  # how many keys this round asked about (or put in bulk)

    def get(self, key: Any) -> Any:
        self._singles.append(key)
        self._count += 1
        return self.entries.get(key, MISSING)

    def get_all(self, keys: list) -> list:
        """``[self.get(k) for k in keys]``, in one C loop; ``keys`` is kept until the
        round is over (see :meth:`next_round`) and must not be changed."""
        self._lists.append(keys)
        self._count += len(keys)
        return list(map(self.entries.get, keys, repeat(MISSING)))

    def put(self, key: Any, value: Any) -> None:
        self.entries[key] = value
        self._singles.append(key)

    def put_all(self, keys: list, values: Iterable) -> None:
        """``put`` each key with its value, in bulk: entries this round uses without
        asking for them (``keys`` kept as in :meth:`get_all`)."""
        self.entries.update(zip(keys, values, strict=True))
        self._lists.append(keys)
        self._count += len(keys)

    def next_round(self) -> None:
        """A round is over: when the table holds more than twice what it used, keep only that."""
        entries = self.entries
        if len(entries) > 2 * self._count:
            self.entries = {k: entries[k] for keys in (*self._lists, self._singles) for k in keys if k in entries}
        self._lists, self._singles, self._count = [], [], 0

    def __len__(self) -> int:
        return len(self.entries)
