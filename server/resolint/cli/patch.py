"""The unified diff ``--diff`` prints, as ``patch`` and ``git apply`` read it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

#: What a unified diff says after a line that has no line break (GNU diff's words).
NO_NEWLINE = "\\ No newline at end of file\n"


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
