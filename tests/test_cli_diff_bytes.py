"""``--diff`` applies with ``patch -p1`` and ``git apply`` to the file as it is.

Both tools compare bytes: the diff of a cp1252 draft (or a UTF-8 one with a BOM) was
printed in UTF-8, and no hunk matched ("Hunk #1 FAILED"); a name with a tab, a line
break, a quote, a backslash or a byte that is not UTF-8 was written as is (or as
``\\xNN``), and neither tool found the file. Expected texts are written here by hand."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from resolint.cli.patch import header_names

DRAFT = "The General Assembly,\n\nRecalling its résolution 74/1 of 1 October 2019;\n\n1. Decides to act;\n"
FIXED = "The General Assembly,\n\nRecalling its résolution 74/1 of 1 October 2019,\n\n1. Decides to act.\n"

needs_tools = pytest.mark.skipif(not (shutil.which("patch") and shutil.which("git")), reason="needs patch and git")


def run(*args, cwd):
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "resolint", *args], capture_output=True, cwd=cwd, env=env)


def applied(tmp_path, files: dict[bytes, bytes], diff: bytes, tool: str) -> dict[bytes, bytes]:
    """``files`` (name -> bytes) after ``diff`` is applied to a copy of them by ``tool``."""
    folder = os.path.join(os.fsencode(tmp_path), tool.encode())
    os.mkdir(folder)
    for name, data in files.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
    command = ["git", "apply", "-"] if tool == "git" else ["patch", "-p1", "--batch", "--silent"]
    if tool == "git":
        subprocess.run(["git", "init", "-q", "."], cwd=folder, check=True)
    done = subprocess.run(command, input=diff, cwd=folder, capture_output=True)
    assert done.returncode == 0, (tool, done.stdout, done.stderr, diff)
    out = {}
    for name in files:
        with open(os.path.join(folder, name), "rb") as f:
            out[name] = f.read()
    return out


@needs_tools
@pytest.mark.parametrize("tool", ["patch", "git"])
@pytest.mark.parametrize(
    ("encoding", "prefix", "options"),
    [("cp1252", b"", ["--encoding", "cp1252"]), ("latin-1", b"", ["--encoding", "latin-1"]),
     ("utf-8", b"\xef\xbb\xbf", []), ("utf-8", b"", [])],
)
def test_the_diff_of_a_file_in_its_own_encoding_applies(tmp_path, tool, encoding, prefix, options):
    original = prefix + DRAFT.encode(encoding)
    (tmp_path / "d.txt").write_bytes(original)
    proc = run("check", "--diff", *options, "d.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert (tmp_path / "d.txt").read_bytes() == original  # --diff writes nothing
    assert applied(tmp_path, {b"d.txt": original}, proc.stdout, tool) == {b"d.txt": prefix + FIXED.encode(encoding)}


def test_the_json_report_keeps_the_diff_as_text(tmp_path):
    (tmp_path / "d.txt").write_bytes(DRAFT.encode("cp1252"))
    doc = json.loads(run("check", "--diff", "--format", "json", "--encoding", "cp1252", "d.txt", cwd=tmp_path).stdout)
    assert "+Recalling its résolution 74/1 of 1 October 2019,\n" in doc["files"][0]["diff"]


def test_a_utf16_file_gets_no_diff_that_cannot_apply_but_a_note(tmp_path):
    (tmp_path / "d.txt").write_bytes(b"\xff\xfe" + DRAFT.encode("utf-16-le"))
    proc = run("check", "--diff", "d.txt", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout == b""
    assert b"d.txt: note: no diff printed: patch and git apply cannot apply a diff to a utf-16-le file" in proc.stderr
    doc = json.loads(run("check", "--diff", "--format", "json", "d.txt", cwd=tmp_path).stdout)
    assert "+1. Decides to act.\n" in doc["files"][0]["diff"]


NAMES = [b"na\tme.txt", b"new\nline.txt", b'q"uote.txt', b"back\\slash.txt", b"r\xe9sum\xe9.txt", b"with space.txt",
         b"caf\xc3\xa9.txt"]


@needs_tools
@pytest.mark.parametrize("tool", ["patch", "git"])
def test_names_git_quotes_apply(tmp_path, tool):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in NAMES:
        with open(os.path.join(os.fsencode(folder), name), "wb") as f:
            f.write(DRAFT.encode())
    proc = run("check", "--diff", ".", cwd=folder)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.count(b"\n+++ ") == len(NAMES) and proc.stdout.startswith(b"--- ")
    got = applied(tmp_path, dict.fromkeys(NAMES, DRAFT.encode()), proc.stdout, tool)
    assert got == dict.fromkeys(NAMES, FIXED.encode())


@pytest.mark.parametrize(
    ("name", "before"),
    [
        ("na\tme.txt", b'"a/na\\tme.txt"'),
        ("new\nline.txt", b'"a/new\\nline.txt"'),
        ('q"uote.txt', b'"a/q\\"uote.txt"'),
        ("back\\slash.txt", b'"a/back\\\\slash.txt"'),
        ("bell\x07.txt", b'"a/bell\\a.txt"'),
        ("esc\x1b.txt", b'"a/esc\\033.txt"'),
        (os.fsdecode(b"r\xe9sum\xe9.txt"), b'"a/r\\351sum\\351.txt"'),  # not UTF-8: octal, as git writes it
        ("café.txt", "a/café.txt".encode()),  # UTF-8 as it is
        ("with space.txt", b"a/with space.txt\t"),  # the tab git diff adds for patch
        ("tab\tand space.txt", b'"a/tab\\tand space.txt"\t'),
        ("plain.txt", b"a/plain.txt"),
    ],
)
def test_header_names_are_quoted_as_git_quotes_them(name, before):
    assert header_names(name) == (before, before.replace(b"a/", b"b/", 1))
