"""How many terminal cells a piece of text takes: where the text report puts its caret.

Offsets are code points (DESIGN §2), but a terminal does not give each code point one
column: a CJK ideograph, a fullwidth form or most emoji take two cells, and a combining
mark (the accent of a decomposed "é") or a zero-width format character (a zero-width
space, a joiner, a bidirectional mark) takes none. A caret placed by code points stood
one cell left of the finding per wide character before it, and one cell right per
combining mark. The widths are those of ``wcwidth``, read from :mod:`unicodedata` (no
dependency): East Asian Wide and Fullwidth are two cells, nonspacing and enclosing marks
and format characters none (except the soft hyphen, which terminals show), the rest one.
Emoji sequences joined by U+200D are counted part by part; terminals disagree on them.
"""

from __future__ import annotations

import functools
import unicodedata


def cells(text: str) -> int:
    """The width of ``text`` in terminal cells (one per character for ASCII)."""
    if text.isascii():
        return len(text)
    return sum(_width(ch) for ch in text)


@functools.lru_cache(maxsize=4096)
def _width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
        return 0
    if unicodedata.category(ch) == "Cf" and ch != "\u00ad":
        return 0
    if "\u1160" <= ch <= "\u11ff":  # Hangul medial vowels and final consonants: part of the syllable's cells
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
