"""The scheduler: debounce per document, lint off the loop, stale results dropped."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from resolint.lsp.scheduler import Scheduler


@dataclass
class State:
    uri: str
    version: int
    thread: str


def make(versions: dict[str, int], delay: float = 0.05):
    results: list[State] = []
    builds: list[int] = []

    def build(snap):
        uri, version = snap
        builds.append(version)
        time.sleep(delay)  # a slow lint, in the worker
        return State(uri, version, threading.current_thread().name)

    sched = Scheduler(
        snapshot=lambda uri: (uri, versions[uri]) if uri in versions else None,
        build=build,
        version_of=versions.get,
        on_result=results.append,
        executor=ThreadPoolExecutor(1, thread_name_prefix="lint"),
    )
    return sched, results, builds


async def test_debounce_coalesces_and_runs_off_the_loop():
    versions = {"a": 1}
    sched, results, builds = make(versions)
    for v in range(1, 6):
        versions["a"] = v
        sched.schedule("a", 0.05)
        await asyncio.sleep(0.005)
    await asyncio.sleep(0.3)
    assert builds == [5] and [r.version for r in results] == [5]
    assert results[0].thread.startswith("lint")


async def test_stale_result_dropped_and_current_waits_for_latest():
    versions = {"a": 1}
    sched, results, builds = make(versions, delay=0.1)
    sched.schedule("a", 0)
    await asyncio.sleep(0.02)  # the lint of v1 is running
    versions["a"] = 2  # the user typed
    state = await sched.current("a")
    assert state.version == 2
    assert [r.version for r in results] == [2]  # v1's result was never shown
    assert builds == [1, 2]


async def test_current_survives_superseding_changes():
    versions = {"a": 1}
    sched, results, _ = make(versions, delay=0.05)
    sched.schedule("a", 0.05)

    async def typist():
        for v in range(2, 5):
            await asyncio.sleep(0.03)
            versions["a"] = v
            sched.schedule("a", 0.02)

    t = asyncio.create_task(typist())
    state = await sched.current("a")
    await t
    final = await sched.current("a")
    assert final.version == 4 and state.version <= 4


async def test_forget_and_closed_document():
    versions = {"a": 1}
    sched, results, _ = make(versions)
    sched.schedule("a", 0.05)
    del versions["a"]
    sched.forget("a")
    await asyncio.sleep(0.15)
    assert results == [] and await sched.current("a") is None


async def test_a_lint_begun_under_old_settings_is_dropped():
    """Settings changed while a lint ran: its result (same version) must not be shown."""
    import asyncio
    import threading
    from concurrent.futures import ThreadPoolExecutor
    from dataclasses import dataclass

    from resolint.lsp.scheduler import Scheduler

    @dataclass
    class St:
        version: int
        settings: str

    settings = {"v": "old"}
    gate = threading.Event()

    def build(snap):
        if snap == "old":
            gate.wait(5)
        return St(1, snap)

    shown = []
    with ThreadPoolExecutor(2) as pool:
        sch = Scheduler(lambda uri: settings["v"], build, lambda uri: 1, shown.append, pool)
        first = sch.schedule("u", 0)
        await asyncio.sleep(0.05)  # the old-settings lint is running
        settings["v"] = "new"
        sch.invalidate_all()
        gate.set()
        await asyncio.wait([first])
        state = await sch.current("u")
    assert state.settings == "new"
    assert [s.settings for s in shown] == ["new"]
