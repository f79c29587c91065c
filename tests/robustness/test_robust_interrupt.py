"""``resolint check --fix`` killed at random moments leaves each file old or new.

Files are written through a temporary file renamed over the original
(``cli/files.py: write_atomic``); this test proves it from the outside: it SIGKILLs the
whole process group of a ``--fix`` run over many files at random moments and checks
every file is byte for byte either its original or its fully fixed version, that a
later run finishes the job, and that an interrupted write leaves at most a hidden
``*.resolint-tmp`` file, which the next run does not lint.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from resolint.cli.walk import discover

KILLS = int(os.environ.get("RESOLINT_ROBUST_KILLS", "4"))
FILES = 40


def _draft(k: int) -> bytes:
    """A short invented draft with safe fixes to make (case, punctuation, numbering)."""
    nl = "\r\n" if k % 3 == 0 else "\n"
    lines = [
        "The General Assembly,",
        "",
        f"recalling its resolution {k}/1 of 1 May 2031;",
        "",
        "Noting with concern the invented matter number " + str(k) + ";",
        "",
        "1. requests the Secretary-General to report,",
        "",
        "2. Decides to act on item " + str(k),
        "",
    ]
    data = nl.join(lines).encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if k % 4 == 0 else data


def _run_fix(folder: Path, jobs: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "resolint", "check", "--fix", "--no-progress", "--jobs", str(jobs), str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the kill reaches pool workers too
    )


def _write_all(folder: Path, contents: dict[str, bytes]) -> None:
    for name, data in contents.items():
        (folder / name).write_bytes(data)


@pytest.mark.parametrize("jobs", [1, 2])
def test_kill_during_fix_leaves_every_file_old_or_new(tmp_path, jobs):
    old = {f"draft-{k:03d}.txt": _draft(k) for k in range(FILES)}

    # The fully fixed version of every file, from an uninterrupted run.
    ref = tmp_path / "ref"
    ref.mkdir()
    _write_all(ref, old)
    started = time.monotonic()
    proc = _run_fix(ref, jobs)
    _, err = proc.communicate(timeout=300)
    full_run = time.monotonic() - started
    assert proc.returncode in (0, 1), err.decode()
    new = {name: (ref / name).read_bytes() for name in old}
    changed = sum(new[n] != old[n] for n in old)
    assert changed == FILES, "every draft has safe fixes, so every file must change"

    rng = random.Random(jobs)
    work = tmp_path / "work"
    seen_partial = 0
    for i in range(KILLS):
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        _write_all(work, old)
        proc = _run_fix(work, jobs)
        if i % 2 == 0:
            # Half the kills wait for the first file to be written, then strike while
            # the others are being written (start-up alone takes most of a short run).
            deadline = time.monotonic() + full_run * 3
            while time.monotonic() < deadline and all((work / n).read_bytes() == old[n] for n in old):
                time.sleep(0.005)
            time.sleep(rng.uniform(0, 0.05))  # well before the 40th file (each takes ~0.1 s)
        else:
            time.sleep(rng.uniform(0.2, full_run))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        names = sorted(p.name for p in work.iterdir())
        drafts = [n for n in names if n in old]
        assert drafts == sorted(old), f"a draft disappeared: {set(old) - set(drafts)}"
        for name in old:
            data = (work / name).read_bytes()
            assert data in (old[name], new[name]), f"{name} is neither the old nor the new text"
        temps = [n for n in names if n not in old]
        assert all(n.startswith(".") and n.endswith(".resolint-tmp") for n in temps), temps
        assert len(temps) <= jobs  # at most one write in flight per process
        assert not [p for p, _ in discover([str(work)]).files if p.name in temps]
        fixed_now = sum((work / n).read_bytes() == new[n] for n in old)
        seen_partial += 0 < fixed_now < FILES
    # A run after the last kill completes the job from wherever that one stopped.
    proc = _run_fix(work, jobs)
    proc.communicate(timeout=300)
    for name in old:
        assert (work / name).read_bytes() == new[name], f"{name} not fixed by the run after the kill"
    assert seen_partial, "no kill landed mid-run: the test did not exercise an interrupted --fix"
