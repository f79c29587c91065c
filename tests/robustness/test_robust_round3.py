"""Robustness, round three: what a hostile or unlucky environment does to the CLI, the
configuration and the language server. Every draft here is invented."""

from __future__ import annotations

import errno
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from invariants import fix_and_check

from resolint.engine import lint

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "server"), str(ROOT / "rules")])}

# Every finding's fix makes the text longer ("Secretary General" keeps its length, the
# final full stop adds one character): a rewrite needs room past the file's end.
DRAFT = (
    "The General Assembly,\n\nrecalling its resolution 70/1 of 25 September 2015,\n\n"
    "1. welcomes the report of the invented Panel;\n\n"
    "2. Requests the Panel to report at its seventy-second session\n"
)


def _run_with_file_limit(limit: int, *args: object) -> subprocess.CompletedProcess:
    """The CLI with files limited to ``limit`` bytes (RLIMIT_FSIZE): a write past it fails
    with EFBIG, as one on a full disk fails with ENOSPC, with no root and no mount."""

    def limit_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an error from write(), not a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    cmd = [sys.executable, *(() if args[0] == "-c" else ("-m", "resolint")), *map(str, args)]
    return subprocess.run(cmd, capture_output=True, env=ENV, timeout=60, preexec_fn=limit_files)


def test_a_hard_link_fixed_on_a_full_disk_is_left_as_it_was(tmp_path):
    """A hard-linked file is rewritten in place (a rename would split the link). On a
    full disk the new text was written over the old one until the disk refused the rest:
    the file ended cut, its last characters lost, and the fixes half made. The room is
    now reserved before the first byte is overwritten."""
    draft = tmp_path / "draft.res.txt"
    draft.write_bytes(DRAFT.encode())
    os.link(draft, tmp_path / "other-name.res.txt")
    proc = _run_with_file_limit(len(DRAFT.encode()), "check", "--fix", draft)
    assert draft.read_bytes() == DRAFT.encode(), proc.stdout + proc.stderr
    assert proc.returncode == 2 and b"cannot write" in proc.stderr + proc.stdout


REFUSED_FOLDER = """
import sys, tempfile
from pathlib import Path
from resolint.cli import files
def refuse(*a, **k):
    raise PermissionError(13, "Permission denied")
tempfile.mkstemp = refuse  # a read-only folder, whoever runs the test
try:
    files.write_file(Path(sys.argv[1]), sys.argv[2].encode())
except OSError as exc:
    print(exc.errno)
"""


@pytest.mark.parametrize("grow", [1, 5000])
def test_a_rewrite_in_place_that_finds_no_room_leaves_the_file_as_it_was(tmp_path, grow):
    """The same in a folder that refuses a temporary file, for a text a little or much
    longer than the file."""
    draft = tmp_path / "draft.res.txt"
    draft.write_bytes(DRAFT.encode())
    new = DRAFT.replace("Panel", "Pa" + "a" * grow + "nel")
    proc = _run_with_file_limit(len(DRAFT.encode()), "-c", REFUSED_FOLDER, draft, new)
    assert draft.read_bytes() == DRAFT.encode(), proc.stderr
    assert proc.stdout.strip() == str(errno.EFBIG).encode(), proc.stderr


def test_a_rewrite_in_place_with_room_is_whole(tmp_path):
    draft = tmp_path / "draft.res.txt"
    draft.write_bytes(DRAFT.encode())
    new = DRAFT.replace("Panel", "Panel" * 2000)
    proc = _run_with_file_limit(10**6, "-c", REFUSED_FOLDER, draft, new)
    assert draft.read_bytes() == new.encode() and proc.stdout == b"", proc.stderr
    shorter = DRAFT[:40]
    _run_with_file_limit(10**6, "-c", REFUSED_FOLDER, draft, shorter)
    assert draft.read_bytes() == shorter.encode()


# ------------------------------------------------------------------ the fuzzers' own checks

NUMBERED_LINES = [
    # every line numbered, blank ones too
    "1  The General Assembly,\n2\n3  Noting the invented survey of lakes,\n4\n5  1. Asks the Board to report;\n6\n"
    "7  2. Decides to meet again.\n",
    # lines with text numbered, a new page starting again at 1
    "1 The Economic Council,\n\n2 recalling its invented plan,\n\n3 Noting the survey,\n\n1 1. welcomes the plan;\n\n"
    "2 2. Decides to act\n",
]


