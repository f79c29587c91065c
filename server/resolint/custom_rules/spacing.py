"""Paragraphs as the matchers see them: whitespace runs as one space, letters composed.

A hard-wrapped draft has "Member\\nStates"; spaCy makes the line break a token of its
own, so ``[{LOWER: "member"}, {LOWER: "states"}]`` would miss it. The matcher therefore
sees the paragraph with every run of whitespace (line breaks, tabs, no-break spaces,
double spaces) written as one space.

A letter may be typed as one character or as a letter and a combining mark ("Côte" as
``C\\u00f4te`` or ``Co\\u0302te``: a text pasted from a Mac or a PDF has the second);
Unicode calls the two canonically equivalent, a reader sees one word, and a pattern
written one way missed the other. The matcher sees the paragraph in Normalization Form
C (:class:`Composed`), and patterns are read in it too (:func:`composed`).

:class:`Spacing` maps the offsets of both changes back to the paragraph as written, so
findings and fixes cover exactly the original characters.
"""

from __future__ import annotations

import bisect
import unicodedata
from typing import Any

from resolint.lazyre import lazy

#: A run of two or more whitespace characters, or one that is not a plain space.
_RUN = lazy(r"\s{2,}|[^\S ]")


class Spacing:
    """The paragraph as matched, and the way back to offsets in the paragraph as written."""

    __slots__ = ("text", "_at", "_shift", "_composed")

    def __init__(self, original: str) -> None:
        self._at: list[int] = []  # offset (in the spaced text) of each collapsed run's space
        self._shift: list[int] = []  # characters removed up to and including that run
        self._composed: Composed | None = None
        if not _RUN.search(original):
            self.text = original
        else:
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
        if not self.text.isascii() and not unicodedata.is_normalized("NFC", self.text):
            self._composed = Composed(self.text)
            self.text = self._composed.text

    def original(self, offset: int) -> int:
        """The offset in the original text of ``offset`` in the matched text (a token edge)."""
        if self._composed is not None:
            offset = self._composed.original(offset)
        i = bisect.bisect_left(self._at, offset) - 1  # runs strictly before ``offset``
        return offset + (self._shift[i] if i >= 0 else 0)


class Composed:
    """``text`` in Normalization Form C, and the way back to its offsets.

    The text is cut before each character that starts a new cluster (combining class
    0) and each piece is normalized alone; an offset of the composed text at a piece's
    edge goes back to that piece's edge (a token edge always is one: a tokenizer does
    not cut a letter from its marks). Where normalizing the pieces apart does not give
    the text's own normal form (Hangul jamo, and the few vowel signs that compose with
    the character before them, are no clusters' starts), the text is matched as it is.
    """

    __slots__ = ("text", "_new", "_old")

    def __init__(self, text: str) -> None:
        self._new = [0]  # where each piece starts in the composed text (and the end)
        self._old = [0]  # ... and in ``text``
        pieces: list[str] = []
        start = 0
        for i in range(1, len(text) + 1):
            if i < len(text) and unicodedata.combining(text[i]):
                continue
            piece = unicodedata.normalize("NFC", text[start:i])
            pieces.append(piece)
            self._new.append(self._new[-1] + len(piece))
            self._old.append(i)
            start = i
        self.text = "".join(pieces)
        if self.text != unicodedata.normalize("NFC", text):
            self.text, self._new, self._old = text, [0, len(text)], [0, len(text)]

    def original(self, offset: int) -> int:
        i = bisect.bisect_left(self._new, offset)
        if i < len(self._new) and self._new[i] == offset:
            return self._old[i]
        return min(self._old[i], self._old[i - 1] + (offset - self._new[i - 1]))  # inside a piece


def composed(obj: Any) -> Any:
    """``obj`` (a pattern as spaCy takes it) with its strings in Normalization Form C,
    but for a ``REGEX``'s, whose combining marks may stand alone in a set."""
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    if isinstance(obj, dict):
        return {k: (v if isinstance(k, str) and k.upper() == "REGEX" else composed(v)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [composed(v) for v in obj]
    return obj
