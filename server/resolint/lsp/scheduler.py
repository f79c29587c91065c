"""Debounced linting per document, off the event loop, never held hostage by one document.

Every change restarts a per-document timer; when it fires, the lint waits for the lint
slot (one lint runs at a time: the engine is synchronous and the machine may be small),
takes the document's current version and text, and runs in a worker thread. A result
whose version is no longer the document's is dropped, never shown. Requests that need
the current version's lint (pull diagnostics, code actions) call :meth:`Scheduler.current`,
which waits for the pending lint or starts one at once.

So that one document cannot hold the others hostage:

- **Most recent first**: the slot goes to the waiting lint of the document touched most
  recently (changed, opened, saved or asked about), not to the first in line; and a lint
  of another document that has run for ``PREEMPT_AFTER`` seconds is stopped to make way
  for it, then started again once the more recent one is done.
- **Superseded work is cancelled**: a change to a document whose lint is running stops
  that lint (its result would be dropped anyway); see :mod:`resolint.lsp.interrupt`.
- **A time budget**: a lint running longer than ``budget`` seconds is stopped and the
  document gets a single notice (``slow_state``) instead of findings; it is then linted
  only on save, with ``save_factor`` times the budget, until it shrinks to half the size
  it had when it was found slow.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import sys
import time
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, Generic, Protocol, TypeVar

from resolint.lsp.interrupt import Interruptible, LintInterrupted, OverBudget, Preempted, Superseded

log = logging.getLogger(__name__)

DEFAULT_BUDGET = 5.0  # seconds, for a lint as you type
SAVE_FACTOR = 10  # a lint on save may take this many budgets
PREEMPT_AFTER = 0.2  # seconds a lint runs before a more recent document may stop it
_PREEMPTED = object()
_POLL = 0.05


class Versioned(Protocol):
    version: int


S = TypeVar("S", bound=Versioned)
T = TypeVar("T")


class _Gate:
    """One holder at a time; waiters are served highest priority first."""

    def __init__(self) -> None:
        self._busy = False
        self._waiters: list[tuple[int, int, asyncio.Future]] = []
        self._seq = itertools.count()

    async def acquire(self, priority: int) -> None:
        if not self._busy and not self._waiters:
            self._busy = True
            return
        fut = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiters, (-priority, next(self._seq), fut))
        try:
            await fut
        except asyncio.CancelledError:
            if fut.done() and not fut.cancelled():
                self.release()  # it was handed over as we were cancelled: pass it on
            raise

    def top_waiting(self) -> int:
        """The highest priority among the lints waiting (0 if none)."""
        return max((-p for p, _, fut in self._waiters if not fut.done()), default=0)

    def release(self) -> None:
        while self._waiters:
            _, _, fut = heapq.heappop(self._waiters)
            if not fut.done():
                fut.set_result(None)  # the slot passes straight to it (_busy stays True)
                return
        self._busy = False


class _Token:
    """One lint under way: which document and version, when the worker began it."""

    __slots__ = ("uri", "version", "generation", "priority", "started")

    def __init__(self, uri: str, version: int | None, generation: int, priority: int) -> None:
        self.uri = uri
        self.version = version
        self.generation = generation
        self.priority = priority
        self.started: float | None = None


class Scheduler(Generic[S]):
    def __init__(
        self,
        snapshot: Callable[[str], Any | None],
        build: Callable[[Any], S],
        version_of: Callable[[str], int | None],
        on_result: Callable[[S], None],
        executor: Executor,
        *,
        slow_state: Callable[[Any, float], S] | None = None,
        size_of: Callable[[Any], int] = lambda snap: 0,
        budget: float = DEFAULT_BUDGET,
        prepare: Callable[[Any], None] | None = None,
        before: Callable[[], None] | None = None,
        after: Callable[[], None] | None = None,
    ) -> None:
        self.snapshot = snapshot  # on the loop: what to lint (None: document gone)
        self.build = build  # in the worker: snapshot -> state
        self.version_of = version_of
        self.on_result = on_result
        self.executor = executor
        self.slow_state = slow_state  # snapshot, seconds -> the "too slow" notice
        self.size_of = size_of
        self.budget = budget  # seconds; 0: no budget
        # In the worker, before a lint's clock starts: loads what a first lint of a
        # configuration loads once (spaCy for house rules), so the budget measures the lint.
        self.prepare = prepare
        # In the worker, just before each lint, and after each lint (finished or
        # stopped), out of reach of an interruption: the server keeps the collector out
        # of the lint and freezes what the lint left (resolint.lsp.collector).
        self.before = before
        self.after = after
        self.states: dict[str, S] = {}
        self._tasks: dict[str, asyncio.Task] = {}
        # Bumped when the settings change: a lint begun under older settings is as
        # stale as one of an older version, even though the version is the same.
        self.generation = 0
        self._generation_of: dict[str, int] = {}
        self.dropped = 0  # stale results dropped (for tests and the benchmark)
        self.interrupted = 0  # lints stopped (superseded, preempted or over budget)
        self.preempted = 0  # lints stopped for a more recent document (then run again)
        self.slow: dict[str, int] = {}  # uri -> size when found too slow to lint as you type
        self._gate = _Gate()
        self._clock = itertools.count(1)
        self._recency: dict[str, int] = {}
        self._running: _Token | None = None
        self._stopper = Interruptible()

    # -- scheduling ----------------------------------------------------------------
    def touch(self, uri: str) -> None:
        """The user is working on ``uri``: its lints go first."""
        self._recency[uri] = next(self._clock)

    def schedule(self, uri: str, delay: float, *, save: bool = False) -> asyncio.Task | None:
        """(Re)start the timer of ``uri``; the lint runs ``delay`` seconds from now.

        A document found too slow is linted only on save (``save=True``); None then.
        """
        self.touch(uri)
        self._stop_running(uri)
        if uri in self.slow and not save and not self._shrunk(uri):
            return None
        old = self._tasks.get(uri)
        if old is not None and not old.done():
            tok = self._running
            if (
                tok is not None and tok.uri == uri and tok.version == self.version_of(uri)
                and tok.generation == self.generation and not save
            ):
                return old  # already linting this very version: let it finish
            old.cancel()
        budget = self.budget * (SAVE_FACTOR if save or uri in self.slow else 1)
        task = asyncio.get_running_loop().create_task(self._run(uri, delay, budget))
        task.add_done_callback(_consume)
        self._tasks[uri] = task
        return task

    def _shrunk(self, uri: str) -> bool:
        snap = self.snapshot(uri)
        if snap is not None and self.size_of(snap) * 2 < self.slow[uri]:
            del self.slow[uri]
            return True
        return False

    def _stop_running(self, uri: str | None = None) -> None:
        """Stop the running lint (of ``uri``, if it lints an older version)."""
        tok = self._running
        if tok is None:
            return
        if uri is None or (tok.uri == uri and tok.version != self.version_of(uri)):
            if self._stopper.interrupt(tok, Superseded):
                self.interrupted += 1

    async def _run(self, uri: str, delay: float, budget: float) -> S | None:
        if delay > 0:
            await asyncio.sleep(delay)
        while True:
            priority = self._recency.get(uri, 0)
            await self._gate.acquire(priority)
            try:
                outcome = await self._lint(uri, budget, priority)
            finally:
                self._gate.release()
            if outcome is not _PREEMPTED:
                return outcome
            # Stopped for a more recent document: wait for the slot again, behind it.

    async def _lint(self, uri: str, budget: float, priority: int = 0):
        snap = self.snapshot(uri)
        if snap is None:
            return None
        generation = self.generation
        token = _Token(uri, self.version_of(uri), generation, priority)
        self._running = token
        fut = asyncio.get_running_loop().run_in_executor(self.executor, self._work, token, snap)
        try:
            await self._watch(fut, token, budget)
            outcome = fut.result()
        finally:
            if self._running is token:
                self._running = None
        return self._settle(uri, snap, outcome, generation, budget)

    async def _watch(self, fut: asyncio.Future, token: _Token, budget: float) -> None:
        """Wait for the worker; stop it when superseded, over budget or preempted (once)."""
        stopped = False
        while True:
            try:
                done, _ = await asyncio.wait({fut}, timeout=_POLL)
            except asyncio.CancelledError:
                # Superseded while running: stop the worker and keep the slot until
                # it is free, so that lints never pile up in the executor.
                if self._stopper.interrupt(token, Superseded):
                    self.interrupted += 1
                await asyncio.wait({fut})
                raise
            if done:
                return
            if not stopped:
                stopped = self._maybe_stop(token, budget)

    def _maybe_stop(self, token: _Token, budget: float) -> bool:
        """Stop a lint over its budget, or one that a more recent document waits for."""
        ran = time.monotonic() - token.started if token.started is not None else 0.0
        if budget and ran > budget:
            stopped = self._stopper.interrupt(token, OverBudget)
        elif ran > PREEMPT_AFTER and self._gate.top_waiting() > token.priority:
            stopped = self._stopper.interrupt(token, Preempted)
        else:
            return False
        if stopped:
            self.interrupted += 1
        return stopped

    def _settle(self, uri: str, snap: Any, outcome: Any, generation: int, budget: float):
        """Keep and show a lint's state; a notice if it ran out of time; None if stale."""
        if isinstance(outcome, Preempted):
            self.preempted += 1
            return _PREEMPTED
        if isinstance(outcome, LintInterrupted):
            if not (isinstance(outcome, OverBudget) and self.slow_state is not None):
                self.dropped += 1
                return None
            log.warning("lint of %s stopped after %.1f s (its budget)", uri, budget)
            self.slow[uri] = max(1, self.size_of(snap))
            outcome = self.slow_state(snap, budget)
        state = outcome
        if self.version_of(uri) != state.version or generation != self.generation:
            self.dropped += 1
            return None
        self.states[uri] = state
        self._generation_of[uri] = generation
        try:
            self.on_result(state)
        except Exception:  # showing a result must not lose it
            log.exception("publishing the lint of %s failed", uri)
        return state

    def _work(self, token: _Token, snap: Any):
        """In the worker: build, or return the interruption that stopped it."""
        if self.prepare is not None:
            try:
                self.prepare(snap)  # not interruptible, not timed: see __init__
            except Exception:  # the lint itself reports what is wrong
                log.debug("preparing a lint failed", exc_info=True)
        token.started = time.monotonic()
        try:
            if self.before is not None:
                self.before()  # (inside the try: ``after`` undoes it whatever happens)
            return self._stopper.run(token, self.build, snap)
        except LintInterrupted as exc:
            return exc
        finally:
            if self.after is not None:
                try:
                    self.after()
                except Exception:  # housekeeping must not lose the lint
                    log.exception("after a lint")

    async def run_in_slot(self, fn: Callable[[], T]) -> T:
        """``fn()`` in the worker, in the lint slot and under the lint time budget: other
        work on a document's lint (an export) runs where lints run, one thing at a time,
        and cannot hold every document's diagnostics for longer than one lint may. It
        goes before the lints waiting (a person asked for it) and is never preempted.
        Raises :class:`OverBudget` when stopped for its time, and what ``fn`` raises."""
        await self._gate.acquire(sys.maxsize)
        try:
            token = _Token("", None, self.generation, sys.maxsize)
            fut = asyncio.get_running_loop().run_in_executor(self.executor, self._call, token, fn)
            await self._watch(fut, token, self.budget)
            outcome = fut.result()
        finally:
            self._gate.release()
        if isinstance(outcome, LintInterrupted):
            raise outcome
        return outcome

    def _call(self, token: _Token, fn: Callable[[], T]) -> T | LintInterrupted:
        """In the worker: ``fn()``, or the interruption that stopped it."""
        token.started = time.monotonic()
        try:
            return self._stopper.run(token, fn)
        except LintInterrupted as exc:
            return exc

    async def current(self, uri: str) -> S | None:
        """The lint of the document's current version (waiting for or starting it).

        For a document linted only on save, the last lint kept, whatever its version.
        """
        if self.version_of(uri) is None:
            return None  # not open: nothing to touch (an entry would outlive any close)
        self.touch(uri)
        while True:
            version = self.version_of(uri)
            if version is None:
                return None
            state = self.states.get(uri)
            if uri in self.slow and not self._shrunk(uri):
                if state is not None:
                    return state
                task = self._tasks.get(uri)
                if task is None or task.done():
                    task = self.schedule(uri, 0, save=True)
            else:
                if state is not None and state.version == version and self._generation_of.get(uri) == self.generation:
                    return state
                task = self._tasks.get(uri)
                if task is None or task.done():
                    task = self.schedule(uri, 0)
            if task is None:
                return self.states.get(uri)
            try:
                await asyncio.shield(task)
            except asyncio.CancelledError:
                if task.cancelled():
                    continue  # superseded by a newer change: lint that one
                raise

    def invalidate_all(self) -> None:
        """The settings changed: every kept lint is stale, and so is every lint under way."""
        self.generation += 1
        self.states.clear()
        self.slow.clear()  # new settings (a larger budget, a smaller document) get a new try
        self._stop_running()

    def latest(self, uri: str) -> S | None:
        """The last lint kept for ``uri``, whatever its version."""
        return self.states.get(uri)

    def stop_all(self) -> None:
        """Shutdown: stop the running lint and drop those waiting for the worker pool, which
        goes next (a lint started after it logged a RuntimeError and "lint failed")."""
        for uri in list(self._tasks):
            self.forget(uri)

    def forget(self, uri: str) -> None:
        task = self._tasks.pop(uri, None)
        if task is not None and not task.done():
            task.cancel()
        self._stop_running(uri)
        self.states.pop(uri, None)
        self._generation_of.pop(uri, None)
        self.slow.pop(uri, None)
        self._recency.pop(uri, None)


def _consume(task: asyncio.Task) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("lint failed", exc_info=task.exception())
