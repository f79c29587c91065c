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


# -- not held hostage: most recent first, budgets, superseded lints stopped -------------
def _spin(seconds: float) -> None:
    """Python work (interruptible), not a sleep in C."""
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        n += 1


def make_spinning(versions: dict[str, int], cost: dict[str, float], budget: float = 0.0):
    results: list[State] = []
    started: list[tuple[str, int]] = []

    def build(snap):
        uri, version = snap
        started.append((uri, version))
        _spin(cost.get(uri, 0.01))
        return State(uri, version, threading.current_thread().name)

    def slow_state(snap, seconds):
        return State(snap[0], snap[1], f"too slow after {seconds}")

    sched = Scheduler(
        snapshot=lambda uri: (uri, versions[uri]) if uri in versions else None,
        build=build,
        version_of=versions.get,
        on_result=results.append,
        executor=ThreadPoolExecutor(1, thread_name_prefix="lint"),
        slow_state=slow_state,
        size_of=lambda snap: 1000,
        budget=budget,
    )
    return sched, results, started


async def test_most_recently_touched_document_is_linted_first():
    versions = {"big": 1, "old": 1, "new": 1}
    sched, results, started = make_spinning(versions, {"big": 0.4})
    sched.schedule("big", 0)
    await asyncio.sleep(0.05)  # big is linting
    sched.schedule("old", 0)
    await asyncio.sleep(0.01)
    sched.schedule("new", 0)  # touched last: goes before "old"
    await asyncio.sleep(0.01)
    await until_done(sched, results, 3)
    # big (0.4 s) makes way after 0.2 s; new goes before old; big runs again last.
    assert [u for u, _ in started] == ["big", "new", "old", "big"]


async def until_done(sched, results, n, timeout=10.0):
    end = time.monotonic() + timeout
    while len(results) < n:
        assert time.monotonic() < end, f"only {len(results)} results"
        await asyncio.sleep(0.01)


async def test_lint_over_budget_is_stopped_and_linted_only_on_save():
    versions = {"slow": 1, "small": 1}
    sched, results, started = make_spinning(versions, {"slow": 30.0}, budget=0.2)
    t0 = time.monotonic()
    sched.schedule("slow", 0)
    sched.schedule("small", 0)
    await until_done(sched, results, 2)
    took = time.monotonic() - t0
    assert took < 5, f"a 30 s lint held the worker for {took:.1f} s"
    by_uri = {r.uri: r for r in results}
    assert by_uri["slow"].thread.startswith("too slow") and by_uri["small"].thread.startswith("lint")
    assert "slow" in sched.slow
    # Typing in it does not lint it again; saving does (with a larger budget).
    versions["slow"] = 2
    assert sched.schedule("slow", 0) is None
    n = len(started)
    task = sched.schedule("slow", 0, save=True)
    assert task is not None
    await asyncio.sleep(0.1)
    assert len(started) == n + 1
    sched.forget("slow")
    await asyncio.sleep(0.05)


async def test_superseded_lint_is_stopped():
    versions = {"a": 1}
    sched, results, started = make_spinning(versions, {"a": 30.0})
    sched.schedule("a", 0)
    await asyncio.sleep(0.1)  # v1 is spinning (30 s of work)
    versions["a"] = 2
    sched.schedule("a", 0)
    end = time.monotonic() + 5
    while ("a", 2) not in started:  # v2 can only start once v1 has stopped
        assert time.monotonic() < end, "the superseded lint went on"
        await asyncio.sleep(0.01)
    assert sched.interrupted == 1 and not results
    sched.forget("a")  # v2 costs 30 s too: forgetting the document stops it
    versions["b"] = 1
    sched.schedule("b", 0)
    await until_done(sched, results, 1)
    assert [r.uri for r in results] == ["b"] and sched.interrupted == 2


def test_interrupt_reaches_only_the_named_call():
    from resolint.lsp.interrupt import Interruptible, LintInterrupted, OverBudget

    stopper = Interruptible()
    first, second = object(), object()
    assert stopper.interrupt(first, OverBudget) is False  # not running: nothing sent
    out = []

    def worker():
        try:
            stopper.run(first, _spin, 30)
        except LintInterrupted as exc:
            out.append(type(exc))
        out.append(stopper.run(second, lambda: "second ran whole"))

    t = threading.Thread(target=worker)
    t.start()
    time.sleep(0.1)
    assert stopper.interrupt(first, OverBudget) is True
    t.join(5)
    assert out == [OverBudget, "second ran whole"]


async def test_running_lint_of_another_document_makes_way_for_the_recent_one():
    versions = {"big": 1, "small": 1}
    sched, results, started = make_spinning(versions, {"big": 30.0, "small": 0.01})
    sched.schedule("big", 0)
    await asyncio.sleep(0.3)  # big has been linting for a while (no budget: it would run 30 s)
    t0 = time.monotonic()
    sched.schedule("small", 0)
    await until_done(sched, results, 1)
    assert results[0].uri == "small" and time.monotonic() - t0 < 3
    assert sched.preempted == 1
    end = time.monotonic() + 5
    while started.count(("big", 1)) < 2:  # big is linted again, behind the small one
        assert time.monotonic() < end, started
        await asyncio.sleep(0.01)
    sched.forget("big")
    await asyncio.sleep(0.1)


async def test_short_lints_are_not_preempted():
    versions = {"a": 1, "b": 1}
    sched, results, started = make_spinning(versions, {"a": 0.1, "b": 0.01})
    sched.schedule("a", 0)
    await asyncio.sleep(0.02)
    sched.schedule("b", 0)
    await until_done(sched, results, 2)
    assert sched.preempted == 0 and [r.uri for r in results] == ["a", "b"]


async def test_preparing_a_first_lint_is_not_counted_against_the_budget():
    """The once-per-configuration warm-up (spaCy for house rules) runs before the lint's
    clock starts: a warm-up longer than the budget does not make the lint 'too slow'."""
    versions = {"doc": 1}
    sched, results, started = make_spinning(versions, {"doc": 0.05}, budget=0.2)
    prepared: list[str] = []

    def prepare(snap):
        prepared.append(snap[0])
        time.sleep(0.5)  # longer than the budget

    sched.prepare = prepare
    sched.schedule("doc", 0)
    await until_done(sched, results, 1)
    assert prepared == ["doc"]
    assert results[0].thread.startswith("lint"), results[0].thread
    assert "doc" not in sched.slow


async def test_work_in_the_lint_slot_is_stopped_at_the_budget_and_lints_go_on():
    """An export runs on the lint worker: with no budget, a slow one held every
    document's diagnostics. In the slot it runs alone, and is stopped at the budget."""
    import pytest

    from resolint.lsp.interrupt import OverBudget

    versions = {"a": 1}
    sched, results, _ = make_spinning(versions, {}, budget=0.2)
    assert await sched.run_in_slot(lambda: "exported") == "exported"
    with pytest.raises(ValueError, match="refused"):
        await sched.run_in_slot(lambda: (_ for _ in ()).throw(ValueError("refused")))
    t0 = time.monotonic()
    slow = asyncio.create_task(sched.run_in_slot(lambda: _spin(30)))
    await asyncio.sleep(0.05)
    sched.schedule("a", 0)  # waits for the slot
    with pytest.raises(OverBudget):
        await slow
    await until_done(sched, results, 1)
    took = time.monotonic() - t0
    assert took < 5, f"a 30 s export held the worker for {took:.1f} s"
    assert [r.uri for r in results] == ["a"]
