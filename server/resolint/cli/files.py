"""Reading drafts and writing them back without losing anything.

Reading: only regular files are opened (a FIFO would block for ever). Bytes are decoded
strictly: UTF-8 with or without BOM, UTF-16 and UTF-32 with a BOM, UTF-16 without a BOM
when its zero bytes give it away, or the encoding named with ``--encoding``. Undecodable
bytes are an error naming the file and the byte offset (with a hint when the text reads
as Windows-1252, which Word's "Plain text" save produces), never a replacement character.

Writing (``--fix``, ``annotate``) follows what mature formatters do: write through a
symlink to its target; keep the file's owner, group, mode and extended attributes; keep
hard links whole; refuse a read-only file unless asked. An output that is a stream (a
FIFO, a terminal, ``/dev/stdout``) is written to as it is. An ordinary file is replaced
atomically (a temporary file in the same folder renamed over it), so a kill at any
moment leaves the old or the new file. Where a rename would change the file's identity
(hard links, an owner we cannot give back) or cannot be made (a read-only folder, a name
too long for a temporary one), the file is rewritten in place instead. A file that
another program saved while resolint was linting it is not written at all (see
:class:`Changed`): the fixes were made to the text as read, and writing them would erase
that program's changes.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import functools
import os
import stat
import sys
from pathlib import Path

from resolint.includes import LINK_LOOP
from resolint.records import record

#: Suffix of the temporary file a write goes through (never linted, see the interrupt test).
TMP_SUFFIX = ".resolint-tmp"


class DecodeError(Exception):
    def __init__(self, path: str, offset: int, reason: str, hint: str = "") -> None:
        self.path = path
        self.offset = offset
        message = f"{path}: cannot decode byte at offset {offset} ({reason})"
        super().__init__(message + (f"; {hint}" if hint else "; the file is not UTF-8, UTF-16 or UTF-32 text"))


class NotAFile(Exception):
    """A path that names something other than a regular file (a FIFO, a device, a folder)."""


class ReadOnly(Exception):
    """``--fix`` met a file without write permission and was not asked to write it anyway."""


class Changed(Exception):
    """The file on disk is no longer what was read: another program saved it meanwhile."""


#: Why such a file is left as that program wrote it ("<path>: not fixed: …").
CHANGED = "it changed on disk while being checked (another program saved it); check it again"
#: What ``--fix`` says of a draft it did not rewrite because it is read-only.
READ_ONLY = "the file is read-only (pass --fix-read-only to rewrite it anyway)"


def not_a_file(path: Path) -> str:
    """Why ``path``, named to ``export`` or ``annotate``, is no file to read ("" when it
    is one). Both said "no such file" of anything ``is_file()`` says False of: a folder,
    a FIFO, a loop of symbolic links (found by naming one), a file in a folder this user
    may not search."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "no such file"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"the name {LINK_LOOP}"
        return f"cannot look at it: {exc.strerror or exc}"
    except ValueError as exc:  # a NUL byte in the name
        return f"cannot use it as a file name: {exc}"
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    return "" if stat.S_ISREG(mode) else "not a regular file (a FIFO, a device or a socket)"


def write_refusal(exc: OSError) -> str:
    """What ``--fix`` says of a draft the system would not let this user write (another
    user's file, a read-only mount), "" for any other error. Such a draft was checked and
    is left as it was, like a read-only one: it said "error: cannot write the fixed text:
    Permission denied", dropped its findings from the report and counted it "not checked"
    (exit 2). Found by running as an unprivileged user (root may write any file)."""
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"this user may not write it ({exc.strerror or exc})"
    return ""


def fingerprint(data: bytes) -> tuple[int, bytes]:
    """What a file's bytes are compared by before it is overwritten: size and the bytes
    themselves. Taken of every file read, and compared only for a file a fix writes: a
    digest of each (BLAKE2b) cost more than keeping the bytes, which are compared at
    equal size only."""
    return len(data), data


def _check_unchanged(target: Path, expect: tuple[int, bytes] | None) -> None:
    """Raise :class:`Changed` unless the file still holds the bytes read (compared by size
    first, then, at equal size, by content: a save within the file system's timestamp
    granularity leaves the mtime as it was)."""
    if expect is None:
        return
    try:
        size = os.stat(target).st_size
        same = size == expect[0] and fingerprint(target.read_bytes()) == expect
    except FileNotFoundError:
        same = False
    if not same:
        raise Changed(f"{target}: the file changed on disk while it was being checked")


