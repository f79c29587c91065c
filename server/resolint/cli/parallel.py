"""Checking many files with ``--jobs``: worth it only when the work dwarfs starting workers.

The parent warms up first (rules loaded, their regular expressions compiled, style tables
and word lists read, by linting a small draft), then forks: every worker starts with all of
that in memory instead of loading it again. Workers send back slimmed reports (findings
and the positions they name, never the text; see :mod:`resolint.cli.located`). Reports
come back in the order of the work whatever the number of workers, so the output does not
depend on ``--jobs``.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from resolint import nlp
from resolint.engine import lint

T = TypeVar("T")
R = TypeVar("R")

#: Below this many bytes of input per worker, one more worker costs more (fork, pickling,
#: scheduling on a shared machine) than it saves.
BYTES_PER_WORKER = 1_000_000

#: A small draft whose lint touches every rule's lazily built state.
_WARM_UP = """RESOLUTION No. 1

Subject: Warm-up

The General Assembly,

Recalling its resolution 1/1 of 1 January 2000,

1. Decides to remain seized of the matter;

2. Requests the Secretary-General to report.
"""


def workers_for(requested: int, sizes: Sequence[int]) -> int:
    """How many processes to use: at most ``requested`` (0: one per core this process may
    use, :func:`usable_cores`), at most one per file, and one per
    :data:`BYTES_PER_WORKER` of input."""
    n = requested if requested > 0 else usable_cores()
    by_size = max(1, sum(sizes) // BYTES_PER_WORKER)
    return max(1, min(n, len(sizes), by_size))


def usable_cores(cgroup_cpu_max: str = "/sys/fs/cgroup/cpu.max") -> int:
    """The cores this process may run on: those the scheduler lets it use (a CI job pinned
    to two of a host's 64 cores), fewer when its control group caps its CPU time (a
    container started with ``--cpus 2``: cgroup v2 ``cpu.max`` holds "200000 100000",
    quota and period). ``os.cpu_count()`` counts the host's cores; a worker per core there
    would crowd two cores with dozens of processes, each with its own memory."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    try:
        with open(cgroup_cpu_max, encoding="ascii") as fh:
            quota, period = fh.read().split()[:2]
        if quota != "max" and int(period) > 0:
            cores = min(cores, max(1, int(quota) // int(period)))
    except (OSError, ValueError):  # no cgroup v2 file, or one not understood: no cap
        pass
    return max(1, cores)


def warm_up(settings_list: Iterable) -> None:
    """Lint a small draft once per settings so forked workers inherit what it loaded, and
    read the second verb-form table: input big enough for several workers has, in every
    worker's share, some verb outside the first, and each would read it again. (lemminflect
    itself is not loaded: only a word in neither table needs it, which is rare.)"""
    nlp.load_forms()
    for settings in settings_list:
        # A broken configuration is reported for the files that use it, not here.
        with contextlib.suppress(Exception):
            lint(_WARM_UP, settings)


def run(fn: Callable[[T], R], work: Sequence[T], workers: int) -> Iterator[R]:
    """``fn`` over ``work`` in ``workers`` processes, results in the order of ``work``.

    With one worker it runs here, one item after the other, and imports nothing more.
    """
    if workers <= 1 or len(work) <= 1:
        for item in work:
            yield fn(item)
        return
    import multiprocessing  # lazy: only --jobs > 1 starts worker processes (~15 ms to import)

    try:
        ctx = multiprocessing.get_context("fork")
    except ValueError:  # no fork (Windows): spawned workers import and warm up on their own
        ctx = multiprocessing.get_context()
    # Small chunks keep the workers evenly loaded (files differ in size); several per
    # worker keep the pickling round trips few.
    chunk = max(1, min(16, len(work) // (workers * 8)))
    # Objects made so far (rules, patterns, tables) are never collected: moved out of the
    # collector's reach, a worker's collections do not write to (and so copy) their pages.
    gc.collect()
    gc.freeze()
    try:
        with ctx.Pool(workers) as pool:
            yield from pool.imap(fn, work, chunksize=chunk)
    finally:
        gc.unfreeze()
