"""The unified diff ``--diff`` prints, as ``patch`` and ``git apply`` read it.

Lines are what those tools call lines: ended by "\n" only. A draft with old Mac line
breaks (CR alone) is then one line without a final line break, as ``patch`` and ``git
apply`` see it (split at each CR, every line was marked "No newline at end of file" and
both tools refused the diff), and a form feed or U+2028 inside a line no longer splits it.
A name with a space gets a tab after it in the headers, as ``git diff`` writes it: GNU
``patch`` otherwise reads the name up to the space ("can't find file to patch").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

#: What a unified diff says after a line that has no line break (GNU diff's words).
NO_NEWLINE = "\\ No newline at end of file\n"


def text_diff(old: str, new: str, path: str) -> str:
    """The diff of the text of ``path`` from ``old`` to ``new`` (see the module docstring)."""
    tab = "\t" if " " in path else ""
    return unified_diff(lines(old), lines(new), fromfile=f"a/{path}{tab}", tofile=f"b/{path}{tab}")


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
