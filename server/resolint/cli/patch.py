"""The unified diff ``--diff`` prints, as ``patch`` and ``git apply`` read it.

Lines are what those tools call lines: ended by "\n" only. A draft with old Mac line
breaks (CR alone) is then one line without a final line break, as ``patch`` and ``git
apply`` see it (split at each CR, every line was marked "No newline at end of file" and
both tools refused the diff), and a form feed or U+2028 inside a line no longer splits it.

Those tools compare bytes, so the diff printed is made of the file's bytes: its lines in
the file's own encoding (a cp1252 draft's "é" is the byte E9, and its BOM is part of its
first line), and its name as the file system holds it. A diff printed in UTF-8 matched no
line of a cp1252 file ("Hunk #1 FAILED"). An encoding whose line break is not the byte
"\n" alone (UTF-16, UTF-32) has no diff those tools can apply: :func:`file_patch` says
so with None. The JSON report carries the diff as text (:func:`text_diff`).

The names in the ``---``/``+++`` lines are quoted as ``git diff`` quotes them: a name
with a control character (a tab, a line break), a double quote or a backslash, or one
that is not UTF-8, is written in double quotes with C escapes (``"a/na\\tme.txt"``,
``"a/r\\351sum\\351.txt"``), which ``git apply`` and GNU ``patch`` read back; a tab ended
the name for both tools, and a line break broke the diff. A name with a space gets a tab
after it, as ``git diff`` writes it: GNU ``patch`` otherwise reads the name up to the
space ("can't find file to patch").
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable

#: What a unified diff says after a line that has no line break (GNU diff's words).
NO_NEWLINE = "\\ No newline at end of file\n"
#: git's C escapes (quote.c); any other byte to escape is written in octal.
_ESCAPES = {0x07: b"\\a", 0x08: b"\\b", 0x09: b"\\t", 0x0A: b"\\n", 0x0B: b"\\v", 0x0C: b"\\f", 0x0D: b"\\r",
            0x22: b'\\"', 0x5C: b"\\\\"}


def text_diff(old: str, new: str, path: str) -> str:
    """The diff of the text of ``path`` from ``old`` to ``new``, as text (the JSON report's
    ``diff``): the lines of :func:`file_patch` before they are encoded."""
    before, after = header_names(path)  # (UTF-8: a name that is not is quoted, in ASCII)
    return unified_diff(lines(old), lines(new), fromfile=before.decode("utf-8"), tofile=after.decode("utf-8"))


def file_patch(old: str, new: str, path: str, encoding: str, bom: bytes = b"") -> bytes | None:
    """The diff of ``path`` as ``patch -p1`` and ``git apply`` apply it to the file: its
    lines in the file's ``encoding`` (after its ``bom``), or None when that encoding does
    not write lines as those tools split them (see the module docstring)."""
    old_lines, new_lines = _byte_lines(old, encoding, bom), _byte_lines(new, encoding, bom)
    if old_lines is None or new_lines is None:
        return None
    before, after = header_names(path)
    diff = difflib.diff_bytes(difflib.unified_diff, old_lines, new_lines, fromfile=before, tofile=after)
    return b"".join(_marked_bytes(diff))


def header_names(path: str) -> tuple[bytes, bytes]:
    """The names of the ``---`` and ``+++`` lines (``a/``, ``b/`` and the file's name as
    its bytes), quoted as git quotes them, with a tab after a name that has a space."""
    raw = os.fsencode(path)  # (a name that is not UTF-8 was decoded with surrogateescape: its bytes again)
    tab = b"\t" if b" " in raw else b""
    return _quoted(b"a/" + raw) + tab, _quoted(b"b/" + raw) + tab


def _quoted(name: bytes) -> bytes:
    if not _needs_quotes(name):
        return name
    out = bytearray(b'"')
    for byte in name:
        if byte in _ESCAPES:
            out += _ESCAPES[byte]
        elif byte < 0x20 or byte >= 0x7F:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    return bytes(out + b'"')


def _needs_quotes(name: bytes) -> bool:
    if any(b < 0x20 or b == 0x7F or b in b'"\\' for b in name):
        return True
    try:
        name.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _byte_lines(text: str, encoding: str, bom: bytes) -> list[bytes] | None:
    """``text``'s :func:`lines` as the file holds them, or None when the encoded text does
    not split at the byte "\n" into the same lines (UTF-16: "\n" is two bytes, one of them
    perhaps half of another character)."""
    data = bom + text.encode(encoding)
    parts = data.split(b"\n")
    split = [p + b"\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    try:
        decoded = [(s[len(bom) :] if i == 0 else s).decode(encoding) for i, s in enumerate(split)]
    except UnicodeDecodeError:
        return None
    return split if decoded == lines(text) else None


def lines(text: str) -> list[str]:
    """``text``'s lines as ``patch`` reads them, each with its "\n" (the last perhaps without)."""
    parts = text.split("\n")
    return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def unified_diff(old: list[str], new: list[str], fromfile: str, tofile: str) -> str:
    """``difflib.unified_diff`` of two texts' lines (kept ends), with the marker after a
    last line that has no line break: without it the next line of output ran on from it
    ("-1. decides to act+1. Decides to act.") and no tool could apply the diff."""
    return "".join(_marked(difflib.unified_diff(old, new, fromfile=fromfile, tofile=tofile)))


def _marked(lines: Iterable[str]) -> Iterable[str]:
    for line in lines:
        if line.endswith("\n"):
            yield line
        else:
            yield line + "\n"
            yield NO_NEWLINE


def _marked_bytes(lines: Iterable[bytes]) -> Iterable[bytes]:
    for line in lines:
        if line.endswith(b"\n"):
            yield line
        else:
            yield line + b"\n"
            yield NO_NEWLINE.encode("ascii")
