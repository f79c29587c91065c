"""Keep Python's full garbage collections out of the keystroke path.

The server holds large, long-lived structures for an open document: the incremental
linter's per-paragraph caches and the last lint (a 1 MB draft: about 100,000 objects the
collector tracks). Each lint leaves some thousands more behind that live until the next
one. Python runs a *full* collection whenever the objects that survived young
collections grow by a quarter of those that survived the last full one, and a full
collection walks everything: about 50 ms for such a document, landing on roughly one
keystroke in ten (measured in-process, one-character edits at 1 MB: p95 130 ms with the
default collector, 98 ms when what survives a lint is frozen).

So after each lint the survivors are *frozen* (:func:`gc.freeze`, constant time): the
automatic collections no longer walk them, and they are no longer counted towards the
next full one. Cyclic garbage among frozen objects is not reclaimed until they are
unfrozen (the parsed tree makes none: a sub-paragraph holds its parent weakly, see
``model.Paragraph``; other structures may), so a full collection over everything runs
when the server has been idle for a moment (the drafter paused), and, for someone who
never pauses, once the frozen objects
have grown by a quarter since the last one (Python's own rule for a full collection,
applied to what only a full collection can free): a draft without such cycles then
never pays for one while typing.

Nor does a *young* collection run during a lint (:meth:`Collector.before_lint` turns the
automatic collector off until :meth:`Collector.after_lint`): a keystroke's lint makes
tens of thousands of objects (a 1 MB draft: every paragraph after the edit made again,
with its spans), which set off about ten young collections per edit, each walking what
the lint had made so far, though all of it is either freed by its reference count or
frozen at the end. Kept out, a one-character edit at 1 MB went from 82.7 M instructions
to 78.8 M (``benchmarks/instructions.py keystroke``; 71 KB: 15.2 M to 15.1 M). What a lint leaves in cycles is frozen
with the rest and freed at the next full collection, as above.

Counting the frozen objects is itself a walk over all of them (``gc.get_freeze_count``
follows a linked list: 5 ms for the 63,000 frozen while a 71 KB draft is open, 8 ms with a
1 MB one — measured in-process, more than a keystroke's lint of the 71 KB draft). So it is
done at most once every :data:`COUNT_EVERY` seconds while the drafter types, not after
every lint.
"""

from __future__ import annotations

import gc
import threading
import time

#: Growth of the frozen objects (a fraction of their number after the last full
#: collection) at which they are collected even without a pause.
GROWTH = 0.25
#: ... and at least this many objects (a small document would otherwise collect often).
MIN_GROWTH = 20_000
#: Seconds without a lint after which the frozen objects are collected.
IDLE_AFTER = 2.0
#: While lints follow each other, seconds between two counts of the frozen objects.
COUNT_EVERY = 10.0


class Collector:
    """Freezes what each lint leaves and collects it at pauses (see the module docstring).

    :meth:`after_lint` runs in the lint worker; :meth:`collect` too (the server submits it
    to the worker when idle), so the two never run at once."""

    def __init__(self, growth: float = GROWTH, min_growth: int = MIN_GROWTH, count_every: float = COUNT_EVERY,
                 clock=time.monotonic) -> None:
        self.growth, self.min_growth = growth, min_growth
        self.count_every, self._clock = count_every, clock
        self._counted_at = 0.0  # when the frozen objects were last counted
        self.since_collect = 0  # lints frozen since the last full collection
        self.collections = 0  # full collections run (for tests)
        #: How many objects were frozen after the last full collection (None: before
        #: the first lint, whose survivors set it).
        self._frozen_after_collect: int | None = None
        self._lock = threading.Lock()
        #: Whether :meth:`before_lint` turned the automatic collector off (it is turned
        #: on again only then: a process that runs without it keeps running without it).
        self._paused = False

    def before_lint(self) -> None:
        """A lint starts: no automatic collection until :meth:`after_lint` (see the
        module docstring)."""
        if gc.isenabled():
            gc.disable()
            self._paused = True

    def after_lint(self) -> None:
        """A lint is done: the automatic collector on again (if :meth:`before_lint` turned
        it off), what the lint left frozen; everything collected once that has grown too
        much since the last full collection (see the module docstring)."""
        try:
            with self._lock:
                self.since_collect += 1
                gc.freeze()
                base = self._frozen_after_collect
                if base is None:
                    self._frozen_after_collect = self._count()
                    return
                if self._clock() - self._counted_at < self.count_every:
                    return  # counted a moment ago (the count walks every frozen object)
                if self._count() - base > max(self.min_growth, self.growth * base):
                    self._collect()
        finally:
            # On again once frozen, not before: the freeze empties the young generation,
            # which the collector, on again, would otherwise walk at the next allocation
            # (every object the lint made: what before_lint saved, spent at once).
            if self._paused:
                self._paused = False
                gc.enable()

    def _count(self) -> int:
        self._counted_at = self._clock()
        return gc.get_freeze_count()

    def collect(self) -> None:
        """Reclaim the garbage among frozen objects (at a pause), then freeze the rest."""
        with self._lock:
            if self.since_collect:
                self._collect()

    def _collect(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self._frozen_after_collect = self._count()
        self.since_collect = 0
        self.collections += 1
