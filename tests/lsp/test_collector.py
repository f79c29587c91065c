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