@record(slots=True)
class Document:
    """A draft as read: its text (no BOM) and how to write it back."""

    path: str  # as the user named it ("-" for stdin)
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    read_as: tuple[int, bytes] | None = None  # the file's fingerprint when read (None: stdin)


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when ``data`` is BOM-less UTF-16 of mostly Latin text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.7 * len(zeros) and other.count(0) <= 0.05 * len(other):
            return enc
    return None


#: First bytes of a ZIP package (.docx, .docm, .dotx, .odt, .xlsx) and of an OLE compound
#: file (a Word 97-2003 .doc, a password-protected .docx, any old Office file).
_ZIP_MAGIC, _OLE_MAGIC = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _office_hint(data: bytes) -> str:
    """What to do with an Office file named with a suffix read as text (``.doc``,
    ``.docm``, ``.dotx``): its bytes say what it is, where "not UTF-8 text" said nothing
    a drafter could act on. Only a ``.docx`` is read as a Word document."""
    if data.startswith(_OLE_MAGIC):
        return ("it is a Word 97-2003 document (.doc), a password-protected one or another Office file: "
                "save it in Word as a Word Document (.docx)")
    if data.startswith(_ZIP_MAGIC):
        return ("it is a ZIP package (a .docm, a .dotx or another Office file?): "
                "save it in Word as a Word Document (.docx)")
    return ""


def _cp1252_hint(data: bytes) -> str:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    return (
        "it reads as Windows-1252 (what Word's \"Plain text\" save gives): "
        "run with --encoding cp1252, or save the file as UTF-8"
    )


def decode(data: bytes, path: str, encoding: str | None = None) -> Document:
    """The text of ``data``; :class:`DecodeError` (with the byte offset) when it is not text."""
    if encoding and encoding.replace("_", "-") in ("utf-16", "utf-32") and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = None  # its byte order mark says which of them, and the fix writes it back
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(path, exc.start, exc.reason, f"the file is not {encoding} text") from None
        _reads_back(data, text, path, encoding)
        return Document(path, text, encoding, b"")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                return Document(path, body.decode(enc), enc, bom)
            except UnicodeDecodeError as exc:
                raise DecodeError(path, exc.start + len(bom), exc.reason) from None
    guessed = _utf16_without_bom(data)
    if guessed:
        try:
            return Document(path, data.decode(guessed), guessed, b"")
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(path, exc.start, exc.reason, _office_hint(data) or ("" if b"\0" in data else _cp1252_hint(data))) from None
    if len(data) >= 16 and data.count(0) >= len(data) // 4:
        # Text in a wide encoding without a BOM (UTF-32, or UTF-16 of mixed scripts) is
        # valid UTF-8 full of NUL bytes: refuse it rather than lint garbage.
        raise DecodeError(path, data.find(b"\0"), "NUL bytes throughout", "the file is binary, or text in an "
                          "encoding without a BOM: name it with --encoding (e.g. utf-16-le, utf-32-le)")
    return Document(path, text, "utf-8", b"")


def _reads_back(data: bytes, text: str, path: str, encoding: str) -> None:
    """Refuse a text that ``encoding`` does not write back as ``data``: a fix would write
    every character it did not touch differently too (a codec of escapes wrote a file's
    line breaks as "\\n" and made it one line)."""
    try:
        back = text.encode(encoding)
    except UnicodeEncodeError as exc:
        back = text[: exc.start].encode(encoding, "replace")
    if back != data:
        at = next((i for i, (a, b) in enumerate(zip(back, data, strict=False)) if a != b), min(len(back), len(data)))
        raise DecodeError(path, at, f"{encoding} does not write the text back as the same bytes",
                          "name the encoding the file is saved in (e.g. utf-8, cp1252, utf-16-le)")


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file; :class:`NotAFile` for anything else (never blocks)."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise NotAFile(f"{kind}; only regular files are read")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        return fh.read()


def read_document(path: Path, encoding: str | None = None) -> Document:
    data = read_bytes(path)
    doc = decode(data, str(path), encoding)
    doc.read_as = fingerprint(data)
    return doc


def encode(doc: Document, text: str) -> bytes:
    return doc.bom + text.encode(doc.encoding)


