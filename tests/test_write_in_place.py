"""Rewriting a draft in place (:func:`resolint.cli.files.write_file` for a hard-linked
file, a folder that refuses a temporary file, an owner a new file cannot take): the file
is compared with the bytes read at the start through the descriptor written, and those
bytes are what a failed write puts back. Every draft here is invented."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from resolint.cli import files
from resolint.cli.files import Changed, fingerprint, write_file

OLD = b"The General Assembly,\n\n1. Decides to act\n"
NEW = b"The General Assembly,\n\n1. Decides to act.\n"


def _linked(tmp_path: Path) -> Path:
    draft = tmp_path / "draft.res.txt"
    draft.write_bytes(OLD)
    os.link(draft, tmp_path / "other-name.res.txt")  # rewritten in place: a rename would split the link
    return draft


def test_a_file_saved_by_another_program_just_before_the_rewrite_is_refused(tmp_path, monkeypatch):
    """The file was compared with the bytes read by its name, then opened by its name again
    to be rewritten: an editor's save in between (a new file renamed over it) was checked
    as the old file, then overwritten with fixes of a text it no longer held. The file
    open for the rewrite is the one compared now."""
    draft = _linked(tmp_path)
    saved = b"The General Assembly,\n\n1. Decides to act at once\n"
    real_open = os.open
    done: list[bool] = []

    def open_(path, flags, *args, **kwargs):
        if Path(path) == draft.resolve() and flags & os.O_RDWR and not done:  # the editor saves first
            done.append(True)
            (tmp_path / "editor.tmp").write_bytes(saved)
            os.replace(tmp_path / "editor.tmp", draft)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    with pytest.raises(Changed):
        write_file(draft, NEW, expect=fingerprint(OLD))
    assert done and draft.read_bytes() == saved
    assert (tmp_path / "other-name.res.txt").read_bytes() == OLD


@pytest.mark.parametrize("now", [b"The General Assembly,\n\n1. DECIDES to act\n", OLD + b"\n", OLD[:-1]])
def test_a_file_that_no_longer_holds_what_was_read_is_not_rewritten(tmp_path, now):
    """The same size with other bytes, a byte more, a byte less: refused, left as it is."""
    draft = _linked(tmp_path)
    draft.write_bytes(now)  # (written in place: the link stays)
    with pytest.raises(Changed):
        write_file(draft, NEW, expect=fingerprint(OLD))
    assert draft.read_bytes() == now


def test_the_file_as_read_is_rewritten_reading_it_once(tmp_path, monkeypatch):
    """Compared through the descriptor, the file is read once, a piece at a time, and the
    bytes put back after a failed write are those read at the start (already in memory):
    it was read by name to be compared, then again in full to be kept."""
    draft = _linked(tmp_path)
    reads: list[int] = []
    real_pread = os.pread
    monkeypatch.setattr(os, "pread", lambda fd, n, at: reads.append(n) or real_pread(fd, n, at))
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} read by name"))
    write_file(draft, NEW, expect=fingerprint(OLD))
    monkeypatch.undo()
    assert draft.read_bytes() == NEW == (tmp_path / "other-name.res.txt").read_bytes()
    assert sum(reads) <= len(OLD) + 1, reads  # the bytes once, and one past the end


def test_a_failed_rewrite_puts_back_the_bytes_read_at_the_start(tmp_path, monkeypatch):
    """A write the disk refuses after the room was reserved (a copy-on-write file system)
    leaves the file as it was read."""
    draft = _linked(tmp_path)
    real_write_all = files._write_all
    calls: list[int] = []

    def write_all(fd, data, offset=0):
        calls.append(len(data))
        if len(calls) == 1 and data == NEW:  # the new text: the disk refuses it half-way
            real_write_all(fd, data[:10], offset)
            raise OSError(28, "No space left on device")
        return real_write_all(fd, data, offset)

    monkeypatch.setattr(files, "_write_all", write_all)
    with pytest.raises(OSError):
        write_file(draft, NEW, expect=fingerprint(OLD))
    assert draft.read_bytes() == OLD
