"""Debounced linting per document, off the event loop, with stale results dropped.

Every change restarts a per-document timer; when it fires, the document's current
version and text are taken and linted in a worker thread (the engine is synchronous).
A result whose version is no longer the document's is dropped, never shown. Requests
that need the current version's lint (pull diagnostics, code actions) call
:meth:`Scheduler.current`, which waits for the pending lint or starts one at once.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Executor
from typing import Any, Callable, Generic, Protocol, TypeVar

log = logging.getLogger(__name__)


class Versioned(Protocol):
    version: int


S = TypeVar("S", bound=Versioned)


class Scheduler(Generic[S]):
    def __init__(
        self,
        snapshot: Callable[[str], Any | None],
        build: Callable[[Any], S],
        version_of: Callable[[str], int | None],
        on_result: Callable[[S], None],
        executor: Executor,
    ) -> None:
        self.snapshot = snapshot  # on the loop: what to lint (None: document gone)
        self.build = build  # in the worker: snapshot -> state
        self.version_of = version_of
        self.on_result = on_result
        self.executor = executor
        self.states: dict[str, S] = {}
        self._tasks: dict[str, asyncio.Task] = {}
        # Bumped when the settings change: a lint begun under older settings is as
        # stale as one of an older version, even though the version is the same.
        self.generation = 0
        self._generation_of: dict[str, int] = {}
        self.dropped = 0  # stale results dropped (for tests and the benchmark)

    def schedule(self, uri: str, delay: float) -> asyncio.Task:
        """(Re)start the timer of ``uri``; the lint runs ``delay`` seconds from now."""
        old = self._tasks.get(uri)
        if old is not None and not old.done():
            old.cancel()
        task = asyncio.get_running_loop().create_task(self._run(uri, delay))
        task.add_done_callback(_consume)
        self._tasks[uri] = task
        return task

    async def _run(self, uri: str, delay: float) -> S | None:
        if delay > 0:
            await asyncio.sleep(delay)
        snap = self.snapshot(uri)
        if snap is None:
            return None
        generation = self.generation
        state = await asyncio.get_running_loop().run_in_executor(self.executor, self.build, snap)
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

    async def current(self, uri: str) -> S | None:
        """The lint of the document's current version (waiting for or starting it)."""
        while True:
            version = self.version_of(uri)
            if version is None:
                return None
            state = self.states.get(uri)
            if state is not None and state.version == version and self._generation_of.get(uri) == self.generation:
                return state
            task = self._tasks.get(uri)
            if task is None or task.done():
                task = self.schedule(uri, 0)
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

    def latest(self, uri: str) -> S | None:
        """The last lint kept for ``uri``, whatever its version."""
        return self.states.get(uri)

    def forget(self, uri: str) -> None:
        task = self._tasks.pop(uri, None)
        if task is not None and not task.done():
            task.cancel()
        self.states.pop(uri, None)
        self._generation_of.pop(uri, None)


def _consume(task: asyncio.Task) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("lint failed", exc_info=task.exception())