def is_read_only(path: Path) -> bool:
    """No write permission bit at all (checked on the bits: root would pass ``os.access``)."""
    try:
        return not (os.stat(path).st_mode & 0o222)
    except OSError:
        return False


def same_file(a: Path, b: Path) -> bool:
    """Whether writing ``b`` would write ``a``: the same file by device and inode, so a
    hard link or a symbolic link of the input counts (comparing resolved paths misses a
    hard link, and a write through one lands in the input, see :func:`write_file`)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False  # one of them does not exist (yet): a new file is never the input


def write_file(path: Path, data: bytes, *, allow_read_only: bool = False, like: Path | None = None,
               expect: tuple[int, bytes] | None = None) -> None:
    """Write ``data`` to ``path`` keeping the file's identity (see the module docstring).

    ``like``: for a new file (``annotate``'s copy), the file whose mode it takes.
    ``expect``: the :func:`fingerprint` of the bytes the new text was made from; when the
    file no longer holds them, :class:`Changed` is raised and nothing is written.
    """
    if expect is None and _is_stream(path):
        with open(path, "wb") as fh:  # a pipe, a terminal, /dev/stdout: written to, never replaced
            fh.write(data)
        return
    target = Path(os.path.realpath(path))  # through symlinks, to the file they name
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and not (st.st_mode & 0o222) and not allow_read_only:
        raise ReadOnly(f"{path}: the file is read-only")
    if st is not None and st.st_nlink > 1:
        _write_in_place(target, data, expect)  # a rename would split the hard link
        return
    mode = st.st_mode & 0o7777 if st is not None else _new_file_mode(like)
    import tempfile  # lazy: only --fix writes files, and tempfile pulls in shutil, random, bz2, lzma

    try:
        fd, tmp = tempfile.mkstemp(prefix=".rl-", suffix=TMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        if st is not None and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENAMETOOLONG):
            _write_in_place(target, data, expect)  # a read-only folder: the file itself may still be writable
            return
        raise
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if st is not None and not _give_identity(fh.fileno(), st, target):
                raise _KeepInode()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        _swap_in(tmp, target, expect)
    except _KeepInode:
        os.unlink(tmp)
        _write_in_place(target, data, expect)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _swap_in(tmp: str, target: Path, expect: tuple[int, bytes] | None) -> None:
    """Put the temporary file ``tmp`` in ``target``'s place, unless ``target`` no longer
    holds ``expect``'s bytes (:class:`Changed`). Checked by name and then renamed, a file
    another program saved in between (renamed over the name, as editors save) was
    replaced, its text lost. Where the system exchanges two names atomically (Linux's
    ``renameat2`` with ``RENAME_EXCHANGE``), the names are exchanged and the file that
    stood there is checked afterwards: one saved meanwhile is put back, nothing lost.
    Elsewhere (another system, a file system that cannot exchange) the check just
    before the rename is all there is."""
    if expect is not None and _exchange(tmp, target):
        try:
            _check_unchanged(Path(tmp), expect)  # what stood at the name until the exchange
        except Changed:
            if not _exchange(tmp, target):
                os.replace(tmp, target)  # the saved file back at its name, over the fixed one
            # (the caller removes tmp: the fixed text, or nothing)
            raise Changed(f"{target}: the file changed on disk while it was being checked") from None
        os.unlink(tmp)
        return
    _check_unchanged(target, expect)  # as late as can be: just before the rename
    os.replace(tmp, target)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: str | Path, b: Path) -> bool:
    """Exchange the names ``a`` and ``b`` in one step; False where the system or the file
    system cannot (the caller renames instead). A name gone meanwhile is :class:`Changed`."""
    call = _renameat2()
    if call is None:
        return False
    if call(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    import ctypes  # lazy: loaded by _renameat2 already

    err = ctypes.get_errno()
    if err == errno.ENOENT:
        raise Changed(f"{b}: the file changed on disk while it was being checked")
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EPERM, errno.EXDEV):
        return False
    raise OSError(err, os.strerror(err), str(b))


@functools.lru_cache(maxsize=1)
def _renameat2():
    """libc's ``renameat2`` on Linux (glibc 2.28 and later), else None."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # lazy: only --fix writes files

    try:
        call = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    call.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    call.restype = ctypes.c_int
    return call


def _is_stream(path: Path) -> bool:
    """Whether ``path`` names a FIFO or a character device (``-o /dev/stdout``, ``-o
    >(gzip > out.gz)``). Through a temporary file renamed over it, a FIFO was replaced
    by a regular file, and ``/dev/stdout`` or a process substitution (``/dev/fd/63``,
    whose real path is no file) could not be written at all."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


class _KeepInode(Exception):
    """The temporary file cannot take the original's owner: write the original in place."""


def _give_identity(fd: int, st: os.stat_result, source: Path) -> bool:
    """Give the temporary file ``st``'s owner and group and ``source``'s extended attributes."""
    if (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except PermissionError:
            return False
    for name in _xattrs(source):
        try:
            os.setxattr(fd, name, os.getxattr(source, name))
        except OSError:
            return False  # an attribute we cannot copy: keep the original inode instead
    return True


def _xattrs(path: Path) -> list[str]:
    try:
        return os.listxattr(path)
    except (OSError, AttributeError):
        return []


def _write_in_place(target: Path, data: bytes, expect: tuple[int, bytes] | None = None) -> None:
    """Overwrite ``target`` with ``data``, or leave it as it was when the disk refuses.

    Written over the old bytes, a longer text that found no room past the file's end
    (a full disk, a quota, a file size limit) left the file cut: the new text's start
    and nothing of its end. The room is reserved first, and a write that fails anyway
    (a copy-on-write file system needs room even to overwrite) puts the old bytes back.

    ``expect`` (see :func:`write_file`) is compared through the descriptor written, not
    by name beforehand: those are then the old bytes, already in memory. Checked by name
    and read again to be put back, the file was read twice, and one saved by another
    program under the same name in between (a new file renamed over it) was checked as
    the old one and overwritten. A file that no longer holds ``expect``'s bytes is
    refused (:class:`Changed`) rather than given back bytes it no longer had.
    """
    try:
        fd = os.open(target, os.O_RDWR)
    except FileNotFoundError:
        if expect is None:
            raise
        raise Changed(f"{target}: the file changed on disk while it was being checked") from None
    try:
        old = _read_all(fd) if expect is None else _held(fd, target, expect)
        _reserve(fd, len(old), len(data))
        try:
            _write_all(fd, data)
            os.ftruncate(fd, len(data))
            os.fsync(fd)
        except OSError:
            with contextlib.suppress(OSError):
                _write_all(fd, old)
                os.ftruncate(fd, len(old))
            raise
    finally:
        os.close(fd)


def _held(fd: int, target: Path, expect: tuple[int, bytes]) -> bytes:
    """``expect``'s bytes, when the file open as ``fd`` holds them all and nothing more
    (compared a piece at a time: no second copy of the file); else :class:`Changed`."""
    size, data = expect
    same = os.fstat(fd).st_size == size == len(data)
    view = memoryview(data)
    offset = 0
    while same and offset < size:
        chunk = os.pread(fd, min(1 << 20, size - offset), offset)
        same = bool(chunk) and chunk == view[offset : offset + len(chunk)]
        offset += len(chunk)
    if not (same and os.pread(fd, 1, size) == b""):
        raise Changed(f"{target}: the file changed on disk while it was being checked")
    return data


def _reserve(fd: int, size: int, new_size: int) -> None:
    """Make the file ``new_size`` bytes long without touching its first ``size`` bytes,
    or raise with the file as it was (``posix_fallocate`` where the file system has it,
    else zeros written past the end)."""
    if new_size <= size:
        return
    try:
        try:
            os.posix_fallocate(fd, size, new_size - size)
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EINVAL, errno.ENOSYS):
                raise
            _write_all(fd, bytes(new_size - size), size)
    except OSError:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, size)
        raise


def _read_all(fd: int) -> bytes:
    chunks, offset = [], 0
    while chunk := os.pread(fd, 1 << 20, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes, offset: int = 0) -> None:
    view = memoryview(data)
    while view:
        n = os.pwrite(fd, view, offset)
        view, offset = view[n:], offset + n


def _new_file_mode(like: Path | None) -> int:
    if like is not None:
        try:
            return os.stat(like).st_mode & 0o777
        except OSError:
            pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


#: Kept for callers of the first API: an atomic write that keeps identity.
write_atomic = write_file
