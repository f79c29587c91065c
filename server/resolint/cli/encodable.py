"""Fixes whose new text the file's encoding cannot hold.

A draft read in a legacy encoding (``--encoding cp1252``) is written back in it, and a
fix may bring characters that encoding has no byte for (a house rule replacing a phrase
with "→"). Such a fix is left unapplied, with a note; the others are applied, and
``--diff`` shows exactly what ``--fix`` writes. (UTF-8, UTF-16 and UTF-32 hold every
character, lone surrogates aside.)
"""

from __future__ import annotations

from collections.abc import Callable

from resolint.engine import Finding
from resolint.source import SourceText


def _holds(encoding: str, text: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def writable(encoding: str) -> Callable[[Finding], bool]:
    """Whether a finding's fix can be written in ``encoding`` (a finding with no fix: yes)."""

    def usable(f: Finding) -> bool:
        return f.fix is None or all(_holds(encoding, e.new_text) for e in f.fix.edits)

    return usable


def unwritable_notes(findings: list[Finding], source: SourceText, encoding: str, unsafe: bool) -> list[str]:
    """One "not fixed" reason per fix that would have been applied but for ``encoding``."""
    from resolint.fixes import allowed  # lazy: the fix loop loads only when a run fixes or diffs

    usable = writable(encoding)
    notes = []
    for f in findings:
        if allowed(f.fix, unsafe) and not usable(f):
            at = source.position(f.span.start)
            new = "".join(e.new_text for e in f.fix.edits)
            notes.append(f"{f.code} at {at.line + 1}:{at.character + 1}: its new text {new!r} cannot be written in {encoding}")
    return notes
