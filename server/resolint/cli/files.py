"""Reading drafts and writing them back without losing anything.

A draft is read as bytes and decoded strictly (UTF-8, with or without BOM; UTF-16 with
a BOM). Undecodable bytes are an error naming the file and the byte offset, never a
replacement character. Writing keeps the BOM, the encoding and the line endings, and
goes through a temporary file in the same folder renamed over the original, so a kill
at any moment leaves either the old file or the new one.
"""

from __future__ import annotations

import codecs
import fnmatch
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

#: Folders never searched for drafts.
SKIP_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"})


class DecodeError(Exception):
    def __init__(self, path: str, offset: int, reason: str) -> None:
        self.path = path
        self.offset = offset
        super().__init__(f"{path}: cannot decode byte at offset {offset} ({reason}); the file is not UTF-8 or UTF-16 text")


@dataclass(slots=True)
class Document:
    """A draft as read: its text (no BOM) and how to write it back."""

    path: str  # as the user named it ("-" for stdin)
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""


def decode(data: bytes, path: str) -> Document:
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return Document(path, body.decode(enc), enc, bom)
            except UnicodeDecodeError as exc:
                raise DecodeError(path, exc.start + len(bom), exc.reason) from None
    try:
        return Document(path, data.decode("utf-8"), "utf-8", b"")
    except UnicodeDecodeError as exc:
        raise DecodeError(path, exc.start, exc.reason) from None


def read_document(path: Path) -> Document:
    return decode(path.read_bytes(), str(path))


def encode(doc: Document, text: str) -> bytes:
    return doc.bom + text.encode(doc.encoding)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename, keeping the file's mode."""
    folder = path.parent
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".resolint-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def discover(paths: Iterable[str], include: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[Path]:
    """Files named directly, plus drafts (matching ``include``) found in named folders."""
    include = tuple(include)
    exclude = tuple(exclude)
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    full = Path(root) / name
                    rel = full.as_posix()
                    if any(fnmatch.fnmatch(name, pat) for pat in include) and not any(
                        fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(name, pat) for pat in exclude
                    ):
                        yield full
        else:
            yield p