@pytest.mark.parametrize("text", NUMBERED_LINES)
def test_removing_line_numbers_is_no_broken_structure_to_the_fuzzers(text):
    """The fix loop removes a draft's line numbers (DOC006) whatever the structure, which
    read with them is a misreading; the fuzzers' pass-by-pass check (invariants.py) did
    not know it and reported every numbered-lines draft with --unsafe-fixes as a fix
    that "changed how the draft parses" (fuzz/mutate.py, seed 838606264: 9 of 9 finds)."""
    assert any(f.code == "DOC006" for f in lint(text).findings)
    trace = fix_and_check(text, lint, unsafe=True)
    assert not any(f.code == "DOC006" for f in trace.final.findings)


def test_a_fix_that_could_not_be_written_reports_the_findings_of_the_file_as_it_is(tmp_path):
    """The report of a draft whose fixed text could not be written listed the findings of
    that unwritten text (none: "Fixed 0 findings; 0 remaining"), while the file kept all
    of them. It lists the file's own findings now, with the error."""
    draft = tmp_path / "draft.res.txt"
    draft.write_bytes(DRAFT.encode())
    os.link(draft, tmp_path / "other-name.res.txt")
    as_is = json.loads(_run_with_file_limit(10**6, "check", "--format", "json", draft).stdout)
    proc = _run_with_file_limit(len(DRAFT.encode()), "check", "--fix", "--format", "json", draft)
    (report,) = json.loads(proc.stdout)["files"]
    assert report["error"].startswith("cannot write") and proc.returncode == 2
    assert report["diagnostics"] == as_is["files"][0]["diagnostics"] != []


# ------------------------------------------------------------------ configuration files


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_config_that_is_no_regular_file_is_a_configuration_error_not_a_hang(tmp_path, kind):
    """``--config`` naming a FIFO or ``/dev/zero`` read it for ever (a FIFO blocks on
    open; ``/dev/zero`` never ends); an ``extend`` and the files found by walking up were
    already checked, the file itself was not."""
    draft = tmp_path / "draft.res.txt"
    draft.write_bytes(DRAFT.encode())
    config = tmp_path / "conf.toml"
    if kind == "fifo":
        os.mkfifo(config)
    elif kind == "device":
        config = Path("/dev/zero")
    proc = _run_with_file_limit(10**6, "check", "--config", config, draft)
    assert proc.returncode == 2 and b"not a regular file" in proc.stderr, proc.stderr


def test_a_config_file_too_large_to_be_one_is_refused(tmp_path, monkeypatch):
    from resolint import config as cfg

    monkeypatch.setattr(cfg, "MAX_CONFIG_BYTES", 1000)
    path = tmp_path / "resolint.toml"
    path.write_text("# a comment\n" * 100, encoding="utf-8")
    with pytest.raises(cfg.ConfigError, match="larger than"):
        cfg.load_settings(path)
    path.write_text("# a comment\n" * 80, encoding="utf-8")
    assert cfg.load_settings(path).path == str(path.resolve())


# ------------------------------------------------------------------ the language server


def _frame(obj: dict) -> bytes:
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_shutdown_while_lints_wait_logs_no_error():
    """A shutdown while lints waited for the worker (behind a long one) shut the worker
    pool under them: each then logged "lint failed" and a RuntimeError traceback (found
    in the server's log after random message sequences, which end with a shutdown).
    Waiting lints are dropped at shutdown now."""
    long_draft = "The General Assembly,\n\n" + "".join(f"{n}. decides to act on item {n};\n\n" for n in range(1, 20000))
    msgs = [{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "initializationOptions": {"debounce": 0}}},
            {"jsonrpc": "2.0", "method": "initialized", "params": {}}]
    for i, text in enumerate([long_draft] + [DRAFT] * 6):
        item = {"uri": f"untitled:Draft-{i}", "languageId": "resolution", "version": 1, "text": text}
        msgs.append({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": item}})
    msgs.append({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    proc = subprocess.Popen([sys.executable, "-m", "resolint", "server"], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    try:
        proc.stdin.write(b"".join(map(_frame, msgs)))
        proc.stdin.flush()
        time.sleep(6)  # the long lint ends, the waiting ones would start
        proc.stdin.write(_frame({"jsonrpc": "2.0", "method": "exit"}))
        proc.stdin.close()
        err = proc.stderr.read()
        assert proc.wait(timeout=60) == 0, err[-2000:]
    finally:
        proc.kill()
    assert b"Traceback" not in err and b"lint failed" not in err, err[-2000:]
