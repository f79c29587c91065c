"""Standard input (``-``) named beside files.

Linting and ``--diff`` report both (one report, one diff each). ``--fix`` on standard
input writes the fixed text to standard output, so files named with it can be neither
reported nor fixed in that run: ``check - a.txt --fix`` fixed standard input and ignored
a.txt without a word; it is now refused (exit 2) before anything is read or written."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

DRAFT = "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019;\n\n1. Decides to act;\n"


def run(*args, input: bytes, cwd):
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "resolint", *args], input=input, capture_output=True, cwd=cwd, env=env)


@pytest.mark.parametrize("paths", [["-", "a.txt"], ["a.txt", "-"]])
def test_fix_of_standard_input_with_files_is_refused(tmp_path, paths):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    proc = run("check", *paths, "--fix", input=DRAFT.encode(), cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert b"--fix on standard input (-)" in proc.stderr and b"two runs" in proc.stderr
    assert proc.stdout == b""
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == DRAFT  # not fixed either


def test_standard_input_and_files_are_both_linted_and_diffed(tmp_path):
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    proc = run("check", "-", "a.txt", "--diff", input=DRAFT.encode(), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.count(b"\n+++ b/") == 2 and b"+++ b/a.txt" in proc.stdout
    linted = run("check", "-", "a.txt", input=DRAFT.encode(), cwd=tmp_path)
    assert linted.returncode == 1 and b"-:3:" in linted.stdout and b"a.txt:3:" in linted.stdout
