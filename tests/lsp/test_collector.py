"""The server's garbage-collection policy: what a lint leaves is frozen, collected at pauses."""

from __future__ import annotations

import asyncio
import gc
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest

from resolint.lsp.collector import Collector
from resolint.lsp.scheduler import Scheduler


@pytest.fixture(autouse=True)
def _thawed():
    """Each test starts and ends with nothing frozen (other tests expect the default)."""
    gc.unfreeze()
    yield
    gc.unfreeze()


@dataclass
class State:
    uri: str
    version: int


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_after_a_lint_its_survivors_are_frozen():
    c = Collector(min_growth=10_000)
    kept = [_Node() for _ in range(100)]
    c.after_lint()
    assert gc.get_freeze_count() >= len(kept)
    assert c.collections == 0 and c.since_collect == 1


def test_cyclic_garbage_among_frozen_objects_is_freed_at_a_pause():
    import weakref

    c = Collector(min_growth=10_000)
    node = _Node()
    ref = weakref.ref(node)
    c.after_lint()  # node is frozen
    del node
    gc.collect()
    assert ref() is not None, "a frozen cycle is not collected"
    c.collect()
    assert ref() is None and c.collections == 1 and c.since_collect == 0
    c.collect()  # nothing frozen since: nothing to do
    assert c.collections == 1


def test_without_a_pause_frozen_garbage_is_collected_once_it_has_grown():
    import weakref

    # The test process holds many objects: count only growth, and after every lint.
    c = Collector(growth=0.0, min_growth=1_000, count_every=0)
    first = _Node()
    ref = weakref.ref(first)
    c.after_lint()
    del first
    c.after_lint()  # a little growth: frozen, not collected
    assert ref() is not None and c.collections == 0
    cycles = [_Node() for _ in range(2_000)]  # a lint that leaves many cycles behind
    c.after_lint()
    assert ref() is None and c.collections == 1
    del cycles


def test_while_lints_follow_each_other_frozen_objects_are_counted_once_per_interval(monkeypatch):
    """Counting walks every frozen object (milliseconds for an open draft): not after
    every keystroke, but once the interval has passed; a pause's collection counts too."""
    counts: list[int] = []
    real = gc.get_freeze_count
    monkeypatch.setattr(gc, "get_freeze_count", lambda: counts.append(1) or real())
    now = [100.0]
    c = Collector(growth=0.0, min_growth=1_000, count_every=10.0, clock=lambda: now[0])
    c.after_lint()  # the first lint sets the base
    assert len(counts) == 1
    keep = [_Node() for _ in range(2_000)]  # grown past the threshold, but counted a moment ago
    for _ in range(5):
        now[0] += 1.0
        c.after_lint()
    assert len(counts) == 1 and c.collections == 0
    now[0] += 6.0  # ten seconds since the count
    c.after_lint()
    assert len(counts) >= 2 and c.collections == 1
    del keep


async def test_the_scheduler_calls_after_once_per_lint_in_the_worker_even_when_it_fails():
    calls: list[str] = []
    versions = {"ok": 1, "bad": 1}

    def build(snap):
        if snap[0] == "bad":
            raise ValueError("a broken lint")
        return State(*snap)

    sched = Scheduler(
        snapshot=lambda uri: (uri, versions[uri]),
        build=build,
        version_of=versions.get,
        on_result=lambda state: None,
        executor=ThreadPoolExecutor(1, thread_name_prefix="lint"),
        after=lambda: calls.append(threading.current_thread().name),
    )
    await sched.schedule("ok", 0)
    with pytest.raises(ValueError):
        await sched.schedule("bad", 0)
    await asyncio.sleep(0)
    assert len(calls) == 2 and all(name.startswith("lint") for name in calls)


def _young_collections_during(work) -> int:
    """How many automatic collections run while ``work()`` runs."""
    runs: list[int] = []

    def count(phase, info):
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)
    try:
        work()
    finally:
        gc.callbacks.remove(count)
    return len(runs)


def _a_lints_objects() -> list:
    return [[_Node()] for _ in range(20_000)]  # far past the young generation's threshold


def test_no_automatic_collection_runs_during_a_lint_and_the_collector_is_on_again_after_it():
    c = Collector(min_growth=10_000)
    assert gc.isenabled()
    assert _young_collections_during(_a_lints_objects) > 0, "the test's lint sets off collections unbracketed"
    c.before_lint()
    try:
        during = _young_collections_during(_a_lints_objects)
    finally:
        c.after_lint()
    assert during == 0 and gc.isenabled()


def test_a_process_that_runs_without_the_automatic_collector_keeps_running_without_it():
    c = Collector(min_growth=10_000)
    gc.disable()
    try:
        c.before_lint()
        c.after_lint()
        assert not gc.isenabled()
    finally:
        gc.enable()


async def test_the_scheduler_calls_before_ahead_of_each_lint_and_after_even_when_it_fails():
    calls: list[str] = []
    versions = {"ok": 1, "bad": 1}

    def build(snap):
        calls.append("build")
        if snap[0] == "bad":
            raise ValueError("a broken lint")
        return State(*snap)

    sched = Scheduler(
        snapshot=lambda uri: (uri, versions[uri]),
        build=build,
        version_of=versions.get,
        on_result=lambda state: None,
        executor=ThreadPoolExecutor(1, thread_name_prefix="lint"),
        before=lambda: calls.append("before"),
        after=lambda: calls.append("after"),
    )
    await sched.schedule("ok", 0)
    with pytest.raises(ValueError):
        await sched.schedule("bad", 0)
    await asyncio.sleep(0)
    assert calls == ["before", "build", "after"] * 2


def test_the_server_keeps_the_collector_out_of_its_lints():
    from resolint.lsp.server import ResolintServer

    server = ResolintServer()
    assert server.scheduler.before == server.collector.before_lint
    assert server.scheduler.after == server.collector.after_lint


def test_the_collector_on_again_after_a_lint_does_not_walk_what_the_lint_made():
    """What the lint made is frozen before the collector is on again: turned on first, it
    walked all of it at the next allocation (inside after_lint itself)."""
    c = Collector(min_growth=10_000, count_every=3600.0)
    c.after_lint()  # the first lint sets the base (and counts: the next ones do not)
    c.before_lint()
    kept = _a_lints_objects()
    assert _young_collections_during(c.after_lint) == 0 and gc.isenabled()
    assert gc.get_count()[0] < 100
    del kept
