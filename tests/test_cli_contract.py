"""The CLI contract of DESIGN §6: exit codes and the JSON schema."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES


def run(*args: str, input: bytes | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "resolint", *args], input=input, capture_output=True, cwd=cwd)


def test_json_output_has_the_documented_shape():
    proc = run("check", "--format", "json", str(FIXTURES / "sample-draft.txt"))
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["version"] == 1
    assert set(doc) == {"version", "files", "summary"}
    (file,) = doc["files"]
    assert file["style"] == "un-ga"
    diag = file["diagnostics"][0]
    assert set(diag) == {"code", "name", "severity", "message", "range", "fix"}
    assert set(diag["range"]) == {"start", "end"}
    assert doc["summary"]["diagnostics"] == len(file["diagnostics"])
    assert doc["summary"]["fixable"] == sum(1 for d in file["diagnostics"] if d["fix"])


def test_clean_text_exits_zero(tmp_path):
    draft = tmp_path / "clean.txt"
    draft.write_text(
        "The General Assembly,\n\nRecalling its resolution 78/10 of 21 November 2023,\n\n"
        "1. Decides to keep the matter under review;\n\n2. Requests the Secretary-General to report.\n",
        encoding="utf-8",
    )
    proc = run("check", str(draft))
    assert proc.returncode == 0, proc.stdout.decode()
    assert b"All checks passed" in proc.stdout


def test_undecodable_file_is_exit_2_with_offset(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"The General Assembly,\n\xff\xfe\x00oops")
    before = bad.read_bytes()
    proc = run("check", "--fix", str(bad))
    assert proc.returncode == 2
    assert b"offset 22" in proc.stdout + proc.stderr
    assert bad.read_bytes() == before


DRAFT = "The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019;\n\n1. Decides to act;\n"


@pytest.mark.parametrize(("args", "paths"), [
    (["a.res.txt", "--format", "json", "b.res.txt"], ["a.res.txt", "b.res.txt"]),
    (["--format", "json", "a.res.txt", "--color", "never", "b.res.txt", "--", "-c.res.txt"], ["a.res.txt", "b.res.txt", "-c.res.txt"]),
    (["a.res.txt", "--format", "json", "-", "--stdin-filename", "s.res.txt", "b.res.txt"], ["s.res.txt", "a.res.txt", "b.res.txt"]),
])
def test_paths_may_stand_among_the_options(tmp_path, args, paths):
    """`check a.txt --fix b.txt` was a usage error ("unrecognized arguments: b.txt"):
    argparse takes one run of positional arguments."""
    for name in ("a.res.txt", "b.res.txt", "-c.res.txt"):
        (tmp_path / name).write_text(DRAFT, encoding="utf-8")
    proc = run("check", *args, input=DRAFT.encode("utf-8"), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert [f["path"] for f in json.loads(proc.stdout)["files"]] == paths


@pytest.mark.parametrize("args", [["check", "a.res.txt", "--bogus", "b.res.txt"], ["rules", "extra"], ["check", "--bogus"]])
def test_an_unknown_option_or_argument_is_still_a_usage_error(tmp_path, args):
    (tmp_path / "a.res.txt").write_text(DRAFT, encoding="utf-8")
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == 2 and b"unrecognized arguments" in proc.stderr
