"""The keystroke benchmark (benchmarks/instructions.py) counts the same on a busy machine.

Its count is meant to be compared across runs and checkouts, so nothing in the measured
program may depend on how fast the machine is. The server's collector decides by its
clock when to count and collect the frozen objects; with the real clock, under valgrind
(seconds an edit), those decisions followed the machine's load and moved the count by
10-15 %. The script's collector runs on the script's own clock instead."""

from __future__ import annotations

import gc
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _instructions_module():
    spec = importlib.util.spec_from_file_location("bench_instructions", ROOT / "benchmarks" / "instructions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_collectors_clock_moves_by_the_pace_per_edit():
    script = _instructions_module().keystroke_script(4000, 3, pace=0.5)
    namespace: dict = {}
    was_enabled = gc.isenabled()
    try:
        exec(compile(script, "<keystrokes>", "exec"), namespace)
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()
    collector = namespace["collector"]
    assert collector._clock() == 3 * 0.5  # three edits, half a second apart
    assert collector.collections == 0  # counted only at the first lint: 1.5 s < COUNT_EVERY
