"""Pathological inputs through the real CLI: each lints, or fails with exit 2 and a
clear message; never a traceback, never a hang.

CI runs the builders of ``pathological.py`` at a reduced scale (``RESOLINT_PATHO_SCALE``,
default 0.2: a 1 MB file, a 40,000-character line, 2,000 operative paragraphs, …) plus
a file over the size limit; ``bench_pathological.py`` runs them at full scale under
``/usr/bin/time -v`` and reports time and memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pathological import BUILDERS

SCALE = float(os.environ.get("RESOLINT_PATHO_SCALE", "0.2"))
#: The big-file builder is 50 MB at scale 1; in CI it stays under the default 5 MB limit.
BIG_SCALE = min(SCALE, 1.0) * 0.1
TIMEOUT = 300  # seconds: far above what any case needs; reaching it is a hang


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("pathological")
    # Every file here is to be linted, draft-shaped or not (see docs/ci.md: include).
    (d / "resolint.toml").write_text('include = ["*.txt"]\n', encoding="utf-8")
    for name, build in BUILDERS.items():
        (d / f"{name}.txt").write_bytes(build(BIG_SCALE if name == "big-file" else SCALE))
    (d / "not-utf8.txt").write_bytes(b"The General Assembly,\n\n\xff\xfe\x00 broken \xc3\x28;\n")
    (d / "empty.txt").write_bytes(b"")
    (d / "only-bom.txt").write_bytes(b"\xef\xbb\xbf")
    (d / "utf16-odd-length.txt").write_bytes(b"\xff\xfeT\x00h\x00e")
    return d


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "resolint", "check", "--no-progress", *args],
        capture_output=True,
        cwd=cwd,
        timeout=TIMEOUT,
    )


def _no_traceback(proc: subprocess.CompletedProcess) -> None:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err[-3000:]


def test_every_pathological_file_lints_or_fails_clearly(folder):
    proc = _run("--format", "json", ".", cwd=folder)
    _no_traceback(proc)
    assert proc.returncode == 2  # the undecodable files are errors; everything else is linted
    doc = json.loads(proc.stdout)
    by_path = {Path(f["path"]).name: f for f in doc["files"]}
    assert set(by_path) >= {f"{n}.txt" for n in BUILDERS}
    errors = {name: f["error"] for name, f in by_path.items() if f.get("error")}
    assert set(errors) == {"not-utf8.txt", "utf16-odd-length.txt"}, errors
    assert all("cannot decode byte at offset" in e for e in errors.values())
    for name in BUILDERS:
        f = by_path[f"{name}.txt"]
        assert not [d for d in f["diagnostics"] if d["code"] == "DOC000"], name  # no rule crashed


def test_fix_on_pathological_files_is_clean(folder, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    for p in folder.iterdir():
        (work / p.name).write_bytes(p.read_bytes())
    proc = _run("--fix", "--format", "json", ".", cwd=work)
    _no_traceback(proc)
    assert proc.returncode == 2
    again = _run("--fix", "--format", "json", ".", cwd=work)
    _no_traceback(again)
    before = {p.name: p.read_bytes() for p in work.iterdir()}
    third = _run("--fix", ".", cwd=work)
    _no_traceback(third)
    after = {p.name: p.read_bytes() for p in work.iterdir()}
    assert before == after  # fixing again changes nothing


def test_a_file_over_the_size_limit_is_refused_with_exit_2(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"The General Assembly,\n\n" + b"1. Requests the body to act;\n\n" * 200_000)  # 6.2 MB
    proc = _run(str(big), cwd=tmp_path)
    _no_traceback(proc)
    assert proc.returncode == 2
    assert b"over the limit of 5 MB" in proc.stdout and b"--max-file-size" in proc.stdout
    stdin = subprocess.run(
        [sys.executable, "-m", "resolint", "check", "--max-file-size", "1MB", "-"],
        input=big.read_bytes(),
        capture_output=True,
        timeout=TIMEOUT,
    )
    _no_traceback(stdin)
    assert stdin.returncode == 2 and b"over the limit of 1 MB" in stdin.stderr
