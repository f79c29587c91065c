"""Match across line wraps: paragraphs are matched with their whitespace runs as one space.

A hard-wrapped draft has "Member\\nStates"; spaCy makes the line break a token of its
own, so ``[{LOWER: "member"}, {LOWER: "states"}]`` would miss it. The matcher therefore
sees the paragraph with every run of whitespace (line breaks, tabs, no-break spaces,
double spaces) written as one space, and :class:`Spacing` maps its offsets back to the
paragraph as written, so findings and fixes cover exactly the original characters.
"""

from __future__ import annotations

import bisect
import re

#: A run of two or more whitespace characters, or one that is not a plain space.
_RUN = re.compile(r"\s{2,}|[^\S ]")


class Spacing:
    """The paragraph as matched, and the way back to offsets in the paragraph as written."""

    __slots__ = ("text", "_at", "_shift")

    def __init__(self, original: str) -> None:
        self._at: list[int] = []  # offset (in the matched text) of each collapsed run's space
        self._shift: list[int] = []  # characters removed up to and including that run
        if not _RUN.search(original):
            self.text = original
            return
        parts: list[str] = []
        pos = removed = 0
        for m in _RUN.finditer(original):
            parts.append(original[pos : m.start()])
            removed += (m.end() - m.start()) - 1
            self._at.append(m.start() - (removed - ((m.end() - m.start()) - 1)))
            self._shift.append(removed)
            parts.append(" ")
            pos = m.end()
        parts.append(original[pos:])
        self.text = "".join(parts)

    def original(self, offset: int) -> int:
        """The offset in the original text of ``offset`` in the matched text (a token edge)."""
        i = bisect.bisect_left(self._at, offset) - 1  # runs strictly before ``offset``
        return offset + (self._shift[i] if i >= 0 else 0)
